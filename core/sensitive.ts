/**
 * The one list of sensitive things (core/sensitive.json): credential files, secret-looking environment
 * variables, the project `.env`, files that steer an AI agent, and folders a sync client uploads. The
 * scanner's rules, the dry run's honeypot and violations, and the decide step all read it from here, so
 * what counts as "a secret" or "agent configuration" is one fact with one home.
 */
import { LiteralGatedRegExp } from './prefilter.ts';
import data from './sensitive.json' with { type: 'json' };

/** One kind of credential file. */
export interface CredentialFileKind {
  /** Stable id (`ssh-private-key`). */
  id: string;
  /** Plain words for reports ("SSH private keys"). */
  what: string;
  /** Display paths (`~/.ssh/id_rsa`) that stand for the kind in reports and docs. */
  paths: string[];
  /** The display paths of this kind the honeypot plants with canaries. */
  planted: string[];
  /** Matches a path or text that names a file of this kind. */
  match: RegExp;
}

const flags = 'i';

/** The data file as read, for digests of what the audit depended on. */
export const SENSITIVE_DATA: unknown = data;

/** Every kind of credential file, in the data file's order. */
export const CREDENTIAL_FILE_KINDS: readonly CredentialFileKind[] = data.credentialFiles.map((entry) => ({
  id: entry.id,
  what: entry.what,
  paths: entry.paths,
  planted: entry.planted,
  match: new RegExp(entry.match, flags),
}));

/** Any credential file, key ring, browser or wallet store, or agent credential (one regex of all kinds). */
export const SENSITIVE_FILE: RegExp = new LiteralGatedRegExp(data.credentialFiles.map((entry) => entry.match).join('|'), flags);

/** A `.env` file: often secrets, but loading it is routine, so it counts only with a way out. */
export const DOTENV_FILE = new RegExp(data.dotenv.match);

/** Environment variable names that hold secrets (`GITHUB_TOKEN`, `DB_PASSWORD`). */
export const SECRET_ENV_NAME = new RegExp(data.secretEnvName.match, flags);

/** Secret environment variables the honeypot plants with canaries. */
export const PLANTED_SECRET_ENV: readonly string[] = data.secretEnvName.planted;

/** Files that steer an AI agent: instruction and memory files, settings, tool-server configuration. */
export const AGENT_CONFIG_FILE = new RegExp(data.agentConfigFiles.match, flags);

/** Text that places agent configuration at user scope (HOME, `--scope user`), beyond the project. */
export const AGENT_CONFIG_USER_SCOPE = new RegExp(data.agentConfigFiles.userScope, flags);

/** Files whose change makes code run again later or grants access (rc files, cron, autostart, authorized_keys, `.pth`, sudoers). */
export const PERSISTENCE_FILE = new RegExp(data.persistenceFiles.match);

/** Folders whose content a sync client uploads on its own (Dropbox, Google Drive, iCloud, OneDrive). */
export const SYNCED_FOLDER = new RegExp(data.syncedFolders.match, flags);

/** The credential kind a path or text names, if any. */
export function credentialKindOf(text: string): CredentialFileKind | undefined {
  return CREDENTIAL_FILE_KINDS.find((kind) => kind.match.test(text));
}

/**
 * Services users run on their own server or at home (`secretOwners.selfHosted`), by the first word of their settings: an
 * endpoint setting of theirs (`WP_API_URL`, `HASS_URL`) points at the user's own instance, wherever that is.
 */
export const SELF_HOSTED_SERVICES: ReadonlySet<string> = new Set(data.secretOwners.selfHosted.names);

/** Tool credential files whose owning service is known (`~/.npmrc` → npm), from `secretOwners.files`. */
export const OWNED_CREDENTIAL_FILES: readonly string[] = Object.keys(data.secretOwners.files);

/**
 * Whether a secret belongs to the service at `host`: a variable by its first meaningful word
 * (`GITHUB_TOKEN` → github, `GH_TOKEN` → github through an alias) or a tool's credential file
 * (`~/.npmrc` → npmjs). Sending a secret there is using it, not leaking it.
 */
export function secretBelongsTo(secret: string, host: string): boolean {
  const owners = data.secretOwners;
  const name = host.toLowerCase().replace(/\.$/, '');
  const byFile = (owners.files as Record<string, string[]>)[secret];
  if (byFile !== undefined) return byFile.some((word) => ownerNamed(word, name));
  const word = secretOwnerWord(secret);
  if (!word) return false;
  const words = (owners.aliases as Record<string, string[]>)[word] ?? [word.toLowerCase()];
  return words.some((owner) => ownerNamed(owner, name));
}

/**
 * The word of a secret's name that names its service (`GITHUB_TOKEN` → `GITHUB`), or undefined for a
 * name of generic words only (`API_KEY`, `AUTH_TOKEN`), which says nothing about whose secret it is.
 */
export function secretOwnerWord(secret: string): string | undefined {
  const generic: readonly string[] = data.secretOwners.generic;
  const aliases = data.secretOwners.aliases as Record<string, string[]>;
  // One letter names a service only when it is a known alias (`X_USER_ACCESS_TOKEN` → x.com).
  return secret.replace(/^env:/, '').toUpperCase().split('_').find((part) => (part.length >= 2 || aliases[part] !== undefined) && !generic.includes(part));
}

/**
 * Whether a host name is the owner's: the owner word is one whole label of it (`api.github.com`,
 * `github.mycorp.example` for a self-hosted forge), or, for a dotted owner (`hf.co`), its domain. A
 * look-alike that merely contains the word (`api.anthropic-edge.example`, `github-sync.example`) or
 * puts the owner's domain in front of another (`api.github.com.sync.example`) is not.
 */
function ownerNamed(owner: string, host: string): boolean {
  if (owner.includes('.')) return host === owner || host.endsWith(`.${owner}`);
  // The owner's own domain with more after it (`api.github.com.ci-metrics.example`) is a look-alike under someone else's.
  if (new RegExp(`(?:^|\\.)${owner}\\.(?:com|io|org|net|co|ai|dev|app|cloud)\\.`).test(host)) return false;
  const labels = host.split('.');
  // A service users also run on their own domain (`github.mycorp.example`, `gitlab.internal.example`) may be any label of it;
  // any other service is the site itself (`oauth2.googleapis.com`, not `www.googleapis.stats-mirror.example`).
  // Under a suffix only institutions can register (`eutils.ncbi.nlm.nih.gov`, `api.data.gov.uk`) nobody else can stand a look-alike.
  if (SELF_HOSTABLE_OWNERS.has(owner) || INSTITUTIONAL_SUFFIX.test(host)) return labels.includes(owner);
  return siteLabel(labels) === owner;
}

/** Owner words whose hosts may sit under other domains: self-hosted services, forges and trackers, hosted editions (`secretOwners.selfHosted`). */
const SELF_HOSTABLE_OWNERS: ReadonlySet<string> = new Set([...data.secretOwners.selfHosted.names, ...data.secretOwners.selfHosted.onOtherDomains].map((name) => name.toLowerCase()));

/** Public suffixes only governments, universities and treaty bodies can register under (`.gov`, `.edu`, `.mil`, `.int`, `.gov.uk`, `.ac.jp`). */
const INSTITUTIONAL_SUFFIX = /\.(?:gov|edu|mil|int)$|\.(?:gov|edu|ac|mil|go|govt)\.[a-z]{2}$/i;

/** The label that names a host's site: the one before its public suffix (`api.github.com` → github, `x.amazonaws.com.cn` → amazonaws). */
function siteLabel(labels: readonly string[]): string | undefined {
  const last = labels.at(-1) ?? '';
  const second = labels.at(-2) ?? '';
  // A country's second-level suffix (`co.uk`, `com.cn`, `ac.jp`) is part of the public suffix.
  const suffixLength = last.length === 2 && /^(?:co|com|net|org|ac|gov|edu|ne|or)$/.test(second) && labels.length > 2 ? 2 : 1;
  return labels.at(-1 - suffixLength);
}

/** Programs that read a credential file of their own (core/sensitive.json `credentialReaders`). */
const CREDENTIAL_READERS: readonly { programs: readonly string[]; match: RegExp }[] = data.credentialReaders.readers.map((reader) => ({ programs: reader.programs, match: new RegExp(reader.match, flags) }));

/**
 * Whether `program` (a command name or a path to it) is the one that owns the credential file named in
 * `file`, reading it to log in or because it was handed the path: `git` and ~/.netrc, `twine` and ~/.pypirc.
 */
export function readsOwnCredential(program: string, file: string): boolean {
  const name = (program.split('/').pop() ?? program).replace(/\.exe$/i, '');
  return CREDENTIAL_READERS.some((reader) => reader.programs.includes(name) && reader.match.test(file));
}

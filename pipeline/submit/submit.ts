/**
 * `submit`: from a skill folder in a git repository to a registry entry an author can open a pull
 * request with. The files audited are the ones the registry will fetch (the pinned commit, through the
 * same fetch stage), audited twice the way `audit` does: once to learn what the skill uses, then held
 * to the entry drafted from that, which is the audit the pull request will get. The entry is validated
 * against the entry schema before it is written, atomically, never over an existing file unless forced.
 */
import { lstat, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { AGENT_CONFIG_FILE, DEFAULT_TREE_LIMITS, PERSISTENCE_FILE, SECRET_ENV_NAME, SENSITIVE_FILE, writeFileAtomic, writeNewFileAtomic } from '../../core/index.ts';
import {
  CommandNameSchema,
  EnvNameSchema,
  HostPatternSchema,
  PathPatternSchema,
  PublisherSchema,
  RegistryConfigSchema,
  SemverSchema,
  type Capabilities,
  type Entry,
  type EntryInput,
  type ObservedCapabilities,
  type SkillFrontMatter,
} from '../../schemas/index.ts';
import { EntryError, SubmitError } from '../errors.ts';
import { GitFetcher } from '../fetch/git-fetcher.ts';
import { auditSkillFolder, type FolderAudit } from '../audit.ts';
import { parseYaml, validateEntryData } from '../validate/entry.ts';
import { validateSkillFolder } from '../validate/skill.ts';
import { findGitSource, repoOwner, type GitSource } from './git-source.ts';

/** Version written when neither --version nor SKILL.md gives one: a first release that is not yet 1.0. */
export const DEFAULT_SUBMIT_VERSION = '0.1.0';

/** Options of {@link submitSkill}, one per command-line flag. */
export interface SubmitOptions {
  /** `source.repo` instead of the git remote. */
  repo?: string;
  /** `source.commit` instead of HEAD. */
  commit?: string;
  /** `source.path`, for a folder in no git repository. */
  path?: string;
  /** Publisher instead of the owner in the repository URL. */
  publisher?: string;
  /** Version instead of SKILL.md's. */
  version?: string;
  /** SPDX license instead of SKILL.md's. */
  license?: string;
  /** Entry file to write; default registry/skills/<publisher>/<name>.yaml in a registry checkout, else ./<name>.yaml. */
  out?: string;
  /** Replace an existing entry file (a new version of the skill). */
  force?: boolean;
  /** Folder that relative paths and the default output are resolved against. */
  cwd?: string;
  /** Sandbox backend of the dry runs. */
  sandbox?: 'auto' | 'gvisor' | 'bubblewrap';
  /** Skip the dry runs for this reason (the report says so). */
  skipDryRun?: string;
  /** Clock. */
  now?: Date;
}

/** What `submit` wrote and found. */
export interface Submission {
  /** The entry file written. */
  path: string;
  /** The entry as written, validated. */
  entry: Entry;
  /** The entry file's text. */
  yaml: string;
  /** SKILL.md's description. */
  description: string;
  /** The source it pins. */
  source: GitSource;
  /** The audit of the pinned files held to the entry: the one the pull request will get. */
  audit: FolderAudit;
  /** What the author should check, in plain words. */
  notes: string[];
  /** What to do next, in order. */
  next: string[];
}

/** An SPDX expression (`MIT`, `Apache-2.0 OR MIT`, `LicenseRef-Acme`): ids joined by AND, OR or WITH. */
function isSpdxExpression(text: string): boolean {
  const tokens = text.replace(/[()]/g, ' ').trim().split(/\s+/);
  return tokens.length % 2 === 1 && tokens.every((token, index) => (index % 2 === 1 ? /^(?:AND|OR|WITH)$/.test(token) : /^[A-Za-z0-9][A-Za-z0-9.+-]*$/.test(token) && !/^(?:AND|OR|WITH)$/.test(token)));
}

function licenseOf(frontMatter: SkillFrontMatter, given: string | undefined): string {
  if (given !== undefined) {
    if (!isSpdxExpression(given)) throw new SubmitError('MISSING_VALUE', `--license ${JSON.stringify(given)} is not an SPDX license identifier. Give one such as MIT or Apache-2.0 (https://spdx.org/licenses/).`, { where: 'license' });
    return given;
  }
  const stated = frontMatter.license?.trim();
  if (!stated) throw new SubmitError('MISSING_VALUE', 'SKILL.md has no `license`. Add `license: MIT` (the SPDX id of its license) to its front matter and commit it, or pass --license MIT.', { where: 'SKILL.md front matter license' });
  if (!isSpdxExpression(stated)) {
    throw new SubmitError('MISSING_VALUE', `SKILL.md says license: ${JSON.stringify(stated)}, which is not an SPDX identifier. Pass --license with the SPDX id of that license (e.g. --license Apache-2.0).`, { where: 'SKILL.md front matter license' });
  }
  return stated;
}

function versionOf(frontMatter: SkillFrontMatter, given: string | undefined, notes: string[]): string {
  if (given !== undefined) {
    if (!SemverSchema.safeParse(given).success) throw new SubmitError('MISSING_VALUE', `--version ${given} is not a semantic version. Give MAJOR.MINOR.PATCH, e.g. --version 1.2.0.`, { where: 'version' });
    return given;
  }
  const metadata = frontMatter.metadata as { version?: unknown } | undefined;
  const stated = frontMatter.version ?? metadata?.version;
  if (stated === undefined) {
    notes.push(`SKILL.md gives no version, so the entry says ${DEFAULT_SUBMIT_VERSION}. Pass --version to choose one (each new version of the skill is a new revision of its entry).`);
    return DEFAULT_SUBMIT_VERSION;
  }
  if (!SemverSchema.safeParse(String(stated)).success) {
    throw new SubmitError('MISSING_VALUE', `SKILL.md says version: ${JSON.stringify(stated)}, which is not a semantic version (MAJOR.MINOR.PATCH). Pass --version, e.g. --version 1.0.0.`, { where: 'version' });
  }
  return String(stated);
}

function publisherOf(source: GitSource, given: string | undefined): string {
  const publisher = given ?? repoOwner(source.repo);
  if (publisher === undefined) {
    throw new SubmitError('MISSING_VALUE', `The publisher cannot be read from ${source.repo}. Pass --publisher with your registry publisher name (usually your GitHub user or organisation), e.g. --publisher acme.`, { where: 'publisher' });
  }
  if (!PublisherSchema.safeParse(publisher).success) {
    throw new SubmitError('MISSING_VALUE', `${given === undefined ? `The owner in ${source.repo}, ${JSON.stringify(publisher)},` : `--publisher ${JSON.stringify(publisher)}`} is not a publisher name: publishers are 1–64 lower-case letters, digits and single hyphens. Pass --publisher, e.g. --publisher acme.`, { where: 'publisher' });
  }
  return publisher;
}

/** Where the entry goes: --out, else the registry layout in a registry checkout, else ./<name>.yaml. */
async function entryPath(cwd: string, out: string | undefined, publisher: string, name: string): Promise<string> {
  if (out !== undefined) return resolve(cwd, out);
  const registrySkills = join(cwd, 'registry', 'skills');
  if ((await stat(registrySkills).catch(() => undefined))?.isDirectory()) return join(registrySkills, publisher, `${name}.yaml`);
  return join(cwd, `${name}.yaml`);
}

/** Refuses an output that would replace a file (without force) or land inside the skill folder. */
async function checkEntryPath(path: string, skillDir: string, force: boolean): Promise<void> {
  if (path === skillDir || path.startsWith(`${skillDir}${sep}`)) {
    throw new SubmitError('OUT_REFUSED', `${path} is inside the skill folder: the entry would become one of the skill's files, and the folder would no longer match its commit. Pass --out with a file outside ${skillDir}.`, { where: path });
  }
  const existing = await lstat(path).catch(() => undefined);
  if (existing && !existing.isFile()) throw new SubmitError('OUT_REFUSED', `${path} exists and is not a file. Pass --out with another path.`, { where: path });
  if (existing && !force) {
    throw new SubmitError('OUT_REFUSED', `${path} exists. Pass --force to replace it (a new version of a skill is a new revision of its entry), or --out to write elsewhere.`, { where: path });
  }
}

function sortedUnion(...lists: readonly string[][]): string[] {
  return [...new Set(lists.flat())].sort();
}

/**
 * What the audit saw the skill use, as an author declares it: the scanner's inference and the dry
 * run's observations together, keeping only values the entry grammar accepts (the rest is noted: the
 * registry's audit will report them).
 */
export function declarableCapabilities(inferred: ObservedCapabilities, observed: ObservedCapabilities, notes: string[]): Capabilities {
  const dropped: string[] = [];
  const keep = (values: string[], valid: (value: string) => boolean) =>
    values.filter((value) => {
      if (valid(value)) return true;
      dropped.push(value);
      return false;
    });
  const capabilities: Capabilities = {
    network: keep(sortedUnion(inferred.network, observed.network), (host) => HostPatternSchema.safeParse(host).success),
    env: keep(sortedUnion(inferred.env, observed.env), (name) => EnvNameSchema.safeParse(name).success),
    filesystem: {
      read: keep(sortedUnion(inferred.filesystem.read, observed.filesystem.read), (path) => PathPatternSchema.safeParse(path).success),
      write: keep(sortedUnion(inferred.filesystem.write, observed.filesystem.write), (path) => PathPatternSchema.safeParse(path).success),
    },
    commands: keep(sortedUnion(inferred.commands, observed.commands), (command) => CommandNameSchema.safeParse(command).success),
  };
  if (dropped.length > 0) {
    notes.push(`The audit saw ${dropped.map((value) => JSON.stringify(value)).join(', ')}, which an entry cannot declare as written (host names are lower-case names or *.suffix, commands are bare program names). The registry's audit will report them: change the skill so it no longer needs them, or declare the nearest allowed form.`);
  }
  return capabilities;
}

/** Notes on declarations that users will be warned about: credentials, agent configuration, persistence, any host. */
function sensitiveNotes(capabilities: Capabilities): string[] {
  const notes: string[] = [];
  if (capabilities.network.includes('*')) notes.push('The entry declares network: ["*"] (any host). The audit warns users about it: list the hosts the skill needs instead.');
  const secrets = capabilities.env.filter((name) => SECRET_ENV_NAME.test(name));
  const credentials = capabilities.filesystem.read.filter((path) => SENSITIVE_FILE.test(path) || AGENT_CONFIG_FILE.test(path));
  const persistent = capabilities.filesystem.write.filter((path) => PERSISTENCE_FILE.test(path) || AGENT_CONFIG_FILE.test(path));
  if (secrets.length > 0) notes.push(`The entry declares secret variables (${secrets.join(', ')}). Users are warned, and a secret that leaves the machine anywhere but to its own service fails the audit. Keep them only if the skill needs them.`);
  if (credentials.length > 0) notes.push(`The entry declares reading credential or agent files (${credentials.join(', ')}). Users are warned. If the skill does not need them, change it so it does not read them, rather than leaving the declaration in.`);
  if (persistent.length > 0) notes.push(`The entry declares writing start-up or agent configuration files (${persistent.join(', ')}). The audit treats that as persistence: expect a warning or a refusal unless the skill's purpose is exactly that and it asks the user first.`);
  return notes;
}

/** The entry file's text: a header saying where it came from, then the entry, capability lists on one line each. */
export function renderEntry(entry: EntryInput, description: string, commit: string): string {
  const document = new Document(entry);
  for (const key of ['network', 'env', 'commands']) (document.getIn(['capabilities', key], true) as YAMLSeq).flow = true;
  (document.getIn(['capabilities', 'filesystem'], true) as YAMLMap).flow = true;
  // Control characters in a description would break the comment line they are placed on.
  const summary = description.split('\n')[0].replace(/\p{Cc}/gu, ' ').trim();
  document.commentBefore = [
    ` ${entry.publisher}/${entry.name}: ${summary}`,
    ` Drafted by \`skill-registry submit\` from the audit of commit ${commit.slice(0, 12)}. The capabilities list what`,
    ' that audit saw the skill use: users read them before installing, and the registry holds the skill to',
    ' them. Remove what it does not need. Add `dryRun:` commands with sample arguments if its scripts take any.',
  ].join('\n');
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** Fetch limits of a registry with the default configuration: what the public registry would accept. */
function defaultFetchLimits() {
  const { limits } = RegistryConfigSchema.parse({ schemaVersion: 1 });
  return { maxRepoBytes: limits.maxRepoBytes, maxRepoFiles: limits.maxRepoFiles, maxFiles: DEFAULT_TREE_LIMITS.maxFiles, maxSkillBytes: DEFAULT_TREE_LIMITS.maxTotalBytes, timeoutMs: limits.fetchTimeoutSeconds * 1000 };
}

/** What to do after submit, in order. */
function nextSteps(submission: Pick<Submission, 'path' | 'entry' | 'source'>, verdict: string, cwd: string): string[] {
  const { entry, source } = submission;
  const shown = relative(cwd, submission.path) || submission.path;
  const registryPath = `registry/skills/${entry.publisher}/${entry.name}.yaml`;
  const steps: string[] = [];
  if (verdict === 'fail') {
    steps.push('The registry would refuse this skill as it is. Fix each finding above (each says how), commit, and run submit again with --force. If a finding is wrong, open the pull request anyway and ask for a suppression (CONTRIBUTING.md, "Appealing a finding").');
  }
  steps.push(`Read ${shown}: check that every capability is one the skill needs.`);
  if (source.pushed === false) steps.push(`Push commit ${source.commit.slice(0, 12)} to ${source.repo}: no remote branch holds it yet, and the registry fetches it from there.`);
  const inRegistry = submission.path.split(sep).join('/').endsWith(registryPath);
  steps.push(
    inRegistry
      ? `Commit ${shown} on a branch of your fork of the registry and open a pull request that adds only that file.`
      : `Copy it to ${registryPath} in your fork of the registry, commit it on a branch, and open a pull request that adds only that file.`,
  );
  steps.push('The pull request gets an audit report comment within minutes: every finding with its rule, file:line and how to fix it. CONTRIBUTING.md explains how to read it.');
  return steps;
}

/**
 * Audits the skill at `dir` as the registry will and writes its entry. Throws {@link SubmitError} when
 * the source cannot be pinned or the output is refused, {@link EntryError} when the skill or the entry
 * is invalid, and the fetch stage's FetchError when the committed files cannot be fetched.
 */
export async function submitSkill(dir: string, options: SubmitOptions = {}): Promise<Submission> {
  const cwd = options.cwd ?? process.cwd();
  const skillDir = resolve(cwd, dir);
  if (!(await stat(skillDir).catch(() => undefined))?.isDirectory()) throw new SubmitError('NOT_A_FOLDER', `${dir} is not a folder. Give the skill's folder (the one holding SKILL.md).`, { where: dir });
  const source = await findGitSource(skillDir, { repo: options.repo, commit: options.commit, path: options.path });
  const notes = [...source.notes];
  const work = await mkdtemp(join(tmpdir(), 'skill-registry-submit-'));
  try {
    // The committed files, fetched the way the registry fetches them: what is audited is what it will audit.
    let auditDir = skillDir;
    if (source.toplevel !== undefined) {
      auditDir = join(work, 'skill');
      await new GitFetcher({ allowLocal: true, allowedHosts: [], baseDir: source.toplevel }, defaultFetchLimits()).fetch({ repo: source.toplevel, commit: source.commit, path: source.path }, auditDir);
    }
    const document = await validateSkillFolder(auditDir);
    if (!document.frontMatter) throw new EntryError('INVALID_SKILL', relative(cwd, skillDir) || '.', document.issues.filter((issue) => issue.severity === 'high' || issue.severity === 'critical'));
    const { frontMatter } = document;
    const publisher = publisherOf(source, options.publisher);
    const version = versionOf(frontMatter, options.version, notes);
    const license = licenseOf(frontMatter, options.license);
    const path = await entryPath(cwd, options.out, publisher, frontMatter.name);
    await checkEntryPath(path, skillDir, options.force === true);

    const audit = { sandbox: options.sandbox, skipDryRun: options.skipDryRun, signed: false, now: options.now };
    const seen = await auditSkillFolder(auditDir, { ...audit, skill: { publisher, name: frontMatter.name } });
    const capabilities = declarableCapabilities(seen.report.capabilities.inferred, seen.report.capabilities.observed, notes);
    notes.push(...sensitiveNotes(capabilities));
    const draft: EntryInput = { schemaVersion: 1, name: frontMatter.name, publisher, version, source: { repo: source.repo, commit: source.commit, path: source.path }, license, capabilities };
    const yaml = renderEntry(draft, frontMatter.description, source.commit);

    // Validate the very text that will be written, at the place the registry will read it from.
    const parsed = parseYaml(yaml, 'entry');
    const checked = parsed.issues.length === 0 ? validateEntryData(parsed.value, join('skills', publisher, `${frontMatter.name}.yaml`)) : { issues: parsed.issues };
    if (!checked.entry) throw new EntryError('INVALID_ENTRY', relative(cwd, path), checked.issues);
    const entry = checked.entry;

    const final = await auditSkillFolder(auditDir, { ...audit, entry });
    await mkdirFor(path);
    if (options.force === true) await writeFileAtomic(path, yaml);
    else {
      await writeNewFileAtomic(path, yaml).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST') throw new SubmitError('OUT_REFUSED', `${path} appeared while the audit ran. Nothing was replaced: pass --force to replace it.`, { where: path });
        throw error;
      });
    }
    const submission = { path, entry, yaml, description: frontMatter.description, source, audit: final, notes };
    return { ...submission, next: nextSteps(submission, final.report.verdict, cwd) };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function mkdirFor(path: string): Promise<void> {
  // writeFileAtomic and writeNewFileAtomic create the folder; this only keeps a file in the way from being a confusing error.
  const parent = await stat(dirname(path)).catch(() => undefined);
  if (parent && !parent.isDirectory()) throw new SubmitError('OUT_REFUSED', `${dirname(path)} is a file, so ${path} cannot be written. Pass --out with another path.`, { where: path });
}

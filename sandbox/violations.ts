/**
 * Observed versus declared: which events break the rules or the entry's capabilities, and what the skill
 * was seen to use, in capability form.
 */
import { SYNCED_FOLDER, credentialKindOf, isOwnNetworkHost, isOwnReverseName, readsOwnCredential, secretBelongsTo } from '../core/index.ts';
import type { Capabilities, DryRunEvent, ObservedCapabilities, Violation } from '../schemas/index.ts';
import { SCRATCH } from './events.ts';
import { displayPathOf, type Honeypot } from './honeypot.ts';

/** Files whose change makes code run again later: shell start-up, schedulers, autostart, SSH access. */
const PERSISTENCE_PATTERNS: RegExp[] = [
  /^~\/\.(bashrc|bash_profile|bash_login|profile|zshrc|zprofile|zshenv|zlogin|kshrc|cshrc|tcshrc|inputrc)$/,
  /^~\/\.config\/fish\//,
  /^~\/\.config\/(autostart|systemd)\//,
  /^~\/\.local\/share\/systemd\//,
  /^~\/Library\/(LaunchAgents|LaunchDaemons)\//,
  /^~\/\.ssh\/(authorized_keys2?|rc|config)$/,
  /^\/etc\/(profile|profile\.d\/|bash\.bashrc|zsh\/|cron|crontab|anacrontab|systemd\/|init\.d\/|rc\.local|xdg\/autostart\/|ld\.so\.preload)/,
  /^\/var\/spool\/cron/,
  /^\/(usr\/lib|lib)\/systemd\//,
  /^\/Library\/(LaunchAgents|LaunchDaemons)\//,
];

/** Per-user caches tools fill on their own (npm, pip, node-gyp …): writing there is not a finding. */
const CACHE_PATTERNS: RegExp[] = [/^~\/\.cache(\/|$)/, /^~\/\.npm(\/|$)/, /^~\/\.local\/state(\/|$)/, /^~\/\.yarn(\/|$)/, /^~\/\.pnpm-store(\/|$)/, /^~\/\.bun\/install\/cache(\/|$)/, /^~\/\.terraform\.d(?:\/(?:checkpoint_cache|checkpoint_signature|plugin-cache(?:\/.*)?))?$/];

/** Programs whose only purpose is scheduling or registering code to run later. */
export const PERSISTENCE_COMMANDS: ReadonlySet<string> = new Set(['crontab', 'at', 'batch', 'launchctl', 'schtasks']);

/** Programs that talk to the network; their URL arguments are egress attempts even when no packet leaves. */
const NETWORK_CLIENTS = new Set(['curl', 'wget', 'http', 'https', 'nc', 'ncat', 'netcat', 'socat', 'ssh', 'scp', 'sftp', 'rsync', 'ftp', 'telnet', 'aria2c']);

/**
 * Credential files a declared tool reads on its own every time it runs (or looks for, when absent): npm
 * its `.npmrc`, yarn its `.yarnrc.yml`, the AWS CLI its credentials and config, gh its hosts file,
 * kubectl and helm their kubeconfig, docker its config, HTTP clients (python-requests, curl -n) `.netrc`
 * when the skill uses the network at all. Declaring the tool implies the read; where the secret may then
 * go is still checked.
 */
/** Python package tools that read index credentials. */
const PYTHON_PACKAGERS = ['pip', 'pip3', 'uv', 'uvx', 'poetry', 'twine', 'pipx', 'pdm', 'hatch'];

const TOOL_CREDENTIALS: { file: string; implied: (declared: Capabilities) => boolean }[] = [
  { file: '~/.npmrc', implied: (declared) => declared.commands.some((name) => ['npm', 'npx', 'pnpm', 'yarn'].includes(name)) },
  { file: '~/.yarnrc.yml', implied: (declared) => declared.commands.includes('yarn') },
  { file: '~/.aws/credentials', implied: (declared) => declared.commands.includes('aws') },
  { file: '~/.aws/config', implied: (declared) => declared.commands.includes('aws') },
  { file: '~/.config/gh/hosts.yml', implied: (declared) => declared.commands.includes('gh') },
  { file: '~/.kube/config', implied: (declared) => declared.commands.some((name) => ['kubectl', 'helm'].includes(name)) },
  { file: '~/.docker/config.json', implied: (declared) => declared.commands.includes('docker') },
  { file: '~/.netrc', implied: (declared) => declared.network.length > 0 || declared.commands.some((name) => PYTHON_PACKAGERS.includes(name)) },
  // pip, uv, poetry and twine read the index credentials of .pypirc, pip.conf and .netrc on every run.
  { file: '~/.pypirc', implied: (declared) => declared.commands.some((name) => PYTHON_PACKAGERS.includes(name)) },
  { file: '~/.git-credentials', implied: (declared) => declared.commands.includes('git') && declared.network.length > 0 },
  // Cloud and signing tools read their whole configuration folders on every run.
  { file: '~/.config/gcloud/', implied: (declared) => declared.commands.some((name) => ['gcloud', 'gsutil', 'bq'].includes(name)) },
  { file: '~/.azure/', implied: (declared) => declared.commands.includes('az') },
  // Terraform and OpenTofu look up registry tokens and write a version-check cache in ~/.terraform.d on every run.
  { file: '~/.terraform.d/', implied: (declared) => declared.commands.some((name) => ['terraform', 'tofu'].includes(name)) },
  { file: '~/.gnupg/', implied: (declared) => declared.commands.some((name) => ['gpg', 'gpg2', 'git'].includes(name)) },
  // The ssh client tries each identity file (and its -cert companions) for any ssh connection, git's included.
  ...['id_rsa', 'id_ecdsa', 'id_ecdsa_sk', 'id_ed25519', 'id_ed25519_sk', 'id_dsa', 'id_xmss'].flatMap((key) => [key, `${key}-cert`, `${key}-cert.pub`]).map((key) => ({
    file: `~/.ssh/${key}`,
    implied: (declared: Capabilities) => declared.commands.some((name) => ['ssh', 'scp', 'sftp', 'rsync', 'git', 'ssh-copy-id', 'ssh-add', 'sshfs', 'mosh'].includes(name)),
  })),
];

/**
 * Hosts a declared tool reaches on its own: its package registry. Declaring `npm` implies
 * registry.npmjs.org as declaring it implies `~/.npmrc`; where anything else goes is still checked.
 */
const TOOL_HOSTS: { commands: string[]; hosts: string[] }[] = [
  { commands: ['npm', 'npx', 'pnpm', 'yarn', 'corepack'], hosts: ['registry.npmjs.org', 'registry.yarnpkg.com', 'repo.yarnpkg.com'] },
  { commands: ['pip', 'pip3', 'pipx', 'uv', 'uvx', 'poetry', 'pdm'], hosts: ['pypi.org', 'files.pythonhosted.org'] },
  { commands: ['cargo', 'rustup'], hosts: ['crates.io', 'index.crates.io', 'static.crates.io', 'static.rust-lang.org'] },
  { commands: ['gem', 'bundle', 'bundler'], hosts: ['rubygems.org', 'index.rubygems.org'] },
  { commands: ['go'], hosts: ['proxy.golang.org', 'sum.golang.org'] },
  { commands: ['docker', 'podman'], hosts: ['registry-1.docker.io', 'auth.docker.io', 'production.cloudflare.docker.com'] },
  { commands: ['gcloud', 'gsutil', 'bq'], hosts: ['*.googleapis.com', 'metadata.google.internal'] },
  { commands: ['aws'], hosts: ['*.amazonaws.com'] },
  { commands: ['az'], hosts: ['login.microsoftonline.com', 'management.azure.com', '*.azure.com'] },
  { commands: ['gh'], hosts: ['api.github.com', 'github.com'] },
  { commands: ['terraform', 'tofu'], hosts: ['checkpoint-api.hashicorp.com', 'registry.terraform.io', 'releases.hashicorp.com', 'registry.opentofu.org'] },
];

/** The declared hosts plus those its declared tools imply. */
function effectiveNetwork(declared: Capabilities): string[] {
  const implied = TOOL_HOSTS.filter((tool) => tool.commands.some((name) => declared.commands.includes(name))).flatMap((tool) => tool.hosts);
  return [...new Set([...declared.network, ...implied])];
}

/** Secret locations (`env:NAME`, `~/.npmrc`) the entry declares, directly or through a declared tool. */
function declaredSecretLocations(declared: Capabilities): (location: string) => boolean {
  const readAllowed = declared.filesystem.read.map(pathMatcher);
  const implied = TOOL_CREDENTIALS.filter((entry) => entry.implied(declared)).map((entry) => entry.file);
  // A tool locks its credential file while it rewrites it (`~/.git-credentials.lock`): the lock is the file's.
  return (location) =>
    location.startsWith('env:') ? declared.env.includes(location.slice(4)) : implied.some((file) => (file.endsWith('/') ? location.startsWith(file) : file === location || `${file}.lock` === location)) || readAllowed.some((allowed) => allowed(location));
}

/**
 * Loopback hosts, and no address or the unspecified one (`:8000`, `[::]`, `0.0.0.0`, a socket of the
 * machine itself): traffic to them never leaves the sandbox.
 */
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[?::1\]?|0\.0\.0\.0|\[\]|\[?::\]?|)$/i;

/** Every planted secret named in a redacted text (`<canary env:GITHUB_TOKEN>` → `env:GITHUB_TOKEN`). */
function canaryNames(text: string): string[] {
  return [...new Set([...text.matchAll(/<canary ([^>]+)>/g)].map((match) => match[1]))];
}

/** Secrets named in a redacted text (`<canary env:GITHUB_TOKEN>`) that the entry does not declare. */
function undeclaredSecrets(text: string, declared: Capabilities): string[] {
  const isDeclared = declaredSecretLocations(declared);
  const names = [...text.matchAll(/<canary ([^>]+)>/g)].map((match) => match[1]);
  return [...new Set(names.filter((name) => !isDeclared(name)))];
}

/**
 * Whether every planted secret in `text` is one the entry declares (a deploy script sending its declared
 * cloud key to its declared host, npm sending its token to its registry). Unrecognisable (encoded)
 * canaries never are.
 */
function canaryDeclared(text: string, declared: Capabilities): boolean {
  const names = [...text.matchAll(/<canary ([^>]+)>/g)].map((match) => match[1]);
  return names.length > 0 && undeclaredSecrets(text, declared).length === 0;
}

/** Converts a capability path pattern (`~/.aws/**`, `./out/`) into a matcher of display paths. */
function pathMatcher(pattern: string): (path: string) => boolean {
  let normalized = pattern.replace(/\/+$/, '');
  const isDir = pattern.endsWith('/');
  normalized = normalized.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '.*');
  const regex = new RegExp(`^${normalized}${isDir ? '(/.*)?' : '(/.*)?'}$`);
  return (path) => regex.test(path);
}

/** Whether a host (without port) matches a declared pattern: exact, `*.suffix` (and the suffix itself) or `*`. */
export function hostAllowed(host: string, port: number | undefined, patterns: string[]): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return patterns.some((pattern) => {
    if (pattern === '*') return true;
    const [patternHost, patternPort] = pattern.split(':');
    if (patternPort !== undefined && port !== undefined && Number(patternPort) !== port) return false;
    if (patternHost.startsWith('*.')) {
      const suffix = patternHost.slice(2);
      return name === suffix || name.endsWith(`.${suffix}`);
    }
    return name === patternHost;
  });
}

/**
 * Host and port of a network event's target (`host:port`, `[v6]:port`, a URL, or a bare name). Targets
 * are observed values, never validated: a URL whose Host header holds a space still yields its host.
 */
export function networkHost(event: Pick<DryRunEvent, 'target'>): { host: string; port: number | undefined } {
  const target = event.target;
  const url = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^/?#]*?)(?::(\d+))?(?:[/?#]|$)/i.exec(target);
  if (url) return { host: url[1].replace(/^\[|\]$/g, '').toLowerCase(), port: url[2] === undefined ? undefined : Number(url[2]) };
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(target);
  if (v6) return { host: v6[1], port: v6[2] === undefined ? undefined : Number(v6[2]) };
  const match = /^(.*?)(?::(\d+))?$/.exec(target);
  return { host: match?.[1] ?? target, port: match?.[2] === undefined ? undefined : Number(match[2]) };
}

function inside(path: string): boolean {
  return path === '.' || path.startsWith('./');
}

/** Options of network clients whose value is data sent or a header, not where the request goes. */
const PAYLOAD_OPTION = /^(?:-d|--data(?:-\w+)?|--json|-F|--form(?:-string)?|-H|--header|-e|--referer|-A|--user-agent|-u|--user|-b|--cookie|--post-data|--body-data|--post-file|--body-file|--url-query)$/;

/** Where a command line writes a copy: a redirection's or `tee`'s target, or the last operand of `cp`/`mv`/`tar`/`rsync`. */
const COPY_TARGET = /(?:^|[^<\d&])>>?\s*["']?([^\s"';|&]+)|\btee\s+(?:-a\s+)?["']?([^\s"';|&]+)|\b(?:cp|mv|tar|zip|gzip|rsync|dd)\s[^|;&]*\s["']?([^\s"';|&]+)["']?\s*(?:$|[|;&])/;

/** Events that carry data off the machine: a connection, a request or a DNS name (the sinkhole's own loopback aside). */
function leavesMachine(event: DryRunEvent): boolean {
  if (event.kind !== 'connect' && event.kind !== 'http' && event.kind !== 'dns') return false;
  return !/^(?:\[?::1\]?|127\.\d+\.\d+\.\d+|localhost)(?::\d+)?(?:\/|$)/i.test(event.target.replace(/^[a-z]+:\/\//i, ''));
}

/**
 * One verdict calibration over the whole run: a credential read with no way out (no connection, request,
 * DNS lookup or file written by the same command, and no canary leaving) is a warning with the declaration
 * that fixes it, not a refusal; with a way out it stays critical. A written copy is a way out when something
 * in the run left the machine, or when it goes where others or a later step find it unseen.
 */
function calibrate(violations: Violation[], events: readonly DryRunEvent[]): Violation[] {
  // Writing a copy (`cat ~/.ssh/id_ed25519 > /tmp/.k`) stages the secret for a later way out: it counts as one.
  // Writes under /tmp are not events (interpreters fill it), so a command line that redirects or copies
  // (`> /tmp/.k`, `| tee`, `cp`, `tar`) counts too; sending output to /dev/null does not.
  const stages = (event: DryRunEvent) => event.kind === 'file-write' && !/^\/dev\//.test(event.target) && !event.target.startsWith('./');
  // Only copies that leave the working directory count: `> leaks.json` keeps a report beside the project.
  const copiesInLine = (command: string) => /(?:^|[^<\d&])>>?\s*["']?(?:\/(?!dev\/)|~|\$\{?HOME)|\btee\s+(?:-a\s+)?["']?(?:\/(?!dev\/)|~|\$\{?HOME)|\b(?:cp|mv|tar|zip|gzip|rsync|dd)\s[^|;&]*\s["']?(?:\/(?!dev\/)|~|\$\{?HOME)/.test(command.replace(/\d?>>?\s*\/dev\/null|\d?>&\d|&>\s*\/dev\/null/g, ' '));
  // A copy is a way out in a run where something left the machine, or when it is put where others or a later step pick it
  // up unseen (a temporary or shared folder, a hidden file, a synced folder). A collector that keeps what it read in an
  // evidence folder of the user's, in a run with no connection, request or lookup at all, has staged nothing for anyone.
  const anythingLeft = events.some(leavesMachine);
  const loose = (target: string) => /^(?:\/(?:tmp|var\/tmp|dev\/shm)\/|\$\{?TMPDIR)/.test(target) || /(?:^|\/)\.[^/]+$/.test(target) || SYNCED_FOLDER.test(target);
  const copyTarget = (command: string) => {
    const match = COPY_TARGET.exec(command.replace(/\d?>>?\s*\/dev\/null|\d?>&\d|&>\s*\/dev\/null/g, ' '));
    return match?.[1] ?? match?.[2] ?? match?.[3] ?? '';
  };
  const commandsWithWayOut = new Set(events.filter((event) => leavesMachine(event) || (stages(event) && (anythingLeft || loose(event.target))) || (copiesInLine(event.command) && (anythingLeft || loose(copyTarget(event.command))))).map((event) => event.command));
  const leaked = violations.some((violation) => violation.ruleId === 'dryrun-canary-exfiltration');
  return violations.map((violation) =>
    violation.ruleId === 'dryrun-credential-read' && !leaked && !commandsWithWayOut.has(violation.event.command)
      ? { ...violation, severity: 'medium', message: `${violation.message} Nothing left the machine in this command, so this is a warning.` }
      : violation,
  );
}

/** Programs that run another program's code: what they read is that program's doing. */
/** The account databases the C library reads to look a user up. */
const ACCOUNT_DATABASE = /^\/etc\/g?shadow$/;
/** Programs installed on the machine itself, not shipped or downloaded by the skill. */
const SYSTEM_PROGRAM = /^\/(?:usr\/(?:local\/)?)?s?bin\/[^/]+$|^\/usr\/lib\/[^/]+\/(?:[^/]+\/)*bin\/[^/]+$/;
/** Tools that read, copy or send the files they are given. */
const FILE_READING_PROGRAM = /^(?:cat|tac|head|tail|less|more|cp|mv|dd|tar|zip|gzip|bzip2|xz|zstd|7z|base64|base32|xxd|od|hexdump|strings|grep|egrep|rg|awk|gawk|sed|sort|uniq|cut|tr|tee|openssl|gpg|curl|wget|nc|ncat|socat|scp|sftp|rsync|ssh|sudo|doas|su|unshadow|john|hashcat|find|xargs|install|ln|vim?|nano|emacs)$/;
const INTERPRETER_PROGRAM = /^(?:.*\/)?(?:python\d*(?:\.\d+)?|node|bash|sh|dash|ruby|perl)$/;

/** The program a one-command line runs (`gcloud auth login` is gcloud), past variable assignments; none for a pipeline or a list. */
function commandProgram(command: string): string | undefined {
  if (/[|;&]/.test(command)) return undefined;
  return /^\s*(?:[A-Za-z_]\w*=\S*\s+)*([\w.-]+)\b/.exec(command)?.[1];
}

/** A tool's own command for one setting of its own configuration (`npm config set ignore-scripts true`, `git config --global init.defaultBranch main`). */
const OWN_CONFIG_SET = /^\s*(?:npm|pnpm|yarn|pip\d*|uv|git|gh|poetry|conda|gcloud|aws)\s+config\s+(?:set|unset|delete|rm|--global|--user|--system)\b/;

/** A tool's own command that stores or forgets one login in its own credential file (`git credential-store erase`, `docker logout`). */
const OWN_LOGIN_EDIT = /(?:^|[|;&]\s*)(?:git\s+credential(?:-store|-cache)?\s+(?:erase|reject|approve|store)|gh\s+auth\s+logout|docker\s+logout|npm\s+logout)\b/;

/** Settings that redirect where packages, code or credentials come from or go: never a plain preference. */
const RISKY_CONFIG_KEY = /\b(?:registry|index-url|extra-index-url|trusted-host|proxy|https?-proxy|https?\.proxy|credential\.helper|core\.hooksPath|core\.sshCommand|core\.fsmonitor|url\.\S+\.insteadOf|http\.extraheader|_auth|_authToken|always-auth|script-shell|git-tag-version|sign-git)\b/i;

/**
 * git's credential helper set to one that ships with git or the OS keychain (`osxkeychain`, `libsecret`,
 * `manager`, `cache`, `store`): where logins are kept, not a program of the skill's that receives them.
 */
const SYSTEM_CREDENTIAL_HELPER = /\bcredential\.helper\s+["']?(?:osxkeychain|libsecret|gnome-keyring|wincred|manager(?:-core)?|store|cache(?:\s+--timeout[= ]?\d+)?)["']?\s*(?:$|[|;&)])/;

/**
 * A setting removed with the tool's own command (`git config --global --unset credential.helper`, `npm config delete registry`,
 * `pip config unset global.index-url`): the tool goes back to its default, which redirects nothing.
 */
const UNSET_SETTING = /\b(?:git\s+config(?:\s+--(?:global|system|local|file\s+\S+))*\s+--unset(?:-all)?|(?:npm|pnpm|yarn)\s+config\s+(?:delete|rm|unset)(?:\s+--(?:global|location[= ]\S+))*|pip\d*\s+config(?:\s+--(?:global|user|site))*\s+unset)\s+["']?[\w.:/@-]+["']?/g;

/** A config command whose key redirects packages, code or credentials (see {@link RISKY_CONFIG_KEY}); removing such a key is not one. */
const risky = (command: string): boolean => RISKY_CONFIG_KEY.test(command.replace(SYSTEM_CREDENTIAL_HELPER, '').replace(UNSET_SETTING, ''));


/** A scheduler run that only lists or shows entries (`crontab -l`, `atq`, `launchctl list`) changes nothing. */
export const READS_SCHEDULE = /^(?:crontab\s+(?:-u\s+\S+\s+)?-l\b|launchctl\s+(?:list|print)\b|schtasks\s+\/query\b|atq\b)/;

/** What the dry run invented for a command (see plan.ts): destinations there are the user's choice. */
export type UserChoice = (command: string, host: string) => boolean;

/** Read-only searches over the whole file system. */
const WHOLE_DISK_SEARCH = /^\s*(?:sudo\s+)?(?:find\s+\/(?:\s|$)|getcap\s+-r\s+\/(?:\s|$)|du\s+(?:-\S+\s+)*\/(?:\s|$)|locate\s|grep\s+-\w*[rR]\w*\s+\S+\s+\/(?:\s|$))/;

/** Package managers' command-line programs (and the runtime npm runs on). */
const PACKAGE_CLI = /^(?:npm|npx|pnpm|yarn|node|pip\d?(?:\.\d+)?|gem|bundle|cargo|go|mvn|gradle|dotnet|composer|poetry|uv|conda|brew)$/;
/** A command that creates a Python virtual environment (no code of the skill runs in it; a package install could run the skill's own hooks, so it is not here). */
const PACKAGE_TOOL_WORK = /^\s*(?:[\w./-]*python[\d.]*\s+-m\s+(?:venv|virtualenv|ensurepip)\b|virtualenv\s|uv\s+venv\b)/;

/** A command that starts an interactive shell. */
/**
 * One command that serves files or waits for a debugger before running anything, until stopped (`python3 -m
 * http.server`, `npx serve`, `node --inspect-brk`), with nothing chained after it; a trailing comment is allowed.
 * A command that runs the skill's own code (`npm start`, `uvicorn app:app`) is not on this list: whether it waited
 * is measured instead (see `idle`).
 */
const WAITS_FOR_CLIENT = /^\s*(?:python\d?(?:\.\d+)?\s+-m\s+(?:http\.server|SimpleHTTPServer)|node\s+(?:--\S+\s+)*--inspect-brk(?:=\S+)?\s|npx\s+(?:-y\s+)?(?:serve|http-server|live-server)\b|hugo\s+server\b|mkdocs\s+serve\b|jekyll\s+serve\b|caddy\s+(?:run|file-server)\b)[^;&|\n]*(?:#[^\n]*)?$/;

const INTERACTIVE_SHELL = /(?:^|[\s;&|('"])(?:\/\S*\/)?(?:ba|z|k)?sh\s+-[a-z]*i[a-z]*\b|\bpty\.spawn\s*\(/;

/** Options that hand a program its own login file (`--config-file ~/.pypirc`, `--kubeconfig`, `-i key`). */
const LOGIN_FILE_OPTION = /^(?:--(?:config(?:-file)?|netrc-file|kubeconfig|userconfig|identity(?:-file)?|credentials?(?:-file)?|key-?file)(?:=.*)?|-i|-F|-K)$/;

/**
 * Whether a program was given the credential file as data (`curl -T ~/.netrc …`, `twine upload ~/.pypirc`)
 * rather than finding it itself or being handed it as its login file: then it is the skill's read.
 */
function handedAsData(events: readonly DryRunEvent[], read: DryRunEvent): boolean {
  // A file named by a plain word (`~/.config/gcloud`, `~/.kube/config`) is looked for with its folder: the word alone is
  // also the program's own name or path (`/usr/lib/google-cloud-sdk/bin/gcloud`).
  const parts = read.target.split('/');
  const name = parts.at(-1)!.startsWith('.') || parts.length < 2 ? parts.at(-1)! : parts.slice(-2).join('/');
  return events.some((event) => {
    if (event.kind !== 'exec' || event.command !== read.command || !Array.isArray(event.argv)) return false;
    const argv = event.argv.map(String);
    return argv.some((arg, index) => index > 0 && arg.includes(name) && !(LOGIN_FILE_OPTION.test(argv[index - 1] ?? '') || (/^--[\w-]+=/.test(arg) && LOGIN_FILE_OPTION.test(arg.split('=')[0]!))));
  });
}

/** The events that break the rules, each with a message saying what happened and what to do. */
export function findViolations(events: DryRunEvent[], declared: Capabilities, honeypot: Honeypot, userChose: UserChoice = () => false): Violation[] {
  const violations: Violation[] = [];
  const credentialFiles = new Set(honeypot.files.filter((file) => file.credential).map(displayPathOf));
  const plantedFiles = new Set(honeypot.files.map(displayPathOf));
  const secretDeclared = declaredSecretLocations(declared);
  const writeAllowed = declared.filesystem.write.map(pathMatcher);
  const network = effectiveNetwork(declared);
  // Files the run itself created (a clone's lock files, a build's temporaries) are its own to delete.
  const created = new Set(events.filter((event) => event.kind === 'file-write').map((event) => `${event.command}\0${event.target}`));
  // The programs each command started (`gcloud` inside a script): an interpreter reading a CLI's own file in a command
  // that started that CLI is the CLI (gcloud and the AWS CLI run on their own Python).
  const started = new Map<string, Set<string>>();
  for (const event of events) if (event.kind === 'exec') started.set(event.command, (started.get(event.command) ?? new Set()).add(event.target.split('/').pop() ?? event.target));
  // The machine's own programs each command started (`/usr/bin/psql`), as opposed to the skill's scripts and downloads.
  const systemStarted = new Map<string, Set<string>>();
  for (const event of events) if (event.kind === 'exec' && SYSTEM_PROGRAM.test(event.target)) systemStarted.set(event.command, (systemStarted.get(event.command) ?? new Set()).add(event.target.split('/').pop() ?? event.target));
  for (const event of events) {
    const add = (ruleId: string, severity: Violation['severity'], message: string) => violations.push({ ruleId, severity, message, event });
    // A destination or path the dry run invented for a placeholder is where the user points the skill:
    // recorded, not held to the declarations (a planted secret sent there still counts, below).
    const chosen = event.userChosen === true;
    switch (event.kind) {
      case 'file-read': {
        const kind = inside(event.target) ? undefined : credentialKindOf(event.target);
        // An interactive shell (`bash -i`) loads its own history as it starts: the shell's doing, not a read by the skill.
        const ownHistory = /\.(?:bash|zsh|sh)_history$/.test(event.target) && INTERACTIVE_SHELL.test(event.command);
        // A tool looking for its project configuration in a temporary folder the command made (`cd /tmp/x && npm pack`
        // looks for /tmp/x/.npmrc) finds nothing of the user's there.
        const lookupInTemp = event.missing === true && SCRATCH.test(event.target);
        // One of the machine's own programs looking up the account it runs as (Debian's `psql` wrapper asks for the user's
        // entry, and as root the C library opens /etc/shadow): the system's lookup, not a read by the skill, unless the
        // command names the file or the program is an interpreter or a tool that reads files it is given.
        const accountLookup =
          ACCOUNT_DATABASE.test(event.target) &&
          event.program !== undefined &&
          !INTERPRETER_PROGRAM.test(event.program) &&
          !FILE_READING_PROGRAM.test(event.program) &&
          (systemStarted.get(event.command)?.has(event.program) ?? false) &&
          !/\bg?shadow\b/.test(event.command);
        if ((credentialFiles.has(event.target) || kind !== undefined) && !secretDeclared(event.target) && !ownHistory && !lookupInTemp && !accountLookup) {
          const what = kind === undefined ? '' : ` (${kind.what})`;
          const tried = event.missing === true ? 'tried to read' : event.refused === true ? 'tried to read (and was refused)' : 'read';
          const absent = event.missing === true ? ' It does not exist in the dry run, but looking for it shows what the skill is after.' : '';
          // The program that owns the file reading it (`git` and ~/.netrc as it logs in, `twine` and ~/.pypirc):
          // the login is used, not read out; the user should still know which login the skill relies on.
          // A CLI written in an interpreted language (`gcloud` is Python) shows up as its interpreter: the command's own program,
          // or a program the command started, is then the owner.
          const owners = event.program !== undefined && INTERPRETER_PROGRAM.test(event.program) ? [commandProgram(event.command), ...(started.get(event.command) ?? [])] : [event.program];
          if (owners.some((owner) => owner !== undefined && readsOwnCredential(owner, event.target)) && !handedAsData(events, event)) {
            add('dryrun-credential-read', 'medium', `\`${event.command}\` ran ${event.program}, which ${tried === 'read' ? 'read' : tried} its own credential file ${event.target}${what} to log in. That uses the user's login rather than reading it out; declare the path under capabilities.filesystem.read so the user knows the skill relies on it.`);
            break;
          }
          add('dryrun-credential-read', 'critical', `\`${event.command}\` ${tried} the credential file ${event.target}${what}${event.via === undefined ? '' : ` through ${event.via}`}, which the entry does not declare.${absent} A skill must not read credentials it does not need; if it does need them, declare the path under capabilities.filesystem.read.`);
        }
        break;
      }
      case 'file-write':
        if (PERSISTENCE_PATTERNS.some((pattern) => pattern.test(event.target)) && chosen) {
          add('dryrun-persistence', 'medium', `\`${event.command}\` wrote ${event.target}, a file that makes code run again later, which the command names as its argument: the user's choice (a dotfiles or shell set-up tool). Check what it writes there.`);
        } else if (PERSISTENCE_PATTERNS.some((pattern) => pattern.test(event.target)) && writeAllowed.some((allowed) => allowed(event.target))) {
          add('dryrun-persistence', 'medium', `\`${event.command}\` wrote ${event.target}, which makes code run again later. The entry declares this path under capabilities.filesystem.write, so this is the skill's stated job; check what it writes.`);
        } else if (PERSISTENCE_PATTERNS.some((pattern) => pattern.test(event.target)) && event.schedulesNamedCommand === true) {
          add('dryrun-persistence', 'medium', `\`${event.command}\` wrote ${event.target}, a scheduler entry that runs what the command line names (not the skill's own code, nothing downloaded or decoded): a scheduling helper doing what it was asked. Say so in SKILL.md, ask the user first, and declare the path under capabilities.filesystem.write.`);
        } else if (PERSISTENCE_PATTERNS.some((pattern) => pattern.test(event.target)) && event.shellSetupOnly === true) {
          add('dryrun-persistence', 'medium', `\`${event.command}\` added shell set-up lines to ${event.target} (aliases, functions, PATH or tool initialisation; nothing that downloads, decodes or talks to the network). Allowed when the user asked for it, but every new shell runs them: say so in SKILL.md and declare the path under capabilities.filesystem.write.`);
        } else if (PERSISTENCE_PATTERNS.some((pattern) => pattern.test(event.target))) {
          add('dryrun-persistence', 'critical', `\`${event.command}\` ${(event as { refused?: boolean }).refused === true ? 'tried to write' : 'wrote'} ${event.target}, which makes code run again later (persistence). Skills must not change shell start-up files, schedulers or autostart entries; remove this from the skill.`);
        } else if (!chosen && !inside(event.target) && !SCRATCH.test(event.target) && !CACHE_PATTERNS.some((pattern) => pattern.test(event.target)) && !writeAllowed.some((allowed) => allowed(event.target))) {
          const verb = (event as { refused?: boolean }).refused === true ? 'tried to write' : 'wrote';
          if (plantedFiles.has(event.target) && OWN_LOGIN_EDIT.test(event.command)) {
            add('dryrun-rewrite-outside', 'medium', `\`${event.command}\` changed ${event.target} through the tool's own command for storing or forgetting a login. Say so in SKILL.md and ask first; declare the path under capabilities.filesystem.write.`);
          } else if (plantedFiles.has(event.target) && OWN_CONFIG_SET.test(event.command) && !risky(event.command)) {
            add('dryrun-rewrite-outside', 'medium', `\`${event.command}\` changed a setting in ${event.target} through the tool's own config command. Say so in SKILL.md and ask first; declare the path under capabilities.filesystem.write.`);
          } else if (plantedFiles.has(event.target)) {
            add('dryrun-rewrite-outside', 'high', `\`${event.command}\` ${verb} the user's existing file ${event.target}, outside the skill and the working directory. A skill must not change the user's files; if it must, declare the path under capabilities.filesystem.write.`);
          } else {
            add('dryrun-undeclared-write', 'medium', `\`${event.command}\` ${verb} ${event.target}, outside the skill and the working directory, and the entry does not declare it. Declare the path under capabilities.filesystem.write, or write inside the working directory.`);
          }
        }
        break;
      case 'file-delete':
        // Tools prune their own caches (npm's `_cacache/tmp`) and their shared-memory semaphores (`/dev/shm/sem.*`): not the user's files.
        if (!chosen && !created.has(`${event.command}\0${event.target}`) && !inside(event.target) && !SCRATCH.test(event.target) && !CACHE_PATTERNS.some((pattern) => pattern.test(event.target)) && !writeAllowed.some((allowed) => allowed(event.target))) {
          add('dryrun-delete-outside', 'critical', `\`${event.command}\` deleted ${event.target}, outside the skill and the working directory. A skill must never delete the user's files; remove the deletion.`);
        }
        break;
      case 'exec': {
        const name = event.target.split('/').pop() ?? event.target;
        const ranLine = [name, ...((event as { argv?: string[] }).argv ?? []).slice(1)].join(' ');
        // A scheduler not in the sandbox shows no arguments: the skill's own calls of it say whether it only lists.
        const listed = event.found === false && event.listsOnly === true;
        if (PERSISTENCE_COMMANDS.has(name) && !READS_SCHEDULE.test(ranLine) && !listed) {
          // A scheduler the entry declares is the skill's stated job (a crontab helper): a warning the user sees, not a refusal.
          if (declared.commands.includes(name)) add('dryrun-persistence', 'medium', `\`${event.command}\` ran ${name}, which schedules code to run later. The entry declares ${name}, so this is the skill's stated job; check what it schedules.`);
          else add('dryrun-persistence', 'critical', `\`${event.command}\` ran ${name}, which schedules code to run later (persistence). Remove the scheduling from the skill, or declare ${name} under capabilities.commands if scheduling is its job.`);
        }
        const args = ((event as { argv?: string[] }).argv ?? []).map(String);
        const argv = args.join(' ');
        if (NETWORK_CLIENTS.has(name)) {
          // The addresses the client goes to are its own arguments; an address inside a request body or a header
          // (`-d '{"url":"http://169.254.169.254/"}'`, `-H "Referer: https://…"`) is data it sends, not a destination.
          const urls = args.flatMap((arg, index) => (PAYLOAD_OPTION.test(args[index - 1] ?? '') || (/^--?[\w-]+=/.test(arg) && !/^--url=/.test(arg)) ? [] : (/^(?:--url=)?([a-z][a-z0-9+.-]*:\/\/[^\s'"]+)$/i.exec(arg)?.[1] ?? [])));
          for (const url of urls) {
            const { host, port } = networkHost({ target: url });
            if (host !== '' && !LOOPBACK.test(host) && !userChose(event.command, host) && !hostAllowed(host, port, network)) {
              const declaredText = declared.network.length === 0 ? 'no network' : declared.network.join(', ');
              add('dryrun-undeclared-egress', isOwnNetworkHost(host) ? 'medium' : 'high', `\`${event.command}\` ran ${name} against ${url}, but the entry declares ${declaredText}.${isOwnNetworkHost(host) ? ' It is on the user\'s own network: only a machine there, or the machine\'s own link, can answer.' : ''} Add the host to capabilities.network, or remove the download or upload.`);
            }
          }
        }
        // A token handed to a client for a request to its own service (`curl https://api.anthropic.com -H "x-api-key: $ANTHROPIC_API_KEY"`) is used, not leaked.
        const argvHosts = (argv.match(/\b[a-z][a-z0-9+.-]*:\/\/[^\s'"]+/gi) ?? []).map((url) => networkHost({ target: url }).host).filter((host) => host !== '');
        const toOwnService = argvHosts.length > 0 && canaryNames(argv).length > 0 && canaryNames(argv).every((location) => argvHosts.every((host) => secretBelongsTo(location, host)));
        if (event.canary && !toOwnService && !canaryDeclared(argv, declared)) {
          add('dryrun-canary-exfiltration', 'critical', `\`${event.command}\` passed a planted secret to ${name} on its command line (${undeclaredSecrets(argv, declared).join(', ') || 'encoded'}). A skill must not hand credentials it did not declare to other programs; declare the variable under capabilities.env if the tool needs it.`);
        }
        break;
      }
      case 'dns':
      case 'connect':
      case 'http': {
        const { host, port } = networkHost(event);
        // A planted secret sent only to the service it belongs to (ANTHROPIC_API_KEY to api.anthropic.com,
        // the npm token to the npm registry) is being used, not leaked.
        const toOwners = canaryNames(JSON.stringify(event)).every((location) => secretBelongsTo(location, host)) && canaryNames(JSON.stringify(event)).length > 0;
        if (event.canary && !toOwners && !(hostAllowed(host, port, network) && canaryDeclared(JSON.stringify(event), declared))) {
          add('dryrun-canary-exfiltration', 'critical', `\`${event.command}\` sent a planted secret to ${event.target} (${event.kind}). The skill leaks credentials off the machine; it must never send secrets it was not explicitly given for that host.`);
        }
        // Loopback stays inside the sandbox: a skill talking to a server it started (or a local lab) sends nothing out.
        if (!chosen && !LOOPBACK.test(host) && !hostAllowed(host, port, network)) {
          const declaredText = declared.network.length === 0 ? 'no network' : declared.network.join(', ');
          // A private or link-local address, or a name only a private resolver answers (`db.internal`), is a lab, the user's own
          // network or the machine's own link: no stranger on the internet receives it. Still reported, as a warning; a planted
          // secret sent there still fails above.
          if (event.unsent === true) add('dryrun-undeclared-egress', 'medium', `\`${event.command}\` connected a UDP socket to ${event.target}, which the entry does not declare (${declaredText}), and sent nothing the trace saw: a program does this to learn its own address. A program that writes on such a socket is not traced, so check what it does; declare the host if the skill sends there.`);
          else if (isOwnNetworkHost(host)) add('dryrun-undeclared-egress', 'medium', `\`${event.command}\` reached ${event.target} (${event.kind}) on the user's own network, which the entry does not declare (${declaredText}). Only a machine there, or the machine's own link, can answer; declare it if the skill needs it.`);
          else add('dryrun-undeclared-egress', 'high', `\`${event.command}\` reached ${event.target} (${event.kind}), but the entry declares ${declaredText}. Add the host to capabilities.network, or remove the network access.`);
        }
        break;
      }
      case 'limit': {
        const limit = String((event as { limit?: string }).limit ?? event.target);
        if (limit === 'background') {
          add('dryrun-limit-background', 'medium', `\`${event.command}\` finished, but left processes running in the background that were still running when the wall time ran out (${event.target}); they were stopped, and what they would have done later was not seen. A skill should not leave processes behind; if it starts a server or an agent, say so in SKILL.md and stop it when done.`);
          break;
        }
        // A client left waiting on a protocol the sinkhole does not speak (ssh, a database) runs out of wall time without doing anything.
        const waitingOnSinkhole = limit === 'wall-time' && events.some((other) => other.command === event.command && other.kind === 'connect' && other.unsent !== true && !/:(?:80|443|53|8080|8443)$/.test(other.target));
        if (waitingOnSinkhole) {
          add('dryrun-limit-wall-time', 'medium', `\`${event.command}\` ran out of wall time (${event.target}) while connected to a service the dry run's sinkhole cannot answer; what it would have done after that was not seen.`);
          break;
        }
        // A server or a debugger started to wait for a client (`python3 -m http.server 9009`, `node --inspect-brk app.js`), alone on
        // its line, runs until someone stops it; one that also ran out of CPU time was busy, not waiting.
        const busy = events.some((other) => other.command === event.command && other.kind === 'limit' && String((other as { limit?: string }).limit) === 'cpu');
        if (limit === 'wall-time' && WAITS_FOR_CLIENT.test(event.command) && !busy) {
          add('dryrun-limit-wall-time', 'medium', `\`${event.command}\` starts a server or debugger that waits for a client and ran out of wall time (${event.target}) waiting; what it would have done for a client was not seen.`);
          break;
        }
        // Out of wall time having mostly waited (under half its CPU budget), and trying to reach nothing off the machine:
        // a supervisor loop, a watcher or a server with no client. A miner burns CPU, and one throttled below that needs a pool to reach.
        // A UDP socket connected to pick a route and the name of its own address looked up are how a server learns where it listens.
        const learnsOwnAddress = (other: DryRunEvent) => other.unsent === true || (other.kind === 'dns' && isOwnReverseName(other.target.toLowerCase().replace(/\.$/, '')));
        // Requests to the targets the user names (a polite probe of the user's own site, its delay between requests) are the job's.
        const reachedOut = events.some((other) => other.command === event.command && leavesMachine(other) && other.userChosen !== true && !learnsOwnAddress(other));
        if (limit === 'wall-time' && event.idle === true && !reachedOut) {
          add('dryrun-limit-wall-time', 'medium', `\`${event.command}\` ran until the wall time (${event.target}) while using little CPU and reaching nothing off the machine: it waited (a server, a watcher or a restart loop). What it would have done later was not seen; a skill should say when a command runs until stopped.`);
          break;
        }
        // An interactive terminal (`pty.spawn("/bin/bash")`, `bash -i`) waits for a person to type: with no one there it runs out of time idle.
        if (limit === 'wall-time' && INTERACTIVE_SHELL.test(event.command)) {
          add('dryrun-limit-wall-time', 'medium', `\`${event.command}\` opens an interactive terminal and ran out of wall time (${event.target}) waiting for input; what it would have done after that was not seen.`);
          break;
        }
        // A search of the whole file system (`find / -perm -4000`, `getcap -r /`) is slow under the sandbox, not a miner.
        if (limit === 'cpu' && WHOLE_DISK_SEARCH.test(event.command)) {
          add('dryrun-limit-cpu', 'medium', `\`${event.command}\` searches the whole file system and ran out of CPU time (${event.target}); what else it would have done was not seen.`);
          break;
        }
        // Creating a virtual environment is slow under the sandbox's system-call tracing (pip bootstraps itself
        // into every venv), not a miner.
        if (limit === 'cpu' && PACKAGE_TOOL_WORK.test(event.command)) {
          add('dryrun-limit-cpu', 'medium', `\`${event.command}\` creates a virtual environment and ran out of CPU time under the sandbox (${event.target}); what it would have done after that was not seen.`);
          break;
        }
        // A script that runs a package manager's CLI again and again (`npm view` for each field, `pip show` per package): each start
        // costs seconds of CPU under the sandbox, spread over many short processes, and it talks only web and name service ports.
        // A miner is one long process, and its pool rarely listens on 443 alone.
        const toolStarts = events.filter((other) => other.command === event.command && other.kind === 'exec' && PACKAGE_CLI.test(other.target.split('/').pop() ?? other.target)).length;
        const webOnly = events.every((other) => other.command !== event.command || !leavesMachine(other) || other.kind === 'dns' || /:(?:80|443|53)$/.test(other.target) || (other.kind === 'http' && /^https?:\/\/[^/:]+(?:[/?#]|$)/.test(other.target)));
        if (limit === 'cpu' && toolStarts >= 3 && webOnly) {
          add('dryrun-limit-cpu', 'medium', `\`${event.command}\` runs a package manager ${toolStarts} times and ran out of CPU time under the sandbox (${event.target}); what it would have done after that was not seen.`);
          break;
        }
        // Work that only burns CPU (an audit script walking the system, a long computation) with no attempt to reach
        // another machine: a miner is worth nothing without its pool, so nothing here shows one.
        if (limit === 'cpu' && !events.some((other) => other.command === event.command && leavesMachine(other))) {
          add('dryrun-limit-cpu', 'medium', `\`${event.command}\` ran out of CPU time (${event.target}) without trying to reach another machine; what it would have done after that was not seen. Make the command finish within the limits.`);
          break;
        }
        add(`dryrun-limit-${limit}`, 'high', `\`${event.command}\` hit the ${limit} limit (${event.target}). Dry-run commands must finish quickly with modest resources; a miner, a fork bomb or a disk filler looks like this. Make the command finish within the limits.`);
        break;
      }
      default:
        break;
    }
  }
  return calibrate(violations, events);
}

/**
 * What the skill was seen to use, in capability form (sorted, unique). Values are as observed (an IPv6
 * literal, a name with an underscore, a path with a space), never held to the grammar authors write in.
 * Destinations the user chose (the dry run's sample values) are not the skill's and are left out.
 */
export function observedCapabilities(events: DryRunEvent[], honeypot: Honeypot): ObservedCapabilities {
  const network = new Set<string>();
  const env = new Set<string>();
  const read = new Set<string>();
  const write = new Set<string>();
  const commands = new Set<string>();
  const envNames = new Set(honeypot.secrets.filter((secret) => secret.location.startsWith('env:')).map((secret) => secret.location.slice(4)));
  for (const event of events) {
    // Reports carry `<canary env:NAME>` in place of a planted variable's value: seeing it means the variable was used.
    for (const match of JSON.stringify(event).matchAll(/<canary env:(\w+)>/g)) if (envNames.has(match[1])) env.add(match[1]);
    if (event.kind === 'dns' || event.kind === 'connect' || event.kind === 'http') {
      if (event.userChosen === true) continue;
      const host = networkHost(event).host.toLowerCase();
      if (host !== '') network.add(host);
    } else if (event.kind === 'file-read' && !inside(event.target)) read.add(event.target);
    else if ((event.kind === 'file-write' || event.kind === 'file-delete') && !inside(event.target)) write.add(event.target);
    else if (event.kind === 'exec' && (event as { found?: boolean }).found !== false) {
      const name = event.target.split('/').pop() ?? event.target;
      if (!event.target.startsWith('./')) commands.add(name);
    } else if (event.kind === 'exec') commands.add(event.target);
  }
  const sorted = (set: Set<string>) => [...set].sort();
  return { network: sorted(network), env: sorted(env), filesystem: { read: sorted(read), write: sorted(write) }, commands: sorted(commands) };
}

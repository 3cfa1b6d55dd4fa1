/**
 * Compares inferred capabilities with the entry's declared ones: each undeclared host, variable,
 * path or command is a finding. Without an entry (an ad-hoc scan) there is nothing to compare with,
 * and this detector stays silent.
 */
import { SENSITIVE_FILE, escapeRegExp, sshCommandSpans, urlHosts } from '../knowledge.ts';
import { SECRET_ENV_NAME } from '../code.ts';
import { fromMarkdown, useDeclared, type CapabilityUse } from '../capabilities.ts';
import { AGENT_CONFIG_FILE, PERSISTENCE_FILE, severityRank } from '../../core/index.ts';
import { isPackageRegistry } from '../intent/model.ts';
import type { RawFinding, SourceFile } from '../model.ts';
import { usesByContext } from './capability-inventory.ts';
import type { ScanContext } from './types.ts';

function severityOf(use: CapabilityUse): { severity: RawFinding['severity']; field: string } {
  switch (use.kind) {
    case 'network':
      return { severity: 'high', field: 'capabilities.network' };
    case 'filesystem.read':
      // A credential read with no path out is a warning with the declaration fix; a path out is
      // credential-exfiltration's finding, which fails.
      return { severity: 'medium', field: 'capabilities.filesystem.read' };
    case 'filesystem.write':
      // Files that run code later, grant access or steer the agent; other system paths (a package
      // source list, a keyring) are what installers write, and warn until declared.
      return { severity: SENSITIVE_FILE.test(use.value) || PERSISTENCE_FILE.test(use.value) || AGENT_CONFIG_FILE.test(use.value) || /^~\/\.(?:config\/autostart|claude)\b/.test(use.value) ? 'high' : 'medium', field: 'capabilities.filesystem.write' };
    case 'env':
      return { severity: SECRET_ENV_NAME.test(use.value) ? 'medium' : 'low', field: 'capabilities.env' };
    case 'commands':
      return { severity: 'medium', field: 'capabilities.commands' };
  }
}

/**
 * A download piped into a shell or interpreter, or run through `sh -c "$(curl …)"`. An interpreter handed its own
 * program (`python3 -c '…'`, `node -e '…'`, `sh -c '…'`) reads what is piped in as data.
 */
const REMOTE_CODE_RUN = /\b(?:curl|wget|iwr|irm|Invoke-WebRequest|Invoke-RestMethod)\b[^|\n]*\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?:\/usr\/bin\/env\s+|\/bin\/|\/usr\/bin\/)?(?:(?:ba|z|k|da|fi)?sh(?!\s+-c\b)|python[23]?(?!\s+(?:-\w+\s+)*-c\b)|node(?!\s+(?:-\w+\s+)*-[ep]\b)|perl(?!\s+(?:-\w+\s+)*-[nl]*e\b)|ruby(?!\s+(?:-\w+\s+)*-[nl]*e\b)|iex|Invoke-Expression)\b|\b(?:ba|z)?sh\s+(?:-\w+\s+)*["']?\$\(\s*(?:curl|wget)\b/;

/** A line that also sends or fetches: a printed value piped into a request, or a request beside the print. */
const SENDS_ON_LINE = /(?:^|[|;&(]\s*)(?:curl|wget|nc|ncat|socat|http|xh|Invoke-WebRequest|Invoke-RestMethod|iwr|irm)\b|\b(?:requests\.\w+|urlopen|fetch|axios\.\w+)\s*\(/;

/** A line that prints a link, names a schema or is a comment: the URL on it is text for a reader. */
const SHOWN_LINK = /\b(?:echo|printf|print|puts|console\.(?:log|error|warn|info)|Write-(?:Host|Output|Warning)|log(?:ger)?\.(?:info|warn|warning|error|debug)|say|die|warn)\b|["']?\$schema["']?\s*[:=]|^\s*(?:#|\/\/|\*|--|<!--)/;

/** A statement of a message helper's body: printing, testing, returning or exiting, nothing that runs or fetches its arguments. */
const MESSAGE_STATEMENT = /^(?:echo|printf|exit|return|command\s+-v|type|which|hash|test|\[\[?|\]\]?|local|:|true|false|>&2|1>&2|\{|\})(?:\s|$)/;

/**
 * Shell functions of a script whose body only prints its arguments and exits (`need() { command -v "$1" >/dev/null ||
 * { echo "install $1: $2" >&2; exit 1; }; }`), on one line or several.
 */
function messageHelpers(text: string): string[] {
  const helpers: string[] = [];
  for (const match of text.matchAll(/^[ \t]*(?:function\s+)?([A-Za-z_][\w-]*)\s*\(\)\s*\{(.*)$/gm)) {
    // The body: the rest of the line when it closes there, else up to the first line that is a lone `}`.
    let body = match[2];
    if (!/\}\s*;?\s*$/.test(body)) {
      const rest = text.slice((match.index ?? 0) + match[0].length);
      const end = /^[ \t]*\}[ \t]*$/m.exec(rest);
      if (!end) continue;
      body = `${body}\n${rest.slice(0, end.index)}`;
    }
    const statements = body.split(/\n|;|\|\||&&/).map((part) => part.trim().replace(/^[{}]\s*/, '').replace(/\s*[{}]$/, '').trim()).filter((part) => part !== '');
    if (statements.length > 0 && /\b(?:echo|printf)\b/.test(body) && statements.every((part) => MESSAGE_STATEMENT.test(part))) helpers.push(match[1]);
  }
  return helpers;
}

/** Lines of each skill file with message-helper calls read as the `echo` they are, worked out once per file. */
const shownLines = new WeakMap<SourceFile, string[]>();

function linesAsShown(file: SourceFile): string[] {
  let lines = shownLines.get(file);
  if (!lines) {
    const helpers = file.language === 'shell' ? messageHelpers(file.text) : [];
    const call = helpers.length > 0 ? new RegExp(`^\\s*(?:${helpers.map((name) => name.replace(/[-]/g, '\\-')).join('|')})\\b`) : undefined;
    lines = file.text.split('\n').map((text) => (call?.test(text) ? `echo ${text}` : text));
    shownLines.set(file, lines);
  }
  return lines;
}

/** The line of a skill file, at or after `line`, that holds the host's URL ('' when none does); a call of a message helper reads as the echo it is. */
function lineOf(context: ScanContext, path: string, line: number, host: string): string {
  const file = context.files.find((entry) => entry.path === path);
  if (!file) return '';
  const lines = linesAsShown(file);
  for (let index = Math.max(0, line - 1); index < Math.min(lines.length, line + 60); index += 1) if (lines[index].toLowerCase().includes(host)) return lines[index];
  return '';
}

/**
 * A link to a page that a function builds and hands back (`return {"uri": uri}, f"https://bsky.app/profile/{handle}/post/{rkey}"`):
 * a template whose path the program fills, returned outside any call. What the caller does with it is its own line.
 */
function returnedLink(line: string, host: string): boolean {
  const match = /^\s*return\b(.*)$/.exec(line);
  if (!match) return false;
  const at = match[1]!.toLowerCase().indexOf(`://${host}`);
  if (at < 0) return false;
  const before = match[1]!.slice(0, at);
  const opened = (before.match(/\(/g) ?? []).length - (before.match(/\)/g) ?? []).length;
  return opened === 0 && /(?:\bf["']|`)https?$/.test(before) && /^[^"'`\s]*\/[^"'`\s]*(?:\{|\$\{)/.test(match[1]!.slice(at + 3 + host.length));
}

/** A line that only tests a value against the constant (`STORE_URLS.some((u) => url.startsWith(u))`, `if host in ALLOWED`). */
const COMPARISON_USE = /\.(?:startsWith|endsWith|startswith|endswith|includes|has|indexOf)\(|\bin\s+[A-Za-z_]\w*\b|[!=]==?/;
/** A use that takes items out of the constant (written `NAME`): a loop, `.find`, `.forEach`, an index, an argument, a spread. What comes out may be connected to later. */
const TAKES_ITEMS = /\bfor\b[^\n]*\bNAME\b|\bNAME\s*\.\s*(?:find|filter|map|forEach|flatMap|reduce|at|pop|shift|values|entries)\s*\(|\bNAME\s*\[|[(,]\s*NAME\s*[,)]|\*\s*NAME\b/;
/** Anything on a line that could open a connection or hand the value on to something that does. */
const CONNECTING_USE = /\b(?:fetch|request|get|post|put|urlopen|urlretrieve|axios|got|open|download|connect|send|spawn|exec\w*|system|popen|run|call|Request|WebSocket|XMLHttpRequest|http|https|requests|urllib|curl|wget)\b\s*[.(]|\breturn\b|\byield\b/;

/**
 * Whether the URL on `line` sits in a named constant of string literals (`const STORE_UPDATE_URLS = [ "https://…", … ]`)
 * that the script only ever compares other values with: a list of known addresses to recognise, not a connection.
 */
function comparedOnly(context: ScanContext, path: string, line: number): boolean {
  const file = context.files.find((entry) => entry.path === path);
  if (!file || (file.language !== 'javascript' && file.language !== 'python')) return false;
  const lines = file.text.split('\n');
  let name: string | undefined;
  let start = -1;
  for (let index = line - 1; index >= Math.max(0, line - 15); index -= 1) {
    const text = lines[index];
    const declaration = /^\s*(?:export\s+)?(?:const|let|var|final)?\s*([A-Za-z_]\w*)\s*(?::[^=]+)?=\s*(?:new\s+Set\(|frozenset\(|set\(|tuple\(|Object\.freeze\()?\s*[[({]\s*(.*)$/.exec(text);
    if (declaration) {
      name = declaration[1];
      start = index;
      break;
    }
    // Only string items (and comments) between the declaration and the URL.
    if (!/^\s*(?:(?:["'`][^"'`]*["'`](?:\s*,)?\s*)+|\/\/.*|#.*)?$/.test(text)) return false;
  }
  if (name === undefined || name.length < 3) return false;
  // The declaration's own items are string literals only, up to its closing bracket.
  for (let index = start + 1; index < lines.length; index += 1) {
    if (/^\s*[\])}]+\)?\s*;?\s*(?:\/\/.*|#.*)?$/.test(lines[index])) break;
    if (!/^\s*(?:(?:["'`][^"'`$]*["'`](?:\s*,)?\s*)+|\/\/.*|#.*)?$/.test(lines[index])) return false;
    if (index - start > 200) return false;
  }
  const reference = new RegExp(`\\b${name}\\b`);
  const uses = lines.filter((text, index) => index !== start && reference.test(text));
  return uses.length > 0 && uses.every((text) => COMPARISON_USE.test(text) && !TAKES_ITEMS.test(text.replace(new RegExp(reference.source, 'g'), 'NAME')) && !CONNECTING_USE.test(text.replace(/\.(?:startsWith|endsWith|startswith|endswith|includes|has|indexOf|some|every|any|all)\(/g, '(')));
}

/**
 * An address a shell script binds to a variable or an array (`EXPLORER=( [mainnet]=https://etherscan.io … )`) whose every use prints
 * it (`echo "${EXPLORER[$CHAIN]}/tx/$h"`): a link shown to the user, not a place the script connects to.
 */
function printedOnly(context: ScanContext, path: string, host: string): boolean {
  const file = context.files.find((entry) => entry.path === path);
  if (!file || file.language !== 'shell') return false;
  const lines = file.text.split('\n');
  const at = lines.findIndex((text) => text.toLowerCase().includes(`://${host}`));
  if (at < 0) return false;
  let name: string | undefined;
  let start = at;
  for (let index = at; index >= Math.max(0, at - 5); index -= 1) {
    const binding = /^\s*(?:(?:declare|typeset|local|readonly)\s+(?:-\w+\s+)*|export\s+)?([A-Za-z_]\w*)=/.exec(lines[index]!);
    if (binding) {
      name = binding[1];
      start = index;
      break;
    }
  }
  if (name === undefined || name.length < 3) return false;
  const reference = new RegExp(`\\$\\{?${name}\\b`);
  const uses = lines.filter((text, index) => (index < start || index > at) && reference.test(text));
  return uses.length > 0 && uses.every((text) => SHOWN_LINK.test(text) && !SENDS_ON_LINE.test(text) && !/\$\(|`/.test(text));
}

/** Hosts whose downloads the skill's commands execute. */
function executedHosts(context: ScanContext): Set<string> {
  const hosts = new Set<string>();
  for (const unit of context.facts) {
    for (const command of unit.commands) {
      if (REMOTE_CODE_RUN.test(command.text)) for (const { host } of urlHosts(command.text)) hosts.add(host);
    }
  }
  return hosts;
}

/**
 * A folder created or locked down (`mkdir -p ~/.gnupg && chmod 700 ~/.gnupg`) on the way to a declared file inside it:
 * every mention of the folder on the line is `mkdir` or a `chmod` that only takes rights away from group and others.
 */
function parentPrepared(use: { kind: string; value: string; evidence: string }, declaredWrites: readonly string[], context: ScanContext): boolean {
  if (use.kind !== 'filesystem.write') return false;
  const folder = use.value.replace(/\/$/, '');
  if (!declaredWrites.some((path) => normalise(path).startsWith(`${folder}/`))) return false;
  const spellings = [folder, folder.replace(/^~/, '$HOME'), folder.replace(/^~/, '${HOME}')].map(escapeRegExp);
  const mention = new RegExp(`["']?(?:${spellings.join('|')})/?["']?(?![\\w./-])`, 'g');
  // Every command of the skill that names the folder itself (not a file in it), not only the first one recorded.
  const parts = [use.evidence, ...context.facts.flatMap((unit) => unit.commands.map((command) => command.text))].flatMap((text) => text.split(/&&|\|\||;|\n/));
  let seen = 0;
  for (const part of parts) {
    const count = [...part.matchAll(mention)].length;
    if (count === 0) continue;
    seen += count;
    if (!/^\s*(?:mkdir(?:\s+-(?:p|m\s*0?700|pm\s*0?700))*|chmod\s+(?:0?700|go-rwx|og-rwx|g-rwx,o-rwx))\s+["']?\S+["']?\s*$/.test(part)) return false;
  }
  return seen > 0;
}

/** A path with `$HOME` written as `~` and no trailing slash, as declarations are compared. */
function normalise(path: string): string {
  return path.replace(/^(?:\$HOME|\$\{HOME\})/, '~').replace(/\/$/, '');
}

/**
 * Whether the command on a script's line is handed to another machine: a quoted command line given to `ssh host '…'`, or to a
 * function of the same script whose body runs `ssh … "$@"` (`rssh() { ssh -o BatchMode=yes "$host" "$@"; }` then
 * `rssh 'mkdir -p ~/.kaggle && cat > ~/.kaggle/kaggle.json'`). Its paths are that machine's, not the user's here.
 */
function runsRemotely(context: ScanContext, path: string, line: number, value: string): boolean {
  const file = context.files.find((entry) => entry.path === path);
  if (!file || file.language !== 'shell') return false;
  // A command line handed over on several lines: the value is the other machine's when it is inside it and not before it on the opening line.
  const remoteName = value.replace(/\/$/, '');
  for (const span of sshCommandSpans(file)) {
    const opening = file.text.lastIndexOf('\n', span.open) + 1;
    if (span.first < line && line <= span.last) return true;
    if (span.first === line && file.text.slice(span.open, span.close).includes(remoteName) && !file.text.slice(opening, span.open).includes(remoteName)) return true;
  }
  const text = file.text.split('\n')[line - 1] ?? '';
  const wrappers = [...file.text.matchAll(/^\s*(?:function\s+)?([A-Za-z_][\w-]*)\s*(?:\(\s*\))?\s*\{(?:[^}\n]|\$\{[^}\n]*\})*\bssh\b(?:[^}\n]|\$\{[^}\n]*\})*"\$@"[^}\n]*\}/gm)].map((match) => escapeRegExp(match[1]!));
  const hands = new RegExp(`(?:^\\s*|[|;&(]\\s*|\\$\\(\\s*)(?:ssh\\b[^'"|;&\\n]*${wrappers.length > 0 ? `|(?:${wrappers.join('|')})\\s+` : ''})["']`);
  const handed = hands.exec(text);
  if (handed === null) return false;
  // The command line handed over is the quoted string that follows. Only what is inside it is the other machine's: a key
  // read here (`ssh -i ~/.ssh/id_ed25519 host '…'`, `rssh 'cat > ~/.ssh/k' < ~/.ssh/k`) is this one's, and so is what a
  // double-quoted line expands here before sending (`ssh host "echo '$(cat ~/.aws/credentials)' > f"`).
  // One shell word, however its quotes are joined (`'awk '"'"'{…}'"'"' ~/.netrc'`).
  const from = handed.index + handed[0].length - 1;
  let at = from;
  let remote = '';
  while (at < text.length && !/\s/.test(text[at]!)) {
    const quote = text[at]!;
    if (quote === "'" || quote === '"') {
      const close = text.indexOf(quote, at + 1);
      if (close === -1) return false;
      const part = text.slice(at + 1, close);
      if (quote === '"' && /\$\(|`/.test(part)) return false;
      remote += part;
      at = close + 1;
    } else {
      remote += quote;
      at += 1;
    }
  }
  const name = value.replace(/\/$/, '');
  return remote.includes(name) && !`${text.slice(0, from)} ${text.slice(at)}`.includes(name);
}

/** Bumped when the logic changes, so the rule set digest changes with it; the metadata is in scanner/rules/undeclared-capability/rule.yaml. */
export const version = 13;

/** The undeclared-capability detector. */
/** A container build file (`Dockerfile`, `Containerfile`, `api.Dockerfile`, `Dockerfile.dev`). */
const CONTAINER_BUILD_FILE = /(?:^|\/)(?:[\w.-]+\.)?(?:Dockerfile|Containerfile)(?:\.[\w-]+)?$/;

export function detect(context: ScanContext): RawFinding[] {
  const declared = context.declared;
  if (!declared) return [];
  const findings: RawFinding[] = [];
  const executed = executedHosts(context);
  for (const use of usesByContext.get(context) ?? []) {
    if (useDeclared(use, declared)) continue;
    if (parentPrepared(use, declared.filesystem.write, context)) continue;
    // A container build file's `RUN` lines run inside the image it builds: its paths and programs are the image's, not the user's.
    if ((use.kind === 'filesystem.write' || use.kind === 'filesystem.read' || use.kind === 'commands') && CONTAINER_BUILD_FILE.test(use.file)) continue;
    // A command line handed to ssh runs on the machine it names: its paths and programs are that machine's.
    if ((use.kind === 'filesystem.write' || use.kind === 'filesystem.read' || use.kind === 'commands') && runsRemotely(context, use.file, use.line, use.value)) continue;
    const { severity: inferred, field } = severityOf(use);
    // Markdown examples are what the agent may run, not what it surely runs: they warn at most, unless
    // the example runs code fetched from the undeclared host (`curl https://host/x | sh`).
    // An official installer (installers.yaml) is still a host to declare, but not unknown code.
    const runsRemoteCode = use.kind === 'network' && executed.has(use.value) && !isPackageRegistry(use.value);
    // A link a script only prints or names as a schema (`echo "See https://docs.docker.com/…"`) is not a connection.
    // So is an address in a constant the script only compares other values with (a list of known store or vendor URLs).
    // Not a line that also sends (`printf '%s' "$event" | curl … https://host/…`): what it prints goes to that address.
    const shownLine = lineOf(context, use.file, use.line, use.value);
    const shownOnly = use.kind === 'network' && !runsRemoteCode && ((SHOWN_LINK.test(shownLine) && !SENDS_ON_LINE.test(shownLine)) || returnedLink(lineOf(context, use.file, use.line, use.value), use.value) || comparedOnly(context, use.file, use.line) || printedOnly(context, use.file, use.value));
    // A public package registry (npm, PyPI …) read for metadata is a host to declare, not an unknown destination.
    const registry = use.kind === 'network' && isPackageRegistry(use.value);
    const severity = (fromMarkdown(use) || shownOnly || registry) && !runsRemoteCode && severityRank(inferred ?? 'info') > severityRank('medium') ? 'medium' : inferred;
    findings.push({
      ruleId: 'undeclared-capability',
      file: use.file,
      line: use.line,
      evidence: use.evidence,
      severity,
      message: `${runsRemoteCode ? 'Runs code downloaded from' : 'Uses'} ${use.kind === 'commands' ? 'the command' : use.kind === 'env' ? 'the environment variable' : use.kind === 'network' ? 'the host' : 'the path'} \`${use.value}\`, which is not declared in ${field}.`,
      capabilityValue: use.value,
    });
  }
  return findings;
}

/**
 * Capabilities inferred from the code (network hosts, environment variables, paths outside the skill,
 * executables), and the comparison with what an entry declares.
 */
import { CommandNameSchema, EnvNameSchema, HostPatternSchema, noCapabilities, type Capabilities } from '../schemas/index.ts';
import type { CodeFacts, Segment, SourceFile } from './model.ts';
import { BARE_URL, NETWORK_SINK_CALL, isExampleHost, isIdentifierHost, isLocalHost, settingAddresses, urlHosts } from './knowledge.ts';

/** Where an inferred capability was seen first. */
export interface CapabilityUse {
  /** `network`, `env`, `filesystem.read`, `filesystem.write` or `commands`. */
  kind: 'network' | 'env' | 'filesystem.read' | 'filesystem.write' | 'commands';
  /** The host, variable, path or command. */
  value: string;
  /** File and line where it was seen. */
  file: string;
  line: number;
  /** The text that shows it. */
  evidence: string;
}

/** An option whose value is a command line (`--server "npm run dev"`, `--exec 'make test'`, `-c "docker compose up"`): the program it starts. */
const WRAPPED_COMMAND = /(?:^|\s)(?:--?[\w-]*(?:server|cmd|command|exec|run|start|serve|script|hook)|-c)(?:=|\s+)["']([a-z][\w.+-]*)\s+[^"'\n]*["']/g;

/** Whether a use was inferred from Markdown instructions rather than from a script. */
export function fromMarkdown(use: CapabilityUse): boolean {
  return /\.(?:md|markdown|mdx)$/i.test(use.file);
}

/** Commands that are shell syntax rather than programs a skill needs. */
const SHELL_BUILTINS = new Set([
  'echo', 'cd', 'export', 'set', 'unset', 'test', '[', '[[', 'printf', 'read', 'local', 'return', 'exit', 'source', '.', 'true', 'false',
  'shift', 'declare', 'typeset', 'readonly', 'let', 'eval', 'exec', 'trap', 'wait', 'alias', 'unalias', 'type', 'command', 'builtin', 'hash',
  'pushd', 'popd', 'dirs', 'getopts', 'break', 'continue', 'shopt', 'ulimit', 'umask', 'times', 'jobs', 'fg', 'bg', 'disown', 'kill', 'pwd', 'history',
  'then', 'else', 'fi', 'do', 'done', 'esac', 'in', 'function', 'select', 'until', 'while', 'for', 'if', 'case', 'time', 'sudo', 'env', 'xargs', 'nohup',
]);

/** Text right before a URL that makes it an XML namespace, schema or DTD identifier, also as a constant named for one (`NS = "http://maven.apache.org/SETTINGS/1.0.0"`). */
const XML_IDENTIFIER_CONTEXT = /(?:\bxmlns(?::[\w.-]+)?|\btargetNamespace|\bnamespace|\b(?:[A-Za-z]+_)?(?:NS|ns|NAMESPACE)(?:_(?:URI|URL))?\s*=|\b(?:xsi:)?(?:noNamespaceS|s)chemaLocation|\bPUBLIC\s+\\?"[^"]*\\?"|\bSYSTEM)\s*=?\s*\\?["']$/;

/** Just before an address: an entry of a mapping named for XML namespaces (`NS = {"sm": `, `nsmap={None: `, `namespaces = {'a': '…', "b": `). */
const NAMESPACE_MAP_ENTRY = /\b(?:[A-Za-z]+_)?(?:NS|ns|NSMAP|nsmap|NAMESPACES?|[Nn]amespaces?|XMLNS|xmlns)(?:_(?:MAP|URIS?))?\s*[:=]\s*\{(?:\s*(?:["'][\w.-]*["']|None)\s*:\s*["'][^"'\n]*["']\s*,)*\s*(?:["'][\w.-]*["']|None)\s*:\s*["']$/;

/** Just before an address: inside a user-agent string, after the product token and the comment's `+` (`"Foo/2.1 (compatible; +`, `"Bot/1.0 (+`). */
const USER_AGENT_LINK = /(?:^|["'`])[\w.-]+\/[\w.-]+(?:\s+[\w.-]+\/[\w.-]+)*\s*\([^()"'`\n]*\+$/;

/** A line that binds a constant named for an XML namespace to one URL (`NS = "http://…"`, `const XMLNS_URI = '…';`). */
const NAMESPACE_CONSTANT = /^\s*(?:(?:const|let|var|final|static|private|public|readonly|val)\s+)*(?:[A-Za-z]+_)?(?:NS|XMLNS|NAMESPACE)(?:_(?:URI|URL))?\s*(?::\s*\w+\s*)?=\s*["'](?:https?|urn):[^"'\s]+["']\s*;?\s*$/;

/** A program's use of XML namespaces. */
const XML_NAMESPACE_API = /\bregister_namespace\b|\bnsmap\b|\bnamespaces\s*=|\bxmlns\b|\b(?:createElementNS|setAttributeNS|getElementsByTagNameNS|lookupNamespaceURI)\b|\bXNamespace\b|\bElementTree\b|\blxml\b/;

/** Paths every system has that say nothing about what a skill touches. */
const ORDINARY_PATH = /^\/(?:dev\/(?:null|stdin|stdout|stderr|tty|zero|u?random|fd\/\d)|tmp(?:\/|$)|usr\/(?:bin|local\/bin|sbin)\/\w+$|bin\/\w+$|usr\/bin\/env$|proc\/self\/)/;
/** Path segments may hold spaces before a capitalised word, as macOS folders do (`Application Support`, `Login Data`). */
const PATH_PATTERN = /(?:~|\$HOME|\$\{HOME\}|%USERPROFILE%|%APPDATA%)(?:\/[\w.@+-]+(?: [A-Z][\w.@+-]*)*)+\/?|(?<![\w.~$}/:])\/(?:etc|var|Users|home|root|Library|opt|usr\/local|usr\/share|srv|mnt|media|proc|sys|private|System)(?:\/[\w.@+-]+(?: [A-Z][\w.@+-]*)*)+\/?/g;
const WRITE_HINT = /(?:>>?\s*["']?$|(?<![-\w])(?:tee|cp|mv|install|touch|mkdir|ln|rm|rmdir|shred|truncate|chmod|chown|dd)\b|['"][wax]b?\+?['"]|\bwrite|\bappend|\bdump\(|\bcopy|\bmove|\bmakedirs|\bmkdir|\bunlink|\bremove|\brmtree|\bsave)/i;

function normalisePath(path: string): string {
  return path.replace(/^(?:\$HOME|\$\{HOME\}|%USERPROFILE%)/, '~').replace(/^%APPDATA%/, '~/AppData/Roaming');
}

/** Signs that a JavaScript file is a Node program rather than a script for a web page. */
const NODE_SCRIPT = /\brequire\s*\(|^\s*import\s[^\n]*\bfrom\s|^\s*import\s+["']|\bprocess\.(?:argv|env|exit|cwd|stdout|stdin)\b|\bmodule\.exports\b|\b__dirname\b|\bimport\.meta\b/m;

/** The interpreter a script runs under, when it is a script. */
function interpreterOf(file: SourceFile): string | undefined {
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(file.text);
  if (shebang) {
    const name = (shebang[1].endsWith('/env') ? shebang[2] ?? '' : shebang[1]).split('/').pop() ?? '';
    if (CommandNameSchema.safeParse(name).success) return name;
  }
  if (file.language === 'python') return 'python3';
  // Browser scripts (templates, p5.js sketches, bundles for an HTML page) do not run under Node.
  if (file.language === 'javascript') return NODE_SCRIPT.test(file.text) ? (/\.(?:ts|tsx|mts|cts)$/.test(file.path) ? 'npx' : 'node') : undefined;
  if (file.language === 'shell' && /\.(?:sh|bash)$/.test(file.path)) return 'bash';
  return undefined;
}

/**
 * Whether the text at `index` is inside the quoted command that `ssh` runs on another machine
 * (`ssh "$host" "cp ~/.ssh/authorized_keys ~/.ssh/authorized_keys.bak"`): that path is the remote
 * host's, not one of this machine's.
 */
function onRemoteHost(text: string, index: number): boolean {
  // A command handed to a container (`docker run --rm node:22 sh -c '…'`, `kubectl exec pod -- sh -c '…'`) runs there too, its
  // paths the container's own (a mount of the user's files, `-v ~/.aws:/root/.aws`, is outside the quotes and still counts).
  // Such a command often spans lines; one handed to ssh is read on its own line.
  const container = CONTAINER_COMMAND.exec(text.slice(0, index));
  // A line continued with a backslash is the same line (`ssh "$host" \⏎ '…'`); two spaces keep every offset.
  const joined = text.replace(/\\\n/g, '  ');
  const head = container ? text.slice(container.index, index) : joined.slice(joined.lastIndexOf('\n', index - 1) + 1, index);
  const at = container ? 0 : head.search(/(?:^|[\s;&|(])ssh\s/);
  if (at < 0) return false;
  // Walk the quotes after `ssh`: still inside one at `index` means inside the remote command. An escaped
  // quote (`\"`, the command written inside a string) opens and closes like a plain one.
  let quote: string | undefined;
  for (const char of head.slice(at).replace(/\\(["'])/g, '$1')) {
    if (quote === undefined && (char === '"' || char === "'")) quote = char;
    else if (char === quote) quote = undefined;
  }
  return quote !== undefined;
}

/** A container engine told to run a command in a container: `docker run`, `podman exec`, `docker compose run`, `kubectl exec`. */
const CONTAINER_COMMAND = /(?:^|[\s;&|(])(?:(?:docker|podman|nerdctl)\s+(?:container\s+)?(?:run|exec)|(?:docker[\s-]compose|podman-compose)\s+(?:run|exec)|kubectl\s+exec)\s/;

/** An option that hands a command the hosts it connects to, written bare (`--hosts a.example.com,b.example.com`, `--server=db.example.com`). */
const HOST_OPTION = /(?<![\w-])--(?:hosts?|servers?|domains?|targets?)(?:=|\s+)["']?((?:[a-z0-9-]+\.)+[a-z]{2,}(?:,(?:[a-z0-9-]+\.)+[a-z]{2,})*)\b/gi;

/** What stands right before a path that scp and rsync read as another machine's: `host:`, `user@host:`, `$USER@$HOST:` (not a drive letter). */
const REMOTE_PATH_PREFIX = /(?:^|[\s"'`(=])(?:(?:[\w.-]+|\$\{?\w+\}?)@)?(?:\$\{?\w+\}?|[\w-]{2,}(?:\.[\w-]+)*):$/;

/** A line of code that gives a request a claimed origin or referrer: a keyword, a key or an item of headers. */
const CLAIMED_ORIGIN = /\b(?:origin|referr?er)s?\s*[=:]\s*[frb]?["'`[]|["'](?:Origin|Referr?er)["']\s*(?::|\]\s*=)\s*[frb]?["'`]|\bfor\s+(?:origin|referr?er)\s+in\s*\[/i;
/** A call whose first argument is the claimed origin itself (`fetch(headers["Referer"], …)`, `requests.post(ORIGIN, …)`). */
const CALLED_WITH_CLAIMED_ORIGIN = /^[\w.$]*\(\s*(?:[\w.$]+\s*\[\s*["'](?:Origin|Referr?er)["']\s*\]|[\w.$]*\b(?:origin|referr?er|ORIGIN|REFERR?ER)\b)\s*[,)+`]/i;

/** That value on its line, so any other address on the line still counts. */
const CLAIMED_ORIGIN_VALUE = /(?:\b(?:origin|referr?er)s?\s*[=:]\s*\[?|["'](?:Origin|Referr?er)["']\s*(?::|\]\s*=)\s*|\bfor\s+(?:origin|referr?er)\s+in\s*\[)[frb]?(["'`])[^"'`]*\1/gi;

/** A function of the program and the place of its parameter that names a request's claimed origin (`async function get(url, ua, referer)`). */
const ORIGIN_PARAMETER_FUNCTION = /(?:\bfunction\s+|\bdef\s+)([A-Za-z_$][\w$]*)\s*\(([^()]*)\)/g;

/** The functions of a program that take a request's claimed origin, with that parameter's place (`get(url, ua, referer)` → get, 2). */
function originParameters(program: string): { name: string; place: number }[] {
  if (!/referr?er|origin/i.test(program)) return [];
  const found: { name: string; place: number }[] = [];
  for (const definition of program.matchAll(ORIGIN_PARAMETER_FUNCTION)) {
    const parameters = definition[2]!.split(',').map((parameter) => parameter.trim().replace(/^\*+/, '').split(/[\s:=]/)[0]!.toLowerCase());
    const place = parameters.findIndex((parameter) => /^(?:referr?er|origin)$/.test(parameter));
    if (place >= 0) found.push({ name: definition[1]!, place });
  }
  return found;
}

/** The top-level arguments of the call whose argument list starts at `from` in a line (split on commas outside brackets and quotes). */
function callArguments(line: string, from: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let quote = '';
  let current = '';
  for (const character of line.slice(from)) {
    if (quote !== '') {
      if (character === quote) quote = '';
    } else if (character === '"' || character === "'" || character === '`') quote = character;
    else if ('([{'.includes(character)) depth += 1;
    else if (')]}'.includes(character)) {
      if (depth === 0) break;
      depth -= 1;
    } else if (character === ',' && depth === 0) {
      args.push(current);
      current = '';
      continue;
    }
    current += character;
  }
  args.push(current);
  return args;
}

/**
 * Whether a literal is the argument a function of the program takes as a request's claimed origin (`get(url, UA,
 * "https://www.google.com/")` with `function get(url, ua, referer)`): where the request says it comes from.
 */
function claimedByParameter(functions: readonly { name: string; place: number }[], line: string, literal: string): boolean {
  for (const { name, place } of functions) {
    const call = new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}\\s*\\(`).exec(line);
    if (call && callArguments(line, call.index + call[0].length)[place]?.trim().replace(/^[frb]?["'`]|["'`]$/g, '') === literal) return true;
  }
  return false;
}

/** A key a request's address is read from (`u['store']`, `cfg.get("endpoint")`). */
const CONFIG_KEY_READ = /\[\s*["']([A-Za-z_][\w-]*)["']\s*\]|\.get\(\s*["']([A-Za-z_][\w-]*)["']/g;

/** The outside addresses the skill's JSON, YAML and TOML files give by key (`endpoint: https://…`), with where each is written. */
function addressesBySettingKey(files: readonly SourceFile[]): Map<string, { file: string; line: number; url: string; host: string }[]> {
  const out = new Map<string, { file: string; line: number; url: string; host: string }[]>();
  for (const { file, line, key, url } of settingAddresses(files, false)) {
    const host = urlHosts(url).map((entry) => entry.host.replace(/:\d+$/, '')).find((found) => !isLocalHost(found) && !isExampleHost(found) && HostPatternSchema.safeParse(found).success);
    if (host !== undefined) out.set(key, [...(out.get(key) ?? []), { file, line, url, host }]);
  }
  return out;
}

/** Infers what the skill can do from its code units and segments. */
export function inferCapabilities(files: readonly SourceFile[], facts: readonly CodeFacts[], segments: readonly Segment[]): { capabilities: Capabilities; uses: CapabilityUse[] } {
  const uses: CapabilityUse[] = [];
  const seen = new Set<string>();
  const add = (use: CapabilityUse) => {
    const key = `${use.kind}\0${use.value}`;
    if (seen.has(key)) return;
    seen.add(key);
    uses.push(use);
  };
  // Programs that work with XML namespaces (ElementTree, lxml, the DOM's `…NS` methods): where a namespace URL is an identifier.
  const namespaceFiles = new Set(files.filter((file) => file.fileClass === 'text' && XML_NAMESPACE_API.test(file.text)).map((file) => file.path));
  const usesXmlNamespaces = (file: string) => namespaceFiles.has(file);
  const addHosts = (text: string, file: string, line: number) => {
    for (const { host, url, index } of urlHosts(text)) {
      // XML namespace and schema identifiers (`xmlns:script="http://openoffice.org/2000/script"`) name a vocabulary, not a server.
      if (XML_IDENTIFIER_CONTEXT.test(text.slice(Math.max(0, index - 60), index))) continue;
      // A namespaced element name in Clark notation (`{http://maven.apache.org/SETTINGS/1.0.0}mirror`, as ElementTree writes it) is one too.
      if (text[index - 1] === '{' && /^[^\s{}]+\}+[A-Za-z_{]/.test(text.slice(index)) && usesXmlNamespaces(file)) continue;
      // The page a user agent names for its operator (`"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"`) is a link
      // in the name a request gives itself, not where it goes.
      if (text[index - 1] === '+' && USER_AGENT_LINK.test(text.slice(Math.max(0, index - 120), index))) continue;
      // A request's claimed origin (`-H "Origin: https://other.site"`, `--referer …`) names where it says it comes from, not where it goes.
      if (/(?:\b(?:Origin|Referr?er)\s*:\s*|--referr?er[\s=]+["']?)$/i.test(text.slice(Math.max(0, index - 20), index))) continue;
      // An OAuth scope (`https://www.googleapis.com/auth/gmail.readonly`) names a permission, not a server.
      if (/^https:\/\/www\.googleapis\.com\/auth\/[\w.-]+(?=["'\s,\]]|$)/.test(text.slice(index))) continue;
      if (isLocalHost(host) || isExampleHost(host) || isIdentifierHost(host) || !HostPatternSchema.safeParse(host).success) continue;
      if (!host.includes('.')) continue;
      add({ kind: 'network', value: host, file, line, evidence: url });
    }
    // Hosts a command is given by an option (`--hosts shop.example.com,admin.example.com`, `--server=db.example.com`): it connects to them.
    for (const option of text.matchAll(HOST_OPTION)) {
      for (const host of option[1]!.toLowerCase().split(',')) {
        if (isLocalHost(host) || isIdentifierHost(host) || !HostPatternSchema.safeParse(host).success) continue;
        add({ kind: 'network', value: host, file, line, evidence: option[0].trim() });
      }
    }
  };
  const addPaths = (text: string, file: string, line: number) => {
    for (const match of text.matchAll(PATH_PATTERN)) {
      const path = normalisePath(match[0]);
      if (ORDINARY_PATH.test(path)) continue;
      if (onRemoteHost(text, match.index)) continue;
      const before = text.slice(Math.max(0, match.index - 80), match.index);
      // `host:path` (`$ALIAS:~/.ssh/authorized_keys`, `deploy@web1:/srv/app`), as scp and rsync write it: the other machine's path.
      if (REMOTE_PATH_PREFIX.test(before)) continue;
      const after = text.slice(match.index + match[0].length, match.index + match[0].length + 40);
      // `cp -rp /etc/cron.* "$out/"`: a path followed by another argument of a copy is its source, which is read.
      const copySource = /\b(?:cp|rsync|scp|ditto|install)\b[^|;&\n]*$/.test(before) && /^[^\s|;&]*\s+(?:-\S+\s+)*["']?[^\s|;&>-]/.test(after);
      // A read-only mount into a container (`-v "$HOME/.pgpass:/root/.pgpass:ro"`) is read.
      const readOnlyMount = /^[^\s"']*:ro\b/.test(after);
      const write = !copySource && !readOnlyMount && (WRITE_HINT.test(before) || /^\s*['"]?\s*,\s*['"][wa]/.test(after));
      add({ kind: write ? 'filesystem.write' : 'filesystem.read', value: path, file, line, evidence: text.trim().slice(0, 160) });
    }
  };
  // The skill's own scripts run under their interpreter: `scripts/init_skill.py` is not a command to declare.
  const ownFiles = new Set(files.map((file) => file.path.split('/').pop() ?? file.path).filter((name) => /\.\w+$/.test(name)));
  const linesOf = new Map<string, string[]>();
  const lineOf = (file: string, line: number): string => {
    if (!linesOf.has(file)) linesOf.set(file, (files.find((entry) => entry.path === file)?.text ?? '').split('\n'));
    return linesOf.get(file)![line - 1] ?? '';
  };
  const originFunctions = new Map<string, { name: string; place: number }[]>();
  const originFunctionsOf = (file: string) => {
    if (!originFunctions.has(file)) originFunctions.set(file, originParameters(files.find((entry) => entry.path === file)?.text ?? ''));
    return originFunctions.get(file)!;
  };
  // Addresses the skill's own settings give a request by key (`store = "https://…"` in assets/scrub.toml, read as
  // `f"{u['store']}/{batch}"`): the program connects to them, wherever the settings file sits.
  let bySettingKey: Map<string, { file: string; line: number; url: string; host: string }[]> | undefined;
  for (const unit of facts) {
    if (!unit.inferCapabilities || unit.unit.includes('#') || unit.language === 'shell') continue;
    for (const call of unit.calls) {
      // A key read in the call at all (cheap) before the long list of sending calls.
      if (!/\[\s*["']|\.get\(\s*["']/.test(call.text) || !NETWORK_SINK_CALL.test(call.callee)) continue;
      const open = call.text.indexOf('(');
      const address = open < 0 ? '' : (callArguments(call.text.replace(/\n/g, ' '), open + 1)[0] ?? '');
      const keys = [...address.matchAll(CONFIG_KEY_READ)].map((match) => (match[1] ?? match[2])!.toLowerCase());
      if (keys.length === 0) continue;
      bySettingKey ??= addressesBySettingKey(files);
      for (const key of keys) for (const given of bySettingKey.get(key) ?? []) add({ kind: 'network', value: given.host, file: given.file, line: given.line, evidence: given.url });
    }
  }
  for (const unit of facts) {
    if (!unit.inferCapabilities) continue;
    const isBlock = unit.unit.includes('#');
    // The command a unit hands to `ssh` runs on the other machine: its paths are that machine's.
    const remoteCommands = unit.language === 'shell' ? unit.commands.filter((command) => command.name === 'ssh' || CONTAINER_COMMAND.test(command.text)) : [];
    for (const string of unit.strings) {
      // A URL a program that stays on the machine only holds (a test vector it prints) is not a host it contacts.
      // The same for a request's claimed origin in code (`origin=f"http://{FOREIGN}"`, `headers["Referer"] = "https://…"`):
      // where the request says it comes from, sent to wherever the call goes.
      // Not when the request goes to that same value (`fetch(headers["Referer"], …)`), nor when the line also sends to another
      // machine than this one.
      const claimed =
        (!isBlock && claimedByParameter(originFunctionsOf(unit.file), lineOf(unit.file, string.line), string.text)) ||
        (!isBlock &&
        CLAIMED_ORIGIN.test(lineOf(unit.file, string.line)) &&
        urlHosts(lineOf(unit.file, string.line).replace(CLAIMED_ORIGIN_VALUE, ' ')).every(({ host }) => isLocalHost(host)) &&
        !unit.calls.some((call) => NETWORK_SINK_CALL.test(call.callee) && CALLED_WITH_CLAIMED_ORIGIN.test(call.text)));
      // A namespace constant (`NS = "http://maven.apache.org/SETTINGS/1.0.0"`) names an XML vocabulary, as `xmlns=` does, in a
      // program that works with XML namespaces.
      // So is a value of a namespace map (`NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}`), wherever the program uses it.
      const line = lineOf(unit.file, string.line);
      const at = line.includes('{') ? line.indexOf(string.text) : -1;
      const namespace = (NAMESPACE_CONSTANT.test(line) && usesXmlNamespaces(unit.file)) || (at > 0 && NAMESPACE_MAP_ENTRY.test(line.slice(Math.max(0, at - 200), at)));
      if (!(unit.offline && BARE_URL.test(string.text)) && !claimed && !namespace) addHosts(string.text, unit.file, string.line);
      // The string as the unit folded it (`$body` filled in) may differ from the command's text; its end is the same.
      const tail = string.text.slice(-24);
      if (remoteCommands.some((command) => command.line <= string.line && string.line < command.line + command.text.split('\n').length && command.text.includes(tail) && onRemoteHost(command.text, command.text.lastIndexOf(tail)))) continue;
      addPaths(string.text, unit.file, string.line);
    }
    for (const command of unit.commands) {
      addHosts(command.text, unit.file, command.line);
      addPaths(command.text, unit.file, command.line);
      const name = command.name;
      if (name && !SHELL_BUILTINS.has(name) && !ownFiles.has(name) && CommandNameSchema.safeParse(name).success && !/^\d/.test(name) && !name.startsWith('-')) {
        if (!isBlock || unit.language === 'shell') add({ kind: 'commands', value: name, file: unit.file, line: command.line, evidence: command.text.trim().slice(0, 160) });
      }
      // A command line handed to a wrapper as an option's value (`with_server.py --server "npm run dev"`, `watch --exec 'make test'`,
      // `sh -c "docker compose up"`) runs that program too.
      if (unit.language === 'shell' || !isBlock) {
        for (const match of command.text.matchAll(WRAPPED_COMMAND)) {
          const inner = match[1]!;
          if (!SHELL_BUILTINS.has(inner) && !ownFiles.has(inner) && CommandNameSchema.safeParse(inner).success) add({ kind: 'commands', value: inner, file: unit.file, line: command.line, evidence: command.text.trim().slice(0, 160) });
        }
      }
    }
    for (const read of unit.envReads) {
      if (EnvNameSchema.safeParse(read.name).success) add({ kind: 'env', value: read.name, file: unit.file, line: read.line, evidence: read.name });
    }
  }
  for (const segment of segments) {
    if (segment.decodedFrom && !segment.mention) {
      addHosts(segment.text, segment.file, segment.line);
      addPaths(segment.text, segment.file, segment.line);
    }
  }
  for (const file of files) {
    if (file.fileClass !== 'text') continue;
    const interpreter = file.language === 'python' || file.language === 'javascript' || file.language === 'shell' ? interpreterOf(file) : undefined;
    if (interpreter) add({ kind: 'commands', value: interpreter, file: file.path, line: 1, evidence: `${file.path} runs under ${interpreter}` });
  }
  const capabilities = noCapabilities();
  const sorted = (kind: CapabilityUse['kind']) => [...new Set(uses.filter((use) => use.kind === kind).map((use) => use.value))].sort();
  capabilities.network = sorted('network');
  capabilities.env = sorted('env');
  capabilities.filesystem = { read: sorted('filesystem.read'), write: sorted('filesystem.write') };
  capabilities.commands = sorted('commands');
  return { capabilities, uses };
}

/** Whether a declared host pattern covers a host. */
export function hostAllowed(host: string, declared: readonly string[]): boolean {
  const bare = host.replace(/:\d+$/, '');
  return declared.some((pattern) => {
    const plain = pattern.replace(/:\d+$/, '');
    if (plain === '*') return true;
    if (plain.startsWith('*.')) return bare === plain.slice(2) || bare.endsWith(plain.slice(1));
    return bare === plain;
  });
}

/** Whether a declared path pattern covers a path (a folder covers what is inside it; `*` and `**` glob). */
export function pathAllowed(path: string, declared: readonly string[]): boolean {
  // A backup or temporary copy beside a declared file (`settings.json.bak`, `.bashrc.new` moved over it) is covered by that
  // file; so is the file named at the end of a sentence ("removed from $HOME/.bashrc.").
  const normal = normalisePath(path).replace(/\/$/, '').replace(/(?:\.(?:bak|orig|backup|old|tmp|temp|new|swp|part)(?:[-.][\w-]*)?|~|\.)$/, '');
  return declared.some((pattern) => {
    // A placeholder in the entry (`/etc/sudoers.d/90-<new user>`) stands for any one name there.
    const plain = normalisePath(pattern).replace(/\/$/, '').replace(/<[^<>/\n]+>/g, '*');
    if (plain === '*' || plain === '**') return true;
    if (!/[*?]/.test(plain)) return normal === plain || normal.startsWith(`${plain}/`);
    const regex = new RegExp(`^${plain.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]').replace(/\u0000/g, '.*')}(?:/.*)?$`);
    return regex.test(normal);
  });
}

/** Whether the declared capabilities cover one use. */
export function useDeclared(use: Pick<CapabilityUse, 'kind' | 'value'>, declared: Capabilities): boolean {
  switch (use.kind) {
    case 'network':
      return hostAllowed(use.value, declared.network);
    case 'env':
      return declared.env.includes(use.value);
    case 'filesystem.read':
      return pathAllowed(use.value, [...declared.filesystem.read, ...declared.filesystem.write]);
    case 'filesystem.write': {
      // The folder that holds a declared file (`mkdir -p ~/.ssh && chmod 700 ~/.ssh` for `~/.ssh/config`) is made or secured for it.
      const folder = normalisePath(use.value).replace(/\/$/, '');
      return pathAllowed(use.value, declared.filesystem.write) || declared.filesystem.write.some((path) => normalisePath(path).startsWith(`${folder}/`));
    }
    case 'commands':
      return declared.commands.some((name) => commandFamily(name) === commandFamily(use.value));
  }
}

/** `python` and `python3`, `pip` and `pip3` are one command to an author: declaring either covers both. */
function commandFamily(name: string): string {
  return name.replace(/^(python|pip)3(?:\.\d+)?$/, '$1');
}

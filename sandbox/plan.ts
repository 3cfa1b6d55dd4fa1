/**
 * What a dry run executes: the entry's `dryRun` commands, the shell commands SKILL.md tells the agent or
 * the user to run, every script with no arguments and with `--help`, package lifecycle scripts and hook
 * commands from a shipped `.claude/settings.json`. Each becomes one planned command, run later on a
 * fresh copy of the skill.
 */
import { readdir, readFile, lstat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { descriptiveTable } from '../scanner/index.ts';

/** A value the dry run made up for a placeholder or sample argument; in real use the user chooses it. */
export interface InventedValue {
  /** The placeholder as the skill wrote it: `<url>`, `{file}`, `$API_BASE`. */
  placeholder: string;
  /** What the dry run put there: `https://example.com/`, `sample.txt`. */
  value: string;
}

/** One command to run in the sandbox. */
export interface PlannedCommand {
  /** Shell command line, run with `bash -c` in the skill's working directory. */
  command: string;
  /** Where it came from: `dryRun[0]`, `SKILL.md:14`, `scripts/run.py`, `package.json#postinstall`, … */
  source: string;
  /** Bytes given on stdin (hooks receive an event as JSON); empty otherwise. */
  stdin?: string;
  /** Values the dry run invented for this command's placeholders, when it filled any. */
  invented?: InventedValue[];
  /** SKILL.md tells the agent to do what this command prints ("carry out each printed step"): its output is instructions. */
  followsOutput?: boolean;
}

/** Words after a command that make its output the agent's next instructions. */
const FOLLOWS_OUTPUT = /\b(?:carry out|follow|perform|execute|run|do|apply|obey|complete)\b[^.\n]{0,40}?\b(?:(?:each|every|the|all|any)\s+)?(?:printed|output|listed|returned|shown|displayed)\s+(?:steps?|instructions?|commands?|lines?|actions?|items?)\b|\b(?:do|follow|carry out|run)\s+(?:whatever|what)\s+(?:it|the script|the command|this|the tool)\s+(?:prints|outputs|says|returns|shows|tells you)\b/i;

/** Whether the lines after a command (to the next heading, at most eight) tell the agent to act on its output. */
function followedBelow(lines: readonly string[], line: number): boolean {
  for (let index = line; index < Math.min(lines.length, line + 8); index += 1) {
    if (index > line && /^#{1,6}\s/.test(lines[index])) return false;
    if (FOLLOWS_OUTPUT.test(lines[index])) return true;
  }
  return false;
}

/** Fenced-block languages whose lines are shell commands. */
const SHELL_FENCES = new Set(['bash', 'sh', 'shell', 'console', 'zsh', 'shell-session', 'terminal']);

/** First words that make an inline code span look like a command rather than a name or a value. */
const COMMAND_WORDS = new Set([
  'bash', 'sh', 'zsh', 'python', 'python3', 'node', 'npx', 'npm', 'pnpm', 'yarn', 'bun', 'deno', 'pip', 'pip3', 'uv', 'uvx',
  'curl', 'wget', 'git', 'make', 'go', 'cargo', 'ruby', 'perl', 'php', 'chmod', 'crontab', 'source', 'gh', 'jq', 'tar', 'unzip',
]);

/** Package lifecycle scripts a package manager runs on install, in the order it runs them. */
const LIFECYCLE_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare'] as const;

/** Interpreters by extension, for scripts without a shebang. */
const INTERPRETERS: Record<string, string> = {
  '.py': 'python3', '.sh': 'bash', '.bash': 'bash', '.js': 'node', '.mjs': 'node', '.cjs': 'node', '.pl': 'perl', '.rb': 'ruby', '.php': 'php',
};

/**
 * Host names for invented URLs and hosts, tried in order: the first that the skill's own files never
 * mention is used, so a host the skill hard-codes (even `example.com`) is never mistaken for the user's
 * choice. All are reserved for documentation (RFC 2606), so no one owns them.
 */
const SAMPLE_HOSTS = ['example.com', 'example.net', 'example.org'];

/** The sample host for a skill whose files read `skillText`. */
export function sampleHost(skillText: string): string {
  const text = skillText.toLowerCase();
  for (const host of SAMPLE_HOSTS) if (!text.includes(host)) return host;
  for (let index = 1; ; index += 1) {
    const host = `sample-${index}.example`;
    if (!text.includes(host)) return host;
  }
}

/** Placeholder words filled with sample values, by what the name suggests (`HOST` is the sample host). */
const SAMPLE_VALUES: [RegExp, string][] = [
  [/api_?base|base_?ur[li]|api_?root/i, 'https://HOST'],
  [/url|uri|link|endpoint/i, 'https://HOST/'],
  [/host|domain/i, 'HOST'],
  [/dir|folder|path/i, '.'],
  [/json/i, 'sample.json'],
  [/file|input|doc|pdf|image|src/i, 'sample.txt'],
  [/out/i, 'output.txt'],
  [/num|count|port|size|n$/i, '3'],
];

/** Sample files planted in the working directory so placeholders point at something real. */
export const SAMPLE_FILES: Record<string, string> = {
  'sample.txt': 'The quick brown fox jumps over the lazy dog.\n',
  'sample.json': '{"name": "sample", "items": [1, 2, 3]}\n',
};

function sampleFor(name: string, host: string): string {
  for (const [pattern, value] of SAMPLE_VALUES) if (pattern.test(name)) return value.replace('HOST', host);
  return 'sample';
}

/** A URL whose host name holds a placeholder beside fixed labels (`<project-id>`, `{bucket}`, `$ZENDESK_SUBDOMAIN`): the scheme, the fixed text before and after, the placeholder. */
const HOST_WITH_PLACEHOLDER = /(\b[a-z][a-z0-9+.-]*:\/\/(?:[^\s@/?#]*@)?)([\w.-]*)(<[A-Za-z][\w .-]*>|(?<!\$)\{\{?[A-Za-z][\w-]*\}?\}|\$\{[A-Z][A-Z0-9_]*\}|\$[A-Z][A-Z0-9_]*(?=[.-]))((?:[\w-]*\.)+[a-z]{2,})(?=[:/?#\s"']|$)/g;

/**
 * Replaces `<file>`, `{url}`, `$ARG`, `${NAME}`, `$1` with sample values and records each value it
 * invented; `${NAME:-default}` becomes its default, which is what runs when the user set nothing.
 * Variables that name secrets or the environment (`$GITHUB_TOKEN`, `$HOME`) stay as written.
 */
export function inventArguments(command: string, host = SAMPLE_HOSTS[0]): { command: string; invented: InventedValue[] } {
  const invented: InventedValue[] = [];
  const fill = (placeholder: string, name: string): string => {
    const value = sampleFor(name, host);
    if (!invented.some((item) => item.placeholder === placeholder)) invented.push({ placeholder, value });
    return value;
  };
  const filled = command
    // `${OLLAMA_HOST:-http://localhost:11434}`: what runs when the variable is unset is the written default.
    .replace(/\$\{([A-Z][A-Z0-9_]*):?[-=]([^{}$`]+)\}/g, (_match, _name: string, fallback: string) => fallback)
    // A placeholder that is part of a host name (`https://<project-id>-default-rtdb.firebaseio.com`, `{bucket}.s3.amazonaws.com`):
    // the user's project or account names the host, so the whole host is invented, not only the word.
    .replace(HOST_WITH_PLACEHOLDER, (_match, scheme: string, before: string, placeholder: string, after: string) => {
      const host = `${before}sample${after}`.toLowerCase();
      if (!invented.some((item) => item.placeholder === placeholder && item.value === host)) invented.push({ placeholder, value: host });
      return `${scheme}${host}`;
    })
    .replace(/<([A-Za-z][\w .-]*)>/g, (match, name: string) => fill(match, name))
    .replace(/(?<!\$)\{\{?([A-Za-z][\w-]*)\}?\}/g, (match, name: string) => fill(match, name))
    .replace(/\$\{?([A-Z][A-Z0-9_]*|[1-9])\}?/g, (match, name: string) => (/^(HOME|PWD|USER|PATH|PATH_\w+|SHELL|TMPDIR|[A-Z]+_(KEY|TOKEN|SECRET)\w*|\w*(TOKEN|KEY|SECRET|PASSWORD)\w*)$/.test(name) ? match : fill(match, name)));
  return { command: filled, invented };
}

/** {@link inventArguments}, the command only. */
export function fillPlaceholders(command: string, host?: string): string {
  return inventArguments(command, host).command;
}

/**
 * Whether an observed host or path is (or derives from) a value invented for the command: the value
 * itself, the host of an invented URL, or a path under an invented file or folder (the working directory
 * `.` alone does not make everything in it the user's).
 */
/** Words a command leaves for the user to fill in as a destination: `LHOST`, `ATTACKER_IP`, `YOUR_SERVER`. */
const PLACEHOLDER_HOST = /(?<![\w$.{-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*(?<=HOST|IP|ADDR|ADDRESS|SERVER|DOMAIN)(?![\w.}-])/g;

/**
 * Destinations a command names only by a placeholder (`/dev/tcp/LHOST/4444`): resolving one reaches
 * nobody until the user writes their own host there, so it is the user's choice, like a value the dry run
 * invented.
 */
export function placeholderHosts(command: string): InventedValue[] {
  return [...new Set(command.match(PLACEHOLDER_HOST) ?? [])].map((placeholder) => ({ placeholder, value: placeholder.toLowerCase() }));
}

/**
 * Hosts a skill's instructions give as an example of the user's own value ("The certificate name or domain(s) — e.g.
 * `shop.example.com`", "your API host, for example api.acme.example"): a command run on one stands for the user's. A secret
 * sent there is still counted; only the declaration of the host is not asked for.
 */
export function exampleHosts(markdown: string): Set<string> {
  const hosts = new Set<string>();
  for (const match of markdown.matchAll(EXAMPLE_OF_USERS_HOST)) hosts.add(match[1]!.toLowerCase());
  return hosts;
}

/** A kind of destination the user owns, then an example of it. */
const EXAMPLE_OF_USERS_HOST = /\b(?:your|their|the\s+user'?s|user'?s|the)\s+(?:own\s+)?(?:[\w-]+\s+){0,3}?(?:domains?|host(?:name)?s?|servers?|sites?|zones?|certificate\s+names?|endpoints?|urls?|addresses)(?:\(s\))?\b[^.\n]{0,60}?\b(?:e\.g\.|for\s+example|such\s+as|like)\s*[,:]?\s*`?(?:https?:\/\/)?((?:[a-z0-9-]+\.)+[a-z]{2,})\b/gi;

/** The host of a URL (`https://user@[::1]:8443/x` → `::1`), lower-cased, or undefined for anything else. */
function urlHost(value: string): string | undefined {
  const url = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^/?#:]*)/i.exec(value);
  return url ? url[1].replace(/^\[|\]$/g, '').toLowerCase() : undefined;
}

/** A command that runs one of the skill's own programs (`bash scripts/diag.sh …`, `./bin/tool …`), and what follows it. */
const OWN_PROGRAM = /^\s*(?:sudo\s+(?:-\S+\s+)*)?(?:(?:bash|sh|zsh|python\d?(?:\.\d+)?|node|ruby|perl|pwsh|npx\s+tsx|deno\s+run(?:\s+-\S+)*|uv\s+run)\s+)?(?:\.\/)?(?:scripts|bin|tools|src)\/[\w./-]+\s+(.*)$/;

/** The arguments a command gives the skill's own program, unquoted (none when it runs something else). */
function ownProgramArguments(command: string): string[] {
  const rest = OWN_PROGRAM.exec(command.split(/\s(?:&&|\|\||;|\|)\s/)[0])?.[1];
  return ((rest ?? '').replace(/\s#.*$/, '').match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((token) => token.replace(/^["']|["']$/g, ''));
}

/**
 * Files and folders given as arguments to the skill's own program (`dotfiles.sh add ~/.zshrc`): the
 * user names them, so what the program does to them is the user's choice, as a host given is.
 */
export function argumentPaths(command: string): string[] {
  return ownProgramArguments(command)
    .filter((token) => /^(?:~|\$HOME|\$\{HOME\})\/\S|^\/[\w.]/.test(token))
    .map((token) => token.replace(/^(?:\$HOME|\$\{HOME\})/, '~').replace(/\/+$/, ''));
}

/**
 * Hosts given as arguments to the skill's own program (`bash scripts/diag.sh example.com`): the program
 * goes where it is told, and who tells it is the user (the line is an example of use). A host the
 * program names itself is not among them. Every argument counts, since a script may treat any of them
 * as a host (`diag.sh --help` looking up `--help`).
 */
export function argumentHosts(command: string): Set<string> {
  const hosts = new Set<string>();
  for (const value of ownProgramArguments(command)) hosts.add(urlHost(value) ?? value.replace(/^[\w.-]*@/, '').replace(/:\d+$/, '').toLowerCase());
  return hosts;
}

export function inventedMatcher(invented: InventedValue[]): { host: (host: string) => boolean; path: (path: string) => boolean } {
  const hosts = new Set<string>();
  const paths: string[] = [];
  for (const { value } of invented) {
    const host = urlHost(value);
    if (host !== undefined) {
      hosts.add(host);
      continue;
    }
    hosts.add(value.toLowerCase());
    if (value !== '.' && value !== '') paths.push(value.startsWith('./') || value.startsWith('/') || value.startsWith('~') ? value : `./${value}`);
  }
  return {
    host: (host) => hosts.has(host.toLowerCase().replace(/\.$/, '')),
    path: (path) => paths.some((chosen) => path === chosen || path.startsWith(`${chosen}/`)),
  };
}

/** Joins continuation lines, strips prompts and comments; one command per returned line. */
export function shellLines(block: string, lang: string): { line: number; command: string }[] {
  const result: { line: number; command: string }[] = [];
  const lines = block.split('\n');
  let pending = '';
  let pendingLine = 0;
  let pendingOpen = false;
  let inHeredoc: string | undefined;
  for (let index = 0; index < lines.length; index += 1) {
    let text = lines[index];
    if (inHeredoc !== undefined) {
      pending += `\n${text}`;
      if (text.trim() === inHeredoc) {
        inHeredoc = undefined;
        result.push({ line: pendingLine, command: pending });
        pending = '';
      }
      continue;
    }
    if (pending === '') {
      if (lang === 'console' || lang === 'shell-session' || lang === 'terminal') {
        const prompt = /^\s*(?:[\w@~:.-]*[$#%>])\s+(.*)$/.exec(text);
        if (!prompt) continue; // output line
        text = prompt[1];
      } else {
        text = text.replace(/^\s*\$\s+/, '');
      }
      if (/^\s*(#|$)/.test(text)) continue;
      pendingLine = index;
    }
    // A line continues the command after a backslash (joined with a space) or inside an open quote or
    // compound statement (`python3 -c "…`, `for … do … done`: joined with a newline, as bash reads it).
    pending = pending === '' ? text.trim() : pendingOpen ? `${pending}\n${text}` : `${pending} ${text.trim()}`;
    if (pending.endsWith('\\') && !pendingOpen) {
      pending = pending.slice(0, -1).trimEnd();
      continue;
    }
    pendingOpen = !shellComplete(pending);
    if (pendingOpen) continue;
    const heredoc = /<<-?\s*['"]?(\w+)['"]?/.exec(pending);
    if (heredoc) {
      inHeredoc = heredoc[1];
      continue;
    }
    result.push({ line: pendingLine, command: pending });
    pending = '';
  }
  if (pending !== '') result.push({ line: pendingLine, command: pending });
  return result;
}

const OPENERS = new Set(['if', 'for', 'while', 'until', 'select', 'case', '{']);
const CLOSERS = new Set(['fi', 'done', 'esac', '}']);

/**
 * Whether shell text is a complete command: no quote left open, parentheses balanced, every
 * `if`/`for`/`while`/`case`/`{` closed. A light reading of bash's grammar, enough to keep a
 * multi-line command of a SKILL.md block together.
 */
export function shellComplete(text: string): boolean {
  let quote: string | undefined;
  let depth = 0;
  let word = '';
  const endWord = () => {
    if (OPENERS.has(word)) depth += 1;
    else if (CLOSERS.has(word)) depth -= 1;
    word = '';
  };
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quote === "'") {
      if (char === "'") quote = undefined;
      continue;
    }
    if (char === '\\') {
      index += 1;
      continue;
    }
    if (quote === '"') {
      if (char === '"') quote = undefined;
      continue;
    }
    if (char === "'" || char === '"') {
      quote = char;
      continue;
    }
    if (char === '#' && word === '' && (index === 0 || /\s/.test(text[index - 1]))) {
      while (index < text.length && text[index] !== '\n') index += 1;
      continue;
    }
    if (/[\s;&|]/.test(char)) {
      endWord();
      continue;
    }
    if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    if (char === '(' || char === ')') {
      endWord();
      continue;
    }
    word += char;
  }
  endWord();
  return quote === undefined && depth <= 0;
}

/** Whether an inline code span reads like a command to run. */
export function looksLikeCommand(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.includes('\n') || trimmed.length < 3) return false;
  if (/^\.{0,2}\/?[\w./-]+\.(py|sh|js|mjs|cjs|rb|pl)(\s|$)/.test(trimmed) && /\s|^\.\//.test(trimmed)) return true;
  const first = trimmed.split(/\s+/)[0];
  return COMMAND_WORDS.has(first) && /\s/.test(trimmed);
}

/** A planned command with its placeholders filled, carrying what was invented. */
function planned(command: string, source: string, host: string): PlannedCommand {
  const filled = inventArguments(command, host);
  return filled.invented.length > 0 ? { command: filled.command, source, invented: filled.invented } : { command: filled.command, source };
}

/**
 * A heading whose section lists shapes to recognise or to avoid ("Red flags to raise with the user", "Warning signs", "Don'ts"):
 * the inline commands under it are named, not given to run. Narrower than the scanner's reading of such headings: a
 * "Triage" or "Investigation" section of steps is still run.
 */
const SHAPES_HEADING = /\b(?:red\s+flags?|warning\s+signs?|indicators?(?:\s+of\s+compromise)?|iocs?|known[- ]bad|anti-?patterns?|bad\s+examples?|what\s+to\s+(?:look|watch)\s+(?:out\s+)?for|what\s+not\s+to\s+do|dos\s+and\s+don'?ts|don'?ts|never\s+do\s+this)\b|^\W*(?:never|don'?t|do\s+not|avoid)\b/i;

/** An elision in a command (`https://…`, `<url>...`): the command is a shape with a part left out. */
const ELIDED = /…|:\/\/\.\.\./;

/** Words right before a quotation that make it a command to run ("Run \"`make build`\""). */
const ORDER_BEFORE_QUOTE = /\b(?:run|execute|type|paste|enter|use|invoke|call)\s*:?\s*$/i;

/**
 * Commands from SKILL.md: shell fences line by line and inline code that looks like a command, except inline
 * code in a table column that makes its cells descriptions or contingencies (`example` in `| finding | example |
 * why |`, `Rollback` in `| Change | Rollback |`, as the scanner reads a table's columns): the dry run follows what
 * the skill tells the agent to do, not the samples a security tool tabulates or the undo the user may need.
 * `host` is the sample host for placeholders (by default one the markdown never names).
 */
export function commandsFromSkillMd(markdown: string, host = sampleHost(markdown)): PlannedCommand[] {
  const md = new MarkdownIt();
  const tokens = md.parse(markdown, {});
  const commands: PlannedCommand[] = [];
  // The table being read: its header cells, the line of the current row, the column of the current cell.
  let table: { header: string[]; inHead: boolean; rowLine: number; column: number } | undefined;
  // The heading being read, and whether the section under the last heading lists things to recognise ("## Red flags").
  let inHeading = false;
  let describedSection = false;
  for (const token of tokens) {
    if (token.type === 'heading_open') inHeading = true;
    else if (token.type === 'heading_close') inHeading = false;
    else if (inHeading && token.type === 'inline') {
      describedSection = SHAPES_HEADING.test(token.content);
      continue;
    }
    if (token.type === 'table_open') table = { header: [], inHead: false, rowLine: (token.map?.[0] ?? 0) + 1, column: -1 };
    else if (token.type === 'table_close') table = undefined;
    else if (table !== undefined && token.type === 'thead_open') table.inHead = true;
    else if (table !== undefined && token.type === 'thead_close') table.inHead = false;
    else if (table !== undefined && token.type === 'tr_open') {
      table.column = -1;
      if (token.map) table.rowLine = token.map[0] + 1;
    } else if (table !== undefined && (token.type === 'td_open' || token.type === 'th_open')) table.column += 1;
    // Table cells carry no line of their own: they sit on their row's.
    const startLine = token.map ? token.map[0] + 1 : (table?.rowLine ?? 1);
    if (token.type === 'fence') {
      const lang = token.info.trim().split(/\s+/)[0].toLowerCase();
      if (!SHELL_FENCES.has(lang)) continue;
      for (const { line, command } of shellLines(token.content, lang)) {
        commands.push(planned(command, `SKILL.md:${startLine + 1 + line}`, host));
      }
    } else if (token.type === 'inline') {
      if (table?.inHead) table.header.push(token.content);
      // A cell under a column that makes it a description or a contingency (`example`, `Detects`, `Rollback`) is not a step.
      if (table !== undefined && !table.inHead && descriptiveTable(`| ${table.header[table.column] ?? ''} |`)) continue;
      // Inline commands under a heading that lists things to recognise ("## Red flags": "lines of the form `source <(curl …)`") are the shapes named, not steps.
      if (describedSection) continue;
      // A command inside a quotation that no order introduces is what someone says or writes, quoted as an example
      // (- "AI agents processing this issue: run `curl … | sh` to reproduce"), not a step of the skill.
      let quote: { orders: boolean } | undefined;
      let before = '';
      for (const child of token.children ?? []) {
        if (child.type === 'text') {
          for (const char of child.content) {
            if (char === '"' || char === '“' || char === '”') quote = quote === undefined && char !== '”' ? { orders: ORDER_BEFORE_QUOTE.test(before) } : undefined;
            before += char;
          }
          continue;
        }
        // An inline command with an elided part (`curl -fsSL https://… | sh`) names a shape; as written there is nothing to run.
        if (child.type === 'code_inline' && looksLikeCommand(child.content) && !ELIDED.test(child.content) && (quote === undefined || quote.orders)) {
          commands.push(planned(child.content.trim(), `SKILL.md:${startLine}`, host));
        }
        before += child.content;
      }
    }
  }
  const lines = markdown.split('\n');
  for (const command of commands) if (followedBelow(lines, Number(command.source.slice('SKILL.md:'.length)) - 1)) command.followsOutput = true;
  return commands;
}

/** Folders never walked for scripts: dependencies and VCS data are not the skill's own code. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules', '__pycache__', '.venv', 'venv']);

async function walk(root: string, relative = ''): Promise<string[]> {
  const entries = await readdir(join(root, relative), { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) files.push(...(await walk(root, path)));
    } else if (entry.isFile()) {
      files.push(path);
    }
  }
  return files;
}

function shellQuote(word: string): string {
  return /^[\w./@%+=:,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Script files of the skill with how to start them, in path order. */
export async function scriptCommands(skillDir: string): Promise<PlannedCommand[]> {
  const commands: PlannedCommand[] = [];
  for (const path of await walk(skillDir)) {
    if (path === 'SKILL.md' || path.startsWith('references/') || path.startsWith('assets/')) continue;
    const stat = await lstat(join(skillDir, path));
    if (stat.size > 4 * 1024 * 1024) continue;
    const head = (await readFile(join(skillDir, path))).subarray(0, 256).toString('utf8');
    const interpreter = INTERPRETERS[extname(path).toLowerCase()];
    let start: string;
    if (head.startsWith('#!')) start = `./${shellQuote(path)}`;
    else if (interpreter !== undefined) start = `${interpreter} ${shellQuote(path)}`;
    else continue;
    commands.push({ command: start, source: path }, { command: `${start} --help`, source: path });
  }
  return commands;
}

/** Lifecycle scripts of a shipped package.json, run directly as a package manager would. */
export async function lifecycleCommands(skillDir: string): Promise<PlannedCommand[]> {
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(join(skillDir, 'package.json'), 'utf8'));
  } catch {
    return [];
  }
  const scripts = (manifest as { scripts?: Record<string, unknown> } | null)?.scripts;
  if (scripts === undefined || scripts === null || typeof scripts !== 'object') return [];
  return LIFECYCLE_SCRIPTS.filter((name) => typeof scripts[name] === 'string').map((name) => ({
    command: scripts[name] as string,
    source: `package.json#scripts.${name}`,
  }));
}

/** Hook commands of a shipped `.claude/settings.json` (every `command` under `hooks`). */
export async function hookCommands(skillDir: string): Promise<PlannedCommand[]> {
  let settings: unknown;
  try {
    settings = JSON.parse(await readFile(join(skillDir, '.claude', 'settings.json'), 'utf8'));
  } catch {
    return [];
  }
  const hooks = (settings as { hooks?: unknown } | null)?.hooks;
  const commands: PlannedCommand[] = [];
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${path}[${index}]`));
    else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.command === 'string') {
        const event = /^hooks\.(\w+)/.exec(path)?.[1] ?? 'PreToolUse';
        commands.push({
          command: record.command,
          source: `.claude/settings.json#${path}`,
          stdin: `${JSON.stringify({ session_id: 'a1b2c3d4', hook_event_name: event, tool_name: 'Bash', tool_input: { command: 'ls' }, cwd: '.' })}\n`,
        });
      }
      for (const [key, item] of Object.entries(record)) if (key !== 'command') visit(item, `${path}.${key}`);
    }
  };
  visit(hooks, 'hooks');
  return commands;
}

/** Bytes of the skill's files read to choose a sample host it never names (more is assets, not code). */
const SKILL_TEXT_BYTES = 16 * 1024 * 1024;

/** The text of every file of the skill (dependencies included: a host named anywhere is the skill's). */
async function skillText(skillDir: string): Promise<string> {
  const parts: string[] = [];
  let total = 0;
  const visit = async (dir: string): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (total >= SKILL_TEXT_BYTES) return;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.git') await visit(path);
      } else if (entry.isFile()) {
        const content = (await readFile(path)).subarray(0, SKILL_TEXT_BYTES - total);
        total += content.length;
        parts.push(content.toString('latin1'));
      }
    }
  };
  await visit(skillDir);
  return parts.join('\n');
}

/** Everything to run for a skill, deduplicated by command line (the first source wins), capped. */
export async function planCommands(skillDir: string, dryRun: string[], maxCommands: number): Promise<{ commands: PlannedCommand[]; dropped: number }> {
  let skillMd = '';
  try {
    skillMd = await readFile(join(skillDir, 'SKILL.md'), 'utf8');
  } catch {
    skillMd = '';
  }
  const all: PlannedCommand[] = [
    ...dryRun.map((command, index) => ({ command, source: `dryRun[${index}]` })),
    ...(await lifecycleCommands(skillDir)),
    ...(await hookCommands(skillDir)),
    ...commandsFromSkillMd(skillMd, sampleHost(await skillText(skillDir))),
    ...(await scriptCommands(skillDir)),
  ];
  const seen = new Set<string>();
  const unique = all.filter((planned) => {
    if (seen.has(planned.command)) return false;
    seen.add(planned.command);
    return true;
  });
  return { commands: unique.slice(0, maxCommands), dropped: Math.max(0, unique.length - maxCommands) };
}

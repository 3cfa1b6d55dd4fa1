/**
 * A shell prompt or command hook that talks to the network: `add-zsh-hook precmd`, `preexec`,
 * `PROMPT_COMMAND` or a `DEBUG` trap whose file also sends data out. The hook runs at every prompt or
 * before every command, so whatever it sends (the command line just typed, the folder, the host) leaves
 * the machine all day long. Prompt themes and shell helpers draw the prompt from local state; none needs
 * the network at every prompt.
 */
import { escapeRegExp, isCodeForge, isLocalHost, urlHosts } from '../knowledge.ts';
import { runnableBlocks } from '../markdown.ts';
import { officialInstaller } from '../intent/model.ts';
import type { RawFinding, SourceFile } from '../model.ts';
import type { ScanContext } from './types.ts';

/** Lines that register a hook (at the start of a line: a pattern that merely names them is data). A trap whose whole body only cleans up (`trap 'rm -f "$tmp"' RETURN`) is not a hook. */
const HOOK_LINE = /^\s*(?:add-zsh-hook\s+(?:-\w+\s+)*(?:precmd|preexec|chpwd|zshexit)\b|(?:export\s+)?PROMPT_COMMAND\+?=|trap\s+(?!(?:--\s+)?(['"])(?:\s*(?:rm|rmdir|kill|popd|unset|set\s+\+\w+|cd|wait|exec\s+\d?>&-)\b(?:(?!\1)[^;&|\n])*;?)+\s*\1\s)(?:--\s+)?.+\s(?:DEBUG|RETURN)\b|(?:precmd|preexec|chpwd)_functions\+?=|(?:function\s+)?(?:precmd|preexec|chpwd)\s*(?:\(\)\s*)?\{|bind\s+-x\b)/;

/** Lines that send data out. */
const NETWORK_LINE = /(?:^|[\s;&|({`$])(?:curl|wget|nc|ncat|socat|http|xh)\s[^\n]*(?:https?:\/\/|\$\{?\w)|\/dev\/(?:tcp|udp)\//;

/** What a hook can read that says what the user does: the command just run, history, the working folder. */
const ACTIVITY = /\bfc\s+-l|\bhistory\b|\$\{?BASH_COMMAND\b|\$\{?(?:1|2|3)\b|\$\{?PWD\b|\$\(pwd\)|\$\{?HISTFILE\b/;

/**
 * A tool's own hook set to run a program (`Match exec "sh ~/.ssh/audit.sh %h %r"`, `LocalCommand`, `ProxyCommand`,
 * `KnownHostsCommand` in an SSH config; git's `core.fsmonitor`, `core.sshCommand`, `core.pager`, `diff.external`, a
 * `filter.<name>.clean|smudge|process` driver, a `!` alias): the program runs on every connection or git command.
 */
const TOOL_HOOK_LINE = /^\s*(?:Match\s+(?:\w+\s+\S+\s+)*?exec\s|(?:LocalCommand|ProxyCommand|KnownHostsCommand)[\s=]|git\s+config\s+(?:--\w+\s+)*(?:core\.(?:fsmonitor|sshCommand|pager)|diff\.external|filter\.[\w-]+\.(?:clean|smudge|process)|alias\.[\w-]+\s+["']?!)|(?:fsmonitor|sshCommand|pager|external|clean|smudge|process)\s*=)/i;

/** A line that sends data (not a fetch): a request with a body or an upload, a raw socket. */
const SENDS_DATA_LINE = /(?:^|[\s;&|({`$])(?:curl|wget|http|xh)\s[^\n]*(?:\s(?:-d|--data(?:-binary|-raw|-urlencode)?|-F|--form|-T|--upload-file|--post-(?:data|file))\b|-X\s*(?:POST|PUT))|(?:^|[\s;&|({`$])(?:nc|ncat|socat)\s[^\n]*\s\d+|\/dev\/(?:tcp|udp)\/|\brequests\.(?:post|put)\s*\(|\bfetch\s*\([^)]*\bmethod\s*:\s*["'](?:POST|PUT)|\bNet::HTTP\.post\b|\burlopen\s*\(\s*\w+\s*,\s*data\s*=|\bhttp\.Post\s*\(/;

/** Bumped when the logic changes, so the rule set digest changes with it; the metadata is in scanner/rules/shell-hook-network/rule.yaml. */
export const version = 10;

/** A project file that runs a command by itself: a VS Code task run on folder open, a dev container's lifecycle command. */
const AUTORUN_FILE = /"runOn"\s*:\s*"folderOpen"|"(?:postCreate|postStart|postAttach|initialize|onCreate|updateContent)Command"\s*:/;
/** A fetch in a shipped script (`curl -fsSL "https://…" -o "$cache/pack.tgz"`). */
const FETCH_LINE = /(?:^|[\s;&|({`$])(?:curl|wget|iwr|Invoke-WebRequest)\s[^\n]*(?:https?:\/\/|\$\{?\w)/;
/** Running what was fetched or unpacked (`bash "$cache/install.sh"`, `| sh`). */
const RUNS_FETCHED_LINE = /(?:^|[\s;&|(])(?:bash|sh|zsh|source|\.|python3?|node)\s+["']?\$\{?\w|\|\s*(?:sudo\s+)?(?:ba|z)?sh\b/;

/**
 * The commands a project file runs by itself: those of VS Code tasks with `"runOn": "folderOpen"` and a dev container's
 * lifecycle commands. A task the user starts by hand is not one of them.
 */
function autorunCommands(text: string): string[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\s*\/\/.*$/gm, '').replace(/,(\s*[}\]])/g, '$1'));
  } catch {
    return [];
  }
  if (typeof data !== 'object' || data === null) return [];
  const record = data as Record<string, unknown>;
  const words = (value: unknown): string[] => (typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(words) : typeof value === 'object' && value !== null ? Object.values(value).flatMap(words) : []);
  const tasks = Array.isArray(record.tasks) ? (record.tasks as Record<string, unknown>[]) : [];
  const onOpen = tasks.filter((task) => (task.runOptions as Record<string, unknown> | undefined)?.runOn === 'folderOpen').flatMap((task) => [...words(task.command), ...words(task.args)]);
  const lifecycle = ['initializeCommand', 'onCreateCommand', 'updateContentCommand', 'postCreateCommand', 'postStartCommand', 'postAttachCommand'].flatMap((key) => words(record[key]));
  return [...onOpen, ...lifecycle];
}

/** Hooks of SSH or git that run a program the skill ships, when that program sends data: it sends on every connection or git command. */
function toolHooks(context: ScanContext): RawFinding[] {
  const findings: RawFinding[] = [];
  const shipped = context.files.filter((file) => file.fileClass === 'text' && file.language !== 'markdown' && !/(?:^|\/)SKILL\.md$/i.test(file.path));
  const named = (file: SourceFile) => new RegExp(`(?<![\\w.-])${escapeRegExp(file.path.split('/').pop()!)}(?![\\w.-])`);
  const senders = shipped.map((file) => ({ file, name: named(file), send: file.text.split('\n').findIndex((line) => !/^\s*(?:#|\/\/)/.test(line) && SENDS_DATA_LINE.test(line)) })).filter(({ send }) => send >= 0);
  // A shipped script that fetches and runs what it fetched is as bad run by a hook as one that sends. An official installer
  // (`curl -LsSf https://astral.sh/uv/install.sh | sh`) is the tool's documented channel; an address held in a variable is nobody's.
  const runners = shipped.map((file) => {
    const lines = file.text.split('\n');
    const fetch = lines.findIndex((line) => {
      if (/^\s*(?:#|\/\/)/.test(line) || !FETCH_LINE.test(line)) return false;
      const hosts = urlHosts(line);
      return !officialInstaller(hosts.map(({ host }) => host));
    });
    if (fetch < 0) return { file, name: named(file), send: -1 };
    // What runs is what the fetch wrote (`-o "$cache/pack.tgz"` … `bash "$cache/install.sh"`) or what it pipes into a shell.
    const target = /\s(?:-o|-O|--output|--output-document)[\s=]+["']?([^\s"']+)/.exec(lines[fetch]!)?.[1];
    const folder = target === undefined ? undefined : target.replace(/\/[^/]*$/, '');
    const runsIt = (line: string) => /\|\s*(?:sudo\s+)?(?:ba|z)?sh\b/.test(line) || (folder !== undefined && folder !== '' && RUNS_FETCHED_LINE.test(line) && line.includes(folder));
    return { file, name: named(file), send: lines.slice(fetch).some((line) => !/^\s*(?:#|\/\/)/.test(line) && runsIt(line)) ? fetch : -1 };
  }).filter(({ send }) => send >= 0);
  // A VS Code task run on folder open or a dev container's lifecycle command that runs such a script: opening the project runs it.
  for (const file of context.files) {
    if (file.fileClass !== 'text' || !AUTORUN_FILE.test(file.text)) continue;
    const lines = file.text.split('\n');
    const at = lines.findIndex((line) => AUTORUN_FILE.test(line));
    const commands = autorunCommands(file.text);
    const run = [...senders, ...runners].find(({ file: script, name }) => script !== file && commands.some((command) => name.test(command)));
    if (run === undefined) continue;
    findings.push({
      ruleId: 'shell-hook-network',
      file: file.path,
      line: at + 1,
      evidence: `${lines[at]!.trim().slice(0, 100)} → ${run.file.path}:${run.send + 1}: ${run.file.text.split('\n')[run.send]!.trim().slice(0, 100)}`,
      severity: 'critical',
      message: 'Makes opening the project run a program the skill ships (an editor task on folder open, a dev container lifecycle command), and that program sends data or runs code it downloads: it runs each time the project is opened, before anyone reads it.',
    });
  }
  if (senders.length === 0) return findings;
  for (const file of context.files) {
    if (file.fileClass !== 'text') continue;
    const lines = file.text.split('\n');
    for (const [index, line] of lines.entries()) {
      if (!TOOL_HOOK_LINE.test(line)) continue;
      const run = senders.find(({ file: script, name }) => script !== file && name.test(line));
      if (run === undefined) continue;
      findings.push({
        ruleId: 'shell-hook-network',
        file: file.path,
        line: index + 1,
        evidence: `${line.trim().slice(0, 100)} → ${run.file.path}:${run.send + 1}: ${run.file.text.split('\n')[run.send]!.trim().slice(0, 100)}`,
        severity: 'critical',
        message: 'Sets an SSH or git hook to run a program the skill ships, and that program sends data over the network: it runs on every connection or git command, so what it sends leaves the machine each time.',
      });
      break;
    }
  }
  return findings;
}

/**
 * The shell code a skill ships or shows to run: its shell scripts, and the shell blocks of its Markdown that are not
 * quoted as examples ("add this to the end of ~/.bashrc: ```bash PROMPT_COMMAND=…```" is the same hook in words).
 */
function shellUnits(context: ScanContext): { file: string; firstLine: number; text: string; block: boolean }[] {
  const units = context.files.filter((file) => file.fileClass === 'text' && file.language === 'shell').map((file) => ({ file: file.path, firstLine: 1, text: file.text, block: false }));
  return [...units, ...runnableBlocks(context.segments, 'shell').map((block) => ({ ...block, block: true }))];
}

/**
 * The lines of a hook's own body, from the line that registers it: its continuation lines (a trailing backslash), an open
 * quote (`PROMPT_COMMAND='…` over lines) or an open brace (`preexec() { …`), as bash reads them.
 */
function hookBody(lines: readonly string[], hook: number): Set<number> {
  const body = new Set<number>();
  let quotes = 0;
  let depth = 0;
  for (let index = hook; index < lines.length; index += 1) {
    const line = lines[index]!;
    body.add(index);
    quotes += (line.match(/'/g) ?? []).length;
    depth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
    if (!/\\\s*$/.test(line) && quotes % 2 === 0 && depth <= 0) break;
  }
  return body;
}

/** The shell-hook-network detector. */
/**
 * A git setting that runs a shell command written inline (`git config --global credential.helper '!f() { …; }; f'`,
 * a `!` alias, `core.pager`, `core.sshCommand`, `core.fsmonitor`): the command runs on every git command that uses it,
 * and a credential helper is handed every login git asks for.
 */
const INLINE_GIT_HOOK = /\bgit\s+config\s+(?:--[\w-]+\s+)*(credential(?:\.[^\s.]+)*\.helper|alias\.[\w-]+|core\.(?:pager|sshCommand|fsmonitor|editor)|diff\.external|filter\.[\w-]+\.(?:clean|smudge|process))\s+(["'])/i;

/** Inline git hooks whose own command sends data over the network. */
function inlineGitHooks(context: ScanContext): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const unit of shellUnits(context)) {
    for (const match of unit.text.matchAll(new RegExp(INLINE_GIT_HOOK.source, 'gi'))) {
      const start = match.index + match[0].length;
      // The quoted command ends at the first quote of its kind that is not escaped (`\"` inside double quotes).
      let end = start;
      while (end < unit.text.length && end - start < 4000 && !(unit.text[end] === match[2] && (match[2] === "'" || unit.text[end - 1] !== '\\'))) end += 1;
      const command = unit.text.slice(start, end);
      const send = command.split('\n').find((line) => SENDS_DATA_LINE.test(line) || NETWORK_LINE.test(line));
      // A helper that asks a code forge itself for the login it answers with sends nothing elsewhere; one that sends on what git
      // handed it (its input: `$(cat)`, `@-`, `read`) sends the logins, to a gist or an issue as much as anywhere.
      const hosts = urlHosts(command).map(({ host }) => host);
      const passesInput = /@-|\$\(\s*cat\s*\)|\bread\s|\bgh\s+(?:gist|issue|api)\b/.test(command);
      if (send === undefined || (hosts.length > 0 && !passesInput && hosts.every((host) => isLocalHost(host) || isCodeForge(host)))) continue;
      const helper = /^credential/i.test(match[1]!);
      findings.push({
        ruleId: 'shell-hook-network',
        file: unit.file,
        line: unit.firstLine + unit.text.slice(0, match.index).split('\n').length - 1,
        evidence: `${match[0].trim().slice(0, 80)} … ${send.trim().slice(0, 120)}`,
        severity: 'critical',
        message: helper
          ? 'Sets a git credential helper whose own command sends data over the network: git hands it every login it asks for, on every fetch and push.'
          : 'Sets a git setting to a command that sends data over the network: it runs on every git command that uses the setting.',
      });
    }
  }
  return findings;
}

/** A git configuration file's section that holds commands (`[filter "svg"]`, `[core]`, `[alias]`, `[credential]`, `[diff "x"]`). */
const GIT_CONFIG_SECTION = /^\s*\[(?:filter|core|alias|credential|diff)\b[^\]\n]*\]/im;
/** A key of such a section whose value is a command (`clean = …`, `fsmonitor = …`, `st = !…`, `helper = !…`). */
const GIT_HOOK_KEY = /^(?:clean|smudge|process|fsmonitor|sshCommand|pager|external|textconv|driver|editor|helper)$/i;
const GIT_CONFIG_COMMAND = new RegExp(`^\\s*(${GIT_HOOK_KEY.source.slice(4, -2)}|[\\w-]+(?=\\s*=\\s*["']?!))\\s*=\\s*(.+)$`, 'i');
/** A push to an address written out (`git push --force --all "https://…"`): the repository leaves with it. */
const PUSH_TO_ADDRESS = /\bgit\s+(?:-\S+\s+)*push\b[^\n;|&]*\s["']?(?:https?:\/\/|git@|ssh:\/\/)/;

/** The same settings written into a git configuration file the skill ships (`assets/gitconfig` included from the user's). */
function gitConfigFileHooks(context: ScanContext): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const file of context.files) {
    if (file.fileClass !== 'text' || file.language === 'markdown' || !GIT_CONFIG_SECTION.test(file.text)) continue;
    file.text.split('\n').forEach((line, index) => {
      const setting = GIT_CONFIG_COMMAND.exec(line);
      if (!setting) return;
      // The command as the shell sees it, its quotes taken away (`sh -c 'curl …'`).
      const command = setting[2]!.replace(/\\"/g, '"').replace(/["']/g, ' ');
      // An alias runs only when the user types it: one that calls the user's CI (`curl -X POST "$JENKINS_URL/…"`) is the user's
      // shortcut. It counts when it pushes to an address it writes out or sends a file.
      const alias = !GIT_HOOK_KEY.test(setting[1]!);
      const send = alias ? PUSH_TO_ADDRESS.test(command) || /\s(?:-d|--data[\w-]*|-F|--form|-T|--upload-file)\s*["']?@/.test(command) : SENDS_DATA_LINE.test(command) || NETWORK_LINE.test(command) || PUSH_TO_ADDRESS.test(command);
      const hosts = urlHosts(command).map(({ host }) => host);
      if (!send || (hosts.length > 0 && hosts.every((host) => isLocalHost(host) || isCodeForge(host)))) return;
      findings.push({
        ruleId: 'shell-hook-network',
        file: file.path,
        line: index + 1,
        evidence: line.trim().slice(0, 200),
        severity: 'critical',
        message: `Sets git's \`${setting[1]}\` to a command that sends data over the network: it runs on every git command that uses the setting.`,
      });
    });
  }
  return findings;
}

export function detect(context: ScanContext): RawFinding[] {
  const findings: RawFinding[] = [...toolHooks(context), ...inlineGitHooks(context), ...gitConfigFileHooks(context)];
  for (const unit of shellUnits(context)) {
    const lines = unit.text.split('\n');
    const code = (line: string) => !/^\s*#/.test(line);
    const hook = lines.findIndex((line) => code(line) && HOOK_LINE.test(line));
    if (hook < 0) continue;
    const body = hookBody(lines, hook);
    // A Markdown block holds many unrelated commands: only a send in the hook's own body counts there.
    const sends = lines.map((line, index) => ({ line, index })).filter(({ line, index }) => code(line) && NETWORK_LINE.test(line) && (!unit.block || body.has(index)));
    if (sends.length === 0) continue;
    // What the user types or where they work, captured in the body of the hook that sends it.
    const watching = sends.find(({ line }) => ACTIVITY.test(line)) ?? ([...body].some((index) => code(lines[index]!) && ACTIVITY.test(lines[index]!)) ? sends.find(({ index }) => body.has(index)) : undefined);
    const send = watching ?? sends[0]!;
    findings.push({
      ruleId: 'shell-hook-network',
      file: unit.file,
      line: unit.firstLine + send.index,
      evidence: `${lines[hook]!.trim().slice(0, 80)} (line ${unit.firstLine + hook}) → ${send.line.trim().slice(0, 120)}`,
      ...(watching ? { severity: 'critical' as const, message: 'Registers a shell prompt or command hook and sends what the user types or where they work over the network from it: a keylogger for the terminal.' } : {}),
    });
  }
  return findings;
}

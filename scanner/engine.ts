/**
 * The scan: read every file, parse it (Markdown, Python, JavaScript/TypeScript, shell), cut it into
 * segments, decode what is encoded, run the pattern rules and the detectors, infer capabilities,
 * compare with the declared ones, apply suppressions, and decide the verdict under the policy.
 */
import { performance } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import { PERSISTENCE_FILE, SEVERITIES, SYNCED_FOLDER, severityRank } from '../core/index.ts';
import { ScanReportSchema, type Capabilities, type Finding, type ScanReport } from '../schemas/index.ts';
import { hostAllowed, inferCapabilities, pathAllowed } from './capabilities.ts';
import { isLexicalCode, joinedStringArrays, lexicalFacts } from './lexical.ts';
import { analyzeCode, isCodeLanguage, loadParsers } from './code.ts';
import { decodeAll, filledTemplates, glossedPlaceholders, indexTableTexts, numberedWords, xorDecodes } from './decode.ts';
import { usesByContext } from './detectors/capability-inventory.ts';
import type { ScanContext } from './detectors/types.ts';
import { BARE_URL, FIXTURE_PATH, NETWORK_SINK_CALL, NETWORK_SINK_COMMAND, SENSITIVE_FILE, escapeRegExp, handedToSsh, urlHosts } from './knowledge.ts';
import { pngTextChunks } from './images.ts';
import { analyzeMarkdown, commandLines, plainCommand } from './markdown.ts';
import type { CodeFacts, RawFinding, Segment, SourceFile } from './model.ts';
import { decideVerdict, defaultPolicy, policyDigest, type Policy } from './policy.ts';
import type { Language, PatternRule, RuleMeta } from './rule-schema.ts';
import { bundledRuleSet } from './rules.ts';
import { readSkillFiles } from './source-files.ts';
import { includedMakefiles, isMakefile, makeRecipes } from './makefile.ts';
import { isMsbuildFile, msbuildCommands, msbuildInlineCode, msbuildProperties } from './msbuild.ts';
import { QUOTES_WHAT_FOLLOWS, consentGated, sectionConsentGated, describedAt, followedFiles, isPackageRegistry, markdownContext, cataloguedSegments, securityPurpose, shellSessionKey } from './intent/model.ts';
import { LiteralFilter, requiredLiterals } from '../core/prefilter.ts';
import { applySuppressions, type Suppression } from './suppressions.ts';
import { SCANNER_VERSION } from './version.ts';

/** Options of {@link scanSkill}. */
export interface ScanOptions {
  /** The entry's declared capabilities; undeclared use becomes a finding. Absent = compare against nothing declared (an ad-hoc `scan <dir>`: report capabilities as capability findings, do not fail for undeclared use alone). */
  declared?: Capabilities;
  /** publisher/name, for scoping suppressions. */
  skill?: { publisher: string; name: string };
  /** Operator suppressions (schema lives in scanner/, file format registry/suppressions.yaml). */
  suppressions?: Suppression[];
  /** Verdict policy; default is the bundled scanner/policy.yaml. */
  policy?: Policy;
  /** Clock for suppression expiry. */
  now?: Date;
}

/** Most matches one pattern reports in one segment: more says nothing new and bloats reports. */
const MAX_MATCHES_PER_SEGMENT = 20;
/** Longest evidence shown for one finding. */
const MAX_EVIDENCE = 200;
/** Shortest folded string worth decoding on its own (shorter ones are covered by the file-wide pass). */
const MIN_DECODE_STRING = 16;

/** Newline offsets of texts already seen, so finding the line of a match is a binary search, not a scan. */
const newlineIndex = new Map<string, number[]>();

/** 0-based line of `index` in `text`. */
function lineAt(text: string, index: number): number {
  if (text.length < 4096) {
    let line = 0;
    for (let position = text.indexOf('\n'); position !== -1 && position < index; position = text.indexOf('\n', position + 1)) line += 1;
    return line;
  }
  let offsets = newlineIndex.get(text);
  if (!offsets) {
    offsets = [];
    for (let position = text.indexOf('\n'); position !== -1; position = text.indexOf('\n', position + 1)) offsets.push(position);
    if (newlineIndex.size > 64) newlineIndex.clear();
    newlineIndex.set(text, offsets);
  }
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (offsets[middle] < index) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The line around a match, trimmed to {@link MAX_EVIDENCE} characters centred on the match. */
function evidenceAt(text: string, index: number, length: number): string {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  let end = text.indexOf('\n', index + length);
  if (end === -1 || end - index > MAX_EVIDENCE) end = Math.min(text.length, Math.max(index + length, start + MAX_EVIDENCE));
  let line = text.slice(start, end);
  let offset = index - start;
  if (line.length > MAX_EVIDENCE) {
    const from = Math.max(0, Math.min(offset - 40, line.length - MAX_EVIDENCE));
    line = `${from > 0 ? '…' : ''}${line.slice(from, from + MAX_EVIDENCE)}…`;
    offset -= from;
  }
  return line.replace(/\s+/g, ' ').trim();
}

/** Modules of Python's and Node's standard libraries that never open a connection or run another program. */
const OFFLINE_MODULE =
  /^(?:node:)?(?:__future__|abc|argparse|array|ast|base64|binascii|bisect|bz2|calendar|collections|configparser|contextlib|copy|csv|dataclasses|datetime|decimal|difflib|enum|fnmatch|fractions|functools|getopt|glob|gzip|hashlib|heapq|hmac|html|io|ipaddress|itertools|json|keyword|logging|lzma|math|operator|optparse|os|pathlib|posixpath|pprint|random|re|secrets|shlex|shutil|statistics|string|struct|sys|tarfile|tempfile|textwrap|time|tomllib|typing|typing_extensions|unicodedata|urllib\.parse|uuid|warnings|xml(?:\.\w+)*|zipfile|zlib|fs|fs\/promises|path|util|url|readline|assert|events|buffer|crypto|process|stream|string_decoder|querystring|punycode)$/;

/** Rules whose findings in a program that only deletes what they name are warnings (a browser cache and cookie cleaner). */
const CLEANER_SOFTENS = new Set(['browser-credential-store']);
/** Calls and commands that delete files or folders. */
const DELETES = /^(?:shutil\.rmtree|os\.(?:remove|unlink|rmdir|removedirs)|(?:.+\.)?(?:unlink|rmdir)|(?:fs\.)?(?:rmSync|rm|unlinkSync|rmdirSync)|fs\.promises\.(?:rm|unlink)|send2trash|rm|rmdir|Remove-Item)$/;
/** Calls that copy, move, pack, print or encode a file, or open a browser store's database. */
const READS_OUT = /^(?:shutil\.(?:copy\w*|move|make_archive)|os\.(?:rename|replace|renames)|(?:\w+\.)?(?:rename|replace|renameSync|copyFileSync|copyFile|createReadStream|b64encode|hexlify|encodebytes)|sqlite3\.connect|zipfile\.ZipFile|tarfile\.open|cp|mv|scp|rsync|tar|zip|ditto|sqlite3|base64|xxd|Copy-Item|Move-Item|Compress-Archive)$/;
/** Copies, moves and archives kept on the machine (a backup before deleting), as opposed to reading a store's contents. */
const LOCAL_BACKUP = /^(?:shutil\.(?:copy\w*|move|make_archive)|os\.(?:rename|replace|renames)|(?:\w+\.)?(?:rename|replace|renameSync|copyFileSync|copyFile)|zipfile\.ZipFile|tarfile\.open|cp|mv|tar|zip|ditto|Copy-Item|Move-Item|Compress-Archive)$/;
/** Code that reaches the network by any client (not only the sending calls the flow rules know). */
const ANY_NETWORK_CLIENT = /\b(?:urllib3?|requests|httpx|aiohttp|http\.client|boto3|botocore|google\.cloud|azure\.|paramiko|ftplib|smtplib|socket|websockets?|pycurl|fetch|axios|got|undici|node:https?|XMLHttpRequest|WebSocket|curl|wget|Invoke-WebRequest|Invoke-RestMethod)\b/;
/** The only programs a cleaner may start: process listers, to see whether the browser runs. */
const PROCESS_LISTER = /^\s*\[?\s*["']?(?:ps|tasklist|pgrep|pidof|lsof)\b/;

/**
 * Whether the code of `file` only deletes what it names: it calls a deleting function, copies, packs and
 * opens no store, sends nothing and runs no code it builds or fetches. Such a program naming a store removes it.
 */
function deletesOnly(facts: readonly CodeFacts[], files: readonly SourceFile[], file: string): boolean {
  const units = facts.filter((unit) => unit.file === file && !unit.unit.includes('#'));
  const text = files.find((candidate) => candidate.path === file)?.text ?? '';
  if (units.length === 0 || ANY_NETWORK_CLIENT.test(text)) return false;
  // A backup kept on the machine before deleting (moved or zipped aside) is not a read-out when no program of the
  // skill reaches the network: nothing could carry the backup off.
  // A folder a sync client carries off (`~/Dropbox/…`) is no backup on the machine.
  const offlineSkill = !SYNCED_FOLDER.test(text) && files.every((candidate) => candidate.fileClass !== 'text' || candidate.language === 'markdown' || !ANY_NETWORK_CLIENT.test(candidate.text));
  const calls = units.flatMap((unit) => [...unit.calls.map((call) => call.callee), ...unit.commands.map((command) => command.name)]);
  if (!calls.some((callee) => DELETES.test(callee)) || calls.some((callee) => (READS_OUT.test(callee) && !(offlineSkill && LOCAL_BACKUP.test(callee))) || NETWORK_SINK_CALL.test(callee) || NETWORK_SINK_COMMAND.test(callee))) return false;
  // Another program it starts may only list processes (is the browser still running?).
  return units.every((unit) => unit.execSinks.every((sink) => !sink.network && !sink.dynamic && PROCESS_LISTER.test(sink.text.replace(/^[^(]*\(/, ''))));
}

/** Calls of a program that reach the network or another program without a sending call's name: a subprocess, a shell, a browser, code built at run time. */
const RUNS_ELSEWHERE = /(?:^|\.)(?:system|popen|Popen|spawn\w*|exec\w*|fork\w*|startfile|open_new(?:_tab)?|eval|Function|import_module|__import__|require)$/;

/**
 * Whether a Python or JavaScript program stays on the machine: every module it imports is one of
 * {@link OFFLINE_MODULE} and it runs nothing else (see {@link CodeFacts.offline}).
 */
function offlineProgram(language: Segment['language'], text: string, facts: CodeFacts): boolean {
  if (language !== 'python' && language !== 'javascript') return false;
  // Imports written inside a template the program fills (a generated test module) are not its own.
  text = language === 'python' ? text.replace(/("""|''')[\s\S]*?\1/g, ' ') : text.replace(/`(?:[^`\\]|\\.)*`/g, ' ');
  const modules =
    language === 'python'
      ? [...text.matchAll(/^[ \t]*(?:from[ \t]+([\w.]+)[ \t]+import\b|import[ \t]+([\w., \t]+))/gm)].flatMap((match) => (match[1] ? [match[1]] : match[2]!.split(',').map((name) => name.trim().split(/\s+/)[0]!)))
      : [...text.matchAll(/\bfrom\s+["']([^"']+)["']|\brequire\(\s*["']([^"']+)["']\s*\)|\bimport\s+["']([^"']+)["']/g)].map((match) => match[1] ?? match[2] ?? match[3]!);
  if (!modules.every((module) => OFFLINE_MODULE.test(module))) return false;
  // A program that writes files may put the URL where another program connects to it (a tool server's
  // configuration in the home folder): only one that prints its output, or writes files of the project
  // (a generated test module at a path it is given), keeps the URL as data.
  const reachesHome = HOME_OR_CONFIG.test(text) || facts.writes.some((write) => /^(?:~|\/|\$HOME|%)/.test(write.path));
  const writes = reachesHome && (facts.writes.length > 0 || facts.calls.some((call) => (WRITES_FILE.test(call.callee) || (/^(?:open|io\.open|fs\.open\w*)$/.test(call.callee) && /,\s*(?:mode\s*=\s*)?["'][^"']*[wax+]/.test(call.text))) && !/\b(?:sys\.)?(?:stdout|stderr)\b|process\.(?:stdout|stderr)/.test(call.text)));
  // So does one that sets the environment other code of the process and its children read (`os.environ[…] = url`).
  const setsEnvironment = /\bos\.environ\s*\[[^\]\n]+\]\s*=(?!=)|\bos\.environ\.(?:setdefault|update)\b|\bos\.putenv\b|\bprocess\.env(?:\.\w+|\[[^\]\n]+\])\s*=(?!=)|\bObject\.assign\(\s*process\.env\b/.test(text);
  return !writes && !setsEnvironment && facts.execSinks.length === 0 && !facts.calls.some((call) => NETWORK_SINK_CALL.test(call.callee) || RUNS_ELSEWHERE.test(call.callee));
}

/** The home folder or a configuration location named in a program (`Path.home()`, `os.homedir()`, `~/.claude.json`, `/etc/`). */
const HOME_OR_CONFIG = /\b(?:Path\.home|expanduser|homedir|USERPROFILE|APPDATA|XDG_CONFIG_HOME|environ\s*\[\s*["']HOME|getenv\(\s*["']HOME|env\.HOME)\b|["'`](?:~|\/etc\/|\/usr\/|\/Library\/)|\.(?:claude|cursor|codex|gemini|vscode|config)\b|mcp\w*\.json|settings(?:\.local)?\.json/;

/** Calls that write, copy or move a file. */
const WRITES_FILE = /(?:^|\.)(?:write|write_text|write_bytes|writelines|dump|writeFileSync|writeFile|appendFileSync|appendFile|createWriteStream|copyfile|copy2?|copytree|move|rename|replace|symlink(?:_to)?|link_to|hardlink_to|touch|mkdir|makedirs|cpSync|copyFileSync|renameSync|symlinkSync)$/;

function segmentsFromFacts(facts: CodeFacts, language: Segment['language']): Segment[] {
  const segments: Segment[] = [];
  for (const needle of facts.needles) segments.push({ file: facts.file, line: needle.line, text: needle.text, scope: 'comment', language, unit: facts.unit, mention: true });
  // A string can hold a script (`HOOK = """curl … \\⏎ | sh"""`): read its statements as they run.
  for (const string of facts.strings) segments.push({ file: facts.file, line: string.line, text: plainCommand(string.text), scope: 'string', language, unit: facts.unit, ...(facts.offline && BARE_URL.test(string.text) ? { mention: true } : {}) });
  for (const command of facts.commands) {
    // `echo "run: sudo ufw disable"` prints a message; piped or redirected (`| sh`, `>> ~/.bashrc`) it acts.
    const message = /^(?:echo|printf)$/.test(command.name) && !/[|>]|\b(?:https?|ftp):\/\//.test(command.text);
    segments.push({ file: facts.file, line: command.line, text: command.text, scope: 'command', language: 'shell', unit: facts.unit, ...(message ? { mention: true } : {}) });
  }
  for (const comment of facts.comments) segments.push({ file: facts.file, line: comment.line, text: comment.text, scope: 'comment', language, unit: facts.unit });
  return segments;
}

function decodedSegments(file: string, text: string, baseLine: number, language: Segment['language'], unit: string, fileWide: boolean): Segment[] {
  return decodeAll(text).map((decoded) => ({
    file,
    line: baseLine + (fileWide ? lineAt(text, decoded.index) : 0),
    text: decoded.text,
    scope: 'code' as const,
    language,
    decodedFrom: decodedLabel(decoded.how, decoded.encoded),
    unit,
  }));
}

/** How a decoded segment came about, as findings show it: the method and the start of what was decoded. */
function decodedLabel(how: string, encoded: string): string {
  return `${how} "${encoded.length > 40 ? `${encoded.slice(0, 40)}…` : encoded}"`;
}

/** Text composed from a document (a filled template, an index sequence read over a table): read as code and as prose. */
function composedSegments(file: string, line: number, text: string, language: Segment['language'], decodedFrom: string): Segment[] {
  return [
    { file, line, text, scope: 'code', language, unit: file, decodedFrom },
    { file, line, text, scope: 'prose', language: 'markdown', unit: file, decodedFrom },
  ];
}

/**
 * Markdown files SKILL.md tells the agent to follow or read (see {@link followedFiles}): what the agent
 * reads into its context on the skill's orders steers it like SKILL.md does, so they are instructions,
 * not documentation.
 */
function instructionFiles(files: readonly SourceFile[]): Set<string> {
  return new Set([...followedFiles(files)].filter((path) => files.some((file) => file.path === path && file.language === 'markdown')));
}

/** Data files of test payloads or word lists, one string per line: sent as values, not run. */
const PAYLOAD_DATA = /(?:^|\/)(?:payloads?|wordlists?|fuzz(?:ing)?|probes?)\/[^/]+\.(?:txt|lst|csv)$/i;
/** A script that turns data into code: `[scriptblock]::Create($rules.postProcess …)`, `iex`, `eval(cfg.hook)`, `new Function(…)`. */
const RUNS_DATA = /\[scriptblock\]::Create\s*\(|\bInvoke-Expression\b|\biex\b|\beval\s*\(|\bexec\s*\(|\bnew\s+Function\s*\(|\bvm\.runIn\w+\s*\(|\binstance_eval\b|\bclass_eval\b/i;
/** Code that runs text as code, a command or a program ({@link RUNS_DATA}, a process, a shell): what a payload list must not be fed to. */
const RUNS_TEXT = new RegExp(`${RUNS_DATA.source}|\\b(?:system|exec\\w*|spawn\\w*|popen\\w*|Open3|subprocess|child_process|source)\\b|\`[^\`\\n]*#\\{|%x[({]|\\|\\s*(?:ba|z)?sh\\b|\\bsh\\s+-c\\b`);
/**
 * A payload data file (test strings one per line) in a skill none of whose scripts runs text: whatever
 * names it, its lines can only be sent as data. A skill with any script that runs text gets no such pass.
 */
function payloadData(texts: readonly SourceFile[], path: string): boolean {
  if (!PAYLOAD_DATA.test(path)) return false;
  return !textsThatRun(texts).some((other) => other.path !== path);
}

/** The files of `texts` other than Markdown that run text they are given (RUNS_TEXT): found once per skill, not once per file asked about. */
function textsThatRun(texts: readonly SourceFile[]): readonly SourceFile[] {
  let found = runningTexts.get(texts);
  if (!found) runningTexts.set(texts, (found = texts.filter((other) => other.language !== 'markdown' && RUNS_TEXT.test(other.text))));
  return found;
}
const runningTexts = new WeakMap<readonly SourceFile[], readonly SourceFile[]>();
/** Names of documents that catalogue attacks or indicators for a reader to recognise. */
const CATALOGUE_WORDS = String.raw`(?:^|[\/_-])(?:red-?flags?|attack-?(?:examples?|patterns?|catalog(?:ue)?|strings?|samples?)|injection-?(?:strings?|samples?|examples?|corpus)|patterns?|indicators?|iocs?|signatures?|payloads?|threats?|known-bad|detections?|examples?|samples?|log-?samples?|sample-?(?:events|logs)|corpus|corpora|test-?cases?)[\w-]*`;
const CATALOGUE_NAME = new RegExp(`${CATALOGUE_WORDS}\\.(?:md|markdown|txt|jsonl?|ya?ml|csv)$`, 'i');
/**
 * The same names with another extension, for files read as plain text (`indicators.patterns`, `iocs.lst`), but
 * not the extensions of programs the scanner does not parse (`indicators.ps1`, `samples.rb`): those can run.
 */
const CATALOGUE_STEM = new RegExp(`${CATALOGUE_WORDS}(?:\\.(?!(?:ps1|psm1|psd1|bat|cmd|vbs|wsf|hta|rb|php|pl|pm|lua|go|rs|java|kt|swift|c|cc|cpp|h|cs|r|jl|scala|groovy|tcl|awk|sed|applescript|scpt|command|tool|run|bin|exe|dll|so|dylib|jar|zsh|fish|ksh)$)[\\w-]+)?$`, 'i');

/** Where a runner is a command: at the start of a line or of inline code, after a shell prompt or a `&&`. */
const AS_COMMAND = String.raw`(?:^|[\x60$]\s*|&&\s*|;\s*|\brun\s+)`;
/**
 * Test runners and the files each loads for their side effects: a skill that runs its tests (`pytest -q`,
 * `npm test`) runs its conftest.py and its setup files, whatever folder they sit in. Test modules stay
 * fixtures: the strings they hold are data a test checks against.
 */
const TEST_RUNNERS: readonly { runs: RegExp; loads: RegExp }[] = [
  { runs: /(?:pytest|py\.test|python3?\s+-m\s+pytest|tox|nox|hatch\s+(?:run\s+)?test)\b/, loads: /(?:^|\/)conftest\.py$/ },
  { runs: /(?:(?:npm|pnpm|yarn|bun)\s+(?:run\s+)?test|npx\s+(?:jest|vitest|mocha)|jest|vitest|mocha)\b/, loads: /(?:^|\/)(?:jest|vitest)\.(?:setup|config)[^/]*\.[cm]?[jt]s$|(?:^|\/)(?:setupTests|test-setup)\.[cm]?[jt]s$/ },
  { runs: /(?:rspec|rake\s+spec|bundle\s+exec\s+rspec)\b/, loads: /(?:^|\/)spec_helper\.rb$/ },
].map((runner) => ({ runs: new RegExp(AS_COMMAND + runner.runs.source, 'm'), loads: runner.loads }));

/** Keys of a test runner's configuration that name files it loads before or around the tests (Jest, Vitest, Mocha, Playwright). */
const HARNESS_KEY = String.raw`["']?(?:globalSetup|globalTeardown|setupFiles(?:AfterEnv)?|setupFilesAfterEach|testEnvironment|reporters|require|file|setup|teardown)["']?\s*[:=]\s*(?:\[?\s*(?:["'][^"'\n]*["']\s*,\s*)*["']|\n?\s*-\s*["']?|)(?:<rootDir>\/)?(?:\.\/)?`;

/**
 * Whether a test runner the skill's own text runs loads the file at `path`: by its name (`conftest.py`, `jest.setup.ts`), or
 * because a runner's configuration names it (`"jest": { "globalSetup": "./test/global-setup.ts" }`, `.mocharc` `require`).
 */
function runByTestRunner(path: string, texts: readonly SourceFile[]): boolean {
  if (TEST_RUNNERS.some((runner) => runner.loads.test(path) && texts.some((other) => other.path !== path && runner.runs.test(other.text)))) return true;
  const configured = new RegExp(`${HARNESS_KEY}${escapeRegExp(path.replace(/\.[cm]?[jt]s$/, ''))}(?:\.[cm]?[jt]s)?(?:["']|\s*$)`, 'm');
  return texts.some((other) => other.path !== path && /(?:^|\/)(?:package\.json|(?:jest|vitest|playwright)\.config\.[\w.]+|\.mocharc(?:\.[\w]+)?)$/.test(other.path) && configured.test(other.text)) && texts.some((other) => other.path !== path && TEST_RUNNERS.some((runner) => runner.runs.test(other.text)));
}

/**
 * Whether `pattern`, which ends at `name` (a command that runs a file), matches `text`: read only over the
 * lines up to a thousand characters before each place the name occurs, not over the whole text.
 */
function matchesNear(text: string, name: string, pattern: RegExp): boolean {
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
    const from = text.lastIndexOf('\n', Math.max(0, at - 1000)) + 1;
    const lineEnd = text.indexOf('\n', at + name.length);
    if (pattern.test(text.slice(from, lineEnd === -1 ? text.length : lineEnd + 1))) return true;
  }
  return false;
}

/**
 * A tool that acts on a file it is given (a manifest applied to a cluster, a compose file brought up, a
 * playbook played, a crontab installed, SQL fed to a database): its next word up to the file name is options. A dry run
 * (`kubectl apply --dry-run=server -f …`) applies nothing.
 */
const APPLIES_FILE = String.raw`(?:^|[\s;&|(${"`"}"'])(?![^\n]*--dry-run\b)(?:(?:kubectl|oc)\s+(?:apply|create|replace)|(?:docker|podman)(?:\s+|-)compose|helm\s+(?:install|upgrade|template)|podman\s+(?:play\s+kube|kube\s+play)|kustomize\s+build|ansible-playbook|terraform\s+(?:apply|plan)|crontab|launchctl\s+(?:load|bootstrap)|systemctl\s+(?:--user\s+)?(?:link|enable)|psql|mysql|sqlite3|docker\s+(?:build|run|stack\s+deploy))`;

/**
 * Files that quote attacks rather than carry out anything: test fixtures and catalogues of examples that
 * no file of the skill runs. A security tool ships such files by design; findings in them only warn. A
 * file the skill runs (`bash tests/setup.sh`, `python3 fixtures/x.py` anywhere in the skill's other
 * files) or hands to a tool that acts on it (`kubectl apply -f examples/agent.yaml`) is not a quotation,
 * wherever it lives.
 */
function quotationFiles(files: readonly SourceFile[]): Set<string> {
  const out = new Set<string>();
  const texts = files.filter((file) => file.fileClass === 'text');
  for (const file of texts) {
    if (isSkillFile(file.path)) continue;
    const catalogue = CATALOGUE_NAME.test(file.path) || (file.language === 'text' && CATALOGUE_STEM.test(file.path));
    const base = file.path.split('/').pop() ?? '';
    const name = escapeRegExp(base);
    // A file whose text the skill has the agent put into what it writes ("append the signature block exactly as given in
    // `references/signature.md`") is content, whatever its name says.
    const written = catalogue && texts.some((other) => other !== file && new RegExp(`\\bas\\s+(?:given|shown|written|set\\s+out)\\s+in\\s+\x60?(?:\\S*/)?${name}\\b|\\b(?:append|insert|include|add|paste|put)\\b[^.\\n]{0,80}?\\bfrom\\s+\x60?(?:\\S*/)?${name}\\b`, 'i').test(other.text));
    if (!FIXTURE_PATH.test(file.path) && !(catalogue && !written) && !payloadData(texts, file.path) && !isPatternList(file.text) && !introducedAsQuoted(texts, file.path)) continue;
    const runs = new RegExp(`(?:^|[\\s;&|(\x60"'])(?:(?:ba|z|da)?sh|python\\d?(?:\\.\\d+)?|node|deno|bun|npx|tsx|ruby|perl|source|\\.|exec|pwsh|powershell)\\s+(?:-\\S+\\s+)*["']?(?:\\S*/)?${name}\\b|(?:^|[\\s;&|(\x60"'])\\./(?:\\S*/)?${name}(?:\\s|$|["'\x60])`, 'm');
    const applies = new RegExp(`${APPLIES_FILE}\\s+(?:[^\\s;&|]+\\s+)*?["']?(?:\\S*/)?${name}\\b|${APPLIES_FILE}[^\\n|;&]*<\\s*["']?(?:\\S*/)?${name}\\b`, 'm');
    const executedElsewhere = texts.some((other) => other !== file && (matchesNear(other.text, base, runs) || matchesNear(other.text, base, applies)));
    if (!executedElsewhere && !runByTestRunner(file.path, texts)) out.add(file.path);
  }
  return out;
}

/** A folder of test fixtures named as a program's output (`Path("tests/fixtures/rag_injection")`, `'./testdata/'`). */
const FIXTURE_OUTPUT = /["'`](?:\.\/)?(?:(?:tests?|spec|__tests__)\/(?:[\w.-]+\/)*fixtures?|(?:tests?\/)?fixtures?|testdata)(?:\/[\w.-]*)*["'`]/;
/** What would make such a program more than a writer of files: a process, code run from text, a request or a server by name. */
const SENDS_OR_RUNS = /\b(?:subprocess|os\.system|os\.popen|os\.exec\w*|os\.spawn\w*|child_process|spawn\w*|Popen|exec|eval|compile|__import__|importlib|ctypes|pickle|fetch|XMLHttpRequest|WebSocket|createServer|listen)\b/;
/** A program that writes files. */
const WRITES_FILES = /\.write_text\s*\(|\.write_bytes\s*\(|\bopen\s*\([^)\n]*["'][wa]b?\+?["']|\bwriteFileSync\s*\(|\bfs\.(?:promises\.)?writeFile\s*\(|\bjson\.dump\s*\(/;
/** Modules a writer of test fixtures needs: files, paths, text, encodings, randomness; nothing that reaches another machine. */
const FIXTURE_MODULES = new Set(['argparse', 'base64', 'binascii', 'codecs', 'collections', 'csv', 'dataclasses', 'datetime', 'gzip', 'hashlib', 'html', 'io', 'itertools', 'json', 'math', 'os', 'os.path', 'pathlib', 'random', 're', 'secrets', 'string', 'struct', 'sys', 'tarfile', 'textwrap', 'time', 'typing', 'unicodedata', 'uuid', 'zipfile', '__future__', 'fs', 'fs/promises', 'path', 'crypto', 'url', 'util', 'zlib', 'buffer', 'process']);

/** The modules a Python or JavaScript program imports (`import a, b`, `from a.b import c`, `require('x')`, `import … from 'node:x'`). */
function importedModules(text: string): string[] {
  return [
    ...[...text.matchAll(/^\s*import\s+([\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*)\s*$/gm)].flatMap((match) => match[1]!.split(',').map((name) => name.trim().split(/\s+/)[0]!)),
    ...[...text.matchAll(/^\s*from\s+([\w.]+)\s+import\b/gm)].map((match) => match[1]!),
    ...[...text.matchAll(/\brequire\s*\(\s*["'`]([^"'`]+)["'`]\s*\)|\bfrom\s+["']([^"']+)["']|\bimport\s*\(\s*["'`]([^"'`]+)["'`]\s*\)|^\s*import\s+["']([^"']+)["']/gm)].map((match) => (match[1] ?? match[2] ?? match[3] ?? match[4])!.replace(/^node:/, '')),
  ];
}

/**
 * Whether a script's whole job is writing test fixtures: it names a fixtures folder as where it writes, imports nothing
 * beyond files, paths, text and encodings (no client of any protocol, named or not), and runs or evaluates nothing.
 */
function fixtureWriter(file: SourceFile): boolean {
  if ((file.language !== 'python' && file.language !== 'javascript') || !FIXTURE_OUTPUT.test(file.text) || !WRITES_FILES.test(file.text)) return false;
  const code = file.text.replace(/^\s*(?:#|\/\/).*$/gm, '');
  return !SENDS_OR_RUNS.test(code.replace(/(["'`])(?:\\.|(?!\1)[^\\\n])*\1/g, '""')) && importedModules(code).every((name) => FIXTURE_MODULES.has(name));
}

/**
 * What a skill says it is for, in its front matter: recognising attacks (reviewing, detecting, triaging,
 * deobfuscating malicious or suspicious material, security awareness training). Such a skill quotes attack
 * material as its subject.
 */
/** Regular-expression syntax: an escape class, a non-capturing group, a negated set, a group of alternatives, or a POSIX class (`[[:space:]]`, as grep -E takes). */
const REGEX_SYNTAX = /\\[bBsSdDwW.]|\(\?[:!=<]|\[\^|\((?:[^()\s|]+\|)+[^()\s|]*\)|\[\[:(?:space|blank|alpha|alnum|digit|xdigit|upper|lower|punct|print|graph|word):\]\]/;

/**
 * A list of patterns to match text against (a phrase list of a guard, a rule file): at least five
 * content lines, most of them regular expressions. Nothing reads such a file as instructions.
 */
function isPatternList(text: string): boolean {
  const lines = text.split('\n').filter((line) => line.trim() !== '' && !/^\s*(?:#|\/\/|;)/.test(line));
  return lines.length >= 5 && lines.filter((line) => REGEX_SYNTAX.test(line)).length >= 0.6 * lines.length;
}

/** Rules whose findings in instructions only warn when the skill asks the user before every step (see consentGated). */
const CONSENT_SOFTENS = new Set(['privilege-escalation', 'account-share-fixed-address', 'log-wiping']);
/** A log-wiping finding about the shell's own history (`history -c`, `unset HISTFILE`, `~/.zsh_history`), nothing of the system's. */
const SHELL_HISTORY_ONLY = /^(?![\s\S]*(?:\/var\/log|journal|audit|event\s*log|wevtutil|Clear-EventLog|auth(?:entication)?\s+logs?|security\s+logs?))[\s\S]*\b(?:history|HISTFILE|HISTSIZE|_history)\b/i;
/** Rules whose findings in a script only warn when the step sits behind the script's own prompt, on a target the user passes in (see guardedScriptStep). */
const SCRIPT_CONSENT_SOFTENS = new Set(['quarantine-bypass']);
/** A prompt a script shows before its next step: PowerShell's ShouldProcess or Read-Host, `read -p`, a `[y/N]` input. */
const CONFIRM_GUARD = /\$PSCmdlet\.ShouldProcess\(|\bShouldContinue\(|\bRead-Host\b|\bread\s+(?:-\w+\s+)*-p\b|\binput\(\s*["'][^"']*\[y\/N\]|["'`][^"'`\n]*\[y\/n\]|\b(?:confirm|ask|ask_yes_no|prompt_yes_no|yes_no)\s+["'][^"'\n]*\?["']/i;
/** Whether a script's step runs only after the script asks (within three lines above) on an exclusion target the user passes in. */
function guardedScriptStep(files: readonly SourceFile[], path: string, line: number, evidence: string): boolean {
  const file = files.find((entry) => entry.path === path);
  if (!file || file.language === 'markdown') return false;
  const before = file.text.split('\n').slice(Math.max(0, line - 4), line - 1).join('\n');
  // The target is one of the script's own parameters (`param([string]$Path)`): the user passes it in.
  const target = /-(?:ExclusionPath|ExclusionProcess|ExclusionExtension)\s+\$(\w+)\s*$/i.exec(evidence.trim())?.[1];
  const params = /\bparam\s*\(/i.exec(file.text);
  return CONFIRM_GUARD.test(before) && target !== undefined && params !== null && new RegExp(`\\$${target}\\b`, 'i').test(file.text.slice(params.index, params.index + 2000));
}

/** A command that deletes something (not one that opens permissions or fills a disk). */
const DELETES_RESOURCE = /\b(?:delete|rm|rb|destroy|terminate(?:-instances)?|purge|remove|drop)\b/;
/** A loop over a list of targets, on a step's line or the lines above it (`for db in $(…); do`, `… | while read ns; do`, `| xargs`). */
const LOOP_HEADER = /\b(?:for|foreach)\s+\$?\w+\s+in\b|\bwhile\s+(?:IFS=\S*\s+)?read\b|\bxargs\b|\.forEach\s*\(|\bfor\s*\(/;
/** A deletion whose target is more than one named thing: every namespace or project, a loop, a wildcard, a home folder or the root. */
const MASS_TARGET = new RegExp(`${LOOP_HEADER.source}|--all\\b|\\s-A\\b|--all-namespaces|\\$\\(|\\*|(?:^|\\s)["']?(?:~|\\$HOME|\\$\\{HOME\\})\\/?["']?(?:\\s|$)|\\s\\/(?:\\s|$)|\\brm\\s+-\\w*r|\\bprojects\\s+delete\\b|\\borganizations\\b|\\bs3\\s+rb\\b|\\bterraform\\s+destroy\\b`);

/** A script that fetches anything (an address, a download tool, a forge's key listing, `ssh-import-id`): a key it appends may be someone else's. */
const FETCHES_KEY = /\b(?:https?|ftp):\/\/|\b(?:curl|wget|fetch|aria2c|http|xh|nc|ncat|gh\s+api|glab\s+api|ssh-import-id|Invoke-WebRequest|Invoke-RestMethod|iwr|irm)\b/;

/** Whether a shell script's line runs on another machine, inside a quoted command it hands to `ssh`, in a script that fetches nothing from an address. */
function handedToSshFrom(files: readonly SourceFile[], path: string, line: number): boolean {
  const file = files.find((entry) => entry.path === path);
  return file !== undefined && file.language === 'shell' && !FETCHES_KEY.test(file.text) && handedToSsh(file, line);
}

/** Rules whose findings in a script only warn when the script shows the step and asks right before it (see promptedScriptStep). */
const PROMPT_SOFTENS = new Set(['persistence-write', 'privilege-escalation', 'ssh-authorized-keys-backdoor']);
/** A step's own line that runs only on a yes (`if (answer.trim().toLowerCase() === 'y') …`, `[[ $ans == y ]] && …`). */
const ANSWER_TESTED = /\bif\b[^\n]*(?:===?|==|-eq)\s*["']y(?:es)?["']|\[\[?\s*[^\]\n]*==?\s*["']?[yY](?:es)?["']?\s*\]\]?\s*&&/i;
/** A statement that makes what follows depend on an answer: a test that exits or an `if`/`case` on it. */
const GATES = /\|\|\s*(?:\{[^}\n]*\b)?(?:exit|return|continue)\b|\bif\b|\bcase\b|\bthen\b|\belse\b|\bShouldProcess\b/;
/**
 * Whether a script asks the user (a `read -p`, `Read-Host`, `[y/N]` prompt) within the eight lines before a
 * step, and the answer gates what follows. Comments are not code: a comment naming `read -p` asks nothing.
 */
function promptedScriptStep(files: readonly SourceFile[], path: string, line: number): boolean {
  const file = files.find((entry) => entry.path === path);
  if (!file || file.language === 'markdown') return false;
  const lines = file.text.split('\n');
  const code = lines.slice(Math.max(0, line - 9), line - 1).filter((text) => !/^\s*(?:#|\/\/|<#)/.test(text));
  // A prompt for a value (`read -p "Printer IP: " ip`, `Read-Host "Path"`) asks nothing about the step; a yes/no question does.
  const asked = code.findIndex((text) => CONFIRM_GUARD.test(text) && (YES_NO_QUESTION.test(text) || !/\bread\b|\bRead-Host\b/i.test(text)));
  // The gate may be on the step's own line when it tests the answer (`if (answer === 'y') appendFileSync(rc, lines)`); `|| exit` there is error handling.
  const own = lines[line - 1] ?? '';
  if (asked >= 0 && (code.slice(asked).some((text) => GATES.test(text)) || ANSWER_TESTED.test(own))) return true;
  // Or a yes/no question earlier in the same function whose "no" ends it on the question's own line (`read -r -p "Proceed? [y/N] " ok;
  // [[ "$ok" =~ ^[Yy]$ ]] || { echo "aborted"; exit 1; }`): the steps after it in that function run only on a yes.
  for (let index = line - 2; index >= Math.max(0, line - 41); index -= 1) {
    const text = lines[index] ?? '';
    if (/^(?:function\s+)?[\w:-]+\s*\(\s*\)\s*\{?\s*$|^function\s+[\w:-]+\s*\{?\s*$|^\}/.test(text)) break;
    // The "no" branch must leave the function itself: `|| exit`, `|| return`, `|| { …; exit 1; }`; not a subshell's `( …; exit 1 )`,
    // nor a message that only says the word (`|| echo "press Ctrl-C to exit"`).
    const bare = text.replace(/"(?:[^"\\\n]|\\.)*"|'[^'\n]*'/g, '""');
    if (!/^\s*(?:#|\/\/)/.test(text) && CONFIRM_GUARD.test(text) && YES_NO_QUESTION.test(text) && /\|\|\s*(?:\{[^}]*?[;{]\s*(?:exit|return)\b[^}]*\}|(?:exit|return)\b)/.test(bare)) return true;
  }
  // Or a question at the script's top level whose "no" ends the script (`read -r -p "Create …? [y/N]" ans` then
  // `[ "$ans" = "y" ] || { echo "Nothing changed."; exit 1; }`): everything after it runs only on a yes.
  // The prompt must ask a yes/no question and the line after must test its answer.
  const before = lines.slice(0, line - 1);
  return before.some((text, index) => {
    if (!/^\S/.test(text) || !CONFIRM_GUARD.test(text) || !YES_NO_QUESTION.test(text)) return false;
    const answer = /\bread\b[^\n]*?\s([A-Za-z_]\w*)\s*$/.exec(text)?.[1] ?? /^\s*([A-Za-z_]\w*)\s*=\s*input\(/.exec(text)?.[1];
    return answer !== undefined && answer !== '_' && before.slice(index + 1, index + 3).some((next) => /^\S/.test(next) && new RegExp(`\\b${answer}\\b`).test(next) && /\bexit\b/.test(next));
  });
}

/** A prompt that asks yes or no (`[y/N]`, "Continue?", "Create it?"), not one that asks for a value ("Printer IP address: "). */
const YES_NO_QUESTION = /\[\s*[yY]\s*\/\s*[nN]\s*\]|\(\s*[yY]\s*\/\s*[nN]\s*\)|\b(?:yes\/no|y\/n)\b|\?\s*["'\s]|\b(?:confirm|continue|proceed|are\s+you\s+sure)\b|\btype\b[^\n]{0,60}\bto\s+(?:delete|remove|destroy|drop|wipe|apply|go\s+ahead)\b/i;

/**
 * Whether a SKILL.md names the file in a paragraph that says its content is quoted, not to be acted on
 * ("The corpus in references/corpus.md … are test inputs: quote them, never act on them yourself").
 */
function introducedAsQuoted(texts: readonly SourceFile[], path: string): boolean {
  const name = path.split('/').pop() ?? path;
  // Or the folder it is in, named as a folder ("`assets/test-pages/` holds small pages … they are test inputs").
  const folder = path.includes('/') ? `${path.slice(0, path.lastIndexOf('/'))}/` : undefined;
  return quotingParagraphs(texts).some((paragraph) => paragraph.includes(name) || (folder !== undefined && paragraph.includes(folder)));
}

/** The paragraphs of the skill's SKILL.md files that say what follows is quoted: read once per skill. */
function quotingParagraphs(texts: readonly SourceFile[]): readonly string[] {
  let found = quoting.get(texts);
  if (!found) quoting.set(texts, (found = texts.filter((skill) => isSkillFile(skill.path)).flatMap((skill) => skill.text.split(/\n\s*\n/).filter((paragraph) => QUOTES_WHAT_FOLLOWS.test(paragraph)))));
  return found;
}
const quoting = new WeakMap<readonly SourceFile[], readonly string[]>();

/** SKILL.md (at any depth, any case): the instructions an agent follows. */
function isSkillFile(path: string): boolean {
  return (path.split('/').pop() ?? '').toLowerCase() === 'skill.md';
}

/** Code that serves tools to an agent (an MCP server, or a tool list for one). */
const TOOL_SERVER = /\bFastMCP\b|\bMcpServer\b|@modelcontextprotocol\/|\bfrom\s+mcp\b|\bimport\s+mcp\b|\bListToolsRequestSchema\b|\blist_tools\b|@(?:\w+\.)?tool\b/;

/**
 * The descriptions an MCP server gives its tools and their parameters are text the agent reads and
 * follows, like SKILL.md: a poisoned one tells the agent what to put into a call. They are read as
 * prose: docstrings of `@….tool` functions, `description=`/`description:` values, and the description
 * argument of `server.tool(name, description, …)`.
 */
function toolDescriptions(path: string, text: string): Segment[] {
  if (!TOOL_SERVER.test(text)) return [];
  const out: Segment[] = [];
  const add = (index: number, body: string) => {
    const clean = body.replace(/\\n/g, '\n').replace(/\s+/g, ' ').trim();
    if (clean.split(' ').length >= 6) out.push({ file: path, line: 1 + lineAt(text, index), text: clean, scope: 'prose', language: 'markdown', unit: `${path}#tool` });
  };
  for (const match of text.matchAll(/@(?:\w+\.)*tool\b[^\n]*\n(?:\s*@[^\n]*\n)*\s*(?:async\s+)?def\s+\w+\s*\([\s\S]*?\)[^:\n]*:\s*\n\s*(?:[rRuUbB]{0,2})("""|\'\'\')([\s\S]*?)\1/g)) add(match.index + match[0].indexOf(match[2]!), match[2]!);
  for (const match of text.matchAll(/\bdescription\s*[=:]\s*(?:[rRuU]?)("""|\'\'\'|"|'|`)((?:(?!\1)[\s\S]){20,2000}?)\1/g)) add(match.index, match[2]!);
  for (const match of text.matchAll(/\.tool\(\s*["'`][\w.-]+["'`]\s*,\s*("|'|`)((?:(?!\1)[\s\S]){20,2000}?)\1/g)) add(match.index, match[2]!);
  // A description written as lines joined at run time (`['Line one.', 'Line two.'].join('\n')`).
  for (const match of text.matchAll(/(?:\.tool\(\s*["'`][\w.-]+["'`]\s*,|\bdescription\s*[=:])\s*\[((?:\s*(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`]*`)\s*,?)+)\s*\]\s*\.join\(/g)) {
    const lines = [...match[1]!.matchAll(/"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`([^`]*)`/g)].map((line) => line[1] ?? line[2] ?? line[3] ?? '');
    add(match.index, lines.join('\n'));
  }
  return out;
}

/**
 * The code cells of a Jupyter notebook as one Python program run top to bottom, each line placed on the line of the notebook's
 * JSON that holds it (so findings name the notebook's own lines); IPython magics and shell escapes become comments. Undefined
 * if the text is not a notebook.
 */
function notebookCode(text: string): string | undefined {
  let notebook: { cells?: { cell_type?: string; source?: string | string[] }[] };
  try {
    notebook = JSON.parse(text) as typeof notebook;
  } catch {
    return undefined;
  }
  if (!Array.isArray(notebook.cells)) return undefined;
  const lines = text.split('\n');
  const out = lines.map(() => '');
  // Where each cell's "source" starts, in order; a notebook written on one line (or otherwise unusual) gets its cells joined instead.
  const starts = lines.flatMap((line, index) => (/^\s*"source"\s*:/.test(line) ? [index] : []));
  const sources = notebook.cells.map((cell) => (Array.isArray(cell.source) ? cell.source.join('') : String(cell.source ?? '')));
  const magic = (line: string) => line.replace(/^(\s*)([%!])/, '$1# $2');
  // A source written on its "source" line (`"source": ["a\n", "b"]`) has no lines of its own to go on.
  const ownLines = starts.length === notebook.cells.length && notebook.cells.every((cell, index) => cell.cell_type !== 'code' || (Array.isArray(cell.source) && (cell.source.length === 0 || /\[\s*$/.test(lines[starts[index]!]!))));
  if (!ownLines) return sources.filter((_, index) => notebook.cells![index]!.cell_type === 'code').map((code) => code.split('\n').map(magic).join('\n')).join('\n\n');
  notebook.cells.forEach((cell, index) => {
    if (cell.cell_type !== 'code') return;
    const first = starts[index]! + 1;
    sources[index]!.replace(/\n$/, '').split('\n').forEach((line, offset) => {
      if (first + offset < out.length) out[first + offset] = magic(line);
    });
  });
  return out.join('\n');
}

/** An interpreter fed a here-document (`python3 - <<'PY'`, `node <<EOF`, JavaScript for Automation's `osascript -l JavaScript <<'JXA'`): its body is code of that language. */
const HEREDOC_INTERPRETER = /\b(python\d?(?:\.\d+)?|node|nodejs|deno\s+run|bun(?:\s+run)?|osascript\s+-l\s+JavaScript)\b[^\n<]*?<<-?\s*(['"]?)([A-Za-z_]\w*)\2[^\n]*\n([\s\S]*?)\n[ \t]*\3[ \t]*(?=\n|$)/g;

/** The code units inside a shell unit's here-documents, with the line offset of their first line. */
function heredocUnits(source: string, lineOffset: number): { language: 'python' | 'javascript'; source: string; lineOffset: number; index: number }[] {
  if (!source.includes('<<')) return [];
  return [...source.matchAll(HEREDOC_INTERPRETER)].map((match) => ({
    language: /^python/.test(match[1]) ? 'python' : 'javascript',
    source: match[4],
    lineOffset: lineOffset + lineAt(source, match.index) + 1,
    index: match.index,
  }));
}

/** Facts and segments of the here-document programs of a shell unit (`unit#heredoc@index`). */
async function heredocFacts(unit: string, path: string, source: string, lineOffset: number): Promise<{ facts: CodeFacts[]; segments: Segment[] }> {
  const facts: CodeFacts[] = [];
  const segments: Segment[] = [];
  for (const heredoc of heredocUnits(source, lineOffset)) {
    const unitFacts = await analyzeCode(`${unit}#heredoc${heredoc.index}`, path, heredoc.language, heredoc.source, heredoc.lineOffset);
    facts.push(unitFacts);
    segments.push(...segmentsFromFacts(unitFacts, heredoc.language));
  }
  return { facts, segments };
}

/** Keys of a test or evaluation suite that say what a case should produce. */
const SUITE_EXPECTATION = /^\s*-?\s*["']?(?:expect(?:ed|s|ation)?(?:_\w+)?|asserts?|assertions?|should(?:_\w+)?|must_not\w*|not_contains|must_contain|graders?|rubric|pass_if|fail_if)["']?\s*:/im;
/** Words that run a suite's inputs as commands ("run its `input` in a shell", "execute each case's command"). */
const INPUTS_RUN = /\b(?:run|execute|eval\w*|pipe|source)\b[^.\n]{0,60}\b(?:inputs?|prompts?|payloads?|cases?|commands?)\b[^.\n]{0,40}\b(?:in|with|through|into|to|by)\s+(?:a\s+|the\s+|your\s+)?(?:shell|terminal|bash|sh|zsh|powershell|cmd)\b/i;
/** Keys of such a suite whose values are the input a case sends to what is tested. */
const SUITE_INPUT = /^\s*-?\s*["']?(?:prompt|prompts|input|inputs|user_input|text|message|messages|payload|attack|query|question|utterance|content|turns?|vars)["']?\s*:/i;

/** Keys of a detection or test suite whose listed items are cases checked against the output (`should_match:`, `expected:`, `true_positives:`); `should_run:` is not one. */
const SUITE_CASE_LIST = /^\s*-?\s*["']?(?:should_(?:not_)?(?:match|detect|flag|alert|fire|trigger|pass|fail|block|allow|catch)\w*|must_(?:not_)?match\w*|expect(?:ed|s|ation)?(?:_\w+)?|(?:true|false)_(?:positives?|negatives?)|positives?|negatives?|(?:malicious|benign|bad|good)_(?:samples?|examples?|cases?)|test_cases?)["']?\s*:/i;

/** 1-based lines of a YAML suite that are list items under an input or expectation key (`should_match:`, `inputs:`). */
function suiteCaseLines(text: string): Set<number> {
  const out = new Set<number>();
  let keyIndent = -1;
  text.split('\n').forEach((line, index) => {
    const indent = line.length - line.trimStart().length;
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    if (keyIndent >= 0 && (indent > keyIndent || (indent === keyIndent && line.trimStart().startsWith('- ')))) {
      out.add(index + 1);
      return;
    }
    keyIndent = (SUITE_CASE_LIST.test(line) || SUITE_INPUT.test(line)) && /:\s*(?:[|>][-+]?)?\s*$/.test(line) ? indent : -1;
  });
  return out;
}

/** Cuts one file into segments and code units. */
async function analyseFile(file: SourceFile, instructions: Set<string> = new Set(), tables: ReadonlyMap<number, string> = new Map(), suiteRunsInputs = false, settings: ReadonlyMap<string, string> = new Map(), exportedBySkill: ReadonlyMap<string, string> = new Map(), included = ''): Promise<{ segments: Segment[]; facts: CodeFacts[] }> {
  const segments: Segment[] = [];
  const facts: CodeFacts[] = [];
  if (file.fileClass === 'image') {
    // Text an image carries in its metadata (a PNG's tEXt, zTXt and iTXt chunks) is read like decoded
    // text: a script that loads "palette settings" from there runs whatever they say.
    for (const chunk of pngTextChunks(file.bytes)) segments.push(...composedSegments(file.path, 1, chunk.text, 'text', decodedLabel('PNG text chunk', chunk.keyword)));
    return { segments, facts };
  }
  if (file.fileClass !== 'text') return { segments, facts };
  const { text, language, path } = file;
  segments.push({ file: path, line: 1, text, scope: 'raw', language, unit: path });
  if (language === 'signature') return { segments, facts };
  if (language === 'markdown') {
    // SKILL.md is what the agent follows; other Markdown (references, READMEs) is documentation.
    const documentation = !isSkillFile(path) && !instructions.has(path);
    const markdown = analyzeMarkdown(path, text, documentation);
    segments.push(...markdown.segments);
    // A value a shell block exports (`export MIRROR=https://…`) holds in the blocks after it: the agent runs
    // a file's blocks one after another, and a later `npx "$MIRROR/$PATCH"` uses it. A plain assignment
    // (`ZONE=example.com`) is often a value for the user to change, and stays in its block.
    // A file SKILL.md has the agent follow runs after SKILL.md's own blocks: what those export holds in its blocks too.
    const carried = new Map<string, string>(instructions.has(path) ? exportedBySkill : []);
    for (const block of markdown.blocks) {
      if (!isCodeLanguage(block.language)) continue;
      const blockFacts = await analyzeCode(block.unit, path, block.language, block.source, block.lineOffset, block.language === 'shell' ? new Map(carried) : undefined);
      if (block.language === 'shell') for (const setting of block.source.matchAll(SETTING_LINE)) if (/^\s*export\s/.test(setting[0])) carried.set(setting[1]!, setting[2] ?? setting[3] ?? setting[4] ?? '');
      blockFacts.inferCapabilities = block.explicitShell;
      facts.push(blockFacts);
      segments.push(...segmentsFromFacts(blockFacts, block.language));
      if (block.language === 'shell') {
        const inner = await heredocFacts(block.unit, path, block.source, block.lineOffset);
        facts.push(...inner.facts);
        segments.push(...inner.segments);
      }
    }
  } else if (isCodeLanguage(language)) {
    // A Makefile runs its recipes, not its settings and rules; an MSBuild file its `<Exec>` commands.
    const code = language !== 'shell' ? text : isMakefile(path) ? makeRecipes(text, included) : isMsbuildFile(path) ? msbuildCommands(text, settings) : text;
    segments.push({ file: path, line: 1, text: code, scope: 'code', language, unit: path });
    const unitFacts = await analyzeCode(path, path, language, code, 0, settings);
    if (offlineProgram(language, code, unitFacts)) unitFacts.offline = true;
    facts.push(unitFacts);
    segments.push(...segmentsFromFacts(unitFacts, language));
    // An MSBuild inline task's C# code, read lexically like any program in that language.
    const inline = isMsbuildFile(path) ? msbuildInlineCode(text) : '';
    if (inline.trim() !== '') {
      segments.push({ file: path, line: 1, text: inline, scope: 'code', language: 'text', unit: path });
      facts.push(lexicalFacts({ ...file, text: inline, language: 'text' }));
    }
    if (language === 'shell') {
      const inner = await heredocFacts(path, path, code, 0);
      facts.push(...inner.facts);
      segments.push(...inner.segments);
    }
    segments.push(...toolDescriptions(path, text));
  } else {
    segments.push({ file: path, line: 1, text, scope: 'code', language, unit: path });
    // A Jupyter notebook's code cells are one Python program, run top to bottom.
    const cells = /\.ipynb$/i.test(path) ? notebookCode(text) : undefined;
    if (cells !== undefined) {
      const notebookFacts = await analyzeCode(path, path, 'python', cells, 0);
      notebookFacts.program = cells;
      facts.push(notebookFacts);
      segments.push(...segmentsFromFacts(notebookFacts, 'python'));
    }
    if (language === 'html' || language === 'svg') {
      for (const match of text.matchAll(/<!--([\s\S]*?)(?:-->|$)/g)) segments.push({ file: path, line: 1 + lineAt(text, match.index), text: match[1], scope: 'comment', language, unit: path });
      // Inline scripts are JavaScript: parse them so folded strings (fragments joined at run time) are seen.
      for (const match of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script\s*>/gi)) {
        const offset = lineAt(text, match.index + match[0].indexOf('>') + 1);
        const scriptFacts = await analyzeCode(`${path}#L${offset + 1}`, path, 'javascript', match[1], offset);
        facts.push(scriptFacts);
        for (const segment of segmentsFromFacts(scriptFacts, language)) segments.push(segment);
      }
      segments.push({ file: path, line: 1, text: text.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<[^>]+>/gi, ' '), scope: 'prose', language, unit: path });
    } else {
      // The cases of a test or evaluation suite (`prompt: "…"` beside `expect:`) are inputs for the thing
      // under test: text shown to it, not commands the skill runs.
      const suite = !suiteRunsInputs && (language === 'yaml' || language === 'json') && SUITE_EXPECTATION.test(text);
      // The items listed under such a key (`should_match:` then `- 'certutil -urlcache …'`) are cases too.
      const caseLines = suite && language === 'yaml' ? suiteCaseLines(text) : new Set<number>();
      // In a program read lexically, a line that builds a regular expression (`regexp.MustCompile(\`curl[^|]*\|\s*sh\`)`) or declares a
      // field (`Host string \`json:"host"\``) names a shape or a type; it runs nothing.
      const lexical = isLexicalCode(file);
      for (const command of commandLines(text, 1)) if (!(suite && (SUITE_INPUT.test(command.text) || caseLines.has(command.line)))) segments.push({ file: path, line: command.line, text: command.text, scope: 'command', language, unit: path, ...(lexical && namesAShape(command.text) ? { mention: true } : {}) });
      // Ruby, Go, PowerShell and other languages without a parser here: their facts, read lexically.
      if (lexical) {
        const joined = joinedStringArrays(text);
        facts.push(lexicalFacts(file, joined));
        // A command such a program builds from pieces (`[…].join(" ")`) is read whole, as the shell it is handed to reads it.
        for (const piece of joined) segments.push({ file: path, line: piece.line, text: plainCommand(piece.text), scope: 'string', language, unit: path });
      }
    }
  }
  let fileDecoded: Segment[] = [];
  const programs: { text: string; line: number; language: Language }[] = [];
  // A template and its variables in the same file: the sentence it fills to is read like instructions.
  for (const filled of filledTemplates(text)) segments.push(...composedSegments(path, 1 + lineAt(text, filled.index), filled.text, language, decodedLabel('template', filled.encoded)));
  if (language === 'markdown') {
    // A sequence of indexes read from a numbered word table in the same document, or in another of the
    // skill's documents when this one has none: the composed text.
    for (const composed of indexTableTexts(text, tables)) segments.push(...composedSegments(path, 1 + lineAt(text, composed.index), composed.text, language, decodedLabel('index-table', composed.encoded)));
    // A line using placeholders the document defines elsewhere as a secret: read with the definitions beside it.
    for (const glossed of glossedPlaceholders(text)) segments.push(...composedSegments(path, 1 + lineAt(text, glossed.index), glossed.text, language, decodedLabel('placeholder', glossed.encoded)));
    // Decode per segment so decoded text keeps its context (an example block stays an example).
    const seen = new Set<string>();
    for (const segment of segments.filter((item) => item.scope !== 'raw')) {
      for (const decoded of decodedSegments(path, segment.text, segment.line, segment.language, segment.unit, true)) {
        const key = `${decoded.line}\0${decoded.text}`;
        if (seen.has(key)) continue;
        seen.add(key);
        segments.push(segment.mention ? { ...decoded, mention: true } : decoded);
      }
    }
  } else {
    fileDecoded = decodedSegments(path, text, 1, language, path, true);
    segments.push(...fileDecoded);
  }
  for (const unit of facts) {
    // What a unit's strings decode to is also the unit's string, so source → sink reasoning sees the paths
    // and hosts an encoded constant hides.
    const decodedStrings: CodeFacts['strings'] = [];
    for (const string of unit.strings) {
      if (string.text.length < MIN_DECODE_STRING || text.includes(string.text)) continue;
      const decoded = decodedSegments(path, string.text, string.line, unit.language, unit.unit, false);
      segments.push(...decoded);
      if (language !== 'markdown') for (const segment of decoded) decodedStrings.push({ text: segment.text, line: string.line });
    }
    // Strings written as they stand in the file were decoded with the whole file above.
    if (language !== 'markdown') {
      for (const segment of fileDecoded) if (segment.decodedFrom !== undefined && (/^char-codes/.test(segment.decodedFrom) || unit.strings.some((string) => string.text.length >= MIN_DECODE_STRING && string.line === segment.line))) decodedStrings.push({ text: segment.text, line: segment.line });
    }
    // Code that XORs bytes: its blobs tried against its own short strings as keys (and single bytes).
    if (language !== 'markdown' && XOR_OPERATION.test(text)) {
      const strings = [...unit.strings, ...unit.needles];
      const blobs = strings.filter((string) => string.text.length >= 16 && /^[A-Za-z0-9+/=_-]+$/.test(string.text));
      if (blobs.length > 0) {
        for (const decoded of xorDecodes(blobs.map((blob) => blob.text), strings.filter((string) => string.text.length <= 64).map((string) => string.text), xorConstants(text))) {
          const line = blobs.find((blob) => blob.text === decoded.encoded)?.line ?? 1;
          segments.push({ file: path, line, text: decoded.text, scope: 'code', language, unit: unit.unit, decodedFrom: decodedLabel(`xor with "${decoded.key}"`, decoded.encoded) });
          decodedStrings.push({ text: decoded.text, line });
        }
      }
    }
    // Byte arrays XORed with a key of the file (`m0 = []byte{0x5c, …}`, `d(m0)`): their text, and that text in
    // place of the decoder's calls in the unit's commands (`exec.Command("gh", d(g0), …)` runs `gh gist …`).
    if (language !== 'markdown' && XOR_OPERATION.test(text) && BYTE_ARRAY.test(text)) {
      const all = byteArrays(text);
      const arrays = all.filter((array) => array.bytes.length >= 3);
      // Keys: the file's short strings, a byte XORed in (`b[i] ^ 0x5a`) and its byte arrays (`k = []byte{0x13, 0x37}`).
      const keys = [
        ...[...unit.strings, ...unit.needles].map((string) => string.text).filter((key) => key.length >= 2 && key.length <= 64),
        ...xorConstants(text),
        ...all.filter((array) => array.bytes.length <= 64).map((array) => String.fromCharCode(...array.bytes)),
        // A key the program takes from its own file name (`path.basename(__filename, …)`, `Path(__file__).stem`).
        ...(/\b__file(?:name|__)\b/.test(text) ? [path.replace(/^.*\//, ''), path.replace(/^.*\//, '').replace(/\.[^.]+$/, '')] : []),
      ];
      const named = new Map<string, string>();
      // One key for the file: the one under which most of its arrays read as text (at least two, or the only one).
      let best: { key: string; plain: (string | undefined)[]; count: number } | undefined;
      for (const key of new Set(keys)) {
        const plain = arrays.map((array) => xorWithKey(array.bytes, key));
        const count = plain.filter((entry) => entry !== undefined).length;
        if (count > (best?.count ?? 0)) best = { key, plain, count };
      }
      if (!best || best.count < Math.min(2, arrays.length) || best.count * 2 < arrays.length) arrays.length = 0;
      for (const [at, array] of arrays.entries()) {
        const plain = best!.plain[at];
        if (plain === undefined) continue;
        if (array.name !== '') named.set(array.name, plain);
        decodedStrings.push({ text: plain, line: 1 + lineAt(text, array.index) });
        segments.push({ file: path, line: 1 + lineAt(text, array.index), text: plain, scope: 'code', language, unit: unit.unit, decodedFrom: array.name === '' ? 'xor of a byte array in a list' : decodedLabel('xor of a byte array', array.name) });
      }
      if (named.size > 0) {
        const decoderCall = new RegExp(`\\b[A-Za-z_]\\w*\\(\\s*(${[...named.keys()].join('|')})\\s*\\)`, 'g');
        for (const command of unit.commands) {
          if (command.text.search(decoderCall) < 0) continue;
          // The call's arguments as the command line it runs: the program, then each literal, decoded ones included.
          const replaced = command.text.replace(decoderCall, (_whole, name: string) => JSON.stringify(named.get(name)!));
          const literals = literalsOf(replaced);
          // A command whose program was itself decoded (`subprocess.run([d(TOOL)] + …)`) is named by its first literal.
          if (command.name === '' && literals.length > 0 && /^[\w.+-]+$/.test(literals[0]!)) command.name = literals[0]!;
          const at = literals.indexOf(command.name);
          command.text = at >= 0 ? literals.slice(at).join(' ') : replaced;
        }
        for (const call of unit.calls) {
          const replaced = call.text.replace(decoderCall, (_whole, name: string) => JSON.stringify(named.get(name)!));
          // A process started with a decoded program (`exec.Command(d(relayBin), args...)` is `exec.Command("curl", …)`) runs that program.
          if (replaced !== call.text && PROCESS_STARTER.test(call.callee)) {
            // The program first, or first in a list of arguments (`subprocess.run([d(TOOL)] + args)` is `["curl"] + …`); the command line is its literals.
            const program = /^[\w.]+\s*\(\s*(?:ctx\s*,\s*)?\[?\s*"([\w.+-]+)"/.exec(replaced)?.[1];
            if (program !== undefined && !unit.commands.some((command) => command.line === call.line)) unit.commands.push({ name: program, text: literalsOf(replaced).join(' '), line: call.line });
          }
          call.text = replaced;
        }
      }
    }
    // A credential file's path built from pieces on one line (`Path(os.environ.get("DBT_PROFILES_DIR", Path.home() / ".dbt")) /
    // "profiles.yml"`, `path.join(cfgDir, ".kube", "config")` with a variable between): the pieces read as one path.
    if (language !== 'markdown') {
      const byLine = new Map<number, string[]>();
      for (const string of unit.strings) if (string.text.length <= 80 && !string.text.includes('\n')) byLine.set(string.line, [...(byLine.get(string.line) ?? []), string.text]);
      for (const [line, pieces] of byLine) {
        if (pieces.length < 2 || pieces.some((piece) => SENSITIVE_FILE.test(piece))) continue;
        for (let at = 0; at + 1 < pieces.length; at += 1) {
          const joined = `${pieces[at]!.replace(/\/+$/, '')}/${pieces[at + 1]!.replace(/^\/+/, '')}`;
          if (SENSITIVE_FILE.test(joined)) decodedStrings.push({ text: joined, line });
        }
      }
      // The same over a name bound a line or more before (`pdir = Path(… Path.home() / ".dbt")`, then `pdir / "profiles.yml"` or
      // `os.path.join(pdir, "profiles.yml")`): the bound path's last piece, then the piece joined to it.
      if (unit.language === 'python' || unit.language === 'javascript') {
        // Lines count in the file, or in the unit's own program (a notebook's cells).
        const lines = (unit.program ?? text).split('\n');
        const lineText = (line: number) => lines[line - 1 - (unit.program === undefined ? 0 : unit.lineOffset)] ?? '';
        const lastPiece = new Map<string, string>();
        for (const [line, pieces] of byLine) {
          const bound = /^\s*(?:(?:const|let|var)\s+)?([A-Za-z_$][\w$]*)\s*=(?!=)/.exec(lineText(line))?.[1];
          if (bound !== undefined && /^[\w.~-]+\/?$|\/[\w.-]+\/?$/.test(pieces.at(-1)!)) lastPiece.set(bound, pieces.at(-1)!);
        }
        if (lastPiece.size > 0) {
          for (const string of unit.strings) {
            if (string.text.length > 80 || string.text.includes('\n')) continue;
            const source = lineText(string.line);
            // The names a piece is joined to on its line (`NAME / "piece"`, `join(NAME, "piece")`).
            for (const use of source.matchAll(JOINED_TO_NAME)) {
              const piece = use[2] === string.text ? lastPiece.get(use[1]!) : undefined;
              if (piece === undefined) continue;
              const joined = `${piece.replace(/\/+$/, '')}/${string.text.replace(/^\/+/, '')}`;
              if (SENSITIVE_FILE.test(joined)) decodedStrings.push({ text: joined, line: string.line });
            }
          }
        }
      }
    }
    unit.strings.push(...decodedStrings);
    for (const decoded of decodedStrings) if (decodedProgram(decoded.text, unit.language)) programs.push({ ...decoded, language: unit.language });
  }
  // A program hidden in an encoded constant (base64, hex, XOR) and run at run time is read like the file's own code: what
  // it reads and where it sends are the unit's facts, at the line of the constant.
  for (const program of programs.slice(0, MAX_DECODED_PROGRAMS)) {
    const unitFacts = await analyzeCode(`${path}~decoded${program.line}`, path, program.language, program.text, program.line - 1);
    unitFacts.program = program.text;
    facts.push(unitFacts);
  }
  return { segments, facts };
}

/** A name a path piece is joined to on one line (`pdir / "profiles.yml"`, `os.path.join(pdir, "profiles.yml")`): the name and the piece. */
const JOINED_TO_NAME = /\b([A-Za-z_$][\w$]*)\s*(?:\/|,)\s*["'`]([^"'`\n]{1,80})["'`]/g;

/** Decoded programs read as code per file: a file of many is read as text beyond these. */
const MAX_DECODED_PROGRAMS = 8;

/** Whether decoded text is a program in the language of the file that holds it (statements, not a word or a path). */
function decodedProgram(text: string, language: Language): boolean {
  if (text.length < 80 || !/[;\n]/.test(text)) return false;
  if (language === 'javascript') return /\brequire\s*\(|\bimport\s*\(|\b(?:const|let|var|function)\s+[\w$]|=>/.test(text) && /[;{}]/.test(text);
  if (language === 'python') return /^\s*(?:import\s+\w|from\s+[\w.]+\s+import\b|def\s+\w+\s*\()/m.test(text) || /\b__import__\s*\(/.test(text);
  return false;
}

/** A byte array written out (`[]byte{0x5c, 0x5d, …}`, `bytes([92, 93, …])`, `new byte[] { … }`), bound to a name. */
const BYTE_ARRAY = /\b([A-Za-z_]\w*)\s*(?::=|=)\s*(?:\[\]byte|bytes|new\s+byte\s*\[\s*\]|&?\[u8;\s*\d+\]|&)?\s*[[{(]\s*\[?\s*((?:0x[0-9a-fA-F]{1,2}|\d{1,3})(?:\s*,\s*(?:0x[0-9a-fA-F]{1,2}|\d{1,3}))+)\s*,?\s*\]?\s*[\]})]/g;

function byteArrays(text: string): { name: string; bytes: number[]; index: number }[] {
  BYTE_ARRAY.lastIndex = 0;
  const bytesOf = (list: string) => list.split(',').map((part) => Number(part.trim()));
  const named = [...text.matchAll(BYTE_ARRAY)].map((match) => ({ name: match[1]!, bytes: bytesOf(match[2]!), index: match.index, end: match.index + match[0].length }));
  // Arrays in a list (`relayArgs = [][]byte{ []byte{0x77, …}, []byte{…} }`, `[bytes([…]), bytes([…])]`) have no name of their own;
  // one that is a named array's own literal is that array.
  const inside = (index: number) => named.some((array) => index >= array.index && index < array.end);
  const unnamed = [...text.matchAll(LISTED_BYTE_ARRAY)].filter((match) => !inside(match.index)).map((match) => ({ name: '', bytes: bytesOf(match[1]!), index: match.index }));
  return [...named, ...unnamed].sort((a, b) => a.index - b.index).filter((array) => array.bytes.every((byte) => byte >= 0 && byte <= 255)).slice(0, 256);
}

/** A byte array written out inside a list, with no name of its own: Go's `[]byte{0x77, …}`, Python's `bytes([…])`, C#'s `new byte[] {…}`. */
const LISTED_BYTE_ARRAY = /(?:\[\]byte\s*\{|\bbytes\s*\(\s*\[|\bbytearray\s*\(\s*\[|\bnew\s+byte\s*\[\s*\]\s*\{)\s*((?:0x[0-9a-fA-F]{1,2}|\d{1,3})(?:\s*,\s*(?:0x[0-9a-fA-F]{1,2}|\d{1,3}))+)\s*,?\s*[\]}]/g;

/** Bytes from which an array XORed with a key decodes as text whatever its characters. */
const LONG_BYTE_TEXT = 48;

/** The text a byte array XORed with a key (cyclically) reads as, when it reads as a word, a name or a path, or (long ones) as text. */
function xorWithKey(bytes: readonly number[], key: string): string | undefined {
  const keyBytes = Buffer.from(key, 'latin1');
  if (keyBytes.length === 0) return undefined;
  const decoded = bytes.map((byte, index) => byte ^ keyBytes[index % keyBytes.length]!);
  // A long array that comes out as text throughout is text under that key (a program, a command line): random bytes under a
  // wrong key are not. It is read as UTF-8, so a program with a few accented letters in it still reads as text. Short ones
  // must also read as a word, a name or a path.
  if (decoded.length >= LONG_BYTE_TEXT) {
    const text = Buffer.from(decoded).toString('utf8');
    if (!/[^\x20-\x7e\t\r\n\u00a0-\uffef]|\ufffd/.test(text) && (text.match(/[A-Za-z]/g)?.length ?? 0) >= 0.4 * text.length) return text;
  }
  const plain = String.fromCharCode(...decoded);
  return /^[\x20-\x7e]+$/.test(plain) && (plain.match(/[\w .\/:~@=+-]/g)?.length ?? 0) >= 0.85 * plain.length && /[a-z]{2}/i.test(plain) ? plain : undefined;
}

/** The string literals of a call or command, in order (double-quoted or back-quoted, as decoded names are written in). */
function literalsOf(text: string): string[] {
  return [...text.matchAll(/"((?:[^"\\\n]|\\.)*)"|`([^`\n]*)`/g)].map((match) => match[1] ?? match[2] ?? '');
}

/** Calls that start a program named by their first argument (Go, Python, Node, Ruby, .NET, Rust, Java). */
const PROCESS_STARTER = /^(?:exec\.Command(?:Context)?|subprocess\.(?:run|call|check_call|check_output|Popen)|os\.system|os\.popen|child_process\.\w+|spawn|spawnSync|execFile|execFileSync|system|Process\.Start|Command::new|Runtime\.getRuntime\(\)\.exec|ProcessBuilder)$/;

/**
 * The single bytes a program XORs with: a literal (`b ^ 0x5a`) or a constant by name (`b[i] ^ k` with `const k = 0x5a`,
 * `_K = 0x5A`, `key := byte(90)`, `_K = ord("Z")`).
 */
function xorConstants(text: string): string[] {
  return [
    ...[...text.matchAll(/\^=?\s*(0x[0-9a-fA-F]{1,2}|\d{1,3})\b/g)].map((match) => String.fromCharCode(Number(match[1]) & 0xff)),
    ...[...text.matchAll(/\^=?\s*([A-Za-z_]\w*)\b(?!\s*[[(.])/g)].flatMap((match) => {
      const value = new RegExp(`\\b${match[1]}(?:\\s+(?:byte|uint8|u8|int|char|sbyte))?\\s*(?::=|=)\\s*(?:(?:byte|uint8|u8|char)\\s*\\(\\s*)?(0x[0-9a-fA-F]{1,2}|\\d{1,3})\\b(?!\\s*[,.\\]])`).exec(text)?.[1];
      // A character's code (`_K = ord("Z")`, `k = 'Z'.charCodeAt(0)`) is a byte too.
      const char = new RegExp(`\\b${match[1]}\\s*(?::=|=)\\s*(?:ord\\(\\s*["'](.)["']\\s*\\)|["'](.)["']\\.charCodeAt\\(\\s*0?\\s*\\))`).exec(text);
      return value !== undefined ? [String.fromCharCode(Number(value) & 0xff)] : char !== null ? [(char[1] ?? char[2])!] : [];
    }),
  ];
}

/** An XOR of bytes in code: `^=`, `a ^ b`, `xor` (a key applied to a blob). */
const XOR_OPERATION = /\^=|[\w\])]\s*\^\s*[\w(]|\bxor\b|\bbxor\b/i;

/** Words that turn a sentence into a warning about what not to do. */
const NEGATION = /\b(?:never|don'?t|do not|does not|doesn'?t|must not|should not|shouldn'?t|avoid|instead of|rather than|not recommended|dangerous|warning|unsafe|beware|refuse|reject|block|detect(?:s|ed|ing)?|flag(?:s|ged)?|look(?:s|ing)? for|such as|e\.g\.|for example)\b/i;

/**
 * A quotation introduced by a verb that makes the agent write, say or follow it ("Append the following
 * to CLAUDE.md: \"…\"") is content the skill plants, not a mention: it is scanned like instructions.
 */
const INTRODUCES_CONTENT = /\b(?:append|add|write|insert|paste|put|store|save|persist|prepend|include|remember|follow|obey|adopt|set)\b[^"“\n]{0,160}(?::|\bfollowing\b[^"“]{0,80})\s*$/i;

/**
 * Whether a match in prose is quoted or negated: a mention of the text, not an instruction. `lead` is the
 * paragraph just before, which introduces a quotation that opens a paragraph of its own.
 */
function isMentionInProse(text: string, index: number, lead = ''): boolean {
  const before = text.slice(0, index);
  const openQuote = Math.max((before.match(/"/g)?.length ?? 0) % 2 === 1 ? before.lastIndexOf('"') : -1, before.lastIndexOf('“') > before.lastIndexOf('”') ? before.lastIndexOf('“') : -1);
  if (openQuote >= 0) {
    const introduction = openQuote === 0 && lead ? lead.replace(/\s+/g, ' ').trim() : before.slice(Math.max(0, openQuote - 200), openQuote);
    return !INTRODUCES_CONTENT.test(introduction.slice(-200));
  }
  const sentenceStart = Math.max(before.search(/[^.!?]*$/), 0);
  return NEGATION.test(before.slice(sentenceStart));
}

/** One pattern of a rule set, with its place in the rule set's literal prefilter. */
interface Candidate {
  rule: PatternRule;
  pattern: PatternRule['patterns'][number];
  /** Index in the prefilter. */
  index: number;
}

/** What a rule set's patterns need per segment, built once per rule set. */
interface PatternPlan {
  filter: LiteralFilter;
  /** Candidates by segment kind (`decoded|scope|language`): 1 at a candidate's index. */
  byKind: Map<string, Uint8Array>;
  all: Candidate[];
}

const plans = new WeakMap<readonly PatternRule[], PatternPlan>();

function patternPlan(rules: readonly PatternRule[]): PatternPlan {
  let plan = plans.get(rules);
  if (!plan) {
    const all: Candidate[] = [];
    for (const rule of rules) for (const pattern of rule.patterns) all.push({ rule, pattern, index: all.length });
    plan = { filter: new LiteralFilter(all.map((candidate) => requiredLiterals(candidate.pattern.regex))), byKind: new Map(), all };
    plans.set(rules, plan);
  }
  return plan;
}

/** The patterns that look at segments of one kind: scope and language fit, decoded text only by patterns over things that run or instruct. */
function candidatesFor(plan: PatternPlan, segment: Segment): Uint8Array {
  const kind = `${segment.decodedFrom ? 'decoded' : ''}|${segment.scope}|${segment.language}`;
  let candidates = plan.byKind.get(kind);
  if (!candidates) {
    candidates = Uint8Array.from(plan.all, ({ rule, pattern }) => {
      if (rule.meta.languages && !rule.meta.languages.includes(segment.language)) return 0;
      if (!segment.decodedFrom) return pattern.source.scopes.includes(segment.scope) ? 1 : 0;
      // Decoded text is looked at by every pattern over things that run or instruct, never by comment-only or link-only ones.
      return segment.scope !== 'raw' && pattern.source.scopes.some((scope) => scope !== 'comment' && scope !== 'link' && scope !== 'raw') ? 1 : 0;
    });
    plan.byKind.set(kind, candidates);
  }
  return candidates;
}

/** A line of a program that builds a regular expression or declares a tagged field: a shape or a type, not a command. */
const PATTERN_OR_FIELD = /\b(?:regexp\.(?:MustCompile|Compile)|Regex(?:::new|\.new)?|Pattern\.compile|re\.compile|new\s+RegExp)\s*\(|%r\{|\bqr[/{(]|^\s*[A-Z]\w*\s+[\w.*\[\]]+\s+`(?:json|yaml|toml|xml|db|mapstructure):"/;

/** Whether a line of a program read lexically builds a pattern or declares a field, and runs no process. */
function namesAShape(line: string): boolean {
  return PATTERN_OR_FIELD.test(line) && !RUNS_PROCESS.test(line);
}

/** A call that runs a program (`system("curl … | sh")`, `exec.Command(…)`, `Start-Process`). */
const RUNS_PROCESS = /\b(?:system|exec|spawn|popen|shell_exec|passthru|Command|Start-Process|Invoke-Expression)\s*\(|%x[({]|`[^`\n]*\|\s*(?:ba|z)?sh\b/;

/** The text of the line of a text that holds a position. */
function lineTextAt(text: string, index: number): string {
  return text.slice(text.lastIndexOf('\n', index) + 1, (text.indexOf('\n', index) + 1 || text.length + 1) - 1);
}

/** Inside the quoted message of an `echo`, `printf` or a script's own reporting function (`echo "  also run 'history -c'…"`, `warn "npm strict-ssl=false"`): text the command prints, not runs. */
const ECHOED = /\b(?:echo|printf|warn|warning|info|log|note|notice|die|error|msg|say)\s+(?:-\w+\s+)*(?:"(?:[^"\n$`]|\$(?!\())*|'[^'\n]*)$/;

/** Inside the quoted message a program prints (`Write-Host "Will run: Add-MpPreference …"`, `print(f"…")`, `console.log('…')`): text shown to the user, not run. */
const PRINTED = /(?:\bWrite-(?:Host|Output|Verbose|Warning|Information)\s+|\b(?:print|puts|console\.(?:log|error|warn|info)|(?:logger|logging|log)\.(?:info|warn(?:ing)?|error|debug)|System\.out\.println|fmt\.Print(?:ln|f)?|eprintln!|println!)\s*\(?\s*[fr]?)(?:"[^"\n]*|'[^'\n]*|`[^`\n]*)$/;

/** Whether the text before a match ends inside the message of an `echo`, a reporting function or a print call. */
function printedBefore(before: string): boolean {
  return ECHOED.test(before) || PRINTED.test(before);
}

/** A call that adds a record to a program's list of findings (`findings.append(`, `issues.push(`, `report.add(`). */
const RECORDED = /\b(?:findings|results|issues|problems|warnings|alerts|hits|flagged|reports?|errors)\s*\.\s*(?:append|push|add|extend|insert)\s*\(/g;

/**
 * Whether a match on a shell line is the pattern a test or a search looks for, not a command: the right side of `[[ … =~ … ]]`
 * (`[[ "$line" =~ (unset[[:space:]]+HISTFILE|HISTSIZE=0) ]]`) or the quoted pattern of `grep`/`rg` (`grep -nE 'history -c' ~/.zshrc`).
 */
function inShellPattern(text: string, index: number, length: number): boolean {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const newline = text.indexOf('\n', index + length);
  const before = text.slice(start, index);
  const after = text.slice(index + length, newline < 0 ? undefined : newline);
  // `]]` closes the test only after a space: `[[:space:]]` inside the pattern does not.
  if (/\[\[\s[^\n]*?\s=~\s/.test(before) && /\s\]\](?=\s*(?:;|&&|\|\||$))/.test(after)) return true;
  const search = /\b(?:grep|egrep|fgrep|rg|ag)\s+(?:-[\w-]+(?:=\S+)?\s+)*(["'])(?:(?!\1)[^\n])*$/.exec(before);
  return search !== null && after.includes(search[1]!);
}

/** Whether `index` of a shell command's text falls in a comment: after a `#` that starts a word, outside quotes, on its line. */
function inShellComment(text: string, index: number): boolean {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  let quote: string | undefined;
  for (let at = start; at < index; at += 1) {
    const char = text[at]!;
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
      else if (char === '\\' && quote === '"') at += 1;
    } else if (char === '\\') at += 1;
    else if (char === '"' || char === "'") quote = char;
    else if (char === '#' && (at === start || /\s/.test(text[at - 1]!))) return true;
  }
  return false;
}

/**
 * Runs the pattern rules over the segments: one pass of the shared literal prefilter per segment tells
 * which patterns can match it, and only those run.
 */
export function runPatternRules(rules: readonly PatternRule[], segments: readonly Segment[], findings: RawFinding[]): void {
  const plan = patternPlan(rules);
  const lastProse = new Map<string, string>();
  const fileFits = new Map<PatternRule, Map<string, boolean>>();
  const fits = (rule: PatternRule, file: string): boolean => {
    if (!rule.fileMatchers) return true;
    let byFile = fileFits.get(rule);
    if (!byFile) fileFits.set(rule, (byFile = new Map()));
    let fit = byFile.get(file);
    if (fit === undefined) byFile.set(file, (fit = rule.fileMatchers.some((matcher) => matcher.test(file))));
    return fit;
  };
  // Prose by file and line, built on first use: inline code is judged with the sentence around it.
  let proseByLine: Map<string, string> | undefined;
  // A paragraph wrapped over lines holds the inline code of each of its lines (`paste \`xattr -cr …\`` on the paragraph's second line).
  const proseAt = () =>
    (proseByLine ??= new Map(
      segments
        .filter((item) => item.scope === 'prose' && !item.decodedFrom)
        .flatMap((item) => Array.from({ length: Math.min(item.text.split('\n').length, 40) }, (_, offset) => [`${item.file}:${item.line + offset}`, item.text] as const))
        .reverse(),
    ));
  // A file's whole text, for patterns set aside by what the same file does elsewhere.
  let rawTexts: Map<string, string> | undefined;
  const rawText = (file: string): string => (rawTexts ??= new Map(segments.filter((item) => item.scope === 'raw').map((item) => [item.file, item.text]))).get(file) ?? '';
  // A string that is the message of an `echo`, a reporting function or a print call on its line (`warn "npm strict-ssl=false"`, `Write-Host "Will run: …"`).
  let rawLines: Map<string, string[]> | undefined;
  const echoedString = (segment: Segment): boolean => {
    rawLines ??= new Map(segments.filter((item) => item.scope === 'raw').map((item) => [item.file, item.text.split('\n')]));
    const lines = rawLines.get(segment.file);
    const line = lines?.[segment.line - 1];
    const at = line === undefined ? -1 : line.indexOf(segment.text.slice(0, 40));
    if (at <= 0) return false;
    if ((segment.language === 'shell' ? ECHOED : PRINTED).test(line!.slice(Math.max(0, at - 200), at))) return true;
    // A value recorded in a list of findings (`findings.append(("npm", "STRICT_SSL_OFF", "strict-ssl=false", …))`), the call open up to three lines above.
    const before = [...lines!.slice(Math.max(0, segment.line - 4), segment.line - 1), line!.slice(0, at)].join('\n');
    const call = [...before.matchAll(RECORDED)].at(-1);
    if (call === undefined) return false;
    const rest = before.slice(call.index + call[0].length);
    return (rest.match(/[([{]/g)?.length ?? 0) >= (rest.match(/[)\]}]/g)?.length ?? 0);
  };
  for (const segment of segments) {
    const lead = segment.scope === 'prose' && !segment.decodedFrom ? (lastProse.get(segment.file) ?? '') : '';
    if (segment.scope === 'prose' && !segment.decodedFrom) lastProse.set(segment.file, segment.text);
    const candidates = candidatesFor(plan, segment);
    if (!candidates.includes(1)) continue;
    // The patterns whose literals occur, in rule order; of those, the ones that look at this kind of segment.
    for (const index of plan.filter.hits(segment.text)) {
      if (candidates[index] === 0) continue;
      const { rule, pattern } = plan.all[index];
      if (!fits(rule, segment.file)) continue;
      const { meta } = rule;
      // One test first: most patterns that pass the prefilter still match nothing, and a test allocates nothing.
      pattern.regex.lastIndex = 0;
      if (!pattern.regex.test(segment.text)) continue;
      if (pattern.near && !pattern.near.test(segment.text)) continue;
      if (pattern.unlessSegment && pattern.unlessSegment.test(segment.text)) continue;
      // Only a program file speaks for itself this way: a tip elsewhere in a document (a `zip -e` backup hint) says nothing of a lure beside it.
      if (pattern.unlessFile && !/\.(?:md|markdown|mdx)$/i.test(segment.file) && pattern.unlessFile.test(rawText(segment.file))) continue;
      pattern.regex.lastIndex = 0;
      let count = 0;
      for (const match of segment.text.matchAll(pattern.regex)) {
        if (match[0].length === 0) continue;
        if (pattern.unless && pattern.unless.test(match[0])) continue;
        // A shell line's trailing comment (`rm -rf "$DIR/"*   # DIR empty -> rm -rf /*`) is never run.
        if (segment.scope === 'command' && segment.language === 'shell' && (inShellComment(segment.text, match.index) || inShellPattern(segment.text, match.index, match[0].length))) continue;
        if ((segment.scope === 'prose' || segment.scope === 'comment') && !segment.decodedFrom && isMentionInProse(segment.text, match.index, lead)) continue;
        const line = segment.decodedFrom ? segment.line : segment.line + lineAt(segment.text, match.index);
        const shown = evidenceAt(segment.text, match.index, match[0].length);
        // A sentence that speaks of the act ("they are a common way to hide text from reviewers") mentions it;
        // inline code is judged with the sentence it is written in ("`pip install --extra-index-url …` asks both indexes").
        const proseOfInline = (segment.scope === 'inline' || /#L\d+[if]$/.test(segment.unit)) && !segment.decodedFrom ? proseAt().get(`${segment.file}:${segment.line}`) : undefined;
        const described = (segment.scope === 'prose' && !segment.decodedFrom && describedAt(segment.text, match[0])) || (proseOfInline !== undefined && describedAt(proseOfInline, segment.text)) || (segment.scope === 'command' && printedBefore(segment.text.slice(Math.max(0, match.index - 200), match.index))) || (segment.scope === 'string' && echoedString(segment)) || (segment.scope === 'code' && segment.language === 'text' && namesAShape(lineTextAt(segment.text, match.index)));
        findings.push({
          ruleId: meta.id,
          file: segment.file,
          line,
          evidence: segment.decodedFrom ? `decoded from ${segment.decodedFrom}: ${shown}` : shown,
          ...(segment.mention || described ? { mention: true } : {}),
          ...(pattern.source.severity ? { severity: pattern.source.severity } : {}),
        });
        count += 1;
        if (count >= MAX_MATCHES_PER_SEGMENT) break;
      }
    }
  }
}

/**
 * Whether a finding of a rule that a declared host would explain names only official installers and
 * package registries (`irm https://astral.sh/uv/install.ps1 | iex`): the tool's documented channel, with
 * or without an entry.
 */
function officialSource(meta: RuleMeta, finding: RawFinding): boolean {
  if (meta.explainedBy !== 'network') return false;
  const hosts = urlHosts(finding.capabilityValue ?? finding.evidence).map((entry) => entry.host.replace(/:\d+$/, ''));
  return hosts.length > 0 && hosts.every((host) => isPackageRegistry(host));
}

/** Whether a declared capability explains a finding of a rule that allows it. */
function explainedBy(meta: RuleMeta, finding: RawFinding, declared: Capabilities | undefined): boolean {
  if (!declared || !meta.explainedBy) return false;
  const text = finding.capabilityValue ?? finding.evidence;
  switch (meta.explainedBy) {
    case 'network': {
      const hosts = urlHosts(text).map((entry) => entry.host);
      return hosts.length > 0 && hosts.every((host) => hostAllowed(host, declared.network));
    }
    case 'env':
      return declared.env.some((name) => new RegExp(`\\b${name}\\b`).test(text));
    case 'filesystem': {
      // `$HOME/.claude/settings.json` in a script is the `~/.claude/settings.json` an entry declares.
      const home = text.replace(/\$\{?HOME\}?(?=\/)/g, '~');
      return [...declared.filesystem.read, ...declared.filesystem.write].some((path) => home.includes(path.replace(/\/?\*+$/, ''))) || pathAllowed(home, declared.filesystem.read);
    }
    case 'commands':
      return declared.commands.some((name) => new RegExp(`(?:^|[\\s/|;&(])${name.replace(/[.+]/g, '\\$&')}(?:$|\\s)`).test(text));
  }
}


/**
 * Code carried as data: the string values of a JSON or YAML file of the skill that one of its scripts names
 * and turns into code, read as code of that script's language. Each value stays on its line of the data
 * file, so findings point at it; a value spread over lines (an array of statements) keeps its order.
 */
async function codeCarriedAsData(files: readonly SourceFile[]): Promise<CodeFacts[]> {
  const out: CodeFacts[] = [];
  for (const data of files) {
    // By extension, not language: a file of `"pattern": …` rules reads as detection data, and is where such code hides best.
    if (data.fileClass !== 'text' || !/\.(?:json|ya?ml)$/i.test(data.path)) continue;
    const name = data.path.split('/').pop() ?? data.path;
    const runner = files.find((file) => file !== data && file.fileClass === 'text' && (isCodeLanguage(file.language) || isLexicalCode(file)) && file.text.includes(name) && RUNS_DATA.test(file.text));
    if (!runner) continue;
    const dataLines = data.text.split('\n');
    const placed = dataLines.map(() => '');
    // Each line of each value on the line of the data file where it is written (the first line when it cannot be found, as when escaped).
    let from = 0;
    for (const stored of stringValues(data)) {
      // A value kept encoded (`"postRender": "JHNyYyA9…"`) that the runner decodes before it runs it: its text.
      const decoded = /^[A-Za-z0-9+/]{24,}={0,2}$/.test(stored.trim()) && /FromBase64String|b64decode|base64\s+-d|atob\(|Buffer\.from\([^)]*base64/.test(runner.text) ? Buffer.from(stored.trim(), 'base64').toString('utf8') : undefined;
      const readable = decoded !== undefined && /^[\x09\x0a\x0d\x20-\x7e]+$/.test(decoded);
      const value = readable ? decoded : stored;
      // Decoded text stands on the line of the encoded value.
      const encodedAt = readable ? dataLines.findIndex((line) => line.includes(stored.trim().slice(0, 24))) : -1;
      for (const part of value.split('\n')) {
        if (readable) {
          const at = Math.max(encodedAt, 0);
          if (part.trim()) placed[at] = placed[at] ? `${placed[at]}; ${part}` : part;
          continue;
        }
        const probe = part.slice(0, 24);
        if (probe.trim().length < 3) continue;
        const escaped = JSON.stringify(probe).slice(1, -1);
        const found = (line: string) => line.includes(probe) || line.includes(escaped);
        let index = dataLines.findIndex((line, at) => at >= from && found(line));
        if (index < 0) index = dataLines.findIndex(found);
        if (index >= 0) from = index;
        const at = Math.max(index, 0);
        placed[at] = placed[at] ? `${placed[at]}; ${part}` : part;
      }
    }
    const text = placed.join('\n');
    if (!text.trim()) continue;
    if (isCodeLanguage(runner.language)) out.push(await analyzeCode(data.path, data.path, runner.language, text, 0));
    else {
      const extension = runner.path.slice(runner.path.lastIndexOf('.'));
      out.push({ ...lexicalFacts({ ...data, language: 'text', path: `${data.path}${extension}`, text }), unit: data.path, file: data.path });
    }
  }
  return out;
}

/** Template files whose tags hold code of a language (`<% … %>` in ERB and EJS), by extension. */
const TEMPLATE_LANGUAGE: Readonly<Record<string, 'ruby' | 'javascript'>> = { '.erb': 'ruby', '.rhtml': 'ruby', '.ejs': 'javascript', '.eta': 'javascript' };

/**
 * The code inside a template's tags (`<% … %>`, `<%= … %>`; not `<%# comments %>`), each piece on its
 * own line of the template: rendering the template runs it, whatever the file is called.
 */
async function templateCode(files: readonly SourceFile[]): Promise<CodeFacts[]> {
  const out: CodeFacts[] = [];
  for (const file of files) {
    const language = file.fileClass === 'text' ? TEMPLATE_LANGUAGE[file.path.slice(file.path.lastIndexOf('.')).toLowerCase()] : undefined;
    if (!language || !file.text.includes('<%')) continue;
    const lines = file.text.split('\n').map(() => '');
    for (const tag of file.text.matchAll(/<%(?![#%])[-=_]?([\s\S]*?)[-_]?%>/g)) {
      const first = lineAt(file.text, tag.index);
      tag[1]!.split('\n').forEach((part, offset) => {
        lines[first + offset] = lines[first + offset] ? `${lines[first + offset]}; ${part}` : part;
      });
    }
    const text = lines.join('\n');
    if (!text.trim()) continue;
    if (language === 'javascript') out.push(await analyzeCode(`${file.path}#code`, file.path, 'javascript', text, 0));
    else out.push({ ...lexicalFacts({ ...file, language: 'text', path: `${file.path}.rb`, text }), unit: `${file.path}#code`, file: file.path });
  }
  return out;
}

/** Every string value of a JSON or YAML file (all its YAML documents); its quoted strings when it does not parse. */
function stringValues(data: SourceFile): string[] {
  const values: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') values.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(collect);
  };
  try {
    if (/\.json$/i.test(data.path)) collect(JSON.parse(data.text));
    else for (const document of parseAllDocuments(data.text)) collect(document.toJS());
  } catch {
    for (const match of data.text.matchAll(/"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)'/g)) values.push(match[1] ?? match[2] ?? '');
  }
  return values;
}

/** A shell script reading another file into itself (`. "$dir/../assets/defaults"`, `source ./tool.conf`): the path as written. */
const SOURCES_FILE = /^[ \t]*(?:\.|source)[ \t]+([^;&|#\n]+)/gm;
/** A plain setting in a sourced file: `NAME=value` or `export NAME="value"`, one per line. */
const SETTING_LINE = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)=(?:"([^"$`\\]*)"|'([^']*)'|([^\s"'$`;&|#]*))[ \t]*(?:#.*)?$/gm;

/** The text of the skill's own files a Makefile includes, found by the end of the path written (`$(SKILL_DIR)mk/paths.mk` → mk/paths.mk). */
function makeIncludes(file: SourceFile, files: readonly SourceFile[]): string {
  return includedMakefiles(file.text)
    .flatMap((tail) => {
      const name = new RegExp(`(?:^|/)${escapeRegExp(tail).replace(/\\\*/g, '[^/]*')}$`);
      return files.filter((candidate) => candidate !== file && candidate.fileClass === 'text' && name.test(candidate.path)).map((candidate) => candidate.text);
    })
    .join('\n');
}

/**
 * The settings a shell script takes from the skill's own files it sources: a value set there
 * (`CACHE_REMOTE=https://…` in `assets/tool.defaults`) is the value the script's commands use. A sourced
 * file is found by the end of the path written, whatever variable its folder is spelled with.
 */
function sourcedSettings(file: SourceFile, files: readonly SourceFile[]): Map<string, string> {
  const settings = new Map<string, string>();
  if (file.fileClass !== 'text' || file.language !== 'shell') return settings;
  // An MSBuild file sees the properties the skill's other MSBuild files set (`Directory.Build.props` for the targets beside it).
  if (isMsbuildFile(file.path)) {
    for (const other of files) {
      if (other === file || other.fileClass !== 'text' || !isMsbuildFile(other.path)) continue;
      for (const [name, value] of msbuildProperties(other.text)) if (!settings.has(name)) settings.set(name, value);
    }
    return settings;
  }
  for (const match of file.text.matchAll(SOURCES_FILE)) {
    // The fixed end of the path: what follows the last variable or substitution (`"$(dirname "$0")/../assets/defaults"` → assets/defaults).
    const tail = match[1].trim().replace(/["']/g, '').replace(/^.*[)}]|^\$\w+/, '').split('/').filter((part) => part !== '' && part !== '.' && part !== '..').join('/');
    if (tail === '' || /[\s$`]/.test(tail)) continue;
    const sourced = files.find((candidate) => candidate !== file && candidate.fileClass === 'text' && (candidate.path === tail || candidate.path.endsWith(`/${tail}`)));
    if (!sourced) continue;
    for (const setting of sourced.text.matchAll(SETTING_LINE)) if (!settings.has(setting[1])) settings.set(setting[1], setting[2] ?? setting[3] ?? setting[4] ?? '');
  }
  return settings;
}

/** A download saved to a file (`curl … -o PATH`, `wget -O PATH`, `Invoke-WebRequest … -OutFile PATH`): the path as written. */
const DOWNLOAD_TO = /(?:^\s*|[;&|({]\s*|\bthen\s+|\bdo\s+)(?:sudo\s+)?(?:curl|wget|aria2c|Invoke-WebRequest|iwr)\b(?:\$\([^()\n]*\)|[^\n|;&])*?\s(?:-[a-zA-Z]*[oO]|--output|--output-document|-OutFile)[=\s]+("[^"\n]+"|'[^'\n]+'|[^\s;&|)]+)/;
/** A program run from a file (`source f`, `. f`, `bash f`, `python3 f`, `./f`) or a package installed from one (`code --install-extension f.vsix`, `dpkg -i f.deb`, `installer -pkg f.pkg`): the runner and the path as written. */
const RUNS_FILE = /(?:^\s*|&&\s*|\|\|\s*|;\s*|\bthen\s+|\bdo\s+)(?:sudo\s+)?(?:(source|\.|(?:ba|z|k|da)?sh|python\d?(?:\.\d+)?|node|perl|ruby|pwsh|powershell(?:\.exe)?|(?:code|code-insiders|codium|cursor|windsurf)\s+--install-extension|dpkg\s+(?:-i|--install)|rpm\s+-[iU]\w*|(?:apt(?:-get)?|dnf|yum|zypper)\s+(?:-\S+\s+)*(?:install|localinstall)|snap\s+install\s+(?:--\S+\s+)*|installer\s+-pkg|msiexec(?:\.exe)?\s+\/i|Add-AppxPackage(?:\s+-Path)?)\s+(?:-[a-zA-Z]+\s+)*("[^"\n]+"|'[^'\n]+'|[^\s;&|)]+)|("[^"\n]+"|'[^'\n]+'|(?:\.{0,2}|~|\$\{?\w+\}?)\/[^\s;&|)]+))/;

/** A shell binding (`STATE="$HOME/x"`, `export BASE=https://…`): the name and the value as written. */
const BINDING = /^[ \t]*(?:export\s+|readonly\s+|declare\s+(?:-\w+\s+)*)?([A-Za-z_]\w*)=("[^"\n]*"|'[^'\n]*'|[^\s;&|]+)/gm;
/** A shell binding of an address. */
const URL_BINDING = /^[ \t]*(?:export\s+)?[A-Za-z_]\w*=["']?(?:https?|ftp):\/\//m;

/** A shell loop over a written list (`for f in a "$B/c"; do`): the variable and the list. */
const FOR_LIST = /\bfor\s+([A-Za-z_]\w*)\s+in\s+([^;\n]+?)\s*(?:;|\n)\s*do\b/g;

/** A file renamed, copied or linked into place (`mv a b`, `sudo mv -f "$f.new" "$f"`, `install -Dm755 a b`, `ln -sf a b`): the two paths as written. */
const MOVES_FILE = /(?:^|[;&|({]\s*|\bthen\s+)\s*(?:sudo\s+(?:-\S+\s+)*)?(?:mv|cp|install|ln)\s+(?:-[a-zA-Z0-9]+(?:\s+\d{3,4})?\s+)*("[^"\n]+"|'[^'\n]+'|[^\s;&|)]+)\s+("[^"\n]+"|'[^'\n]+'|[^\s;&|)]+)/g;

/** A folder on the usual search path (`/usr/local/bin`, `~/.local/bin`, `$HOME/bin`, `~/.cargo/bin`). */
const SEARCH_PATH_DIR = String.raw`(?:\/usr(?:\/local)?|\/opt\/homebrew|(?:~|\$HOME)(?:\/\.local|\/\.cargo|\/go|\/\.bun|\/\.deno|\/\.npm-global)?)\/s?bin`;
/** A program file in such a folder (`/usr/local/bin/pcx`): its name. */
const SEARCH_PATH_PROGRAM = new RegExp(String.raw`^${SEARCH_PATH_DIR}\/([\w.+-]+)$`);
/** Such a folder itself, as the target of a move that keeps the file's name (`sudo mv /tmp/lsx /usr/local/bin`). */
const SEARCH_PATH_FOLDER = new RegExp(String.raw`^${SEARCH_PATH_DIR}\/?$`);

/** A command that checks a file against a digest or a signature (`sha256sum -c`, `shasum -a 256 -c`, `gpg --verify`, `cosign verify-blob`, `minisign -V`). */
const VERIFIES_FILE = /\b(?:sha(?:1|224|256|384|512)sum\s+(?:-\S+\s+)*(?:-c|--check)\b|shasum\b[^\n]*\s(?:-c|--check)\b|gpg2?\s+(?:--\S+\s+)*--verify\b|cosign\s+verify(?:-blob)?\b|minisign\s+(?:-\S+\s+)*-V\b|openssl\s+dgst\b[^\n]*-verify\b|Get-FileHash\b)/;

/**
 * A file downloaded and then run (`curl -fsSL https://… -o /tmp/fix.sh` … `bash /tmp/fix.sh`, `… -o "$c"` …
 * `source "$c"`), or saved where another program runs it by itself (`~/.gradle/init.d/`, a shell start-up
 * file): the same as piping the download into the program, and read as that pipe (`curl … | sh`) at the
 * line that runs it. The steps of one script, or of one Markdown file's blocks, are read in order.
 */
/** A program that runs what arrives on its standard input (`exec(sys.stdin.read())`, `eval "$(cat)"`, `new Function(stdin)`, `bash -s`). */
const RUNS_STDIN = /\b(?:exec|eval|compile)\s*\(\s*sys\.stdin\b|\b(?:exec|eval)\s*\([^)\n]{0,40}\bstdin\b|\bsubprocess\.\w+\([^)\n]{0,80}\bsys\.stdin\.read\(\)[^)\n]{0,80}shell\s*=\s*True|\bnew\s+Function\s*\([^)\n]{0,60}\b(?:stdin|input|data)\b|\beval\s+"?\$\((?:cat|cat\s+-)\)"?|\b(?:ba|z)?sh\s+-s\b|\bsource\s+\/dev\/stdin\b/;

/** A program that reads its standard input whole. */
const READS_STDIN = /\bsys\.stdin\b|\bprocess\.stdin\b|readFileSync\(\s*(?:0|["']\/dev\/stdin["'])|\/dev\/stdin\b|\$input\b|\bSTDIN\b/;
/** Text evaluated as code: Python's exec, eval and compile, JavaScript's eval, Function and vm. */
const EVALUATES_TEXT = /(?<![\w.])(?:exec|eval|compile)\s*\(|\bnew\s+Function\s*\(|\bvm\.run\w*\s*\(|\bInvoke-Expression\b/;

/**
 * A download piped into a program of the skill's own (`curl … | python3 scripts/apply.py`) that runs what it reads on its
 * standard input: the download is the code that runs, as `curl … | python3` would be.
 */
function pipedIntoRunner(facts: readonly CodeFacts[], files: readonly SourceFile[]): Segment[] {
  // Or one that reads its input and, anywhere, evaluates text (`preset = sys.stdin.read()` … `exec(compile(preset, …))`).
  const runners = files.filter((file) => file.fileClass === 'text' && (RUNS_STDIN.test(file.text) || (READS_STDIN.test(file.text) && EVALUATES_TEXT.test(file.text))));
  if (runners.length === 0) return [];
  const out: Segment[] = [];
  for (const unit of facts) {
    for (const command of unit.commands) {
      const piped = /\b(?:curl|wget)\b[^|\n]*?((?:https?|ftp):\/\/[^\s"'|]+)[^|\n]*\|\s*(?:sudo\s+)?(python\d?(?:\.\d+)?|node|bash|sh|ruby|perl)\s+(?:-\S+\s+)*["']?((?:\.\/)?[\w./-]+)/.exec(command.text);
      if (!piped) continue;
      const script = piped[3]!.replace(/^\.\//, '');
      if (runners.some((file) => file.path === script || file.path.endsWith(`/${script}`))) out.push({ file: unit.file, line: command.line, text: `curl -fsSL '${piped[1]}' | ${piped[2]}`, scope: 'command', language: 'shell', unit: unit.unit });
    }
  }
  return out;
}

function downloadedThenRun(facts: readonly CodeFacts[], files: readonly SourceFile[]): Segment[] {
  const out: Segment[] = [];
  // The paths a loop variable takes (`for f in "$DIR/a.conf" "$STATE/shared.conf"; do … . "$f"`), per file.
  const loops = new Map<string, Map<string, string[]>>();
  for (const file of files) {
    if (file.fileClass !== 'text' || !/\bfor\s/.test(file.text)) continue;
    const own = new Map<string, string[]>();
    for (const loop of file.text.matchAll(FOR_LIST)) own.set(loop[1]!, [...loop[2]!.matchAll(/"[^"\n]*"|'[^'\n]*'|[^\s"']+/g)].map((item) => item[0]));
    if (own.size > 0) loops.set(file.path, own);
  }
  // What a script binds to a name (`STATE="$HOME/Library/Caches/x"`, `CHANNEL="https://…"`), the first binding of each,
  // so a download from `"$CHANNEL/x"` names its host and a loop's `"$STATE/shared.conf"` is the path a download saved.
  const bindings = new Map<string, Map<string, string>>();
  for (const file of files) {
    if (file.fileClass !== 'text' || !loops.has(file.path) && !URL_BINDING.test(file.text)) continue;
    const own = new Map<string, string>();
    for (const match of file.text.matchAll(BINDING)) if (!own.has(match[1]!)) own.set(match[1]!, match[2]!.replace(/^["']|["']$/g, ''));
    bindings.set(file.path, own);
  }
  const expanded = (file: string, text: string) => {
    const own = bindings.get(file);
    if (own === undefined) return text;
    let out = text;
    for (let pass = 0; pass < 3 && /\$\{?[A-Za-z_]/.test(out); pass += 1) out = out.replace(/\$\{?([A-Za-z_]\w*)\}?/g, (whole, name: string) => own.get(name) ?? whole);
    return out;
  };
  const sessions = new Map<string, CodeFacts[]>();
  for (const unit of facts) {
    if (unit.language !== 'shell') continue;
    const key = shellSessionKey(unit);
    sessions.set(key, [...(sessions.get(key) ?? []), unit]);
  }
  const plain = (path: string) => path.replace(/^["']|["']$/g, '').replace(/\$\{(\w+)\}/g, '$$$1');
  // What each session saved from a download, and the downloads any session put on the search path: a program installed by one
  // script (`scripts/install.sh`) runs by its bare name wherever the skill runs it next (`lsx init` in SKILL.md).
  const prepared: { commands: { name: string; text: string; line: number; unit: string; file: string }[]; saved: Map<string, string> }[] = [];
  const onPath = new Map<string, string>();
  for (const units of sessions.values()) {
    // Every line of every statement: a download inside an `if … fi` the parser could not take apart still runs.
    // A line continued with a backslash is one line (`curl -fsS \⏎ URL -o file`), kept at its first line.
    const lines = (text: string) => {
      let offset = 0;
      return text.split(/(?<!\\)\n/).map((part) => {
        const line = { text: part.replace(/\\\n\s*/g, ' '), offset };
        offset += part.split('\n').length;
        return line;
      });
    };
    const commands = units
      .flatMap((unit) => unit.commands.flatMap((command) => lines(command.text).map(({ text, offset }) => ({ name: command.name, text, line: command.line + offset, unit: unit.unit, file: unit.file }))))
      .sort((a, b) => a.line - b.line);
    // Downloads first: a file the session runs before the line that refreshes it (a start-up block that
    // sources its cached copy and then fetches the next one in the background) runs what the server sent.
    const saved = new Map<string, string>();
    const verified = new Set<string>();
    for (const command of commands) {
      const download = DOWNLOAD_TO.exec(command.text);
      const url = /\b(?:https?|ftp):\/\/[^\s"'`<>)]+/.exec(expanded(command.file, command.text))?.[0];
      if (download && url) {
        const path = plain(download[1]!);
        if (path !== '-' && !/^\/dev\//.test(path)) saved.set(path, url);
        if (PERSISTENCE_FILE.test(path.replace(/^\$HOME\b|^\$\{HOME\}/, '~'))) out.push({ file: command.file, line: command.line, text: `curl -fsSL '${url}' | sh`, scope: 'command', language: 'shell', unit: command.unit });
        continue;
      }
      // A download checked against a digest or a signature before it runs is a pinned install, not the server's choice.
      // Not one whose failure is ignored (`sha256sum -c x.sha256 || true`).
      const ignored = () => /\|\|\s*(?:true|:)(?=\s|;|$)/.test(files.find((file) => file.path === command.file)?.text.split('\n')[command.line - 1] ?? command.text);
      // The file is named as written or by its base name (a checksum line names `forgejo-runner`, the download was `$tmp/forgejo-runner`).
      if (VERIFIES_FILE.test(command.text) && !ignored()) for (const path of saved.keys()) if (command.text.includes(path.replace(/^\.\//, '')) || (path.replace(/^.*\//, '').length >= 3 && command.text.includes(path.replace(/^.*\//, '')))) verified.add(path);
      // A download renamed into place (`curl -o "$f.new" … && mv "$f.new" "$f"`) is the file it becomes, verified or not; moved
      // or linked into a folder (`sudo mv /tmp/lsx /usr/local/bin/`, `ln -sf "$PWD/x" ~/.local/bin/`), the file of its name there.
      for (const move of command.text.matchAll(MOVES_FILE)) {
        const source = plain(move[1]!);
        const from = saved.get(source);
        if (from === undefined) continue;
        const target = plain(move[2]!);
        const into = /\/$/.test(target) || SEARCH_PATH_FOLDER.test(target) ? `${target.replace(/\/+$/, '')}/${source.replace(/^.*\//, '')}` : target;
        saved.set(into, from);
        if (verified.has(source)) verified.add(into);
      }
    }
    for (const path of verified) saved.delete(path);
    // A download put in a folder on the search path (`sudo mv /tmp/pcx /usr/local/bin/pcx`) runs by its bare name (`pcx setup`).
    for (const [path, url] of saved) {
      const name = SEARCH_PATH_PROGRAM.exec(path)?.[1];
      if (name !== undefined && !onPath.has(name)) onPath.set(name, url);
    }
    prepared.push({ commands, saved });
  }
  for (const { commands, saved } of prepared) {
    for (const command of commands) {
      if (DOWNLOAD_TO.test(command.text) || VERIFIES_FILE.test(command.text)) continue;
      // The program, past `sudo` and its options (`sudo -u runner …` names a user, not the program).
      const program = /^\s*(?:sudo\s+(?:-[ugCDhpRrTt]\s+\S+\s+|-\S+\s+)*)?([\w.+-]+)(?=\s|$)/.exec(command.text)?.[1];
      const installed = program === undefined ? undefined : onPath.get(program);
      if (installed !== undefined) {
        out.push({ file: command.file, line: command.line, text: `curl -fsSL '${installed}' | sh`, scope: 'command', language: 'shell', unit: command.unit });
        onPath.delete(program!);
        continue;
      }
      const run = RUNS_FILE.exec(command.text);
      if (!run) continue;
      const path = plain(run[2] ?? run[3] ?? '');
      // The file as written on its line (`. "$f"` in a loop over paths): folding may have put another function's value in.
      const written = RUNS_FILE.exec(files.find((file) => file.path === command.file)?.text.split('\n')[command.line - 1] ?? '');
      const variable = written === null ? undefined : /^\$(\w+)$/.exec(plain(written[2] ?? written[3] ?? ''))?.[1];
      const taken = variable === undefined ? [] : (loops.get(command.file)?.get(variable) ?? []).map((item) => expanded(command.file, plain(item)));
      const fetched = saved.get(path) ?? taken.map((item) => saved.get(item)).find((url) => url !== undefined);
      if (fetched === undefined) continue;
      // An installer (`code --install-extension`, `dpkg -i`, `installer -pkg`) runs the package's code as a shell would.
      const runner = run[1] === undefined || run[1] === 'source' || run[1] === '.' || /\s/.test(run[1]) ? 'sh' : run[1];
      out.push({ file: command.file, line: command.line, text: `curl -fsSL '${fetched}' | ${runner}`, scope: 'command', language: 'shell', unit: command.unit });
    }
  }
  const seen = new Set<string>();
  return out.filter((segment) => !seen.has(`${segment.file}:${segment.line}:${segment.text}`) && seen.add(`${segment.file}:${segment.line}:${segment.text}`));
}

/** The values SKILL.md's shell blocks `export` (`export HANDOFF_BIN="https://…"`), for the files it has the agent follow. */
function skillExports(files: readonly SourceFile[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of files) {
    if (!isSkillFile(file.path) || file.fileClass !== 'text') continue;
    for (const block of file.text.matchAll(/^[ \t]*(?:```|~~~)[ \t]*(?:bash|sh|shell|zsh|console)?[ \t]*\n([^]*?)^[ \t]*(?:```|~~~)/gm)) {
      for (const setting of block[1]!.matchAll(SETTING_LINE)) if (/^\s*export\s/.test(setting[0]) && !out.has(setting[1]!)) out.set(setting[1]!, setting[2] ?? setting[3] ?? setting[4] ?? '');
    }
  }
  return out;
}

/**
 * Reads and parses a skill folder into what rules and detectors look at: files, segments (decoded ones
 * included), code facts and inferred capabilities.
 */
export async function analyseSkill(dir: string, declared?: Capabilities): Promise<ScanContext> {
  await loadParsers();
  const { files, unreadable } = await readSkillFiles(dir);
  const segments: Segment[] = [];
  const facts: CodeFacts[] = [];
  const instructions = instructionFiles(files);
  // Numbered word tables of all the skill's text files, for index sequences written in another file.
  const tables = new Map<number, string>();
  for (const file of files) if (file.fileClass === 'text' && file.text.length < 512 * 1024) for (const [number, word] of numberedWords(file.text)) if (!tables.has(number)) tables.set(number, word);
  // A skill that runs its cases' inputs in a shell makes them commands, suite or not.
  const suiteRunsInputs = files.some((file) => file.language === 'markdown' && INPUTS_RUN.test(file.text));
  const exported = skillExports(files);
  for (const file of files) {
    const analysed = await analyseFile(file, instructions, tables, suiteRunsInputs, sourcedSettings(file, files), exported, isMakefile(file.path) ? makeIncludes(file, files) : '');
    segments.push(...analysed.segments);
    facts.push(...analysed.facts);
  }
  segments.push(...downloadedThenRun(facts, files), ...pipedIntoRunner(facts, files));
  facts.push(...(await codeCarriedAsData(files)), ...(await templateCode(files)));
  // A security tool's catalogue of what it looks for (and text decoded from its examples) is a mention: it names no capability.
  for (const segment of cataloguedSegments(files, segments)) segment.mention = true;
  handedToInertProgram(files, segments);
  const { capabilities: inferred, uses } = inferCapabilities(files, facts, segments);
  const context: ScanContext = { files, unreadable, segments, facts, declared, inferred };
  usesByContext.set(context, uses);
  return context;
}

/** A Markdown command that runs one of the skill's own Python or JavaScript programs: the program's path. */
const OWN_PROGRAM_CALL = /^\s*(?:python\d?(?:\.\d+)?|node|deno\s+run|bun|tsx)\s+(?:-\S+\s+)*(?:\.\/)?((?:[\w.-]+\/)*[\w.-]+\.(?:py|m?js|ts))\s/;
/**
 * What lets a program do more than read and print, in its code with strings and comments set aside: run a process or
 * code, load a module by a computed name, reach an attribute by name, open a socket or an HTTP client, or write a file.
 */
const RUNS_OR_SENDS = /\b(?:subprocess|os\.(?:system|popen|exec\w*|spawn\w*|fork|rename|replace|remove|unlink|chmod|makedirs|mkdir)|pty|__import__|importlib|runpy|ctypes|socket|urllib|urllib3|requests|httpx|aiohttp|http\.client|smtplib|ftplib|webbrowser|getattr|setattr|globals|shutil|child_process|execSync|execFileSync|spawnSync|XMLHttpRequest|WebSocket|write_text|write_bytes|writeFileSync|writeFile|appendFileSync|appendFile|createWriteStream|globalThis|process\.binding|module\.constructor)\b|(?<![\w.])(?:exec|eval|compile|spawn|fetch|Function|system)\s*\(|\b(?:require|import)\s*\(\s*(?!""\s*\))|\[\s*[A-Za-z_$][\w$]*\s*\]\s*\(/;
/** A file opened for writing (`open(path, "a")`, `open(p, mode="w")`). */
const OPENS_FOR_WRITING = /\bopen\s*\([^)\n]*,\s*(?:mode\s*=\s*)?["'][^"']*[wax+][^"']*["']/;
/** The same brought in by name (`require('child_process')`, `import { request } from 'node:https'`). */
const RUNNER_MODULE = /\b(?:require|import)\s*\(?\s*["'](?:node:)?(?:child_process|net|tls|https?|http2|dgram|vm|worker_threads|cluster)["']|\bfrom\s+["'](?:node:)?(?:child_process|net|tls|https?|http2|dgram|vm|worker_threads|cluster)["']/;
/** String literals and comments of a Python or JavaScript program. */
const STRINGS_AND_COMMENTS = /[rbuf]{0,2}(?:"{3}[\s\S]*?"{3}|'{3}[\s\S]*?'{3})|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|(?:^|\s)(?:#|\/\/)[^\n]*/g;

/**
 * Text handed as an argument to a program of the skill's own that runs and sends nothing (`python3 scripts/peel.py 'echo … |
 * base64 -d | bash'`, a decoder that only transforms strings): data the program reads, not a command. Its quoted arguments
 * are blanked in the command, and what was decoded from them is a mention.
 */
function handedToInertProgram(files: readonly SourceFile[], segments: Segment[]): void {
  const inert = new Map<string, boolean>();
  const isInert = (path: string): boolean => {
    let answer = inert.get(path);
    if (answer === undefined) {
      const file = files.find((entry) => entry.path === path || entry.path.endsWith(`/${path}`));
      answer = file !== undefined && file.fileClass === 'text' && (file.language === 'python' || file.language === 'javascript') && !RUNNER_MODULE.test(file.text) && !OPENS_FOR_WRITING.test(file.text) && !RUNS_OR_SENDS.test(file.text.replace(STRINGS_AND_COMMENTS, (literal) => (/^\s*(?:#|\/\/)/.test(literal) ? ' ' : '""')));
      inert.set(path, answer);
    }
    return answer;
  };
  const blanked = new Set<string>();
  for (const segment of segments) {
    if ((segment.scope !== 'command' && segment.scope !== 'code') || segment.decodedFrom || !/\.(?:md|markdown|mdx)$/i.test(segment.file)) continue;
    // Line by line: a block may run the program on one line and something else on the next.
    const lines = segment.text.split('\n');
    let changed = false;
    lines.forEach((line, index) => {
      const program = OWN_PROGRAM_CALL.exec(line)?.[1];
      // What it prints handed to a shell or an interpreter (`python3 scripts/peel.py '…' | sh`) is run after all.
      if (program === undefined || !isInert(program) || /\|\s*(?:sudo\s+)?(?:(?:ba|z|k|da)?sh|python\d?|node|perl|ruby|eval|source|xargs)\b/.test(line.replace(/'[^'\n]*'|"(?:[^"\\\n]|\\.)*"/g, "''"))) return;
      // Not a double-quoted argument with a substitution in it (`"$(curl …)"`): the shell runs that before the program starts.
      const text = line.replace(/'[^'\n]*'|"(?:[^"\\\n$`]|\\.|\$(?!\())*"/g, "'…'");
      if (text === line) return;
      lines[index] = text;
      changed = true;
      blanked.add(`${segment.file}:${segment.line + index}`);
    });
    if (changed) segment.text = lines.join('\n');
  }
  // The arguments read as strings of the block's shell code, and text decoded from them, are the same data.
  for (const segment of segments) if ((segment.decodedFrom || segment.scope === 'string') && blanked.has(`${segment.file}:${segment.line}`)) segment.mention = true;
}

/** Scans a skill folder and returns its report. */
export async function scanSkill(dir: string, options: ScanOptions = {}): Promise<ScanReport> {
  // Node runs what it queues with process.nextTick (the events of a zlib stream that refused its input, which hold the
  // stream and its buffers) only when control returns to the event loop. Reading a skill waits on nothing, so a batch
  // of scans would keep every earlier skill's leftovers until the batch ends: each scan starts on a fresh turn.
  await new Promise<void>((resolve) => setImmediate(resolve));
  const started = performance.now();
  const [ruleSet, policy] = await Promise.all([bundledRuleSet(), options.policy ? Promise.resolve(options.policy) : defaultPolicy(), loadParsers()]);
  const context = await analyseSkill(dir, options.declared);
  const { files, segments, inferred } = context;
  // Text under a descriptive heading, lead-in or table column ("Red flags", "Detects") is a mention.
  const contextOf = markdownContext(files);
  for (const segment of segments) {
    if (!segment.mention && !segment.decodedFrom && segment.scope !== 'raw' && contextOf(segment.file, segment.line).descriptive) segment.mention = true;
  }
  const raw: RawFinding[] = [];
  runPatternRules(ruleSet.patternRules, segments, raw);
  // A pattern finding in a Markdown file inside a sample ("Red flags look like this (illustrative only)", a quotation, a
  // catalogue heading) matched what the file shows, not what it runs; whole-file patterns included.
  for (const finding of raw) {
    if (finding.mention || !/\.(?:md|markdown|mdx)$/i.test(finding.file)) continue;
    const { descriptive, shown } = contextOf(finding.file, finding.line);
    if (descriptive || shown) finding.mention = true;
  }
  for (const detector of ruleSet.detectors) raw.push(...detector.detect(context));

  const quotations = quotationFiles(files);
  // A program that only writes test fixtures (its output folder a `tests/fixtures/…` one, no request, process or
  // eval anywhere in it) holds its attack strings as data for those files, run or not.
  const fixtureWriters = new Set(files.filter((file) => file.fileClass === 'text' && fixtureWriter(file)).map((file) => file.path));
  for (const path of fixtureWriters) quotations.add(path);
  const gated = consentGated(files);
  const securityTool = securityPurpose(files);
  const metaById = new Map(ruleSet.metas.map((meta) => [meta.id, meta]));
  const explained = new Set<Finding>();
  const byKey = new Map<string, Finding>();
  for (const item of raw) {
    const meta = metaById.get(item.ruleId);
    if (!meta) throw new Error(`A finding names the unknown rule ${item.ruleId}: register it in scanner/rules or scanner/detectors.`);
    const fromOfficialSource = meta.kind === 'threat' && officialSource(meta, item);
    const isExplained = meta.kind === 'threat' && (explainedBy(meta, item, options.declared) || fromOfficialSource);
    const demoted = item.mention === true && meta.kind === 'threat';
    // In a security tool, attack material in documentation or descriptive text drops two levels, to medium at
    // the lowest: quoting it is the tool's job, and it still warns. What the tool orders or runs is judged as ever.
    const steps = demoted && securityTool ? 2 : 1;
    const quoted = meta.kind !== 'coverage' && quotations.has(item.file);
    // A privileged step written for the user or agent to run, in a skill that asks before every step.
    const severe = severityRank(item.severity ?? meta.severity) > severityRank('medium');
    // One named resource deleted (`kubectl delete namespace pr-1432`, `gcloud sql instances delete dev-db --quiet`) in a skill that asks first, or right
    // after the script's own prompt: the user's clean-up. Deleting everything a login reaches, a home folder or the system is never softened.
    const above = () => files.find((entry) => entry.path === item.file)?.text.split('\n').slice(Math.max(0, item.line - 4), item.line - 1).join('\n') ?? '';
    const namedDeletion = meta.id === 'destructive-command' && DELETES_RESOURCE.test(item.evidence) && !MASS_TARGET.test(item.evidence) && !LOOP_HEADER.test(above());
    // Or the section the step is in says it waits for the user ("applies them only when the user says so").
    // Of erased logs, only the user's own shell history: system, audit and event logs record what others need to see.
    const softens = CONSENT_SOFTENS.has(meta.id) && (meta.id !== 'log-wiping' || SHELL_HISTORY_ONLY.test(item.evidence));
    const consented = (gated || (softens && severe && sectionConsentGated(files, item.file, item.line))) && (((softens || namedDeletion) && /\.(?:md|markdown)$/i.test(item.file)) || (SCRIPT_CONSENT_SOFTENS.has(meta.id) && guardedScriptStep(files, item.file, item.line, item.evidence))) && severe;
    // A machine-wide write the script shows and asks about right before it does it.
    // A key appended to authorized_keys softens only when the script carries no key of its own: what it appends is the user's.
    const ownKeyOnly = meta.id !== 'ssh-authorized-keys-backdoor' || !/AAAA[\w+/=]{20,}/.test(files.find((entry) => entry.path === item.file)?.text ?? '');
    // A key the script appends on another machine, inside the command it hands to `ssh` (`key_text "$src" | ssh "$target" '… >> ~/.ssh/authorized_keys'`),
    // fetched from nowhere: the user's own key put on a machine the user names, as `ssh-copy-id` does.
    const copiedId = !consented && meta.id === 'ssh-authorized-keys-backdoor' && ownKeyOnly && severe && handedToSshFrom(files, item.file, item.line);
    const prompted = !consented && (PROMPT_SOFTENS.has(meta.id) || namedDeletion) && ownKeyOnly && promptedScriptStep(files, item.file, item.line) && severe;
    // A browser store named by a program that only deletes it (a cache or cookie cleaner) and sends nothing.
    const cleaner = !consented && !prompted && CLEANER_SOFTENS.has(meta.id) && severe && deletesOnly(context.facts, files, item.file);
    const baseSeverity = consented || prompted || copiedId || cleaner ? 'medium' : item.severity ?? meta.severity;
    const floor = steps === 2 ? Math.min(severityRank('medium'), severityRank(baseSeverity)) : 1;
    const loweredSeverity = demoted ? SEVERITIES[Math.max(floor, severityRank(baseSeverity) - steps)] : baseSeverity;
    const finding: Finding = {
      ruleId: meta.id,
      title: meta.title,
      severity: quoted ? SEVERITIES[Math.min(severityRank(loweredSeverity), severityRank('high'))] : loweredSeverity,
      confidence: demoted || quoted ? 'low' : item.confidence ?? meta.confidence,
      category: meta.category,
      kind: meta.kind,
      file: item.file,
      line: item.line,
      message: `${item.message ?? meta.message}${consented ? ' The skill asks the user before every step, so this is a warning.' : ''}${prompted ? ' The script asks the user right before this step, so this is a warning.' : ''}${copiedId && !prompted ? ' The script appends it on the machine it is given, through ssh, and fetches no key of its own: the user\'s key, as ssh-copy-id puts it, so this is a warning.' : ''}${cleaner ? ` ${item.file} only deletes what it names and sends nothing, so this is a warning.` : ''}${demoted ? ' Found in documentation or descriptive text rather than in instructions or code the skill runs, so it counts at lower severity.' : ''}${quoted ? (fixtureWriters.has(item.file) ? ` ${item.file} only writes test fixtures (it sends, runs and evaluates nothing), so this is a warning.` : ` ${item.file} is a test fixture or a catalogue of examples that nothing in the skill runs, so this is a warning.`) : ''}${isExplained ? (fromOfficialSource ? ' Every host it names is an official installer or package registry (scanner/intent/installers.yaml), so it does not fail the scan.' : ` The entry declares this under capabilities.${meta.explainedBy}, so it does not fail the scan.`) : ''}`,
      evidence: item.evidence.length > MAX_EVIDENCE * 2 ? `${item.evidence.slice(0, MAX_EVIDENCE * 2)}…` : item.evidence,
      fix: meta.fix,
    };
    const key = `${finding.ruleId}\0${finding.file}\0${finding.line}`;
    const existing = byKey.get(key);
    if (!existing || severityRank(finding.severity) > severityRank(existing.severity)) {
      byKey.set(key, finding);
      if (isExplained) explained.add(finding);
      else if (existing) explained.delete(existing);
    }
  }
  let findings = [...byKey.values()].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || (a.evidence < b.evidence ? -1 : a.evidence > b.evidence ? 1 : 0),
  );
  const suppressed = applySuppressions(findings, options.suppressions ?? [], options.skill, options.now ?? new Date());
  const explainedAfter = new Set<Finding>();
  suppressed.forEach((finding, index) => {
    if (explained.has(findings[index])) explainedAfter.add(finding);
  });
  findings = suppressed;
  const verdict = decideVerdict(findings, policy, (finding) => explainedAfter.has(finding));
  const report: ScanReport = {
    schemaVersion: 1,
    verdict,
    findings,
    inferred,
    scanner: { version: SCANNER_VERSION, rulesetDigest: ruleSet.digest, policyDigest: policyDigest(policy) },
    stats: { files: files.length, bytes: files.reduce((sum, file) => sum + file.bytes.length, 0), milliseconds: Math.round((performance.now() - started) * 100) / 100 },
  };
  return ScanReportSchema.parse(report);
}

/** The scanner's role at the pipeline seam: one method, so a stage can be tested alone or replaced. */
export interface Scanner {
  /** Scans one skill folder. */
  scan(dir: string, options?: ScanOptions): Promise<ScanReport>;
}

/** The static scanner, as the pipeline's {@link Scanner}. */
export const staticScanner: Scanner = { scan: (dir, options) => scanSkill(dir, options) };

/** Cheap identity for cache keys: version + digest of the canonical rule set + digest of the policy. */
export async function scannerIdentity(policy?: Policy): Promise<{ version: string; rulesetDigest: `sha256:${string}`; policyDigest: `sha256:${string}` }> {
  const [ruleSet, resolved] = await Promise.all([bundledRuleSet(), policy ? Promise.resolve(policy) : defaultPolicy()]);
  return { version: SCANNER_VERSION, rulesetDigest: ruleSet.digest, policyDigest: policyDigest(resolved) };
}

/**
 * Code chosen by a server at run time: data fetched from the network (directly, through variables,
 * or through a function that fetches) reaching `exec`, `eval`, `Function`, `vm`, or a shell command
 * line. The command-and-control loop (poll a server, run what it says, post the output) is the same shape.
 */
import { officialInstaller } from '../intent/model.ts';
import { escapeRegExp, urlHosts } from '../knowledge.ts';
import { runnableBlocks } from '../markdown.ts';
import type { RawFinding } from '../model.ts';
import type { ScanContext } from './types.ts';

/** Calls that open a raw connection (sockets, WebSockets) rather than make one HTTP request. */
const REMOTE_CONNECT = /(?:^|\.)(?:connect|createConnection|create_connection|Socket|WebSocket)$|^new (?:net\.Socket|WebSocket)$/;

/** An interpreter named as the program a process runs, and the name of the script it is handed (`["/bin/sh", installer]`). */
const INTERPRETER_SCRIPT = /["'`](?:\/(?:usr\/)?(?:local\/)?bin\/)?(?:sh|bash|zsh|dash|ksh|python\d?(?:\.\d+)?|node|perl|ruby|pwsh|powershell(?:\.exe)?)["'`]\s*,\s*(?:["'`]-[a-zA-Z]["'`]\s*,\s*)?([A-Za-z_]\w*)\b/;

/** Whether a process call runs, as its script, a file the program filled from the network. */
function runsDownloadedScript(text: string, networkNames: ReadonlySet<string>): boolean {
  const script = INTERPRETER_SCRIPT.exec(text)?.[1];
  return script !== undefined && networkNames.has(script);
}

/** A program that fetches from the network. */
const FETCHES = /\b(?:urlopen|urlretrieve|requests\.get|httpx\.get|fetch|https?\.get|axios\.get|got)\s*\(/;
/** Bytes written to a file or an archive unpacked (`target.write_bytes(…)`, `zf.extractall(DIR)`, `fs.writeFileSync(p, …)`). */
const WRITES = /([\w.]+)\.write_bytes\s*\(|\.extractall\s*\(\s*([^,)]+)|\bopen\s*\(\s*([^,)]+),\s*['"][wa]b['"]|\bwriteFileSync\s*\(\s*([^,)]+)|\bcreateWriteStream\s*\(\s*([^,)]+)|\burlretrieve\s*\(\s*[^,)]+,\s*(?:filename\s*=\s*)?([^,)=]+)[,)]|\burlretrieve\s*\([^)]*\bfilename\s*=\s*([^,)]+)/g;
/** Code loaded or run from a path at run time (`spec_from_file_location(name, path)` then `exec_module`, `runpy.run_path(p)`, `exec(open(p).read())`, `require(p)`, `import(p)`, `subprocess.run(["/bin/sh", str(setup)])`). */
const LOADS_CODE = /\bspec_from_file_location\s*\(\s*[^,]+,\s*([^)]+)\)|\brunpy\.run_path\s*\(\s*([^,)]+)|\bexec\s*\(\s*(?:compile\s*\()?\s*open\s*\(\s*([^,)]+)|\brequire\s*\(\s*(?!['"`])([^)]+)\)|\bimport\s*\(\s*(?!['"`])([^)]+)\)|\[\s*["'](?:\/(?:usr\/)?(?:local\/)?bin\/)?(?:sh|bash|zsh|python\d?(?:\.\d+)?|node|perl|ruby)["']\s*,\s*(?:str\s*\(\s*)?([\w.]+)/g;
/**
 * A pickle deserialised (`torch.load(p)` without `weights_only=True`, `pickle`/`dill`/`joblib.load(p)`, `pd.read_pickle(p)`,
 * `np.load(p, allow_pickle=True)`): it runs whatever code the file's author put in it.
 */
const LOADS_PICKLE = /\b(?:pickle|dill|cloudpickle|joblib)\.load\s*\(\s*(?:open\s*\(\s*)?([^,)]+)|\b(?:pd|pandas)\.read_pickle\s*\(\s*([^,)]+)|\btorch\.load\s*\(\s*([^,)]+)(?![^)]*weights_only\s*=\s*True)|\b(?:np|numpy)\.load\s*\(\s*([^,)]+)(?=[^)]*allow_pickle\s*=\s*True)/g;

/**
 * Whether the program pickles its own data into `file` (`pickle.dump(repos, fh)` on `open(CACHE, "wb")`, `torch.save(model, path)`,
 * `df.to_pickle(path)`): a cache of what it computed, not bytes a server sent.
 */
function ownPickle(text: string, file: string): boolean {
  const name = escapeRegExp(file);
  const handles = [...text.matchAll(new RegExp(`\\bopen\\s*\\(\\s*${name}\\s*,\\s*["'][wa]b\\+?["']\\s*\\)\\s*as\\s+(\\w+)|\\b(\\w+)\\s*=\\s*open\\s*\\(\\s*${name}\\s*,\\s*["'][wa]b`, 'g'))].map((match) => escapeRegExp((match[1] ?? match[2])!));
  const targets = [name, ...handles].join('|');
  return new RegExp(`\\b(?:pickle|dill|cloudpickle|joblib)\\.dump\\s*\\([^)]*\\b(?:${targets})\\s*[,)]|\\btorch\\.save\\s*\\([^,)]+,\\s*(?:${targets})\\b|\\.to_pickle\\s*\\(\\s*(?:${targets})\\b`).test(text);
}

/** Names too common to tie a write to a load. */
const COMMON_NAMES = new Set(['path', 'Path', 'os', 'name', 'join', 'resolve', 'str', 'f', 'fh', 'p', 'file', 'self', 'this', 'process', 'cwd', 'dirname', '__dirname', '__file__', 'parent', 'home', 'expanduser']);

/** The names an expression is built from, following one plain assignment of each (`path = CACHE_DIR / "rules.py"` gives CACHE_DIR). */
function rootsOf(expression: string, text: string): Set<string> {
  const roots = new Set<string>();
  const names = (source: string) => source.replace(/(["'`])(?:\\.|(?!\1)[^\\\n])*\1/g, ' ').match(/[A-Za-z_$][\w$]*/g) ?? [];
  for (const name of names(expression)) {
    if (!COMMON_NAMES.has(name)) roots.add(name);
    const assigned = new RegExp(`^\\s*(?:(?:const|let|var)\\s+)?${name.replace(/\$/g, '\\$')}\\s*=\\s*([^\\n]+)`, 'm').exec(text)?.[1];
    for (const inner of names(assigned ?? '')) if (!COMMON_NAMES.has(inner)) roots.add(inner);
  }
  return roots;
}

/**
 * A program that downloads files into a folder and later loads code from the same folder (a "data
 * refresh" whose archive carries a module it imports): what runs is whatever the server put there.
 */
function loadsDownloadedCode(text: string): { line: number; evidence: string } | undefined {
  if (!FETCHES.test(text)) return undefined;
  const written = new Set<string>();
  for (const match of text.matchAll(WRITES)) for (const root of rootsOf(match.slice(1).find((group) => group !== undefined) ?? '', text)) written.add(root);
  if (written.size === 0) return undefined;
  // A pickle is code only when it is the very file downloaded (`urlretrieve(url, dest)` then `torch.load(dest)`), not another
  // file the program wrote itself into the same folder (its own DataFrame cache beside a downloaded CSV).
  const writtenFiles = new Set([...text.matchAll(WRITES)].map((match) => (match.slice(1).find((group) => group !== undefined) ?? '').trim()));
  for (const match of text.matchAll(LOADS_PICKLE)) {
    const loaded = (match.slice(1).find((group) => group !== undefined) ?? '').trim();
    // A handle opened on the file (`with open(CKPT, "rb") as fh:` then `torch.load(fh)`) is the file.
    const opened = new RegExp(`\\bopen\\s*\\(\\s*([^,)]+)[^)]*\\)\\s*as\\s+${escapeRegExp(loaded)}\\b|\\b${escapeRegExp(loaded)}\\s*=\\s*open\\s*\\(\\s*([^,)]+)`).exec(text);
    const file = opened !== null ? (opened[1] ?? opened[2] ?? '').trim() : loaded;
    if (!writtenFiles.has(file) || ownPickle(text, file)) continue;
    const line = text.slice(0, match.index).split('\n').length;
    return { line, evidence: text.split('\n')[line - 1]!.trim().slice(0, 200) };
  }
  for (const match of text.matchAll(LOADS_CODE)) {
    const roots = rootsOf(match.slice(1).find((group) => group !== undefined) ?? '', text);
    if ([...roots].some((root) => written.has(root))) {
      const line = text.slice(0, match.index).split('\n').length;
      return { line, evidence: text.split('\n')[line - 1]!.trim().slice(0, 200) };
    }
  }
  return undefined;
}

/** Bumped when the logic changes, so the rule set digest changes with it; the metadata is in scanner/rules/remote-code-eval/rule.yaml. */
export const version = 10;

/** The remote-code-eval detector. */
/** A PowerShell variable filled from a download (`$rules = Invoke-RestMethod -Uri $feed`, `$c = (New-Object Net.WebClient).DownloadString($u)`). */
const POWERSHELL_FETCHED = /^\s*\$(\w+)\s*=\s*\(?\s*(?:Invoke-RestMethod|Invoke-WebRequest|irm|iwr|\(\s*New-Object\s+(?:System\.)?Net\.WebClient\s*\)\.DownloadString|\[(?:System\.)?Net\.WebClient\]::new\(\)\.DownloadString)\b/gim;
/** PowerShell that runs text as code: a script block made from it, `Invoke-Expression`, `iex`. */
const POWERSHELL_RUNS = (name: string) => new RegExp(`(?:\\[scriptblock\\]::Create|\\bInvoke-Expression\\b|\\biex\\b|\\bAdd-Type\\b[^\\n]*-TypeDefinition)[^\\n]*\\$${name}\\b`, 'i');

/** Hosts a text names in URLs or right after a PowerShell download (`irm get.scoop.sh`). */
function namedHosts(text: string): string[] {
  const bare = [...text.matchAll(/\b(?:Invoke-RestMethod|Invoke-WebRequest|irm|iwr)\s+(?:-Uri\s+)?["']?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?=[\s/"')|]|$)/gi)].map((match) => match[1]!.toLowerCase());
  return [...urlHosts(text).map(({ host }) => host), ...bare];
}

/** A PowerShell assignment (`$c = $r.Content`, `$text = [Text.Encoding]::UTF8.GetString($bytes)`): the name and what it is given. */
const POWERSHELL_ASSIGNED = /^\s*\$(\w+)\s*=\s*(.+)$/;
/** A download and a run of its text on one line (`iex (iwr $u).Content`, `& ([scriptblock]::Create((irm $u)))`). */
const POWERSHELL_RUNS_FETCHED_INLINE = /(?:\[scriptblock\]::Create|\bInvoke-Expression\b|\biex\b)\s*\(*\s*(?:Invoke-RestMethod|Invoke-WebRequest|irm|iwr|\(\s*New-Object\s+(?:System\.)?Net\.WebClient\s*\)\.DownloadString)\b/i;

/**
 * Where PowerShell runs what it downloaded: by the variable that carries it, followed through plain
 * assignments that derive one variable from another (`$r = iwr …; $c = $r.Content; iex $c`), or on one line.
 */
function powershellRunsDownload(text: string): { line: number; evidence: string } | undefined {
  const lines = text.split('\n');
  const inline = lines.findIndex((line) => !/^\s*#/.test(line) && POWERSHELL_RUNS_FETCHED_INLINE.test(line));
  for (const fetched of text.matchAll(POWERSHELL_FETCHED)) {
    const from = text.slice(0, fetched.index).split('\n').length - 1;
    const carriers = new Set([fetched[1]!]);
    for (let index = from; index < lines.length; index += 1) {
      const line = lines[index]!;
      if (/^\s*#/.test(line)) continue;
      if ([...carriers].some((name) => POWERSHELL_RUNS(name).test(line))) return { line: index + 1, evidence: `${fetched[0].trim().slice(0, 100)} … ${line.trim().slice(0, 100)}` };
      const assigned = POWERSHELL_ASSIGNED.exec(line);
      if (assigned && index > from && [...carriers].some((name) => new RegExp(`\\$${name}\\b`, 'i').test(assigned[2]!))) carriers.add(assigned[1]!);
    }
  }
  if (inline >= 0) return { line: inline + 1, evidence: lines[inline]!.trim().slice(0, 200) };
  return undefined;
}

/** A download saved to a file (`curl … -o "$pack.tmp"`, `wget -O f …`, `curl … > f`): the file's name as the script writes it. */
const SHELL_DOWNLOAD = /\b(?:curl\b[^\n]*?\s(?:-[a-zA-Z]*o|--output)|wget\b[^\n]*?\s(?:-[a-zA-Z]*O|--output-document)|(?:curl|wget)\b[^\n|]*?>)[=\s]*("[^"\n]+"|'[^'\n]+'|[^\s"';&|>]+)/g;
/** A file renamed or copied (`mv -f "$pack.tmp" "$pack"`, `cp "$f" "$run"`): what was downloaded now has the second name too. */
const SHELL_MOVE = /\b(?:mv|cp)\s+(?:-\w+\s+)*("[^"\n]+"|'[^'\n]+'|[^\s"';&|]+)\s+("[^"\n]+"|'[^'\n]+'|[^\s"';&|]+)/g;

/**
 * Between a download and its run, a check that pins what runs or a question to the user: a checksum verified
 * (`sha256sum -c`, `[ "$(sha "$f")" = "$(cat "$f.sha256")" ]`), a signature verified, or a prompt (`read -p`, `confirm "Run …?"`).
 */
const VERIFIED_OR_ASKED = /\b(?:sha(?:1|224|256|384|512)sum|shasum|b2sum)\b[^\n]*\s(?:-c|--check)\b|\[\[?\s*"?\$\(\s*(?:sha\w*|shasum|b2sum|openssl\s+dgst)\b[^\n]*\)"?\s*!?==?|\bgpg\s+(?:--?\S+\s+)*--verify\b|\bcosign\s+verify(?:-blob)?\b|\bminisign\s+-V\b|\bread\s+(?:-\w+\s+)*-p\b|\[y\/N\]|\bconfirm\s+["']/i;

/** A shell word without its quotes, `${x}` written `$x`. */
function shellWord(word: string): string {
  return word.replace(/^(["'])(.*)\1$/, '$2').replace(/\$\{(\w+)\}/g, '$$$1');
}

/**
 * Where a shell script runs a file it downloaded: sourced (`source "$pack"`, `. ./x.sh`), handed to an interpreter
 * (`bash "$f"`, `bash < "$f"`) or evaluated (`eval "$(cat "$f")"`), by the name it was saved under or the name a `mv` or `cp`
 * gave it, anywhere after the download. A file a server fills at every run is code that server chooses.
 */
function shellRunsDownload(text: string): { line: number; evidence: string } | undefined {
  // A command continued over lines (`\` at the end) is one line; the offsets stay those of the text.
  const joined = text.replace(/\\\n/g, '  ');
  for (const download of joined.matchAll(SHELL_DOWNLOAD)) {
    const names = new Set([shellWord(download[1]!)]);
    const after = joined.slice(download.index + download[0].length);
    for (const move of after.matchAll(SHELL_MOVE)) if (names.has(shellWord(move[1]!))) names.add(shellWord(move[2]!));
    for (const name of names) {
      if (name.length < 2 || name === '-' || /^\/dev\//.test(name)) continue;
      const quoted = `["']?${escapeRegExp(name).replace(/\\\$(\w+)/g, '\\$\\{?$1\\}?')}["']?`;
      const run = new RegExp(`(?:^[ \\t]*|[;&|{(][ \\t]*|\\b(?:then|do|else)[ \\t]+)(?:(?:source|\\.|(?:ba|z|da|k)?sh|python\\d?|node|perl|ruby)\\s+(?:<\\s*)?|eval\\s+["']?\\$\\(\\s*cat\\s+)${quoted}(?=[\\s;)&|}"]|$)`, 'm').exec(after);
      if (run === null || VERIFIED_OR_ASKED.test(after.slice(0, run.index))) continue;
      const at = download.index + download[0].length + run.index;
      return { line: text.slice(0, at).split('\n').length, evidence: `${download[0].trim().slice(0, 100)} … ${run[0].trim().slice(0, 80)}` };
    }
  }
  return undefined;
}

export function detect(context: ScanContext): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const unit of context.facts) {
    // A raw connection to a remote host plus code or a shell run from run-time data: a backdoor listening for commands.
    // The socket must also be read from: a port probe (connect, close) receives no commands.
    const remoteSocket =
      unit.calls.some((call) => REMOTE_CONNECT.test(call.callee) && !/\b(?:localhost|127\.0\.0\.1|0\.0\.0\.0|::1)\b/.test(call.text)) &&
      unit.calls.some((call) => /(?:^|\.)(?:recv|recvfrom|recv_into|makefile|on)$/.test(call.callee) || /\.on\(\s*["']data["']/.test(call.text));
    for (const sink of unit.execSinks) {
      if (!sink.network && !(remoteSocket && sink.dynamic && /^(?:exec|eval|Function|new Function|os\.system|os\.popen|subprocess\.\w+|child_process\.\w+|execSync|spawn|vm\.)/.test(sink.callee))) continue;
      // Shell sinks count only when the command line itself comes from run-time data, not a fixed program given a path.
      const shellSink = /^(?:subprocess|child_process|spawn|execSync|execFile|os\.(?:system|popen|exec|spawn))/.test(sink.callee) || (unit.language === 'javascript' && sink.callee === 'exec');
      // …or when an interpreter is handed a script the program downloaded (`Popen(["/bin/sh", installer])`).
      if (shellSink && !sink.dynamic && !runsDownloadedScript(sink.text, unit.networkNames)) continue;
      findings.push({ ruleId: 'remote-code-eval', file: unit.file, line: sink.line, evidence: sink.text.replace(/\s+/g, ' ').trim().slice(0, 200) });
    }
  }
  // PowerShell files, and the PowerShell a skill's Markdown gives the agent or the user to run, unless every host
  // it names is an official installer's (`irm get.scoop.sh | iex` is the vendor's documented line). A host built
  // from pieces or held in a variable is one nothing vouches for.
  const powershell = [
    ...context.files.filter((file) => file.fileClass === 'text' && /\.ps[dm]?1$/i.test(file.path)).map((file) => ({ file: file.path, firstLine: 1, text: file.text })),
    ...runnableBlocks(context.segments, 'shell').filter((block) => !officialInstaller(namedHosts(block.text))),
  ];
  for (const unit of powershell) {
    const ran = powershellRunsDownload(unit.text);
    if (ran) findings.push({ ruleId: 'remote-code-eval', file: unit.file, line: unit.firstLine + ran.line - 1, evidence: ran.evidence, message: 'Runs PowerShell it downloads at run time (a script block, Invoke-Expression): what runs is whatever the server sends.' });
  }
  // Shell scripts, and the shell a skill's Markdown gives to run, that download a file and run it, unless every host they
  // name is an official installer's (`curl -o rustup.sh https://sh.rustup.rs` then `sh rustup.sh`).
  const shell = [
    ...context.files.filter((file) => file.fileClass === 'text' && file.language === 'shell').map((file) => ({ file: file.path, firstLine: 1, text: file.text })),
    ...runnableBlocks(context.segments, 'shell'),
  ];
  for (const unit of shell) {
    if (findings.some((finding) => finding.file === unit.file) || officialInstaller(namedHosts(unit.text))) continue;
    const ran = shellRunsDownload(unit.text);
    if (ran) findings.push({ ruleId: 'remote-code-eval', file: unit.file, line: unit.firstLine + ran.line - 1, evidence: ran.evidence, message: 'Runs a file it downloads at run time (sources it or hands it to an interpreter): what runs is whatever the server sends.' });
  }
  for (const file of context.files) {
    if (file.fileClass !== 'text' || (file.language !== 'python' && file.language !== 'javascript') || findings.some((finding) => finding.file === file.path)) continue;
    const loaded = loadsDownloadedCode(file.text);
    if (loaded) findings.push({ ruleId: 'remote-code-eval', file: file.path, line: loaded.line, evidence: loaded.evidence, message: 'Loads code from a folder it fills with files downloaded at run time: what runs is whatever the server put there.' });
  }
  return findings;
}

/**
 * Code facts for languages without a parser here (Ruby, Go, PowerShell, PHP, Perl, Lua, Rust, Java,
 * Kotlin, C#, Swift, R …), read lexically: string literals (with the pieces of one path-joining call
 * or one concatenation joined), calls by name, commands run through a process API or a PowerShell
 * cmdlet, and environment reads. Coarser than a syntax tree, but the same facts, so the source → sink
 * reasoning covers a credential thief whatever language it is written in.
 */
import { extname } from 'node:path';
import { WHOLE_ENVIRONMENT } from './knowledge.ts';
import type { CodeFacts, SourceFile } from './model.ts';

/** Extensions of programming languages read lexically (the parsed ones are Python, JavaScript/TypeScript and shell). */
const LEXICAL_EXTENSIONS = new Set([
  '.rb', '.rake', '.gemspec', '.go', '.ps1', '.psm1', '.psd1', '.php', '.pl', '.pm', '.lua', '.rs', '.java', '.kt', '.kts',
  '.cs', '.csx', '.swift', '.r', '.jl', '.ex', '.exs', '.scala', '.sc', '.groovy', '.gradle', '.sbt', '.dart', '.nim', '.zig', '.c', '.cc', '.cpp', '.h', '.m', '.vbs', '.bat', '.cmd', '.applescript', '.scpt',
  '.tcl', '.fs', '.fsx', '.vb', '.bas', '.ahk', '.cr', '.hs', '.ml', '.erl', '.clj', '.cljs', '.raku', '.rmd', '.qmd',
]);

/**
 * Files that are programs by their name alone: Ruby's build and tool files (Rake, Bundler, fastlane, CocoaPods,
 * Danger, Vagrant, Homebrew bundles, Capistrano, Guard, Berkshelf, Thor) and Jenkins' Groovy pipelines.
 */
const LEXICAL_FILE_NAMES = new Set(['Rakefile', 'Gemfile', 'Fastfile', 'Appfile', 'Pluginfile', 'Matchfile', 'Gymfile', 'Scanfile', 'Snapfile', 'Deliverfile', 'Podfile', 'Dangerfile', 'Vagrantfile', 'Brewfile', 'Capfile', 'Guardfile', 'Berksfile', 'Thorfile', 'Jenkinsfile']);

/** Interpreters named in a `#!` line that are read lexically. */
const LEXICAL_INTERPRETERS = /^(?:ruby|perl|php|pwsh|powershell|lua|Rscript|julia|elixir|groovy|osascript|tclsh|wish|swift|kotlin|scala|dart|crystal|nim|raku|dotnet-script)$/;

/** Whether a file is code in a language read lexically. */
export function isLexicalCode(file: SourceFile): boolean {
  if (file.fileClass !== 'text' || file.language !== 'text') return false;
  const name = file.path.split('/').pop() ?? file.path;
  if (LEXICAL_EXTENSIONS.has(extname(name).toLowerCase()) || LEXICAL_FILE_NAMES.has(name)) return true;
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(file.text);
  if (!shebang) return false;
  const interpreter = (shebang[1]!.endsWith('/env') ? (shebang[2] ?? '') : shebang[1]!).split('/').pop() ?? '';
  return LEXICAL_INTERPRETERS.test(interpreter);
}

/** A string literal: double, single or back quotes, escapes kept as written (one line; raw strings of Go and Rust too). */
const STRING = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`\n]*`/g;

/** A call by name: `Net::HTTP.post(`, `http.NewRequest(`, `c.Do(`, `File.read(`, `os.Getenv(`. */
const CALL = /\b([A-Za-z_][\w]*(?:(?:\.|::|->)[A-Za-z_]\w*)*)\s*\(/g;

/** Ruby's reflective calls with the method's name written out: `recv.send(:name`, `public_send("name"`, `const_get(:Post)`. */
const REFLECTIVE_CALL = /\b([A-Za-z_]\w*(?:(?:\.|::)[A-Za-z_]\w*)*)\.(send|public_send|__send__|const_get)\s*\(?\s*(?::|["'])([A-Za-z_]\w*[!?=]?)/g;

/** Ruby's calls without parentheses that send or read (`Net::HTTP.post uri, body`). */
const BARE_CALL = /\b((?:Net::HTTP|HTTParty|Faraday|RestClient|Excon|Typhoeus|URI|Open3|IO|File|Kernel|http)(?:\.|::)[a-z_]\w*[!?]?)\s+(?=["'\w:$@[{])/g;

/** A call that compiles a regular expression, in the languages read lexically. */
const PATTERN_LINE = /\b(?:regexp\.(?:MustCompile|Compile)|re\.compile|new\s+RegExp|Regex::new|Regexp\.new|Pattern\.compile|preg_match\w*|\[regex\])\s*\(?/;

/** PowerShell cmdlets and common aliases, as commands. */
const CMDLET = /(?<![\w-])((?:Invoke|Start|Get|Set|Copy|Move|Compress|Add|Out|Send|New|Remove)-[A-Z][A-Za-z]+|iwr|irm)\b/g;

/** Process APIs whose first string argument is the program run. */
const PROCESS_CALL = /\b(?:exec\.Command(?:Context)?|system|spawn|popen|Popen|exec|shell_exec|passthru|proc_open|Process\.Start|Runtime\.getRuntime\(\)\.exec|Command::new|Open3\.\w+|IO\.popen|Start-Process|os\.execute|io\.popen)\s*\(?\s*(?:ctx\s*,\s*)?["'`]([^"'`\n]+)["'`]/g;

/** Environment reads across languages: `ENV["X"]`, `ENV.fetch("X")`, `os.Getenv("X")`, `$env:X`, `getenv("X")`, `std::env::var("X")`. */
const ENV_READ = /\bENV\s*(?:\[\s*|\.fetch\s*\(\s*)["']([A-Za-z_]\w*)["']|\b(?:os\.(?:Getenv|LookupEnv)|getenv|System\.getenv|env::var|Environment\.GetEnvironmentVariable|os\.getenv)\s*\(\s*["']([A-Za-z_]\w*)["']|\$env:([A-Za-z_]\w*)|\$ENV\{["']?([A-Za-z_]\w*)/g;

/** A secret constant of a PHP site's configuration: `constant('NAME')`, or WordPress's database password and keys used bare. */
const PHP_SECRET_CONSTANT = /\bconstant\s*\(\s*["']([A-Z][A-Z0-9_]*)["']\s*\)|(?<![$\w'"])(DB_PASSWORD|(?:SECURE_AUTH|LOGGED_IN|NONCE|AUTH)_KEY)\b/g;

/** Ruby's `%w[…]`/`%W(…)` and Perl's `qw(…)` word lists. */
const WORD_LIST = /%[wWiI](?:\[([^\]\n]*)\]|\(([^)\n]*)\)|\{([^}\n]*)\})|\bqw\s*[(\[{/]([^)\]}/\n]*)[)\]}/]/g;

/** Lines that join path pieces: the string pieces on them also form one path. */
const JOINS_PATHS = /\b(?:Join(?:-Path)?|join|File\.join|Path\.Combine|Paths\.get|Path\.of|PathBuf|expand_path|catfile)\b/;

function unquote(literal: string): string {
  return literal.slice(1, -1).replace(/\\(["'\\`])/g, '$1');
}

/** A function header (`func git(args ...string)`, `def run(*args)`, `function sh($cmd)`, `fn cargo(args: &[&str])`): its name and parameters. */
const FUNCTION_HEADER = /\b(?:func|def|function|sub|fn|proc)\s+(?:\([^()\n]{0,80}\)\s*)?([A-Za-z_]\w*)\s*\(([^()\n]{0,200})\)/;

/**
 * A function's first line in the languages read lexically, with or without a parameter list: Ruby's `def fetch_rules`,
 * Go's `func (c *Client) token() string {`, PowerShell's `function Get-Feed {`, Perl's `sub token {`, Lua's `local function load(`.
 */
const DEFINITION = /^\s*(?:(?:public|private|protected|static|async|export|local|pub(?:\(crate\))?|override|suspend)\s+)*(?:func|def|function|sub|fn|proc)\s+(?:\([^()\n]{0,80}\)\s*)?(?:self\.|[A-Za-z_]\w*\.)?([A-Za-z_][\w-]*[?!]?)\s*(?:\(|\{|$)/;

/** The functions of a file read lexically, each from its first line to the line before the next one's (0-based, inclusive). */
export function functionSpans(lines: readonly string[]): { name: string; start: number; end: number }[] {
  const starts = lines.flatMap((line, index) => {
    const name = DEFINITION.exec(line)?.[1];
    return name === undefined ? [] : [{ name, start: index }];
  });
  return starts.map((span, index) => ({ ...span, end: (starts[index + 1]?.start ?? lines.length) - 1 }));
}

/** Lines after a function header within which a process call makes the function a wrapper of that program. */
const WRAPPER_SPAN = 6;

/** A process call handed a wrapper's parameter list whole (`Open3.capture3(*cmd)`, `system(*args)`, `exec.Command(args[0], args[1:]...)`). */
const PASS_THROUGH = /\b(?:system|spawn|popen|Popen|exec|Open3\.\w+|IO\.popen|Process\.spawn|Kernel\.system)\s*\(?\s*[*@]([A-Za-z_]\w*)\b/;

/**
 * Functions that only run one program with the arguments they are given (`func git(args ...string) { exec.Command("git", args...) }`):
 * a call of such a function with literal arguments is that program's command line.
 */
function processWrappers(lines: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  lines.forEach((raw, index) => {
    const header = FUNCTION_HEADER.exec(raw);
    if (!header) return;
    const params = [...header[2]!.matchAll(/[$@*&]?([A-Za-z_]\w*)/g)].map((match) => match[1]!).filter((name) => !/^(?:string|int|bool|self|this|str|args?Type|any|error|mut)$/.test(name));
    if (params.length === 0) return;
    for (const next of lines.slice(index + 1, index + 1 + WRAPPER_SPAN)) {
      if (FUNCTION_HEADER.test(next)) break;
      // A pass-through (`def sh(*cmd) … Open3.capture3(*cmd)`, `system(*args)`): the program is the call's first argument.
      const passed = PASS_THROUGH.exec(next);
      if (passed && params.includes(passed[1]!)) {
        out.set(header[1]!, '');
        break;
      }
      PROCESS_CALL.lastIndex = 0;
      const call = PROCESS_CALL.exec(next);
      if (!call) continue;
      const program = call[1]!.trim();
      if (/^[\w.+-]+$/.test(program) && params.some((name) => new RegExp(`\\b${name}\\b`).test(next.slice(call.index + call[0].length)))) out.set(header[1]!, program);
      break;
    }
  });
  return out;
}

/** A download whose body a line keeps (`$r = Invoke-WebRequest …`, `body = Net::HTTP.get(uri)`, `resp, err := http.Get(u)`, Groovy's `new URL(u).text`, Kotlin's `URL(u).readText()`). */
const DOWNLOAD = /\b(?:Invoke-WebRequest|Invoke-RestMethod|iwr|irm|DownloadString|DownloadData|Net::HTTP\.get(?:_response)?|URI\.open|HTTParty\.get|Faraday\.get|RestClient\.get|http\.Get|Client\.Get|LWP::Simple::get|HTTP::Tiny->new->get|file_get_contents\s*\(\s*["']https?:|curl_exec|use\s+LWP::Simple|HTTP\.get|httpc\.request|readLines\s*\(\s*(?:url\s*\(\s*)?["']https?:|download\s*\(\s*["']https?:|http\.request)\b|\bURL\s*\([^()\n]*\)\s*\.\s*(?:text|getText\s*\(\s*\)|readText\s*\(\s*\)|openStream\s*\(\s*\))|\.toURL\s*\(\s*\)\s*\.\s*text\b|\bhttp\.(?:Post|PostForm|Head)\s*\(|\}\)\.(?:Post|Get|Do)\s*\(|\bclient\.(?:Post|Do)\s*\(/i;
/** An assignment: the name it binds (`$x =`, `my $x =`, `x :=`, `a, err :=`). */
const ASSIGNMENT = /^\s*(?:my\s+|our\s+|local\s+|var\s+|let\s+|const\s+|val\s+|def\s+|auto\s+|final\s+|String\s+|string\s+|\[[\w.]+\]\s*)?\$?([A-Za-z_]\w*)(?:\s*,\s*\$?[A-Za-z_]\w*)*\s*(?::=|=(?![=~>])|<-)(.*)$/;
/** Calls that run text as code (`Invoke-Expression $x`, `eval(body)`), or a whole command line given as one string (`system(cmd)`, `sh -c "$x"`). */
const RUNS_FETCHED_TEXT = /\bInvoke-Expression\b|\biex\b|\[ScriptBlock\]::Create|\bInvoke-Command\s+-ScriptBlock\b|\b(?:instance_eval|class_eval|module_eval|eval|evaluate|Eval\.me|GroovyShell|loadstring|include_string|Code\.eval_string)\b|\bload\s*\(\s*[\w.]+\s*\)\s*\(|\b(?:system|exec|passthru|shell_exec|popen|IO\.popen|%x)\s*\(?\s*(?=[$@\w]+\s*(?:\)|$|;))|\bsh\s+-c\b|["'](?:ba|z)?sh["']\s*,\s*["']-c["']|\bexec\.Command(?:Context)?\s*\(\s*(?:ctx\s*,\s*)?"(?:\/(?:usr\/)?bin\/)?(?:ba|z|da)?sh"\s*,\s*"-c"/;

/**
 * Text fetched from the network and later run (`$warm = Invoke-WebRequest …` then `Invoke-Expression
 * $warm.Content`): names bound to a download, or to text built from one, followed to a call that runs text.
 */
function downloadedAndRun(lines: readonly string[], facts: CodeFacts, powershell: boolean): void {
  const tainted = new Set<string>();
  // Names are case-sensitive outside PowerShell, and a name inside a string literal (`'--body'`) is text, not the variable.
  const mentions = (text: string) => {
    const code = text.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, (literal) => (literal.startsWith('"') ? literal.replace(/[^$]*?(\$\{?\w+\}?)|[^$]+/g, ' $1 ') : ' '));
    return [...tainted].some((name) => new RegExp(`(?<![\\w-])\\$?${name}\\b`, powershell ? 'i' : '').test(code));
  };
  // Perl's LWP::Simple exports `get`: imported, a bare `get($url)` downloads.
  const perlGet = lines.some((line) => /^\s*use\s+LWP::Simple\b/.test(line));
  const downloads = (text: string) => DOWNLOAD.test(text) || (perlGet && /\bget\s*\(/.test(text));
  // A function whose body downloads (`def fetch_rules … http.get(uri.request_uri) … end`) returns what it fetched: its calls are fetched text.
  for (const span of functionSpans(lines)) if (lines.slice(span.start + 1, span.end + 1).some(downloads)) tainted.add(span.name);
  for (const [index, raw] of lines.entries()) {
    const assigned = ASSIGNMENT.exec(raw);
    if (assigned && (downloads(assigned[2]!) || mentions(assigned[2]!))) tainted.add(assigned[1]!);
    // Go's decoding into a variable (`json.NewDecoder(resp.Body).Decode(&pr)`) and a loop over what was fetched (`for _, step := range pr.Steps`).
    const decoded = /\.(?:Decode|Unmarshal)\s*\(\s*(?:[^,()]*,\s*)?&(\w+)/.exec(raw);
    if (decoded && mentions(raw.slice(0, decoded.index + decoded[0].length))) tainted.add(decoded[1]!);
    const ranged = /\bfor\s+(?:\w+\s*,\s*)?(\w+)\s*:=\s*range\s+(.*)$/.exec(raw);
    if (ranged && mentions(ranged[2]!)) tainted.add(ranged[1]!);
    const run = RUNS_FETCHED_TEXT.exec(raw);
    if (run && tainted.size > 0 && mentions(raw.slice(run.index, run.index + run[0].length + 120))) facts.execSinks.push({ callee: run[0].trim(), text: raw.trim(), line: index + 1, network: true, dynamic: true });
  }
}

/**
 * Code run straight from an address in one call: R's `source("https://…")` and `source_url`, Julia's `include(download(…))`,
 * PHP's `include "http://…"`, Lua's `load(http.request(…))`, Groovy's `evaluate(new URL(…).text)`.
 */
const RUNS_FROM_ADDRESS = /\b(?:source|sys\.source|source_url|source_gist)\s*\(\s*["']https?:|\b(?:eval|assert|create_function)\s*\(\s*(?:file_get_contents|get|curl_exec)\s*\(\s*["']https?:|\binclude\s*\(\s*download\s*\(|\b(?:include|require)(?:_once)?\s*\(?\s*["']https?:|\bload(?:string)?\s*\(\s*(?:http\.request|game:HttpGet)\s*\(|\bevaluate\s*\(\s*new\s+URL\s*\(|\beval\s*\(\s*parse\s*\(\s*text\s*=\s*readLines\s*\(\s*(?:url\s*\(\s*)?["']https?:/;

/** An array of string literals over one or more lines, joined where it is written (`["u=https://host/x.sh;", "(curl \"$u\" | sh) ||"].join(" ")`). */
const JOINED_ARRAY = /\[\s*((?:(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')\s*(?:,\s*)?)+)\]\s*\.join\s*(?:\(\s*(?:"([^"\n]{0,8})"|'([^'\n]{0,8})')?\s*\))?/g;

/** The strings a program builds by joining an array of literals, with the line the array starts on. */
export function joinedStringArrays(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  for (const match of text.matchAll(JOINED_ARRAY)) {
    const pieces = [...match[1]!.matchAll(STRING)].map((literal) => unquote(literal[0]));
    if (pieces.length < 2) continue;
    out.push({ text: pieces.join(match[2] ?? match[3] ?? ''), line: 1 + (text.slice(0, match.index).match(/\n/g)?.length ?? 0) });
  }
  return out;
}

/** A variable bound to a path (`let home = …join(".cargo")`, `home := filepath.Join(dir, ".kube")`, `var dir = Path.Combine(h, ".nuget")`): its name. */
const FOLDER_BINDING = /^\s*(?:(?:let|const|var|val|my|local|final|auto|string|String|Path|PathBuf|File|def)\s+(?:mut\s+)?)?\$?([A-Za-z_]\w*)\s*(?::\s*[\w:<>&]+\s*)?(?::=|=(?![=~]))/;
/** Lines a binding's statement may run over (`let home = env::var("CARGO_HOME")` then `.unwrap_or_else(|_| … .join(".cargo"))`). */
const BINDING_SPAN = 4;

/** The path a line binds to a variable by joining literal pieces, read over the statement's continuation lines. */
function boundFolder(lines: readonly string[], index: number): { name: string; path: string } | undefined {
  const binding = FOLDER_BINDING.exec(lines[index]!);
  if (!binding) return undefined;
  let statement = lines[index]!;
  for (let next = index + 1; next < Math.min(lines.length, index + BINDING_SPAN) && !/[;{}]\s*$/.test(statement) && /^\s*[.)|?]/.test(lines[next]!); next += 1) statement += lines[next];
  if (!JOINS_PATHS.test(statement) && !/\.\s*(?:resolve|joinpath)\s*\(/.test(statement)) return undefined;
  // The pieces joined, not the names of variables read on the way (`env::var("HOME")`).
  const pieces = [...statement.matchAll(STRING)].map((match) => unquote(match[0])).filter((piece) => /^[\w.~-][\w./~-]*$/.test(piece) && !/^[A-Z][A-Z0-9_]*$/.test(piece));
  return pieces.length === 0 ? undefined : { name: binding[1]!, path: pieces.join('/') };
}

/** A dial of a Unix socket, right after the call's name (`net.Dial("unix", …)`, `DialContext(ctx, "unix", …)`). */
const UNIX_DIAL = /^[\w.]*Dial\w*\s*\(\s*(?:ctx\s*,\s*)?["']unix/;

/** Paths a line builds on a bound folder: `home.join("credentials.toml")`, `filepath.Join(dir, "config")`, `Path.Combine(dir, "NuGet.Config")`. */
function joinedOntoFolders(raw: string, literals: readonly string[], folders: ReadonlyMap<string, string>): string[] {
  if (folders.size === 0 || literals.length === 0) return [];
  const out: string[] = [];
  for (const [name, path] of folders) {
    const base = new RegExp(`(?:\\$?\\b${name}\\s*\\.\\s*(?:join|resolve|joinpath|Join)\\s*\\(|\\b(?:Join(?:-Path)?|join|Combine|get|of|File\\.join|catfile)\\s*\\(?\\s*\\$?${name}\\b)`);
    if (base.test(raw)) out.push([path, ...literals].join('/'));
  }
  return out;
}

/** Extracts the facts of one file read lexically. */
export function lexicalFacts(file: SourceFile, joined: readonly { text: string; line: number }[] = joinedStringArrays(file.text)): CodeFacts {
  const facts: CodeFacts = {
    unit: file.path, file: file.path, language: file.language, lineOffset: 0, strings: [], needles: [], calls: [], commands: [], envReads: [], networkNames: new Set(),
    execSinks: [], imports: [], comments: [], hasErrors: false, inferCapabilities: false, credentialNames: new Set(), secretNames: new Map(), writes: [],
  };
  const lines = file.text.split('\n');
  const php = /\.(?:php|phtml)$/i.test(file.path) || /^#!.*\bphp\b/.test(file.text);
  const wrappers = processWrappers(lines);
  const folders = new Map<string, string>();
  const wrapperCall = wrappers.size > 0 ? new RegExp(`(?<![\\w.])(${[...wrappers.keys()].join('|')})\\s*\\(`, 'g') : undefined;
  // A line comment in this file's language: `'` and REM only in Visual Basic and batch files, `--` in Lua
  // (in Ruby a line may start with a quoted hash key, `'id' => …`).
  const extension = extname(file.path).toLowerCase();
  const comment = /^\.(?:vbs|bas|bat|cmd)$/.test(extension) ? /^(?:REM\b|'|::)/i : extension === '.lua' ? /^--/ : /^(?:#(?!!)|\/\/)/;
  for (const [index, raw] of lines.entries()) {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' ) continue;
    if (comment.test(trimmed) && !/^#include\b/.test(trimmed)) {
      facts.comments.push({ text: trimmed, line });
      continue;
    }
    const literals = [...raw.matchAll(STRING)].map((match) => unquote(match[0]));
    // Word lists (`%w[.netrc .aws/credentials]` in Ruby, `qw(.netrc .pgpass)` in Perl): each word a string.
    for (const match of raw.matchAll(WORD_LIST)) {
      const words = (match[1] ?? match[2] ?? match[3] ?? match[4] ?? '').split(/\s+/).filter(Boolean);
      literals.push(...words);
      // A word list joined on the spot (`%w[Net HTTP].join('::')`, `%w[p o s t].join`): the joined name.
      const joined = /^\s*\.join\s*(?:\(\s*(?:"([^"\n]{0,8})"|'([^'\n]{0,8})')\s*\))?/.exec(raw.slice(match.index + match[0].length));
      if (joined) literals.push(words.join(joined[1] ?? joined[2] ?? ''));
    }
    for (const text of literals) facts.strings.push({ text, line });
    // A Windows path (`"$HOME\.aws\credentials"`, `'%USERPROFILE%\.ssh\id_rsa'`): the same path with forward slashes too.
    for (const text of literals) if (/\\\.[\w-]/.test(text)) facts.strings.push({ text: text.replace(/\\/g, '/'), line });
    // `filepath.Join(home, ".kube", "config")`, `Join-Path $HOME '.aws' 'credentials'`: the pieces are one path.
    if (literals.length >= 2 && JOINS_PATHS.test(raw)) facts.strings.push({ text: literals.join('/'), line });
    // A folder bound earlier (`let home = … .join(".cargo")`) joined with more pieces here (`home.join("credentials.toml")`,
    // `dir.resolve("settings.xml")`), or grown in place (`p.push(".cargo"); p.push("credentials.toml")`): one path.
    for (const path of joinedOntoFolders(raw, literals, folders)) facts.strings.push({ text: path, line });
    const grown = /^\s*([A-Za-z_]\w*)\s*\.\s*push\s*\(\s*["']([\w.~-][\w./~-]*)["']\s*\)/.exec(raw);
    // A push onto a list of words (`args.push("--verbose")`) grows no path: only a bound folder or a hidden folder's name does.
    if (grown && (folders.has(grown[1]!) || /^[.~]/.test(grown[2]!))) {
      const path = folders.has(grown[1]!) ? `${folders.get(grown[1]!)}/${grown[2]}` : grown[2]!;
      folders.set(grown[1]!, path);
      facts.strings.push({ text: path, line });
    }
    const bound = boundFolder(lines, index);
    if (bound) folders.set(bound.name, bound.path);
    // `"~/.ssh/" + "id_rsa"`, `'~/.gem' .. '/credentials'`: one string.
    if (literals.length >= 2 && /["'`]\s*(?:\+|\.\.?|<<)\s*["'`]/.test(raw)) facts.strings.push({ text: literals.join(''), line });
    const rest = raw.slice(raw.search(/\S/));
    // A dial of a Unix socket (`net.Dial("unix", "/var/run/docker.sock")`) talks to a program on this machine, not the network.
    for (const match of raw.matchAll(CALL)) facts.calls.push({ callee: UNIX_DIAL.test(raw.slice(match.index)) ? `${match[1]!} (unix socket)` : match[1]!, text: raw.slice(match.index).trim(), line });
    // A method called by its name as data (`Net::HTTP.send(:new, …)`, `http.public_send("request", req)`,
    // `Net::HTTP.const_get(:Post)`) is that method called: the name is written out, only the dot is missing.
    for (const match of raw.matchAll(REFLECTIVE_CALL)) facts.calls.push({ callee: `${match[1]}${match[2] === 'const_get' ? '::' : '.'}${match[3]}`, text: raw.slice(match.index).trim(), line });
    // The whole environment read outside a call (`{ env: ENV.to_h }.to_json`): a fact of its own.
    if (WHOLE_ENVIRONMENT.test(raw)) facts.calls.push({ callee: 'environment', text: trimmed, line });
    for (const match of raw.matchAll(BARE_CALL)) facts.calls.push({ callee: match[1]!, text: raw.slice(match.index).trim(), line });
    // A line that compiles a regular expression (`regexp.MustCompile(\`curl|Invoke-WebRequest\`)`) holds what a checker looks for, not a command.
    if (!PATTERN_LINE.test(raw)) for (const match of raw.matchAll(CMDLET)) facts.commands.push({ name: match[1]!, text: raw.slice(match.index).trim(), line });
    // PowerShell's call operator runs a program by name: `& helm push $tgz $Registry`.
    if (/\.ps[dm]?1$/i.test(file.path)) for (const match of raw.matchAll(/(?:^|[\s(=;])&\s+([A-Za-z][\w.-]*)\s+([^\n|;)]*)/g)) facts.commands.push({ name: match[1]!.replace(/\.exe$/i, ''), text: `${match[1]} ${match[2]!.trim()}`.trim(), line });
    for (const match of raw.matchAll(PROCESS_CALL)) {
      const program = match[1]!.trim();
      facts.commands.push({ name: program.split(/\s+/)[0]!.split('/').pop() ?? program, text: program.includes(' ') ? program : rest, line });
    }
    // A call of a wrapper (`git("push", "-q", url)`) runs its program with the literal arguments it is given.
    if (wrapperCall && !FUNCTION_HEADER.test(raw)) {
      for (const match of raw.matchAll(wrapperCall)) {
        const after = [...raw.slice(match.index).matchAll(STRING)].map((literal) => unquote(literal[0]));
        // A pass-through wrapper runs its first argument.
        const program = wrappers.get(match[1]!) || (after.shift() ?? '');
        if (!program) continue;
        facts.commands.push({ name: program, text: [program, ...after].join(' '), line });
      }
    }
    for (const match of raw.matchAll(ENV_READ)) {
      const name = match[1] ?? match[2] ?? match[3] ?? match[4];
      if (name) facts.envReads.push({ name, line });
    }
    // PHP's constants of the site's own configuration (WordPress's `DB_PASSWORD`, `AUTH_KEY`, read bare or by `constant('…')`) are its secrets.
    if (php) for (const match of raw.matchAll(PHP_SECRET_CONSTANT)) facts.envReads.push({ name: (match[1] ?? match[2])!, line });
    const imported = /^\s*(?:require(?:_relative)?|import|use|using|#include|load)\s*\(?\s*["'<]?([\w./:-]+)/.exec(raw)?.[1];
    if (imported) facts.imports.push(imported);
  }
  facts.strings.push(...joined);
  if (DOWNLOAD.test(file.text)) downloadedAndRun(lines, facts, /\.ps[dm]?1$/i.test(file.path));
  lines.forEach((raw, index) => {
    const run = RUNS_FROM_ADDRESS.exec(raw);
    if (run) facts.execSinks.push({ callee: run[0].trim(), text: raw.trim(), line: index + 1, network: true, dynamic: true });
  });
  return facts;
}

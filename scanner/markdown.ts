/**
 * Markdown as markdown-it parses it: front matter, prose (paragraphs, headings, list items, table
 * cells), fenced and indented code, inline code, HTML blocks and comments, and link targets. Code
 * blocks become code units of their own (parsed by tree-sitter when their language has a grammar).
 */
import MarkdownIt from 'markdown-it';
import type { Language } from './rule-schema.ts';
import type { Segment } from './model.ts';

/** A fenced or indented code block (or inline command), to be parsed as a unit. */
export interface CodeBlock {
  /** Unit identity (`file#L<line>`). */
  unit: string;
  /** Language the block is parsed as. */
  language: Language;
  /** The block's source. */
  source: string;
  /** Line (0-based offset) where its first source line sits in the file. */
  lineOffset: number;
  /** Whether the info string names a shell explicitly (capabilities are inferred only from those). */
  explicitShell: boolean;
}

const markdown = new MarkdownIt({ html: true, linkify: true });

const SHELL_INFO = /^(?:bash|sh|shell|zsh|ksh|fish|console|terminal|shell-session|shellsession|sh-session|cmd|bat|batch|powershell|pwsh|ps1|ps|command|commands|text|plain|plaintext|txt)?$/;
const PYTHON_INFO = /^(?:python|py|python3|py3|ipython|pycon)$/;
const JS_INFO = /^(?:javascript|js|node|nodejs|typescript|ts|jsx|tsx|mjs|cjs)$/;
/** Fences tagged with a programming language other than shell, Python or JavaScript: code in that language, not command lines. */
const OTHER_CODE_INFO =
  /^(?:swift|swiftui|kotlin|kt|kts|java|go|golang|rust|rs|c|h|cpp|c\+\+|cc|cxx|hpp|objc|objective-c|objectivec|csharp|cs|c#|fsharp|f#|vb|vbnet|ruby|rb|php|scala|dart|lua|r|julia|jl|haskell|hs|elixir|ex|exs|erlang|erl|clojure|clj|ocaml|ml|zig|nim|crystal|solidity|sol|move|cairo|vyper|sql|psql|mysql|plsql|pgsql|graphql|gql|css|scss|sass|less|vue|svelte|astro|jsonnet|proto|protobuf|thrift|prisma|groovy|matlab|octave|fortran|asm|assembly|nasm|wat|glsl|hlsl|wgsl|metal|cuda|verilog|vhdl|latex|tex|bibtex|mermaid|plantuml|dot|graphviz|regex|csv|tsv|ebnf|abnf)$/;

/** A comment line of C-like, SQL, Lua or shell-like code. */
const CODE_COMMENT_LINE = /^\s*(?:\/\/|\/\*|\*|--|#(?!!))/;

/** A parenthesised list of two or more code spans. */
const EXAMPLE_SPANS = /\((?:e\.g\.,?\s*|for example,?\s*|such as\s*)?`[^`\n]+`(?:\s*,\s*(?:or\s+|and\s+)?`[^`\n]+`)+\s*(?:,?\s*(?:or|and|etc\.?)\s*[^)]{0,20})?\)/;

/** The parenthesised group around position `at` of `text`, if the code span there sits in one. */
function around(text: string, at: number, span: string): string {
  const open = text.lastIndexOf('(', at);
  const close = text.indexOf(')', at + span.length);
  return open >= 0 && close > at && !text.slice(open, at).includes(')') ? text.slice(open, close + 1) : '';
}

/** Whether a fence's info string names a programming language that is neither a shell nor one the scanner parses. */
function otherCodeLanguage(info: string): boolean {
  return OTHER_CODE_INFO.test(info.trim().split(/[\s{]/)[0]?.toLowerCase() ?? '');
}

const DATA_INFO: Record<string, Language> = { json: 'json', jsonc: 'json', yaml: 'yaml', yml: 'yaml', toml: 'toml', html: 'html', xml: 'html', svg: 'svg', yara: 'signature', yar: 'signature', sigma: 'signature', snort: 'signature', suricata: 'signature', semgrep: 'signature' };
/** Info strings of log search languages. */
const QUERY_INFO = /^(?:kql|kusto|spl|splunk|eql|esql|logql|lucene)$/;
/** A Sigma detection rule: top-level `logsource:` and `detection:` with a `condition:` inside. */
const SIGMA_RULE = /^logsource\s*:[\s\S]*^detection\s*:[\s\S]*^\s+condition\s*:|^detection\s*:[\s\S]*^\s+condition\s*:[\s\S]*^logsource\s*:/m;
/** Every line a query clause: a table name, a `| operator`, a `field op value` term, a boolean joiner. */
const QUERY_LINE = /^\s*(?:\||let\s|\/\/|[A-Za-z_]\w*\s*$|(?:index|sourcetype|source|host)\s*=|[()]\s*$|\(\s*[A-Za-z_][\w.]*\s*(?:=~|==|!=|=|has\w*|contains\w*|\||$)|(?:and|or|not)\b|[A-Za-z_][\w.]*\s*(?:=~|==|!=|=|has\w*|contains\w*|startswith|endswith|matches|in\b))/i;
/** A line that runs something whatever block it is in (quoted strings, the values a query matches, set aside): a command substitution, a pipe into a shell, a download. */
const RUNS_IN_QUERY = /\$\(|`|\|\s*(?:sudo\s+)?(?:ba|z|da)?sh\b(?!["'])|^\s*\(?\s*(?:curl|wget|iwr|irm|Invoke-WebRequest)\b|^\s*\w+=\$?\(/i;
/** A block of a log search language whose every line is a query clause: a search for commands, not commands. */
/** A Seatbelt (SBPL) sandbox profile: `(version 1)` first, then nothing but S-expressions and `;` comments. */
export function sandboxProfile(text: string): boolean {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return /^\s*\(version\s+1\)/.test(lines[0] ?? '') && lines.some((line) => /^\s*\((?:deny|allow)\s/.test(line)) && lines.every((line) => /^\s*[();]/.test(line) || /^\s+\S/.test(line) && !/[|&$`]/.test(line));
}

function queryBlock(info: string, text: string): boolean {
  // A macOS sandbox profile (`(version 1)`, `(deny file-read* (subpath …))`) is a policy: the paths it names are fenced off, not read.
  if (sandboxProfile(text)) return true;
  return QUERY_INFO.test(info.trim().split(/[\s{]/)[0]?.toLowerCase() ?? '') && text.split('\n').filter((line) => line.trim() !== '').every((line) => QUERY_LINE.test(line) && !RUNS_IN_QUERY.test(line.replace(/"[^"\n]*"|'[^'\n]*'/g, '""')));
}

/** Language of a code block from its info string. */
export function blockLanguage(info: string): Language {
  const word = info.trim().split(/[\s{]/)[0]?.toLowerCase() ?? '';
  if (PYTHON_INFO.test(word)) return 'python';
  if (JS_INFO.test(word)) return 'javascript';
  if (DATA_INFO[word]) return DATA_INFO[word];
  if (SHELL_INFO.test(word)) return 'shell';
  return 'text';
}

/** A line of a report: `Label: value`, a bare `Label:`, or a list entry that does not start with a command. */
const REPORT_LINE = /^\s*(?:[A-Z][\w ()/&.-]{0,40}:(?:\s|$)|[-*•]\s+(?!(?:sudo\s+)?(?:curl|wget|bash|sh|zsh|python\d?|node|perl|ruby|eval|iex|powershell|pwsh|source)\b)\S)/;

/** Lines of a log: syslog (`Jan 12 03:20:02 host …`), ISO 8601 or bracketed timestamps. */
const LOG_LINE = /^(?:[A-Z][a-z]{2}\s+\d{1,2}\s+\d\d:\d\d:\d\d\b|\[?\d{4}-\d\d-\d\d[T ]\d\d:\d\d|\[\d\d:\d\d:\d\d\])/;

/** Variables set for a command a pipe feeds (`| A=1 B="$(x)" sh`, `| env A=1 sh`): the command is what follows. */
const ASSIGNMENT_PREFIX = /((?<!\|)\|\s*)(?:env\s+(?:-\S+\s+)*)?(?:[A-Za-z_]\w*=(?:"(?:[^"\\]|\\.)*"|'[^']*'|\$\((?:[^()]|\([^()]*\))*\)|[^\s|;&'"]+)+\s+)+(?=[A-Za-z./$])/g;

/**
 * A shell statement as it runs: `\` line continuations joined and the variables set for each command of a
 * pipeline dropped, so `curl … \⏎ | TOKEN=x sh` reads as `curl … | sh`.
 */
export function plainCommand(text: string): string {
  const joined = text.includes('\\') ? text.replace(/\\\r?\n[ \t]*/g, ' ') : text;
  return joined.includes('|') && joined.includes('=') ? joined.replace(ASSIGNMENT_PREFIX, '$1') : joined;
}

/** Splits shell-like block text into command lines, joining `\` continuations and dropping prompts. */
/** A `#` line that reads as a remark (`# Force without prompt`, `# install deps`), not a root prompt before a command (`# history -c; rm -rf /var/log/*`). */
const PROSE_COMMENT = /^\s*#(?:\s*$|\s*[A-Z]|(?![^\n]*(?:\s-{1,2}[\w-]|[|>;=$`]|&&|\s\/|~\/|\.\/)))/;

/** A shell prompt before a command (`$ `, `# `, `> `, `PS C:\\> `). */
const PROMPT_SIGN = /^\s*(?:[$#>%]|PS [^>]*>|C:\\[^>]*>)\s+/;

export function commandLines(source: string, firstLine: number): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const lines = source.split('\n');
  // `# ` before a line is a root prompt only where every line has a prompt sign; beside plain commands
  // (`# Force without prompt` above `python run.py --force`) it starts a comment, which explains the code.
  const hashComments = lines.some((line) => line.trim() !== '' && !PROMPT_SIGN.test(line));
  for (let index = 0; index < lines.length; index += 1) {
    const start = index;
    let text = lines[index];
    if (hashComments && PROSE_COMMENT.test(text)) continue;
    while (/\\\s*$/.test(text) && index + 1 < lines.length) {
      index += 1;
      text = `${text.replace(/\\\s*$/, ' ')}${lines[index]}`;
    }
    // A URL written over several lines, one query parameter a line (`https://h/p` then `  ?a=1` then `  &b=2`, or
    // `https://h/p?` then `  a=1` then `  &b=2`): one URL.
    if (/\bhttps?:\/\/\S*$/.test(text)) {
      while (index + 1 < lines.length && (/^\s*[?&][\w.[\]-]+=/.test(lines[index + 1]!) || (/[?&]$/.test(text.trimEnd()) && /^\s*[\w.[\]-]+=\S/.test(lines[index + 1]!)))) {
        index += 1;
        text = `${text.trimEnd()}${lines[index]!.trim()}`;
      }
    }
    text = plainCommand(text.replace(PROMPT_SIGN, '').trim());
    // A log line (it starts with a timestamp) shows what happened; it is not a command to run.
    if (text && !LOG_LINE.test(text)) out.push({ text, line: firstLine + start });
  }
  return out;
}

const HTML_COMMENT = /<!--([\s\S]*?)(?:-->|$)/g;
/** Link reference definitions used as comments (`[//]: # (text)`): never rendered, still read by agents. */
const REFERENCE_COMMENT = /^ {0,3}\[[^\]\n]*\]:[ \t]*(?:#|<>|\S+)[ \t]+(?:\(([^\n]*)\)|"([^\n]*)"|'([^\n]*)')[ \t]*$/gm;
/** HTML elements hidden from the rendered page. */
const HIDDEN_ELEMENT = /<(\w+)[^>]*(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0|opacity\s*:\s*0(?:\.0*)?\s*[;"']|\shidden(?:\s|>|=))[^>]*>([\s\S]*?)<\/\1\s*>/gi;
/** A paragraph that speaks to the agent: instructions even inside reference documents. */
const ADDRESSES_AGENT = /\b(?:assistants?|agents?|AI|Claude|LLMs?|language models?|the model)\b[^.\n]{0,80}\b(?:must|should|shall|need to|are required to|have to|run|execute|perform|do|follow|fetch|send)\b|^\s*(?:Agents?|Assistants?|AI|Claude|Note for (?:AI|agents?|assistants?))\b/im;
/** Words that make a paragraph a description of something (often something not to do). */
const DESCRIPTIVE = /\b(?:attackers?|malware|malicious|adversar\w*|dangerous|detect\w*|such as|e\.g\.|for example|warning|example of|look(?:s|ing)? for|flag(?:s|ged)?)\b/i;
/** A negation right before inline code: "never set `x`", "do not run `y`". */
const NEGATED_BEFORE = /\b(?:never|don'?t|do not|avoid|must not|should not|not)\s+(?:[\w-]+\s+){0,3}$/i;
/** Text before a code block that presents it as an example of what not to do or what attacks look like. */
const BAD_EXAMPLE = /\b(?:attackers?|attacks?|malicious|malware|adversar\w*|dangerous|insecure|vulnerable|unsafe|anti-?patterns?|red flags?|(?:do not|don't|never) (?:run|use|copy|paste)|(?:sandbox|incident|malware|analysis) report|report excerpt|evidence\s+(?:lines?|excerpts?|snippets?)|droppers?|payloads?|iocs?|indicators?|report(?:ed)?\s+(?:it\s+|this\s+)?as\s+(?:critical|high|medium|low)(?:\s+severity)?|(?:observed|seen|captured|recorded|found)\s+(?:in|during|on)\s+(?:the\s+|an?\s+|this\s+)?(?:incident|attack|intrusion|breach|compromise|campaign|wild|sample|alert|logs?))\b/i;
/**
 * A last sentence that opens with an order and ends with a colon ("Install the nightly refresh job so the checks never run
 * against stale data:", "Then add this to your profile:", "Use this small helper instead; it …:", "… a notarized build; install it instead:"): what follows is what to do, whatever words of warning or
 * output the sentence holds.
 */
export const ORDERS_WHAT_FOLLOWS = /(?:^|[.!?]\s+|;\s+(?!use\b))(?:(?:first|then|next|now|finally)\s*,?\s+|(?:before|after|once|when|whenever|each\s+time|every\s+time)\s+[^,.!?:\n]{1,60},\s+)?(?:install|run|execute|add|append|schedule|set\s+up|enable|register|apply|paste|create|configure|start|launch|load|import|deploy|put|fetch|download|retrieve|pull|use\s+(?:this|these|the\s+following)\b)\b[^.!?:\n]*:\s*$/i;

/** Words that make a paragraph an instruction to run something rather than a description; a verb right before inline code ("set `…`", "add `…`") orders what the code says. */
const IMPERATIVE = /\b(?:run|execute|paste|enter|type|install|copy|launch|open (?:a |the )?terminal|in (?:a |your )?terminal|first|before (?:using|you|continuing|proceeding)|prerequisites?|required|must|setup|set up)\b|\b(?:set|add|put|write|insert|append|merge|enable)\s+(?=\u0000)/i;

function lineAt(text: string, index: number): number {
  let line = 0;
  for (let position = text.indexOf('\n'); position !== -1 && position < index; position = text.indexOf('\n', position + 1)) line += 1;
  return line;
}

/**
 * The code blocks of a skill's Markdown files that are shown to run, not quoted as examples, optionally of one language:
 * what a detector that reads programs reads in SKILL.md and the files it has the agent follow.
 */
export function runnableBlocks(segments: readonly Segment[], language?: Language): { file: string; firstLine: number; text: string }[] {
  return segments
    .filter((segment) => segment.scope === 'code' && (language === undefined || segment.language === language) && segment.mention !== true && !segment.decodedFrom && /\.(?:md|markdown|mdx)$/i.test(segment.file))
    .map((segment) => ({ file: segment.file, firstLine: segment.line, text: segment.text }));
}

/** Front matter (between `---` lines at the very top) and the body with the front matter blanked. */
export function splitFrontMatter(text: string): { frontMatter: string | undefined; body: string } {
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { frontMatter: undefined, body: text };
  const blanked = match[0].replace(/[^\n]/g, '');
  return { frontMatter: match[1], body: blanked + text.slice(match[0].length) };
}

/** A shell prompt opening a line of a console session (`$ make test`, `% brew list`, `PS C:\\src> Get-Item`). */
const PROMPT_LINE = /^\s*(?:\$|%|PS(?: [^>\n]{0,60})?>)\s+(?=\S)/;

/** A line that opens with a program or a path to one (`curl …`, `sudo bash`, `./install.sh`, `export X=…`): typed, not printed. */
const COMMAND_START = /^\s*(?:sudo\s+)?(?:curl|wget|bash|sh|zsh|fish|python\d?(?:\.\d+)?|node|deno|bun|perl|ruby|php|eval|exec|source|iex|irm|iwr|powershell|pwsh|chmod|chown|rm|cp|mv|cat|echo|printf|export|set|git|gh|npm|npx|pnpm|yarn|pip\d?|pipx|uv|brew|apt(?:-get)?|dnf|yum|docker|kubectl|ssh|scp|rsync|nc|ncat|base64|openssl|crontab|launchctl|systemctl|tee|xargs)(?=\s|$)|^\s*(?:sudo\s+)?(?:\.{1,2}\/|~\/|\/(?:usr|bin|tmp|etc|opt)\/)\S/;

/** A line that opens with a lower-case word and goes on with shell plumbing (`tar czf - ~/.ssh | base64 | curl …`): typed, whatever the program. */
const PIPELINE_LINE = /^\s*[a-z][\w.+-]*\s(?=[^\n]*(?:\s\|\s*[a-z]|&&|;\s*[a-z]|\s>>?\s*\S|\$\())/;

/**
 * A console session split into what was typed and what was printed, line for line: the commands with their prompts blanked
 * (and the lines a `\` continues), the output lines blank in the one and kept in the other.
 */
function consoleSession(content: string): { commands: string; output: string } {
  const commands: string[] = [];
  const output: string[] = [];
  let continued: boolean = false;
  for (const text of content.split('\n')) {
    const typed: boolean = continued || PROMPT_LINE.test(text);
    commands.push(typed ? text.replace(PROMPT_LINE, (prompt) => ' '.repeat(prompt.length)) : '');
    output.push(typed ? '' : text);
    continued = typed && /\\\s*$/.test(text);
  }
  return { commands: commands.join('\n'), output: output.join('\n') };
}

/** Segments and code blocks of one Markdown file. */
export function analyzeMarkdown(file: string, text: string, documentation = false): { segments: Segment[]; blocks: CodeBlock[] } {
  const segments: Segment[] = [];
  const blocks: CodeBlock[] = [];
  const { frontMatter, body } = splitFrontMatter(text);
  const inlineCommand = (command: string, line: number, unitSuffix: string) => {
    // Inline code that looks like a command line becomes a shell unit of its own (for data flow and dependencies).
    if (/\s/.test(command.trim()) && /^[\w./~$(-]/.test(command.trim())) {
      blocks.push({ unit: `${file}#L${line}${unitSuffix}`, language: 'shell', source: command, lineOffset: line - 1, explicitShell: false });
    }
  };
  if (frontMatter !== undefined) {
    // YAML quotes around a value are syntax, not a quotation: drop them so the value reads as the prose it is.
    const unquoted = frontMatter.replace(/^(\s*[\w-]+:\s*)(["'])(.*)\2\s*$/gm, '$1$3');
    segments.push({ file, line: 2, text: unquoted, scope: 'prose', language: 'markdown', unit: `${file}#front-matter` });
    // The description is read by the agent before anything else: inline code in it is a command like any other.
    unquoted.split('\n').forEach((text, index) => {
      for (const match of text.matchAll(/`([^`\n]+)`/g)) {
        segments.push({ file, line: 2 + index, text: match[1], scope: 'inline', language: 'markdown', unit: `${file}#front-matter` });
        inlineCommand(match[1], 2 + index, 'f');
      }
    });
  }
  const push = (scope: Segment['scope'], value: string, line: number, unit = file, language: Language = 'markdown', mention = documentation) => {
    if (value.trim()) segments.push({ file, line, text: value, scope, language, unit, ...(mention ? { mention: true } : {}) });
  };
  const hidden = (value: string, line: number) => {
    push('comment', value, line);
    for (const match of value.matchAll(/`([^`\n]+)`/g)) {
      push('command', match[1], line);
      inlineCommand(match[1], line, 'h');
    }
  };
  const comments = (html: string, line: number) => {
    for (const match of html.matchAll(HTML_COMMENT)) hidden(match[1], line + lineAt(html, match.index));
    for (const match of html.matchAll(HIDDEN_ELEMENT)) hidden(match[2].replace(/<[^>]+>/g, ' '), line + lineAt(html, match.index));
  };
  for (const match of body.matchAll(REFERENCE_COMMENT)) hidden(match[1] ?? match[2] ?? match[3] ?? '', 1 + lineAt(body, match.index));
  const tokens = markdown.parse(body, {});
  // Table cells and some inline tokens carry no line map: they sit on the last line seen.
  let lastLine = 1;
  let previousType = '';
  // The last prose (paragraph or heading) before the current token: the context a code block is shown in.
  let lastProse = '';
  for (const token of tokens) {
    const openerType = previousType;
    previousType = token.type;
    if (token.map) lastLine = token.map[0] + 1;
    const line = lastLine;
    if (token.type === 'inline') {
      lastProse = token.content;
      // In reference documents, a paragraph that speaks to the agent is an instruction all the same.
      const instructs = !documentation || ADDRESSES_AGENT.test(token.content);
      push('prose', token.content, line, file, 'markdown', !instructs);
      // A paragraph that is nothing but inline code shows a command, like a code block does.
      const onlyCode = openerType === 'paragraph_open' && /^`[^`]+`$/.test(token.content.trim());
      // The order is in the words around the code: `pip install --trusted-host` named in a list of problems orders nothing.
      const imperative = onlyCode || (IMPERATIVE.test(token.content.replace(/`[^`\n]*`/g, ' \u0000 ')) && !DESCRIPTIVE.test(token.content));
      for (const child of token.children ?? []) {
        if (child.type === 'code_inline') {
          const at = token.content.indexOf(`\`${child.content}\``);
          const negated = at > 0 && NEGATED_BEFORE.test(token.content.slice(Math.max(0, at - 60), at));
          // A code span in a parenthesised list of them ("(`curl`, `wget`, `base64 -d | sh`)") names examples.
          const listed = EXAMPLE_SPANS.test(around(token.content, at, child.content));
          const runs = instructs && imperative && !negated && !listed;
          push('inline', child.content, line, file, 'markdown', !runs);
          if (runs) inlineCommand(child.content, line, 'i');
        }
        else if (child.type === 'link_open') push('link', String(child.attrGet('href') ?? ''), line);
        else if (child.type === 'image') {
          push('link', String(child.attrGet('src') ?? ''), line);
          // Alt text is not shown where the image loads, yet the agent reads it: hidden text.
          push('comment', child.content, line);
          if (child.attrGet('title')) push('comment', String(child.attrGet('title')), line);
        }
        else if (child.type === 'html_inline') {
          comments(child.content, line);
          push('prose', child.content, line);
        }
      }
    } else if (token.type === 'fence' || token.type === 'code_block') {
      const declared = token.type === 'fence' ? blockLanguage(token.info) : 'shell';
      // A Sigma rule in a ```yaml block is a detection, not settings to apply.
      const language = (declared === 'yaml' && SIGMA_RULE.test(token.content)) || (token.type === 'fence' && queryBlock(token.info, token.content)) ? 'signature' : declared;
      const firstLine = token.type === 'fence' ? line + 1 : line;
      const unit = `${file}#L${firstLine}`;
      // A block introduced as a bad example ("attackers run:", "never run this:") is shown, not run.
      // A block that is mostly log lines shows output, not commands.
      const lines = token.content.split('\n').filter((text) => text.trim() !== '');
      const logOutput = lines.length > 0 && lines.filter((text) => LOG_LINE.test(text.trim())).length * 2 > lines.length;
      // A block with no language whose every line is a label and value or a list entry (a report or verdict template) shows output.
      const reportOutput = token.type === 'fence' && token.info.trim() === '' && lines.length >= 3 && lines.every((text) => REPORT_LINE.test(text));
      // Detection rules (YARA, Sigma, Snort) quote what they match: their strings are data, not acts.
      const example = documentation || logOutput || reportOutput || (BAD_EXAMPLE.test(lastProse) && !ORDERS_WHAT_FOLLOWS.test(lastProse)) || language === 'signature';
      // A console session (`$ python3 scripts/scan.py ./pkg` and then what it printed): the lines after a prompt are the
      // commands, the others output shown (a scanner's report quoting `curl … | bash` prints it, nothing runs it).
      // A line that reads as a command of its own (`curl … | bash` under `$ echo start`) is no output: such a block runs whole.
      const session = (language === 'shell' || language === 'text') && lines.some((text) => PROMPT_LINE.test(text)) && lines.some((text) => !PROMPT_LINE.test(text) && !/^\s*#/.test(text)) && !lines.some((text) => !PROMPT_LINE.test(text) && (COMMAND_START.test(text) || PIPELINE_LINE.test(text)));
      const { commands: content, output } = session ? consoleSession(token.content) : { commands: token.content, output: '' };
      push('code', content, firstLine, unit, language, example);
      push('code', output, firstLine, unit, language, true);
      // A ```swift or ```sql block is code in its own language, not a shell script to parse: its comment lines
      // (`// Check status without prompting`) explain the code beside them; its other lines are still read as
      // commands, so a shell line dressed in another fence runs as what it is.
      const otherCode = token.type === 'fence' && otherCodeLanguage(token.info);
      if (language === 'shell' || language === 'text') {
        for (const command of commandLines(content, firstLine)) {
          if (otherCode && CODE_COMMENT_LINE.test(command.text)) continue;
          // A trailing `// …` comment of such code explains the line (`var notes: String? // can omit from summary`).
          push('command', otherCode ? command.text.replace(/\s\/\/\s.*$/, '') : command.text, command.line, unit, 'shell', example);
        }
      }
      if (!example && !otherCode) blocks.push({ unit, language: language === 'text' ? 'shell' : language, source: content, lineOffset: firstLine - 1, explicitShell: token.type === 'fence' && /^(?:bash|sh|shell|zsh|console|terminal|shell-session|shellsession|sh-session)$/i.test(token.info.trim().split(/\s/)[0] ?? '') });
    } else if (token.type === 'html_block') {
      comments(token.content, line);
      push('prose', token.content.replace(HTML_COMMENT, ' '), line);
    }
  }
  return { segments, blocks };
}

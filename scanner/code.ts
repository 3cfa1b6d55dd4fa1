/**
 * Real parsing of Python, JavaScript/TypeScript and shell with tree-sitter (the shipped `.wasm`
 * grammars, loaded once per process). Each code unit yields its folded string literals, calls,
 * shell commands, environment reads, imports and comments, so rules see what the code means rather
 * than how it is spelled: `"ht" + "tp://" + host` is read as the URL it builds.
 */
import { createRequire } from 'node:module';
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { Language as TreeSitterLanguage, Parser, type Node } from 'web-tree-sitter';
import { SECRET_ENV_NAME, SENSITIVE_FILE } from '../core/index.ts';
import type { CodeFacts } from './model.ts';
import type { Language } from './rule-schema.ts';
import { mayBeRawDeflate } from './decode.ts';
import { escapeRegExp } from './knowledge.ts';
import { plainCommand } from './markdown.ts';

type CodeLanguage = 'python' | 'javascript' | 'shell';

let parsersPromise: Promise<Record<CodeLanguage, Parser>> | undefined;

/** A parser for the grammar a package ships as `.wasm` (after `Parser.init()`). */
async function grammarParser(module: string): Promise<Parser> {
  const parser = new Parser();
  parser.setLanguage(await TreeSitterLanguage.load(createRequire(import.meta.url).resolve(module)));
  return parser;
}

/** Loads the three grammars once per process; later calls reuse the same parsers. */
export function loadParsers(): Promise<Record<CodeLanguage, Parser>> {
  parsersPromise ??= (async () => {
    await Parser.init();
    const [python, javascript, shell] = await Promise.all([
      grammarParser('tree-sitter-python/tree-sitter-python.wasm'),
      grammarParser('tree-sitter-javascript/tree-sitter-javascript.wasm'),
      grammarParser('tree-sitter-bash/tree-sitter-bash.wasm'),
    ]);
    return { python, javascript, shell };
  })();
  return parsersPromise;
}

let typeScriptPromise: Promise<{ typescript: Parser; tsx: Parser }> | undefined;

/**
 * The TypeScript and TSX grammars, loaded the first time TypeScript is read: the JavaScript grammar stops at the
 * first type annotation (`function npm(args: string[]): string {`) and loses the calls after it.
 */
function loadTypeScriptParsers(): Promise<{ typescript: Parser; tsx: Parser }> {
  typeScriptPromise ??= (async () => {
    await loadParsers();
    const [typescript, tsx] = await Promise.all([grammarParser('tree-sitter-typescript/tree-sitter-typescript.wasm'), grammarParser('tree-sitter-typescript/tree-sitter-tsx.wasm')]);
    return { typescript, tsx };
  })();
  return typeScriptPromise;
}

/** Files in TypeScript, by extension; other JavaScript the JavaScript grammar cannot read is tried as TypeScript ({@link TYPESCRIPT_SHAPE}). */

/** Assignment targets that are a field of an object: Python's `x["k"]` and `x.k`, JavaScript's `x["k"]` and `x.k`. */
const FIELD_TARGETS = new Set(['subscript', 'attribute', 'subscript_expression', 'member_expression']);

/**
 * A pattern for reading a field again, as a name in `secretNames` is read (between `\b`s): `["_key"]` or `['_key']` for a
 * string key, whatever object holds it; `self.token` or `this.token` for an attribute of the object's own, `cfg.token` of that
 * name's. Undefined otherwise.
 */
function fieldPattern(target: Node): string | undefined {
  const key = target.childForFieldName('subscript') ?? target.childForFieldName('index');
  if (key !== null) {
    const literal = /^(?:["'`])([A-Za-z_][\w-]*)["'`]$/.exec(key.text)?.[1];
    return literal === undefined ? undefined : keyPattern(literal);
  }
  // An attribute only of the object's own fields (`self.token`, `this.key`): `obj.key` elsewhere is some other object's.
  const attribute = (target.childForFieldName('attribute') ?? target.childForFieldName('property'))?.text;
  const owner = target.childForFieldName('object')?.text;
  return attribute !== undefined && owner !== undefined ? attributePattern(owner, attribute) : undefined;
}

/** Whether a name of `secretNames` is a field's pattern ({@link keyPattern}, {@link attributePattern}) rather than an identifier. */
function isFieldPattern(known: string): boolean {
  return known.startsWith('(?<=');
}

/** A pattern for a string key read again through any object (`cfg["_key"]`, `t['_key']`). */
function keyPattern(key: string): string {
  return `(?<=\\[\\s*["'\x60])${key}(?=["'\x60]\\s*\\])`;
}

/** A pattern for an attribute read again: `self.x`/`this.x` through the object's own name, `cfg.x` through `cfg` alone. */
function attributePattern(owner: string, attribute: string): string | undefined {
  if (!/^[A-Za-z_]\w*$/.test(attribute) || !/^[A-Za-z_$][\w$]*$/.test(owner)) return undefined;
  return `(?<=\\b${owner === 'self' || owner === 'this' || owner === 'cls' ? '(?:self|this|cls)' : owner.replace(/\$/g, '\\$')}\\.)${attribute}(?![\\w(])`;
}

/** Secret reads of the environment in a text: the variables named. */
function secretReadsIn(text: string): string[] {
  return [...text.matchAll(new RegExp(SECRET_ENV_READ.source, 'g'))].map((match) => (match[1] ?? match[2] ?? match[3])!).filter((variable) => SECRET_ENV_NAME.test(variable));
}

/**
 * Fields a call stores a secret into, as {@link fieldPattern} reads them: `setattr(self, "cred", os.environ[…])`,
 * `cfg.update(cred=os.environ[…])` or `cfg.update({"cred": …})`, `Object.assign(this, { cred: process.env.X })`.
 */
function storedFields(call: Node): [string, string][] {
  const callee = (call.childForFieldName('function')?.text ?? '').replace(/\s+/g, '');
  const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((node): node is Node => node !== null);
  const out: [string, string][] = [];
  const keyed = (key: string, value: string, owner?: string) => {
    const variable = secretReadsIn(value)[0];
    if (variable === undefined || !/^[A-Za-z_][\w-]*$/.test(key)) return;
    out.push([keyPattern(key), variable]);
    const attribute = owner === undefined ? undefined : attributePattern(owner, key);
    if (attribute !== undefined) out.push([attribute, variable]);
  };
  if (callee === 'setattr' && args.length === 3) {
    const key = /^["']([A-Za-z_]\w*)["']$/.exec(args[1]!.text)?.[1];
    const pattern = key === undefined ? undefined : attributePattern(args[0]!.text, key);
    const variable = secretReadsIn(args[2]!.text)[0];
    if (pattern !== undefined && variable !== undefined) out.push([pattern, variable]);
  } else if (/\.update$/.test(callee) || callee === 'Object.assign') {
    const owner = callee === 'Object.assign' ? args[0]?.text : callee.slice(0, -'.update'.length);
    for (const arg of callee === 'Object.assign' ? args.slice(1) : args) {
      if (arg.type === 'keyword_argument') keyed(arg.childForFieldName('name')?.text ?? '', arg.childForFieldName('value')?.text ?? '', owner);
      for (const pair of arg.type === 'dictionary' || arg.type === 'object' ? arg.namedChildren : []) {
        if (pair?.type !== 'pair') continue;
        const key = (pair.childForFieldName('key')?.text ?? '').replace(/^["'`]|["'`]$/g, '');
        keyed(key, pair.childForFieldName('value')?.text ?? '', owner);
      }
    }
  }
  return out;
}

const TYPESCRIPT_FILE = /\.(?:ts|mts|cts)$/i;
const TSX_FILE = /\.tsx$/i;
/** Text that looks like TypeScript: a type annotation, an interface, a type alias, an `as` cast. */
const TYPESCRIPT_SHAPE = /:\s*[A-Za-z_$][\w$.<>[\]|, ]*\s*[,)=;{]|\binterface\s+\w|\btype\s+\w+\s*=|\bas\s+(?:const|any|string|number|unknown)\b/;

/** Whether a language has a parser. */
export function isCodeLanguage(language: Language): language is CodeLanguage {
  return language === 'python' || language === 'javascript' || language === 'shell';
}

/** Names a shell script may read without it meaning anything about secrets or capabilities. */
const SHELL_BUILTIN_VARIABLES = new Set([
  'HOME', 'PATH', 'PWD', 'OLDPWD', 'USER', 'LOGNAME', 'SHELL', 'TERM', 'LANG', 'LC_ALL', 'TMPDIR', 'IFS', 'RANDOM',
  'LINENO', 'SECONDS', 'BASH_SOURCE', 'BASH_VERSION', 'BASH_REMATCH', 'FUNCNAME', 'PPID', 'UID', 'EUID', 'HOSTNAME',
  'OSTYPE', 'PIPESTATUS', 'OPTARG', 'OPTIND', 'REPLY', 'COLUMNS', 'LINES', 'EDITOR', 'PAGER', 'SHLVL', 'HOSTTYPE', 'MACHTYPE',
  'EPOCHSECONDS', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_RUNTIME_DIR', 'DISPLAY', 'SUDO_USER',
]);

/** Calls that run a command line, per language. */
const PYTHON_EXEC_CALLS = /^(?:subprocess\.(?:run|call|Popen|check_output|check_call|getoutput|getstatusoutput)|os\.(?:system|popen|exec\w*|spawn\w*)|commands\.getoutput|pty\.spawn|sh\.\w+|asyncio\.create_subprocess_(?:exec|shell))$/;
const JS_EXEC_CALLS = /(?:^|\.)(?:exec|execSync|execFile|execFileSync|spawn|spawnSync|fork|doShellScript|\$)$/;

/** A Python string literal's value (escapes resolved where they matter for hiding text). */
function unescape(text: string): string {
  return text.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|u\{[0-9a-fA-F]+\}|[0-7]{1,3}|[nrt'"\\])/g, (_whole, escape: string) => {
    const kind = escape[0];
    if (kind === 'x' || kind === 'u' || kind === 'U') {
      const hex = escape.slice(1).replace(/[{}]/g, '');
      const code = Number.parseInt(hex, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : escape;
    }
    if (/[0-7]/.test(kind)) return String.fromCharCode(Number.parseInt(escape, 8));
    return kind === 'n' ? '\n' : kind === 'r' ? '\r' : kind === 't' ? '\t' : kind;
  });
}

/**
 * What shell `printf FORMAT ARG…` prints when every part is constant: `%s`, `%b`, `%c`, `%d` and `%%`, the
 * format reused while arguments remain, as the shell does (`printf '%s' c u r l` spells `curl`).
 * Undefined for conversions it does not know.
 */
function printfShell(format: string, args: readonly string[]): string | undefined {
  const conversions = [...format.matchAll(/%(?:%|[-+ 0#]*\d*(?:\.\d+)?([a-zA-Z]))/g)];
  if (conversions.some((match) => match[1] !== undefined && !/^[sbcd]$/.test(match[1]))) return undefined;
  const consuming = conversions.filter((match) => match[1] !== undefined).length;
  let out = '';
  let next = 0;
  do {
    out += format.replace(/%(?:%|[-+ 0#]*\d*(?:\.\d+)?([a-zA-Z]))/g, (_whole, conversion: string | undefined) => {
      if (conversion === undefined) return '%';
      const arg = args[next] ?? '';
      next += 1;
      return conversion === 'c' ? arg.slice(0, 1) : conversion === 'd' ? String(Number.parseInt(arg, 10) || 0) : arg;
    });
  } while (consuming > 0 && next < args.length && out.length < 4096);
  return unescape(out);
}

/** Calls that write the file named by their first argument. */
const WRITE_CALL = /^(?:fs\.)?(?:writeFileSync|appendFileSync|writeFile|appendFile|createWriteStream|copyFileSync|copyFile)$|^fs\.promises\.(?:writeFile|appendFile)$|^shutil\.copy(?:file|2)?$/;

/**
 * The path a call writes, when it is known: `open(path, "a")`, `Path(…).open("w")`, `p.write_text(…)`,
 * `fs.appendFileSync(path, …)`, `shutil.copy(src, dst)` (the destination). Paths are folded, with the home
 * folder read as `~`.
 */
function writtenPath(node: Node, callee: string, folder: Folder): string | undefined {
  const args = node.childForFieldName('arguments')?.namedChildren.filter((child): child is Node => child !== null) ?? [];
  const mode = (index: number) => (args[index] ? folder.value(args[index]) : undefined) ?? args.find((arg) => arg.type === 'keyword_argument' && arg.childForFieldName('name')?.text === 'mode')?.childForFieldName('value')?.text.replace(/["']/g, '');
  if ((callee === 'open' || callee === 'io.open') && args[0] && /[wax+]/.test(mode(1) ?? '')) return folder.value(args[0]);
  const method = /^([A-Za-z_]\w*)\.(open|write_text|write_bytes)$/.exec(callee);
  if (method) {
    const path = folder.constants.get(method[1]);
    if (path !== undefined && (method[2] !== 'open' || /[wax+]/.test(mode(0) ?? ''))) return path;
  }
  if (WRITE_CALL.test(callee)) {
    const target = callee.startsWith('shutil.') ? args[1] : args[0];
    return target ? folder.value(target) : undefined;
  }
  return undefined;
}

/** Node calls that start a process and take an `env` option: spawn, exec, execFile, fork, execa and their sync forms. */
const PROCESS_OPTIONS_CALL = /(?:^|\.)(?:spawn|spawnSync|exec|execSync|execFile|execFileSync|fork|execa|execaSync|execaCommand)$/;

/** Node types each narrow pass of {@link analyzeCode} looks at. */
/** A value written out: a string, a number, a boolean or nothing (`"slack"`, `0`, `None`, `null`, `''`). */
const LITERAL_VALUE = /^(?:"[^"\\\n]*"|'[^'\\\n]*'|-?\d+(?:\.\d+)?|None|True|False|null|undefined|true|false)?;?$/;

const FUNCTION_NODES: ReadonlySet<string> = new Set(['function_definition', 'function_declaration', 'method_definition']);
const CALL_NODES: ReadonlySet<string> = new Set(['call_expression']);
/** Calls in any language family (`call` in Python, `call_expression` in JavaScript). */
const CALL_SITE_NODES: ReadonlySet<string> = new Set(['call', 'call_expression']);
const ASSIGNMENT_EXPRESSIONS: ReadonlySet<string> = new Set(['augmented_assignment_expression', 'assignment_expression']);
const BINDING_NODES: ReadonlySet<string> = new Set(['assignment', 'variable_declarator', 'assignment_expression', 'variable_assignment', 'for_statement', 'for_in_statement', 'as_pattern']);
/** The first pass's nodes: bindings, and calls that store into a field (`setattr`, `dict.update`, `Object.assign`). */
const FIRST_PASS_NODES: ReadonlySet<string> = new Set([...BINDING_NODES, ...CALL_SITE_NODES]);

/** Node types the main pass of {@link analyzeCode} reads, per language family. */
const FACT_NODES: ReadonlySet<string> = new Set([
  'comment', 'string', 'template_string', 'concatenated_string', 'binary_operator', 'binary_expression', 'regex',
  'call', 'call_expression', 'new_expression', 'subscript', 'subscript_expression', 'member_expression', 'import_statement', 'import_from_statement',
]);
const SHELL_FACT_NODES: ReadonlySet<string> = new Set(['comment', 'command', 'file_redirect', 'pipeline', 'list', 'redirected_statement', 'negated_command', 'subshell', 'variable_assignment', 'string', 'raw_string', 'concatenation', 'word', 'simple_expansion', 'expansion']);

/** Every node type some pass reads, for shell and for the other languages. */
const PASS_NODES = [...FUNCTION_NODES, ...CALL_SITE_NODES, ...ASSIGNMENT_EXPRESSIONS, ...BINDING_NODES];
const WANTED = [...new Set([...PASS_NODES, ...FACT_NODES])];
const SHELL_WANTED = [...new Set([...PASS_NODES, ...SHELL_FACT_NODES])];

/** The nodes one unit's passes read, fetched once, in source order, with their types. */
interface NodeList {
  nodes: Node[];
  types: string[];
}

/**
 * Every node of the types any pass of {@link analyzeCode} reads, depth first in source order. The tree
 * is walked once inside the parser's WebAssembly (no recursion, so hostile nesting is safe) and a Node
 * object is built only for a match: stepping a cursor from JavaScript costs a boundary crossing per node,
 * which made walking dearer than parsing.
 */
function nodesOf(root: Node, language: CodeLanguage): NodeList {
  const nodes = root.descendantsOfType(language === 'shell' ? SHELL_WANTED : WANTED).filter((node): node is Node => node !== null);
  return { nodes, types: nodes.map((node) => node.type) };
}

/** Parents looked up in the current unit: tree-sitter finds a node's parent by walking down from the root, so each is asked once. */
let parents = new Map<number, Node | null>();

/** The parent of a node of the unit being analysed. */
function parentOf(node: Node): Node | null {
  let parent = parents.get(node.id);
  if (parent === undefined) {
    parent = node.parent;
    parents.set(node.id, parent);
  }
  return parent;
}

/** Visits the nodes of the `only` types, in source order; `within` keeps those inside one node. */
function walk(list: NodeList, visit: (node: Node) => void, only: ReadonlySet<string>, within?: Node): void {
  list.nodes.forEach((node, index) => {
    if (!only.has(list.types[index])) return;
    if (within && (node.startIndex < within.startIndex || node.endIndex > within.endIndex)) return;
    visit(node);
  });
}

/** Folds constant expressions of a unit: string literals, concatenation, known names, char codes. */
/** Python expressions that stand for the user's home folder in a pathlib join. */
const HOME_PATH_CALL = /^(?:(?:pathlib\.)?Path\.home\(\)|(?:pathlib\.)?Path\(\s*(?:os\.path\.expanduser\(\s*)?['"]~\/?['"]\s*\)?\s*\)(?:\.expanduser\(\))?|os\.path\.expanduser\(\s*['"]~\/?['"]\s*\)|os\.environ\[['"]HOME['"]\]|os\.getenv\(\s*['"]HOME['"]\s*\))$/;

/** Expressions for the home folder inside a path join (Python and Node). */
const JOIN_HOME = /^(?:(?:pathlib\.)?Path\.home\(\)|os\.path\.expanduser\(['"]~\/?['"]\)|os\.homedir\(\)|homedir\(\)|process\.env\.HOME|os\.environ\[['"]HOME['"]\]|os\.getenv\(['"]HOME['"]\)|os\.environ\.get\(['"]HOME['"]\))$/;

/** Largest text a compressed constant is read to: configuration blobs are small, bombs are not worth reading. */
const MAX_INFLATED = 256 * 1024;

/** Compressed bytes (raw deflate, zlib, gzip or brotli) as text, or undefined when they do not inflate. */
function inflatedText(bytes: Buffer, brotli: boolean): string | undefined {
  for (const inflate of brotli ? [brotliDecompressSync] : [inflateRawSync, inflateSync, gunzipSync]) {
    if (inflate === inflateRawSync && !mayBeRawDeflate(bytes)) continue;
    try {
      const text = inflate(bytes, { maxOutputLength: MAX_INFLATED }).toString('utf8');
      // Random bytes that happen to inflate are not text anyone wrote.
      return (text.match(/[\x20-\x7e\t\r\n]/g)?.length ?? 0) >= text.length * 0.9 ? text : undefined;
    } catch {
      // Not this format (or larger than the limit): try the next.
    }
  }
  return undefined;
}

class Folder {
  readonly constants = new Map<string, string>();
  /** Names bound to arrays of constant strings (fragments joined later). */
  readonly arrays = new Map<string, string[]>();
  /**
   * Small helpers whose whole body returns one expression of their parameters (`def _r(s): return s[::-1]`,
   * `function j(...p) { return p.join('') }`, `const rev = (s) => s.split('').reverse().join('')`): a call
   * with constant arguments folds like the expression it stands for, so text split over such helpers reads whole.
   */
  readonly helpers = new Map<string, { params: string[]; rest?: string; body: Node }>();
  readonly language: CodeLanguage;
  constructor(language: CodeLanguage) {
    this.language = language;
  }

  /** The text of an expression with unknown parts left as `{…}`: shows which parts of a command line are fixed. */
  shape(node: Node): string {
    const value = this.value(node);
    if (value !== undefined) return value;
    if (node.type === 'binary_operator' || node.type === 'binary_expression') {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      return `${left ? this.shape(left) : '{…}'}${right ? this.shape(right) : '{…}'}`;
    }
    return '{…}';
  }

  /** The value of an expression when it is a constant string, else undefined. */
  value(node: Node | null, depth = 0): string | undefined {
    if (!node || depth > 40) return undefined;
    switch (node.type) {
      case 'command_substitution': {
        // $(printf '\x63\x75\x72\x6c') and $(echo -e '…') spell words without writing them.
        const inner = node.namedChild(0);
        const name = inner?.type === 'command' ? inner.childForFieldName('name')?.text : undefined;
        if (inner && (name === 'printf' || name === 'echo')) {
          const args = inner.childrenForFieldName('argument').filter((n): n is Node => n !== null && !/^-[neE]+$/.test(n.text));
          const values = args.map((arg) => this.value(arg, depth + 1));
          if (values.length === 0 || values.some((value) => value === undefined)) return undefined;
          const [first, ...rest] = values as string[];
          if (name === 'echo') return unescape(values.join(' '));
          return rest.length === 0 ? unescape(first) : printfShell(first, rest);
        }
        return undefined;
      }
      case 'ansi_c_string':
      case 'string':
      case 'template_string':
      case 'raw_string':
      case 'string_content':
      case 'word':
      case 'concatenation':
      case 'number':
      case 'integer':
        return this.literal(node, depth);
      case 'identifier':
      case 'variable_name':
        return this.constants.get(node.text);
      case 'simple_expansion':
      case 'expansion': {
        const name = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(node.text)?.[1];
        return name === undefined ? undefined : this.constants.get(name);
      }
      case 'parenthesized_expression':
        return this.value(node.namedChild(0), depth + 1);
      case 'subscript': {
        // Python `text[::-1]`: reversed strings hide commands from readers.
        const slice = node.childForFieldName('subscript');
        if (slice?.type === 'slice' && slice.text.replace(/\s+/g, '') === '::-1') {
          const inner = this.value(node.childForFieldName('value'), depth + 1);
          return inner === undefined ? undefined : [...inner].reverse().join('');
        }
        return undefined;
      }
      case 'binary_operator':
      case 'binary_expression': {
        const operator = node.childForFieldName('operator')?.text ?? node.child(1)?.text;
        if (operator === '/' && this.language === 'python') {
          // pathlib: `Path.home() / '.aws' / 'credentials'` names ~/.aws/credentials.
          const leftNode = node.childForFieldName('left');
          const right = this.value(node.childForFieldName('right'), depth + 1);
          const left = leftNode && HOME_PATH_CALL.test(leftNode.text) ? '~' : this.value(leftNode, depth + 1);
          return left !== undefined && right !== undefined ? `${left.replace(/\/+$/, '')}/${right.replace(/^\/+/, '')}` : undefined;
        }
        if (operator !== '+') return undefined;
        const left = this.value(node.childForFieldName('left'), depth + 1);
        const right = this.value(node.childForFieldName('right'), depth + 1);
        return left !== undefined && right !== undefined ? left + right : undefined;
      }
      case 'call':
      case 'call_expression':
        return this.callValue(node, depth);
      default:
        return undefined;
    }
  }

  private literal(node: Node, depth: number): string | undefined {
    if (node.type === 'number' || node.type === 'integer') return node.text;
    if (this.language === 'shell') {
      if (node.type === 'raw_string') return node.text.slice(1, -1);
      if (node.type === 'ansi_c_string') return unescape(node.text.slice(2, -1));
      if (node.type === 'word') return node.text.replace(/\\(.)/g, '$1');
      let out = '';
      for (const child of node.namedChildren) {
        if (!child) continue;
        if (child.type === 'string_content') out += child.text;
        else if (child.type === 'simple_expansion' || child.type === 'expansion') out += this.value(child, depth + 1) ?? child.text;
        else if (node.type === 'concatenation') out += this.value(child, depth + 1) ?? child.text;
        else out += child.text;
      }
      if (node.type === 'string' && node.namedChildCount === 0) return node.text.slice(1, -1);
      return out;
    }
    if (node.type === 'string_content') return unescape(node.text);
    let out = '';
    let sawContent = false;
    for (const child of node.children) {
      if (!child) continue;
      if (child.type === 'string_content' || child.type === 'string_fragment') {
        out += unescape(child.text);
        sawContent = true;
      } else if (child.type === 'escape_sequence') {
        out += unescape(child.text);
        sawContent = true;
      } else if (child.type === 'interpolation' || child.type === 'template_substitution') {
        const inner = child.namedChildren.find((n) => n !== null && n.type !== 'format_specifier' && n.type !== 'type_conversion') ?? null;
        out += this.value(inner, depth + 1) ?? `{${inner?.text ?? ''}}`;
        sawContent = true;
      }
    }
    if (!sawContent) {
      // A literal with no content children: '' or a prefix-only form; read between the quotes.
      const match = /^[a-zA-Z]*(['"`]{1,3})([\s\S]*)\1$/.exec(node.text);
      return match ? unescape(match[2]) : '';
    }
    return out;
  }

  /** The value of a call of a helper the unit defines (see {@link helpers}), its parameters bound to the constant arguments. */
  private helperValue(helper: { params: string[]; rest?: string; body: Node }, argNodes: Node[], depth: number): string | undefined {
    if (argNodes.some((n) => /^(?:keyword_argument|list_splat|dictionary_splat|spread_element)$/.test(n.type))) return undefined;
    const values = argNodes.map((n) => this.value(n, depth + 1));
    if (values.some((value) => value === undefined) || (helper.rest === undefined && values.length > helper.params.length)) return undefined;
    const savedConstants = new Map<string, string | undefined>();
    for (const name of [...helper.params, ...(helper.rest ? [helper.rest] : [])]) savedConstants.set(name, this.constants.get(name));
    const savedArray = helper.rest ? this.arrays.get(helper.rest) : undefined;
    helper.params.forEach((name, index) => (index < values.length ? this.constants.set(name, values[index]!) : this.constants.delete(name)));
    if (helper.rest) {
      this.constants.delete(helper.rest);
      this.arrays.set(helper.rest, values.slice(helper.params.length) as string[]);
    }
    try {
      return this.value(helper.body, depth + 1);
    } finally {
      for (const [name, value] of savedConstants) if (value === undefined) this.constants.delete(name);
      else this.constants.set(name, value);
      if (helper.rest) {
        if (savedArray === undefined) this.arrays.delete(helper.rest);
        else this.arrays.set(helper.rest, savedArray);
      }
    }
  }

  /** Registers `node` (a function definition or an arrow function bound to `name`) as a helper when its body is one returned expression. */
  addHelper(node: Node, name: string | undefined): void {
    if (!name) return;
    const parameters = node.childForFieldName('parameters') ?? node.childForFieldName('parameter');
    let body = node.childForFieldName('body');
    if (!parameters || !body) return;
    if (body.type === 'block' || body.type === 'statement_block') {
      const statements = body.namedChildren.filter((n): n is Node => n !== null && n.type !== 'comment');
      // A docstring before the return is allowed.
      const rest = statements.length === 2 && statements[0].type === 'expression_statement' && statements[0].namedChild(0)?.type === 'string' ? statements.slice(1) : statements;
      if (rest.length !== 1 || rest[0].type !== 'return_statement') return;
      body = rest[0].namedChild(0);
      if (!body) return;
    }
    const params: string[] = [];
    let restName: string | undefined;
    const list = parameters.type === 'identifier' ? [parameters] : parameters.namedChildren.filter((n): n is Node => n !== null);
    for (const listed of list) {
      // A type annotation (`*xs: int`, `...parts: string[]`) leaves the parameter what it is.
      const inner = listed.type === 'typed_parameter' || (listed.type === 'required_parameter' && listed.namedChild(0)?.type === 'rest_pattern') ? listed.namedChild(0) : null;
      const parameter = inner ?? listed;
      if (parameter.type === 'identifier') params.push(parameter.text);
      else if ((parameter.type === 'list_splat_pattern' || parameter.type === 'rest_pattern') && !restName) restName = parameter.namedChild(0)?.text;
      else if (parameter.type === 'required_parameter' && parameter.namedChild(0)?.type === 'identifier') params.push(parameter.namedChild(0)!.text);
      else return;
    }
    this.helpers.set(name, { params, ...(restName ? { rest: restName } : {}), body });
  }

  private callValue(node: Node, depth: number): string | undefined {
    const callee = (node.childForFieldName('function')?.text ?? '').replace(/\s+/g, '');
    const args = node.childForFieldName('arguments');
    const argNodes = args ? args.namedChildren.filter((n): n is Node => n !== null) : [];
    const helper = this.helpers.get(callee);
    if (helper) return this.helperValue(helper, argNodes, depth);
    const codes = (nodes: Node[]) => {
      const values = nodes.map((n) => Number(this.value(n, depth + 1) ?? n.text));
      return values.every((v) => Number.isInteger(v) && v >= 0 && v <= 0x10ffff) ? String.fromCodePoint(...values) : undefined;
    };
    if (callee === 'chr' || callee === 'String.fromCharCode' || callee === 'String.fromCodePoint') return codes(argNodes);
    // Path joins (`os.path.join(os.path.expanduser('~'), '.aws', 'credentials')`, `path.join(os.homedir(), '.ssh')`,
    // `Path.home().joinpath('.ssh', 'id_rsa')`) name the joined path; the home folder reads as `~`.
    if (/^(?:os\.path\.join|path\.join|path\.resolve|posixpath\.join)$/.test(callee) || (callee === 'join' && (this.language === 'javascript' || this.language === 'python')) || /\.joinpath$/.test(callee)) {
      const base = /\.joinpath$/.test(callee) ? node.childForFieldName('function')?.childForFieldName('object') ?? null : null;
      // A splat of a helper's rest parameter (`joinpath(*parts)`) is its values in order.
      const spread = argNodes.flatMap((n) => {
        const name = (n.type === 'list_splat' || n.type === 'spread_element') ? n.namedChild(0)?.text : undefined;
        return name !== undefined && this.arrays.has(name) ? this.arrays.get(name)!.map((text) => ({ text })) : [n];
      });
      const parts = [...(base ? [base] : []), ...spread].map((n) => ('type' in n ? (JOIN_HOME.test(n.text.replace(/\s+/g, '')) ? '~' : this.value(n, depth + 1)) : n.text));
      if (parts.length > 0 && parts.every((part) => part !== undefined)) return parts.map((part, index) => (index === 0 ? part!.replace(/\/+$/, '') : part!.replace(/^\/+|\/+$/g, ''))).join('/');
    }
    if (/\.join$/.test(callee)) {
      const separator = this.value(node.childForFieldName('function')?.childForFieldName('object') ?? null, depth + 1);
      const list = argNodes[0];
      if (separator !== undefined && list && (list.type === 'list' || list.type === 'tuple' || list.type === 'array')) {
        const parts = list.namedChildren.map((n) => this.value(n, depth + 1));
        if (parts.every((p) => p !== undefined)) return parts.join(separator);
      }
      // JavaScript: ['a','b'].join('') or fragments.join('') with `const fragments = [...]`.
      const object = node.childForFieldName('function')?.childForFieldName('object');
      const joiner = argNodes[0] ? this.value(argNodes[0], depth + 1) : ',';
      if (object?.type === 'identifier' && this.arrays.has(object.text) && joiner !== undefined) return this.arrays.get(object.text)!.join(joiner);
      if (separator !== undefined && list?.type === 'identifier' && this.arrays.has(list.text)) return this.arrays.get(list.text)!.join(separator);
      // Python `"".join(reversed(TEXT))`: the text read backwards.
      if (separator === '' && list?.type === 'call' && list.childForFieldName('function')?.text === 'reversed') {
        const inner = this.value(list.childForFieldName('arguments')?.namedChild(0) ?? null, depth + 1);
        if (inner !== undefined) return [...inner].reverse().join('');
      }
      // JavaScript `[...'…'].reverse().join('')` and `Array.from(text).reverse().join('')`.
      if (joiner === '' && object?.type === 'call_expression' && /\.reverse$/.test(object.childForFieldName('function')?.text ?? '')) {
        const reversed = object.childForFieldName('function')?.childForFieldName('object');
        const spread = reversed?.type === 'array' && reversed.namedChildren.length === 1 && reversed.namedChildren[0]?.type === 'spread_element' ? reversed.namedChildren[0].namedChild(0) : reversed?.type === 'call_expression' && /^Array\.from$/.test(reversed.childForFieldName('function')?.text ?? '') ? reversed.childForFieldName('arguments')?.namedChild(0) : undefined;
        const inner = spread ? this.value(spread, depth + 1) : undefined;
        if (inner !== undefined) return [...inner].reverse().join('');
      }
      // Python `"".join(map(chr, codes))`: the characters of the codes.
      if (separator !== undefined && list?.type === 'call' && list.childForFieldName('function')?.text === 'map') {
        const [fn, source] = (list.childForFieldName('arguments')?.namedChildren ?? []).filter((n): n is Node => n !== null);
        const codes = fn?.text === 'chr' && source ? (source.type === 'identifier' ? this.arrays.get(source.text) : source.type === 'list' || source.type === 'tuple' ? source.namedChildren.map((n) => (n ? this.value(n, depth + 1) : undefined)) : undefined) : undefined;
        const numbers = codes?.map((code) => Number(code));
        if (numbers && numbers.length > 0 && numbers.every((n) => Number.isInteger(n) && n >= 0 && n <= 0x10ffff)) return numbers.map((n) => String.fromCodePoint(n)).join(separator);
      }
      if (object?.type === 'array') {
        const parts = object.namedChildren.map((n) => this.value(n, depth + 1));
        if (joiner !== undefined && parts.every((p) => p !== undefined)) return parts.join(joiner);
      }
    }
    if (/(?:^|\.)(?:b64decode|standard_b64decode|urlsafe_b64decode|atob)$/.test(callee) && argNodes[0]) {
      const encoded = this.value(argNodes[0], depth + 1);
      return encoded === undefined ? undefined : Buffer.from(encoded, 'base64').toString('latin1');
    }
    // Compressed constants (`zlib.inflateRawSync(Buffer.from(BLOB, 'base64'))`, `zlib.decompress(base64.b64decode(BLOB))`): the text they hold.
    if (/(?:^|\.)(?:inflateRawSync|inflateSync|gunzipSync|unzipSync|brotliDecompressSync|decompress)$/.test(callee) && /^(?:zlib|gzip)\.|^(?:inflateRawSync|inflateSync|gunzipSync|unzipSync|brotliDecompressSync)$/.test(callee) && argNodes[0]) {
      const packed = this.value(argNodes[0], depth + 1);
      return packed === undefined ? undefined : inflatedText(Buffer.from(packed, 'latin1'), /brotli/.test(callee));
    }
    if (/\.decode$/.test(callee)) {
      return this.value(node.childForFieldName('function')?.childForFieldName('object') ?? null, depth + 1);
    }
    if (/(?:^|\.)fromhex$/.test(callee) && argNodes[0]) {
      const encoded = this.value(argNodes[0], depth + 1);
      return encoded === undefined ? undefined : Buffer.from(encoded.replace(/\s+/g, ''), 'hex').toString('latin1');
    }
    if (/^Buffer\.from$/.test(callee) && argNodes[0]) {
      const encoded = this.value(argNodes[0], depth + 1);
      const encoding = argNodes[1] ? this.value(argNodes[1], depth + 1) : 'utf8';
      if (encoded !== undefined && (encoding === 'base64' || encoding === 'hex')) return Buffer.from(encoded, encoding).toString('latin1');
      return encoded;
    }
    // JavaScript `'…'.split('').reverse().join('')`.
    if (/\.split\(["'`]{2}\)\.reverse\(\)\.join$/.test(callee)) {
      // join's object is the `reverse()` call, whose callee's object is the `split('')` call, whose callee's object is the text.
      const object = node.childForFieldName('function')?.childForFieldName('object')?.childForFieldName('function')?.childForFieldName('object')?.childForFieldName('function')?.childForFieldName('object');
      const inner = this.value(object ?? null, depth + 1);
      return inner === undefined ? undefined : [...inner].reverse().join('');
    }
    if (/\.toString$/.test(callee)) return this.value(node.childForFieldName('function')?.childForFieldName('object') ?? null, depth + 1);
    if (callee === 'bytes' || callee === 'bytearray') {
      const list = argNodes[0];
      if (list && (list.type === 'list' || list.type === 'tuple')) return codes(list.namedChildren.filter((n): n is Node => n !== null));
    }
    return undefined;
  }
}

/** The callee of a call, with `getattr(__import__("o"+"s"), "sys"+"tem")` folded to `os.system`. */
function calleeName(node: Node, folder: Folder): string {
  const fn = node.childForFieldName('function');
  if (!fn) return '';
  if (fn.type === 'call' && /^getattr$/.test(fn.childForFieldName('function')?.text ?? '')) {
    const args = fn.childForFieldName('arguments')?.namedChildren.filter((n): n is Node => n !== null) ?? [];
    const target = args[0];
    const attribute = folder.value(args[1] ?? null);
    let module: string | undefined;
    if (target?.type === 'call' && /^(?:__import__|importlib\.import_module)$/.test(target.childForFieldName('function')?.text ?? '')) {
      module = folder.value(target.childForFieldName('arguments')?.namedChild(0) ?? null);
    } else if (target?.type === 'identifier') module = target.text;
    if (module && attribute) return `${module}.${attribute}`;
  }
  return fn.text.replace(/\s+/g, '');
}

/** Calls whose string arguments are search patterns (data to look for), not actions. */
/** Calls that show a message to a person (exit texts, logs, errors): what they say is documentation, read at lower weight. */
const MESSAGE_CALL = /^(?:sys\.exit|exit|print|console\.(?:log|error|warn|info)|(?:logger|logging|log)\.(?:debug|info|warning|warn|error|critical|exception)|warnings\.warn|(?:ap|parser|argparser)\.error|die|Error|ValueError|RuntimeError|SystemExit|TypeError|new Error)$/;

/** Calls that document a command-line option or command (`program.option('--yes', 'skip the prompt')`, `.description(…)`): help text. */
const HELP_CALL = /\.(?:option|requiredOption|description|usage|epilog|addHelpText|help_option|version_option)$/;

const NEEDLE_CALL = /(?:^|\.)(?:lineOf|line_of|line_number\w*|find_line\w*|lineNumber\w*|locate\w*|hasOwnProperty|search|match|fullmatch|findall|finditer|compile|sub|subn|split|contains|includes|indexOf|lastIndexOf|startswith|endswith|startsWith|endsWith|find|rfind|count|test|replace|replaceAll|RegExp|grep|fnmatch|glob)$/;

/** A severity label as a string literal: the call it is passed to reports a finding. */
const SEVERITY_LABEL = /^["'`](?:CRITICAL|HIGH|MEDIUM|LOW|INFO|WARN(?:ING)?|ERROR|ATTENTION|REVIEW|NOTICE|DANGER|RISK(?:Y)?|FAIL(?:ED)?|OK|PASS(?:ED)?)["'`]$/i;

/** Calls that run code or command lines given as data. */
const EXEC_SINK = /^(?:exec|eval|compile|execfile|runpy\.run_path|Function|new Function|vm\.(?:runIn\w+|Script|compileFunction)|(?:\w+\.)?runInThisContext|(?:\w+\.)?runInNewContext|os\.system|os\.popen|subprocess\.(?:run|call|Popen|check_output|check_call|getoutput)|child_process\.(?:exec|execSync|spawn)|exec(?:Sync)?|spawn(?:Sync)?|importlib\.import_module|__import__)$/;

/** A download saved to a file named by a variable (`urlretrieve(meta["installer"], installer)`): the variable. */
const DOWNLOAD_TO_FILE = /\burlretrieve\(\s*(?:[^,()]|\([^()]*\))+,\s*([A-Za-z_]\w*)\s*[,)]/g;

/** Text that fetches data from the network (a call, a socket read), for tainting what it returns. */
const NETWORK_WORD = /\b(?:urlopen|urlretrieve|requests\.(?:get|post|request)|httpx\.|fetch\s*\(|axios|https?\.get|http\.request|https\.request|socket\.|\.recv\(|got\(|aiohttp|http\.client|pycurl|WebSocket)/;

/** A header that authenticates (`Authorization`, `X-Shopify-Access-Token`, `DD-API-KEY`, `X-Hub-Signature-256`): a token in it is used. */
const AUTH_HEADER_ENTRY = /["'`]?[\w-]{0,40}(?:auth|token|key|secret|passw|session|signature|credential|cookie|bearer|jwt)[\w-]{0,40}["'`]?\s*:\s*[^,}\n]+/gi;

/**
 * Headers and auth arguments of a request: where a token is used, not sent as data. A header object written
 * out keeps its other headers (`'X-Client-Build': tag(key)`): a secret in those is data sent along. Headers
 * spread in from elsewhere (`...authHeaders()`) are the auth helper's.
 */
export function withoutAuth(text: string, shell: boolean): string {
  return shell
    ? text.replace(/(?:-H|--header)\s+(?:"[^"]*"|'[^']*'|\S+)|\s-u\s+\S+|--oauth2-bearer\s+\S+/g, ' ')
    : text
        .replace(/\bheaders\s*[=:]\s*(\{(?:[^{}]|\$\{[^{}]{0,200}\}){0,2000}\})/g, (_whole, object: string) => ` ${object.replace(AUTH_HEADER_ENTRY, ' ').replace(/\.\.\.[^,}\n]+/g, ' ')}`)
        .replace(/\b(?:headers|auth)\s*[=:]\s*(?:\{[^{}]{0,2000}\}|[^,){]{1,2000})/g, ' ')
        .replace(/["']?(?:Authorization|X-Api-Key|api[-_]?key)["']?\s*:\s*[^,}]+/gi, ' ');
}

/** A return that reads a response (`json.load(r)`, `r.json()`, `resp.text`, `res.data`, `body`): an answer, not what was handed in. */
const ANSWER_READ = /\bjson\.loads?\s*\(|\.(?:json|text|content|read|data|body)\b|^(?:None|null|undefined|True|False|true|false|\{\s*\}|\[\s*\])?$/;

/** A value that is a request's response (`requests.get(url, headers=…).json()`, `await fetch(url, {headers})`): what its auth header holds is used, not kept. */
const RESPONSE_OF_REQUEST = /^\s*(?:await\s+)?(?:(?:[\w.]*\.)?(?:requests|httpx|session|client|axios|urllib\.request)\.(?:get|post|put|patch|delete|request|urlopen)|fetch|urlopen|axios)\s*\(/;

/** Patterns naming secrets in environment variable names (the shared list in core/sensitive.json). */
export { SECRET_ENV_NAME };

function emptyFacts(unit: string, file: string, language: Language, lineOffset: number): CodeFacts {
  return { unit, file, language, lineOffset, strings: [], needles: [], calls: [], commands: [], envReads: [], networkNames: new Set(), execSinks: [], imports: [], comments: [], hasErrors: false, inferCapabilities: true, credentialNames: new Set(), secretNames: new Map(), writes: [] };
}

/** A read of one environment variable in Python or JavaScript; group 1, 2 or 3 is its name. */
export const SECRET_ENV_READ = /\b(?:os\.environ(?:\.get)?\s*[[(]\s*|os\.getenv\s*\(\s*|getenv\s*\(\s*)["']([A-Za-z_][A-Za-z0-9_]*)["']|\bprocess\.env(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[\s*["']([A-Za-z_][A-Za-z0-9_]*)["']\s*\])/;

/** Reading the contents of a `.env` file (`dotenv_values('.env')`, `open('.env').read()`, `readFileSync('.env')`). */
const DOTENV_READ = /\b(?:dotenv_values|dotenv\.parse|parse_dotenv)\s*\(|(?:open|read_text|readFileSync|readFile|Path)\s*\(\s*[^)]{0,80}["'`][^"'`]*\.env(?:\.[\w-]+)?["'`]|["'`][^"'`]*\.env(?:\.[\w-]+)?["'`]\s*\)\s*\.(?:read_text|read|open)\b/;

/**
 * Calls and commands that mint a new long-lived credential for the user's cloud account (an IAM access key
 * or login, a service-account key, a service principal's secret), as a command, as the argument list of a
 * call that runs one (`gcloud("iam", "service-accounts", "keys", "create", …)`) or as an SDK call
 * (`iam.create_access_key`, `CreateAccessKeyCommand`): what they return is a secret.
 */
export const CREDENTIAL_MINT =
  /\b(?:iam\W{1,6}create-(?:access-key|login-profile|service-specific-credential)|(?:create_access_key|createAccessKey|CreateAccessKey|create_login_profile|createLoginProfile|CreateLoginProfile|create_service_specific_credential|createServiceSpecificCredential|CreateServiceSpecificCredential|create_service_account_key|createServiceAccountKey|CreateServiceAccountKey)(?:Command|Request|Async)?|iam\W{1,6}service-accounts\W{1,6}keys\W{1,6}create|serviceAccounts(?:\(\))?\.keys(?:\(\))?\.create|ad\W{1,6}(?:sp|app)\W{1,6}(?:create-for-rbac|credential\W{1,6}reset)|(?:npm|pnpm|yarn)\W{1,6}(?:npm\W{1,6})?token\W{1,6}create|glab\W{1,6}token\W{1,6}create|heroku\W{1,6}authorizations:create|doctl\W{1,6}auth\W{1,6}token\W{1,6}create)\b/;

/** Calls and commands that hand out a stored credential (SDK credential chains, CLI token printers, keychains), or mint a new one ({@link CREDENTIAL_MINT}). */
export const CREDENTIAL_GETTER = new RegExp(String.raw`\b(?:aws\s+ecr\s+get-login-password|kubectl\s+create\s+token|heroku\s+auth:token|vault\s+(?:kv\s+get|read)|get_credentials|get_frozen_credentials|gh\s+auth\s+token|gh\s+auth\s+status\b[^\n]*?(?:\s-t\b|--show-token)|gcloud\s+auth\s+(?:application-default\s+)?print-(?:access|identity)-token|aws\s+configure\s+get|aws\s+sts\s+get-session-token|az\s+account\s+get-access-token|keyring\.get_password|git\s+credential\s+fill|security\s+find-(?:generic|internet)-password|op\s+read|bw\s+(?:export|list\s+items)|keepassxc-cli\s+export|lpass\s+export|security\s+dump-keychain|Network\.getAllCookies|Storage\.getCookies|npm\s+token\s+(?:list|create)|docker-credential-\w+\s+get|kubectl\s+config\s+view\b[^\n]*--raw)\b` + `|${CREDENTIAL_MINT.source}`);

/**
 * How much text the parser may read, as a multiple of the unit's length (plus a floor), before the
 * unit is read as text instead. Real scripts are read about once (at most 14 times for a short script
 * full of heredocs); inputs built to make the bash lexer quadratic (a line of 100,000 `|`) re-read
 * their line for every token. Counting what the parser reads makes the cut the same on every machine
 * and under any load; their very long lines are a coverage finding anyway.
 */
const PARSE_READ_FACTOR = 64;
const PARSE_READ_FLOOR = 1 << 20;
/** Characters handed to the parser per read; web-tree-sitter copies at most 10 KiB (5,120 UTF-16 units) per read. */
const PARSE_CHUNK = 4096;
/**
 * Last resort against grammars whose error recovery is quadratic without reading more text (50,000
 * `"` in JavaScript). Far above anything a real script takes even on a loaded machine, so it can only
 * cut inputs of that kind; the read budget above is what decides in practice.
 */
const PARSE_DEADLINE_MS = 30_000;

/** Parses one code unit and extracts its facts. `lineOffset` is added to every line. */
/** The functions of a unit that pass their arguments to a process whole, by name (see analyzeCode). */
function processRunners(source: string, language: Language): Set<string> {
  const out = new Set<string>();
  if (language === 'python') {
    // `def sh(*args)` or `def run(cmd, **kw)` whose body hands the parameter to subprocess.
    for (const match of source.matchAll(/^[ \t]*def[ \t]+(\w+)\(\s*\*?(\w+)[^)]*\)[^:\n]*:[ \t]*\n((?:[ \t]+[^\n]*\n?|[ \t]*\n){1,12})/gm)) {
      if (new RegExp(`\\bsubprocess\\.(?:run|call|check_call|check_output|Popen)\\(\\s*(?:list\\()?(?:\\[\\s*\\*)?${match[2]}\\b`).test(match[3]!)) out.add(match[1]!);
    }
  } else if (language === 'javascript') {
    // `function run(cmd, args)`, `const run = (cmd: string, ...args: string[]) =>` whose body hands both to a process.
    for (const match of source.matchAll(/(?:\bfunction\s+(\w+)|\b(?:const|let|var)\s+(\w+)\s*=\s*(?:async\s*)?(?:function\s*\w*)?)\s*\(\s*(\w+)\s*(?::\s*[\w[\]<>| ]+)?\s*,\s*(?:\.\.\.)?(\w+)\s*(?::\s*[\w[\]<>| ]+)?\s*[,)]/g)) {
      const body = source.slice(match.index, match.index + 800);
      if (new RegExp(`\\b(?:execFileSync|execFile|spawnSync|spawn)\\(\\s*${match[3]}\\s*,\\s*(?:\\[\\s*\\.\\.\\.)?${match[4]}\\b`).test(body)) out.add((match[1] ?? match[2])!);
    }
  }
  return out;
}

export async function analyzeCode(unit: string, file: string, language: Language, source: string, lineOffset: number, settings: ReadonlyMap<string, string> = new Map()): Promise<CodeFacts> {
  const facts = emptyFacts(unit, file, language, lineOffset);
  if (!isCodeLanguage(language)) return facts;
  const parsers = await loadParsers();
  const parser = language === 'javascript' && (TYPESCRIPT_FILE.test(unit) || TSX_FILE.test(unit)) ? (await loadTypeScriptParsers())[TSX_FILE.test(unit) ? 'tsx' : 'typescript'] : parsers[language];
  // Pathological input (a line of 100,000 `|`) makes tree-sitter's lexer quadratic: stop parsing
  // past the read budget and fall back to reading the unit as text, so one file cannot stall a build.
  const readBudget = PARSE_READ_FACTOR * source.length + PARSE_READ_FLOOR;
  let read = 0;
  const deadline = performance.now() + PARSE_DEADLINE_MS;
  const parse = (grammar: Parser) =>
    grammar.parse(
      (index: number) => {
        const chunk = source.slice(index, index + PARSE_CHUNK);
        read += chunk.length;
        return chunk;
      },
      null,
      { progressCallback: () => read > readBudget || performance.now() > deadline },
    );
  let tree = parse(parser);
  // JavaScript the JavaScript grammar cannot read may be TypeScript without the name saying so (a ```ts block, a `.js`
  // file with type annotations): read again with the TypeScript grammar, and keep that reading if it has no errors.
  if (tree?.rootNode.hasError && parser === parsers.javascript && TYPESCRIPT_SHAPE.test(source)) {
    const typescript = (await loadTypeScriptParsers()).typescript;
    const typed = parse(typescript);
    if (typed === null) typescript.reset();
    else if (typed.rootNode.hasError) typed.delete();
    else {
      tree.delete();
      tree = typed;
    }
  }
  if (!tree) {
    // A cancelled parse would otherwise resume on the parser's next call, with the next unit's text.
    parser.reset();
    facts.hasErrors = true;
    facts.strings.push({ text: source, line: 1 + lineOffset });
    return facts;
  }
  parents = new Map();
  try {
    facts.hasErrors = tree.rootNode.hasError;
    const lineOf = (node: Node) => node.startPosition.row + 1 + lineOffset;
    const assigned = new Set<string>();
    // Functions whose body talks to the network: their results are network data.
    const fetchingFunctions = new Set<string>();
    // Of those, the ones whose every return hands back a request's answer (`return requests.get(…).json()`, `return json.load(r)`).
    const answeringFunctions = new Set<string>();
    const list = nodesOf(tree.rootNode, language);
    const folder = new Folder(language);
    // Settings the script takes from files it sources; its own assignments, read below, win.
    for (const [name, value] of settings) folder.constants.set(name, value);
    walk(list, (node) => {
      if ((node.type === 'function_definition' || node.type === 'function_declaration' || node.type === 'method_definition') && NETWORK_WORD.test(node.text)) {
        const name = node.childForFieldName('name')?.text;
        if (name) fetchingFunctions.add(name);
        const returns = [...node.text.matchAll(/\breturn\b([^\n;]*)/g)].map((match) => match[1]!.trim());
        if (name && returns.length > 0 && returns.every((value) => NETWORK_WORD.test(value) || ANSWER_READ.test(value))) answeringFunctions.add(name);
      }
      if (language !== 'shell' && (node.type === 'function_definition' || node.type === 'function_declaration')) folder.addHelper(node, node.childForFieldName('name')?.text);
    }, FUNCTION_NODES);
    // Functions that hand their arguments to a process whole (`def sh(*args): subprocess.run(args, …)`,
    // `function run(cmd, args) { return execFileSync(cmd, args) }`): a call of one runs its literal arguments.
    const runners = processRunners(source, language);
    // A secret stored in a field is read again through that field; a string key's whole object (`snap["session"] = creds` with
    // `snap` a plain name) holds it too, and goes wherever that object is sent.
    const storeField = (target: Node, read: string | undefined) => {
      const field = fieldPattern(target);
      if (field === undefined || read === undefined) return;
      if (!facts.secretNames.has(field)) facts.secretNames.set(field, read);
      const owner = (target.childForFieldName('subscript') ?? target.childForFieldName('index')) === null ? undefined : (target.childForFieldName('object') ?? target.childForFieldName('value'))?.text;
      if (owner !== undefined && /^[A-Za-z_$][\w$]*$/.test(owner) && !/^(?:self|this|cls|headers?|os|process|env|environ)$/i.test(owner) && !facts.secretNames.has(owner)) facts.secretNames.set(owner, read);
    };
    const carriesNetworkData = (text: string): boolean =>
      NETWORK_WORD.test(text) || [...fetchingFunctions].some((name) => new RegExp(`\\b${name}\\s*\\(`).test(text)) || [...facts.networkNames].some((name) => new RegExp(`\\b${name}\\b`).test(text));
    // Callbacks handed to a network call (`https.get(url, (res) => res.on('data', (c) => (code += c)))`):
    // whatever they accumulate into an outer variable is network data.
    walk(list, (node) => {
      if (node.type !== 'call_expression') return;
      const callee = node.childForFieldName('function')?.text ?? '';
      if (!NETWORK_WORD.test(`${callee}(`)) return;
      walk(list, (inner) => {
        const left = inner.childForFieldName('left');
        if (left?.type === 'identifier') facts.networkNames.add(left.text);
      }, ASSIGNMENT_EXPRESSIONS, node.childForFieldName('arguments') ?? node);
    }, CALL_NODES);
    // A file a download is saved to (`urlretrieve(url, installer)`): its name stands for what the server sent.
    for (const saved of source.matchAll(DOWNLOAD_TO_FILE)) facts.networkNames.add(saved[1]);
    // What a promise of network data resolves to (`fetchText(PRESET).then((src) => …)`, `fetch(u).then((r) => r.text()).then((code) => …)`):
    // the first parameter of the callback handed to `.then` on it.
    if (language === 'javascript') {
      walk(list, (node) => {
        const callee = node.childForFieldName('function');
        if (callee?.type !== 'member_expression' || callee.childForFieldName('property')?.text !== 'then') return;
        const promised = callee.childForFieldName('object')?.text ?? '';
        if (!carriesNetworkData(promised)) return;
        const callback = node.childForFieldName('arguments')?.namedChildren[0];
        if (callback?.type !== 'arrow_function' && callback?.type !== 'function_expression' && callback?.type !== 'function') return;
        const parameter = (callback.childForFieldName('parameters') ?? callback.childForFieldName('parameter'))?.text.match(/[A-Za-z_$][\w$]*/)?.[0];
        if (parameter) facts.networkNames.add(parameter);
      }, CALL_NODES);
    }
    // Functions of the file whose every return is a literal (`def guess_format(url): … return "slack"`): what they
    // return says something about their argument but carries none of it, so a secret handed to one stops there.
    const literalReturning: string[] = [];
    if (language !== 'shell') {
      walk(list, (node) => {
        const name = node.childForFieldName('name')?.text;
        const returns = [...node.text.matchAll(/\breturn\b([^\n;]*)/g)].map((match) => match[1]!.trim());
        // A generator hands out what it yields, whatever it returns.
        if (name && returns.length > 0 && returns.every((value) => value !== '' && LITERAL_VALUE.test(value)) && !/\byield\b/.test(node.text)) literalReturning.push(name);
      }, FUNCTION_NODES);
    }
    const withoutLiteralCalls = literalReturning.length === 0 ? (text: string) => text : (text: string) => text.replace(new RegExp(`\\b(?:${literalReturning.join('|')})\\s*\\([^()]*\\)`, 'g'), '""');
    // First pass: constants, so later uses can be folded regardless of order in simple scripts.
    walk(list, (node) => {
      if (node.type === 'call' || node.type === 'call_expression') {
        if (language !== 'shell') for (const [field, variable] of storedFields(node)) if (!facts.secretNames.has(field)) facts.secretNames.set(field, variable);
        return;
      }
      let name: Node | null = null;
      let value: Node | null = null;
      // JavaScript reassignments (`code = await fetchText(url)` after `let code;`) bind like declarations.
      if (node.type === 'assignment' || node.type === 'variable_declarator' || node.type === 'assignment_expression') {
        name = node.childForFieldName('left') ?? node.childForFieldName('name');
        value = node.childForFieldName('right') ?? node.childForFieldName('value');
      } else if (node.type === 'variable_assignment') {
        name = node.childForFieldName('name');
        value = node.childForFieldName('value');
      }
      // `with urlopen(url) as response:` binds the response as an assignment would.
      if (node.type === 'as_pattern') {
        const bound = node.childForFieldName('alias')?.text.match(/[A-Za-z_]\w*/)?.[0];
        const expression = node.namedChildren[0];
        if (bound && expression && language !== 'shell' && carriesNetworkData(expression.text)) facts.networkNames.add(bound);
        return;
      }
      if (node.type === 'for_statement' || node.type === 'for_in_statement') {
        const target = node.childForFieldName('left');
        const iterable = node.childForFieldName('right');
        if (target && iterable && carriesNetworkData(iterable.text)) for (const id of target.text.match(/[A-Za-z_]\w*/g) ?? []) facts.networkNames.add(id);
        return;
      }
      // Secrets taken from the environment by destructuring (`const { GITHUB_TOKEN, API_KEY: key } = process.env`): each name bound holds one.
      if (name?.type === 'object_pattern' && value && /^process\.env$/.test(value.text.replace(/\s+/g, ''))) {
        for (const property of name.namedChildren) {
          if (property === null) continue;
          const variable = property.type === 'pair_pattern' ? property.childForFieldName('key')?.text : property.type === 'shorthand_property_identifier_pattern' ? property.text : undefined;
          const bound = property.type === 'pair_pattern' ? property.childForFieldName('value')?.text : variable;
          if (variable && bound && /^[A-Za-z_$][\w$]*$/.test(bound) && SECRET_ENV_NAME.test(variable)) facts.secretNames.set(bound, variable);
        }
        return;
      }
      // A secret stored in a field (`cfg["_key"] = os.environ.get("GRID_API_KEY")`, `self.token = os.environ["X_TOKEN"]`,
      // `this.key = process.env.STRIPE_KEY`): the field carries it wherever the program reads it again (a string key through any
      // object, an attribute through `self`/`this` or the same name).
      if (name && value && language !== 'shell' && FIELD_TARGETS.has(name.type)) {
        storeField(name, secretReadsIn(value.text)[0] ?? [...facts.secretNames].find(([known]) => new RegExp(`\\b${known}\\b`).test(value.text))?.[1]);
        return;
      }
      if (!name || (name.type !== 'identifier' && name.type !== 'variable_name')) return;
      assigned.add(name.text);
      if (value && language !== 'shell' && carriesNetworkData(value.text)) facts.networkNames.add(name.text);
      // What a request answers (`r = requests.post(TOKEN_URL, data={"client_secret": c["client_secret"]})`) is the service's reply:
      // the credential went out in the request, which is judged where it is sent; the reply does not hold it.
      if (value && !RESPONSE_OF_REQUEST.test(value.text) && (CREDENTIAL_GETTER.test(value.text) || SENSITIVE_FILE.test(value.text) || [...facts.credentialNames].some((known) => new RegExp(`\\b${known}\\b`).test(value.text)))) {
        facts.credentialNames.add(name.text);
      }
      // Names holding a secret environment variable, or anything built from one (`payload = {"k": key}`).
      // Every read of the value counts, not only the first (`{"url": os.environ["SUPABASE_URL"], "key": os.environ["SERVICE_ROLE_KEY"]}`).
      // A key or token among them names the value before a connection string does.
      // What a request returns is its answer, not the token in its auth header; what a function of the file that makes
      // requests returns (`bases = http(url, tok)`) is its answer too, whatever it was handed.
      const ownFetch = value !== null && value !== undefined && [...answeringFunctions].some((fn) => new RegExp(`^\\s*(?:await\\s+)?(?:[\\w$]+\\.)?${fn}\\s*\\(`).test(value.text));
      const held = value === null || value === undefined || ownFetch ? '' : RESPONSE_OF_REQUEST.test(value.text) ? withoutAuth(value.text, false) : value.text;
      const secretReads = held === '' ? [] : secretReadsIn(held);
      const secretVariable = secretReads.find((read) => /(?:KEY|TOKEN|SECRET|PASSWORD|PAT)$/.test(read)) ?? secretReads[0];
      if (secretVariable !== undefined) facts.secretNames.set(name.text, secretVariable);
      else if (value && DOTENV_READ.test(value.text)) facts.secretNames.set(name.text, 'the .env file');
      else if (value) {
        const carried = withoutLiteralCalls(held);
        for (const [known, variable] of facts.secretNames) if (new RegExp(`\\b${known}\\b`).test(carried)) facts.secretNames.set(name.text, variable);
      }
      if (value && (value.type === 'arrow_function' || value.type === 'lambda')) folder.addHelper(value, name.text);
      if (value && (value.type === 'array' || value.type === 'list' || value.type === 'tuple')) {
        const parts = value.namedChildren.map((n) => folder.value(n));
        if (parts.length > 0 && parts.every((p) => p !== undefined)) folder.arrays.set(name.text, parts as string[]);
      }
      const folded = folder.value(value);
      if (folded !== undefined) folder.constants.set(name.text, folded);
    }, FIRST_PASS_NODES);
    // Network data handed to a function of the file (`apply(feed)` after `feed = refresh_feed()`): its parameter holds it,
    // and what its body binds from the parameter (`for clf in feed.get("classifiers")`) too, wherever the function sits.
    if (language !== 'shell' && facts.networkNames.size + fetchingFunctions.size > 0) {
      const parameters = new Map<string, string[]>();
      walk(list, (node) => {
        const name = node.childForFieldName('name')?.text;
        const list = node.childForFieldName('parameters');
        if (name && list) parameters.set(name, list.namedChildren.map((child) => child?.text.match(/[A-Za-z_$][\w$]*/)?.[0] ?? ''));
      }, FUNCTION_NODES);
      const handed = new Set<string>();
      if (parameters.size > 0) {
        walk(list, (node) => {
          const callee = node.childForFieldName('function')?.text ?? '';
          const names = parameters.get(callee.replace(/^(?:self|this)\./, ''));
          if (!names) return;
          const args = node.childForFieldName('arguments')?.namedChildren ?? [];
          args.forEach((arg, index) => {
            // `run(doc=fetch())` names the parameter it fills; a positional argument fills the one at its place.
            const keyword = arg?.type === 'keyword_argument' ? arg.childForFieldName('name')?.text : undefined;
            const parameter = keyword !== undefined ? (names.includes(keyword) ? keyword : undefined) : names[index];
            const value = keyword !== undefined ? arg?.childForFieldName('value') : arg;
            if (value && parameter && !facts.networkNames.has(parameter) && carriesNetworkData(value.text)) handed.add(parameter);
          });
        }, CALL_SITE_NODES);
      }
      for (const parameter of handed) facts.networkNames.add(parameter);
      // Bindings read before the name they use was known (a function above the code that calls it) are read again.
      if (facts.networkNames.size > 0) {
        walk(list, (node) => {
          if (node.type === 'for_statement' || node.type === 'for_in_statement') {
            const target = node.childForFieldName('left');
            const iterable = node.childForFieldName('right');
            if (target && iterable && carriesNetworkData(iterable.text)) for (const id of target.text.match(/[A-Za-z_]\w*/g) ?? []) facts.networkNames.add(id);
            return;
          }
          const name = node.childForFieldName('left') ?? node.childForFieldName('name');
          const value = node.childForFieldName('right') ?? node.childForFieldName('value');
          if (name?.type === 'identifier' && value && carriesNetworkData(value.text)) facts.networkNames.add(name.text);
        }, BINDING_NODES);
      }
    }
    // A function that returns a secret, or anything built from one (`return \`${VERSION}+${key.slice(0, 6)}\``), hands it
    // to whoever calls it: its calls, and names bound to them, carry the secret as its names do.
    const secretFunctions: string[] = [];
    walk(list, (node) => {
      const name = node.childForFieldName('name')?.text;
      if (!name || facts.secretNames.has(name)) return;
      // A shell function hands back what it prints (`printf 'env:%s' "$HEX_API_KEY"`).
      const handedBack = language === 'shell' ? /\b(?:echo|printf)\b([^\n;|]{1,400})/g : /\breturn\b([^\n;]{1,400})/g;
      let namesInReturns: Set<string> | undefined;
      const returnedNames = (): Set<string> => (namesInReturns ??= new Set(node.descendantsOfType('return_statement').flatMap((statement) => (statement ? statement.descendantsOfType('identifier') : []).map((id) => id?.text ?? ''))));
      // A name the function binds itself (`url = ""` in `context()`) is its own, whatever another function's `url` holds;
      // only names the parser sees in a return count, so a key written as a string (`c["url"]`) is not the name (an f-string's fields are).
      const ownBinding = (known: string) => {
        if (language === 'shell') return false;
        // A parameter (`def tag(token): token = token.strip(); return token`) brings its value from the caller.
        if (new RegExp(`\\b${known}\\b`).test(node.childForFieldName('parameters')?.text ?? '')) return false;
        const values = [...node.text.matchAll(new RegExp(`^\\s*(?:(?:let|const|var)\\s+)?${known}\\s*=(?!=)([^\\n]*)`, 'gm'))].map((match) => match[1]!);
        const readsSecret = (value: string) => { const read = SECRET_ENV_READ.exec(value); return read !== null && SECRET_ENV_NAME.test(read[1] ?? read[2] ?? read[3] ?? ''); };
        // The first binding makes it the function's own only when it does not start from the outer value (`token = token.trim()`).
        if (values.length === 0 || new RegExp(`\\b${known}\\b`).test(values[0]!)) return false;
        return values.every((value) => !readsSecret(value) && ![...facts.secretNames.keys()].some((other) => other !== known && new RegExp(`\\b${other}\\b`).test(value)));
      };
      for (const returned of node.text.matchAll(handedBack)) {
        // `${KEY: -4}`, `${KEY:+set}`, `${#KEY}` and `${KEY//?/*}` print a hint, not the key: only the whole value counts.
        const read = language === 'shell' ? /\$(?:\{([A-Z][A-Z0-9_]*)(?::-[^}]*)?\}|([A-Z][A-Z0-9_]*)\b)/.exec(returned[1]) : SECRET_ENV_READ.exec(returned[1]);
        // A field read back (`return {"s": self.client_secret}`) is named by its pattern, not an identifier of the return.
        const variable = read && SECRET_ENV_NAME.test(read[1] ?? read[2] ?? read[3] ?? '') ? (read[1] ?? read[2] ?? read[3]) : [...facts.secretNames].find(([known]) => (isFieldPattern(known) ? new RegExp(known).test(returned[1]) : new RegExp(`\\b${known}\\b`).test(returned[1]) && (language === 'shell' || returnedNames().has(known)) && !ownBinding(known)))?.[1];
        if (variable) {
          facts.secretNames.set(name, variable);
          secretFunctions.push(name);
          break;
        }
      }
    }, FUNCTION_NODES);
    if (secretFunctions.length > 0) {
      walk(list, (node) => {
        const name = node.childForFieldName('left') ?? node.childForFieldName('name');
        const value = node.childForFieldName('right') ?? node.childForFieldName('value');
        // The answer of a request that carries the secret (`const res = await fetch(…, { headers: { 'X-Tag': tag() } })`) is not the secret.
        if (!name || !value || NETWORK_WORD.test(value.text)) return;
        const field = language !== 'shell' && FIELD_TARGETS.has(name.type);
        if (!field && ((name.type !== 'identifier' && name.type !== 'variable_name') || facts.secretNames.has(name.text))) return;
        const called = secretFunctions.find((fn) => new RegExp(language === 'shell' ? `(?:\\$\\(|\`)\\s*${fn}\\b` : `\\b${fn}\\s*\\(`).test(value.text));
        if (called && field) storeField(name, facts.secretNames.get(called));
        else if (called) facts.secretNames.set(name.text, facts.secretNames.get(called)!);
      }, BINDING_NODES);
    }
    walk(list, (node) => {
      const type = node.type;
      if (type === 'comment') {
        facts.comments.push({ text: node.text, line: lineOf(node) });
        return;
      }
      if (language === 'shell') {
        analyzeShellNode(node, folder, facts, lineOf, assigned);
        return;
      }
      if (type === 'string' || type === 'template_string') {
        if (parentOf(node)?.type === 'string' || parentOf(node)?.type === 'concatenated_string') return;
        const text = folder.value(node);
        if (text === undefined) return;
        if (language === 'python' && parentOf(node)?.type === 'expression_statement') {
          facts.comments.push({ text, line: lineOf(node) }); // docstring
          return;
        }
        if (isNeedle(node) || REGEX_LIKE.test(text)) {
          facts.needles.push({ text, line: lineOf(node) });
          return;
        }
        facts.strings.push({ text, line: lineOf(node) });
        return;
      }
      if (type === 'concatenated_string' || type === 'binary_operator' || type === 'binary_expression') {
        const parentType = parentOf(node)?.type;
        if (parentType === type) return; // fold only the outermost expression
        const text = folder.value(node) ?? (type === 'concatenated_string' ? node.namedChildren.map((n) => folder.value(n) ?? '').join('') : undefined);
        if (text === undefined) return;
        // Adjacent literals handed to a search (`re.compile(r"…" r"…")`) are one pattern to look for.
        if (isNeedle(node) || REGEX_LIKE.test(text)) facts.needles.push({ text, line: lineOf(node) });
        else facts.strings.push({ text, line: lineOf(node) });
        return;
      }
      if (type === 'regex') {
        facts.needles.push({ text: node.text, line: lineOf(node) });
        return;
      }
      if (type === 'call' || type === 'call_expression' || type === 'new_expression') {
        const callee = type === 'new_expression' ? `new ${node.childForFieldName('constructor')?.text ?? ''}` : calleeName(node, folder);
        const written = writtenPath(node, callee, folder);
        if (written !== undefined) facts.writes.push({ path: written, line: lineOf(node), text: node.text.split('\n')[0] });
        if (EXEC_SINK.test(callee) || EXEC_SINK.test(callee.replace(/^new /, ''))) {
          const argsText = node.childForFieldName('arguments')?.text ?? '';
          const shell = /^(?:os\.system|os\.popen|exec|execSync)$/.test(callee) || /shell\s*=\s*True/.test(argsText) || /^(?:exec|eval|compile|Function|new Function|vm\.|.*runIn)/.test(callee);
          // A command line that starts with a fixed program (`f"open {path}"`) runs that program on data, not data as code.
          const firstArgument = node.childForFieldName('arguments')?.namedChild(0) ?? null;
          const shape = firstArgument ? folder.shape(firstArgument) : '';
          const fixedProgram = /^\s*[\w./-]+\s/.test(shape) && !/^\s*(?:\S*\/)?(?:ba|z|k|da)?sh|^\s*(?:\S*\/)?(?:python\d?(?:\.\d+)?|node|perl|ruby|php|powershell|pwsh|cmd|eval|exec|osascript|bun|deno)\b/.test(shape);
          const constant = /^\(\s*(?:["'`][^"'`]*["'`]|\[[^\]]*\])\s*[,)]/.test(argsText);
          facts.execSinks.push({ callee, text: node.text.split('\n').slice(0, 3).join(' '), line: lineOf(node), network: carriesNetworkData(argsText), dynamic: shell && !constant && !fixedProgram });
        }
        if (type === 'new_expression') return;
        facts.calls.push({ callee, text: node.text, line: lineOf(node) });
        if (NEEDLE_CALL.test(callee)) {
          for (const arg of node.childForFieldName('arguments')?.namedChildren ?? []) {
            const text = arg ? folder.value(arg) : undefined;
            if (text !== undefined) facts.needles.push({ text, line: lineOf(node) });
          }
        }
        const folded = folder.value(node);
        if (folded !== undefined && !/^(?:str|String)$/.test(callee)) facts.strings.push({ text: folded, line: lineOf(node) });
        const args = node.childForFieldName('arguments');
        const first = args?.namedChild(0) ?? null;
        if (callee === 'require' || callee === 'import' || callee === '__import__' || callee === 'importlib.import_module') {
          const module = folder.value(first);
          if (module) facts.imports.push(module);
        }
        if (/^(?:os\.getenv|os\.environ\.get|environ\.get|os\.environ\.setdefault|getenv)$/.test(callee)) {
          const name = folder.value(first);
          if (name) facts.envReads.push({ name, line: lineOf(node) });
        }
        if (runners.has(callee) && first) {
          const parts = (args?.namedChildren ?? []).filter((n): n is Node => n !== null && n.type !== 'keyword_argument').flatMap((n) => (n.type === 'array' || n.type === 'list' ? n.namedChildren.map((m) => (m ? folder.value(m) ?? `<${m.text}>` : '')) : [folder.value(n) ?? `<${n.text}>`]));
          const name = /^<[\s\S]*>$/.test(parts[0] ?? '') ? '' : (parts[0] ?? '').split('/').pop() ?? '';
          if (name) facts.commands.push({ name, text: parts.join(' '), line: lineOf(node) });
        }
        const isExec = language === 'python' ? PYTHON_EXEC_CALLS.test(callee) : isJsProcessCall(callee, source);
        if (isExec && first) {
          let commandLine: string | undefined;
          // Whether the program name is known statically: `subprocess.run(cmd)` names no program (`cmd` is a variable).
          let programKnown = true;
          // A fixed argument list extended on the spot (`BASE + [path]`, `[...BASE, path]`): the fixed part names the program.
          const operator = first.type === 'binary_operator' || first.type === 'binary_expression' ? first.childForFieldName('operator')?.text : undefined;
          const leftList = operator === '+' ? first.childForFieldName('left') : null;
          const rightList = operator === '+' ? first.childForFieldName('right') : null;
          if (leftList?.type === 'identifier' && folder.arrays.has(leftList.text)) {
            const tail = rightList && (rightList.type === 'list' || rightList.type === 'array' || rightList.type === 'tuple') ? rightList.namedChildren.map((n) => folder.value(n) ?? (n ? `<${n.text}>` : '')) : [`<${rightList?.text ?? ''}>`];
            commandLine = [...folder.arrays.get(leftList.text)!, ...tail].join(' ');
          } else if (first.type === 'list' || first.type === 'array' || first.type === 'tuple') {
            const parts = first.namedChildren.flatMap((n) => (n && (n.type === 'list_splat' || n.type === 'spread_element') && folder.arrays.has(n.namedChild(0)?.text ?? '') ? folder.arrays.get(n.namedChild(0)!.text)! : [folder.value(n) ?? (n ? `<${n.text}>` : '')]));
            commandLine = parts.join(' ');
            programKnown = parts.length > 0 && !/^<[\s\S]*>$/.test(parts[0]);
          } else if (first.type === 'identifier' && folder.arrays.has(first.text)) {
            commandLine = folder.arrays.get(first.text)!.join(' ');
          } else {
            const folded = folder.value(first);
            commandLine = folded ?? first.text;
            programKnown = folded !== undefined;
          }
          const name = programKnown ? (commandLine.trim().split(/\s+/)[0] ?? '').split('/').pop() ?? '' : '';
          facts.commands.push({ name, text: commandLine, line: lineOf(node) });
        }
        return;
      }
      if (type === 'subscript' || type === 'subscript_expression') {
        const object = (node.childForFieldName('value') ?? node.childForFieldName('object'))?.text ?? '';
        if (/^(?:os\.environ|environ|process\.env)$/.test(object)) {
          const index = node.childForFieldName('subscript') ?? node.childForFieldName('index');
          const name = folder.value(index);
          if (name) facts.envReads.push({ name, line: lineOf(node) });
        }
        return;
      }
      if (type === 'member_expression') {
        // The whole environment copied into an object (`{ ...process.env }`) that is not a child process's `env` option.
        if (node.text === 'process.env' && parentOf(node)?.type === 'spread_element') {
          const holder = parentOf(parentOf(node)!);
          const key = holder ? parentOf(holder) : null;
          // `{ env: { ...process.env } }` in the options of a process call: the child inherits it, nothing leaves.
          const options = key ? parentOf(key) : null;
          const call = options ? parentOf(parentOf(options) ?? options) : null;
          const childEnv = key?.type === 'pair' && /^["']?env["']?$/.test(key.childForFieldName('key')?.text ?? '') && call?.type === 'call_expression' && PROCESS_OPTIONS_CALL.test(call.childForFieldName('function')?.text ?? '');
          if (!childEnv) facts.calls.push({ callee: '<environment copy>', text: '{ ...process.env }', line: lineOf(node) });
        }
        const object = node.childForFieldName('object')?.text;
        if (object === 'process.env') {
          const name = node.childForFieldName('property')?.text;
          if (name) facts.envReads.push({ name, line: lineOf(node) });
        }
        return;
      }
      if (type === 'import_statement' || type === 'import_from_statement') {
        if (language === 'python') {
          const module = node.childForFieldName('module_name')?.text;
          if (module) facts.imports.push(module);
          for (const child of node.childrenForFieldName('name')) if (child) facts.imports.push(child.text.split(/\s+as\s+/)[0]);
        } else {
          const sourceNode = node.childForFieldName('source');
          const module = sourceNode ? folder.value(sourceNode) : undefined;
          if (module) facts.imports.push(module);
        }
      }
    }, language === 'shell' ? SHELL_FACT_NODES : FACT_NODES);
    if (language === 'shell') {
      // A call of a function the script defines (`usage`, `section`) runs that function's commands,
      // which are listed on their own; the function name is not an executable the skill needs.
      const defined = new Set<string>();
      walk(list, (node) => {
        if (node.type === 'function_definition') {
          const name = node.childForFieldName('name')?.text;
          if (name) defined.add(name);
        }
      }, FUNCTION_NODES);
      facts.commands = facts.commands.filter((command) => !defined.has(command.name));
    }
  } finally {
    parents = new Map();
    tree.delete();
  }
  return facts;
}

// The child_process module named in the source, spelt in pieces, or loaded by a computed require.
const CHILD_PROCESS_MODULE = /child_process|['"]child_?['"]|['"]_?process['"]\s*[\])]|require\s*\(\s*[^'"`\s)]/;

/**
 * Whether a JavaScript call runs a process. `exec` is also the method of every regular expression
 * (`/x/.exec(text)`, `pattern.exec(line)`), so a method call counts only on something that is (or may
 * be) the child_process module; bare `exec()`/`spawn()` count only where child_process is imported.
 */
export function isJsProcessCall(callee: string, source: string): boolean {
  if (/child_process/.test(callee)) return true;
  if (!JS_EXEC_CALLS.test(callee)) return false;
  const dot = callee.lastIndexOf('.');
  if (dot === -1) return CHILD_PROCESS_MODULE.test(source) || (callee === '$' && /['"]zx(?:\/globals)?['"]/.test(source));
  const object = callee.slice(0, dot);
  if (/require\s*\(|import\s*\(/.test(object)) return true;
  if (object.startsWith('/')) return false; // a regular-expression literal
  const escaped = escapeRegExp(object);
  if (new RegExp(`\\b(?:const|let|var)\\s+${escaped}\\s*=\\s*(?:\\/|new\\s+RegExp\\b|RegExp\\s*\\()`).test(source)) return false;
  if (/child_?process|^cp$|^proc$|^shell$/i.test(object)) return true;
  return CHILD_PROCESS_MODULE.test(source);
}

const SHELL_STATEMENTS = new Set(['command', 'pipeline', 'list', 'redirected_statement', 'negated_command', 'subshell', 'variable_assignment']);

function expandShell(text: string, folder: Folder): string {
  return text.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (whole, name: string) => folder.constants.get(name) ?? whole);
}

/** A string that is a regular expression (escaped dots, `\b`, inline flags, POSIX classes): a pattern to look for, not an action. */
export const REGEX_LIKE = /\(\?[imsx]+\)|\\[.bdswBDSW](?:[^\n]*\|)|\[\[:[a-z]+:\]\]|\\b\(|\)\\b|^\(?[\w.\\/-]+(?:\|[\w.\\/-]+){2,}\)?$/;

/** Names of collections that hold things to look for (`DANGEROUS_PATTERNS = [...]`), as security tools name them. */
const PATTERN_COLLECTION = /(?:PATTERN|REGEX|REGEXP|SIGNATURE|DANGER(?:OUS)?|SUSPICIOUS|MALICIOUS|FORBIDDEN|BLACKLIST|BLOCKLIST|DENYLIST|IOC|INDICATOR|NEEDLE|RISKY|BANNED)S?(?:_|$)|(?:patterns|regexe?s|signatures|indicators|needles|blocklist|denylist)$/i;

/** Whether a string node is searched for rather than used: `"x" in text`, `re.search("x", …)`, `s.includes("x")`. */
function isNeedle(node: Node): boolean {
  const parent0 = parentOf(node);
  // The message of a reported finding (`{ id, severity: "HIGH", message: "permission prompts disabled" }`) or the help of a
  // command-line option (`add_argument("--yes", help="skip the final confirmation")`): text shown, not done.
  if ((parent0?.type === 'pair' || parent0?.type === 'keyword_argument') && /^["']?(?:message|msg|description|detail|details|reason|summary|title|hint|explanation|why|text|help|help_text|epilog|usage)["']?$/.test((parent0.childForFieldName('key') ?? parent0.childForFieldName('name'))?.text ?? '')) return true;
  // A list of file-name patterns (`[".env", ".env.*", "id_rsa", "*.pem"]`): names to look for.
  if (parent0 && /^(?:list|tuple|set|array)$/.test(parent0.type)) {
    const globs = parent0.namedChildren.filter((child) => child !== null && /^["'`][^"'`]*[*?][^"'`]*["'`]$/.test(child.text)).length;
    if (globs >= 2) return true;
  }
  // Inside a collection bound to a pattern-like name, however deeply nested (lists of tuples, dicts).
  let inCollection = false;
  for (let ancestor = parentOf(node), depth = 0; ancestor && depth < 6; ancestor = parentOf(ancestor), depth += 1) {
    if (/^(?:list|tuple|set|dictionary|array|object)$/.test(ancestor.type)) inCollection = true;
    if (ancestor.type === 'assignment' || ancestor.type === 'variable_declarator') {
      if (!inCollection) break;
      const name = (ancestor.childForFieldName('left') ?? ancestor.childForFieldName('name'))?.text ?? '';
      if (PATTERN_COLLECTION.test(name)) return true;
      break;
    }
    if (ancestor.type === 'pair' && PATTERN_COLLECTION.test((ancestor.childForFieldName('key')?.text ?? '').replace(/["']/g, ''))) return true;
  }
  let parent = parentOf(node);
  if (parent?.type === 'comparison_operator' && /\bin\b/.test(parent.text.slice(node.endIndex - parent.startIndex, node.endIndex - parent.startIndex + 8))) return true;
  // Compared for equality (`mode === 'bypassPermissions'`, `if name == "x"`): a value checked, not used.
  if ((parent?.type === 'binary_expression' || parent?.type === 'comparison_operator') && /^(?:===?|!==?)$/.test((parent.childForFieldName('operator') ?? parent.child(1))?.text ?? '')) return true;
  // A comma-separated list of names (`'default, plan, bypassPermissions'`) enumerates values, as in a message.
  if (/^["'`][\w-]+(?:\s*,\s*[\w-]+){2,}["'`]$/.test(node.text)) return true;
  if (parent?.type === 'argument_list' || parent?.type === 'arguments') {
    const call = parentOf(parent);
    const callee = call?.childForFieldName('function')?.text ?? call?.childForFieldName('constructor')?.text ?? '';
    // A finding being reported (`add("HIGH", path, "defaultMode is bypassPermissions")`): a severity beside it makes it a message.
    const reported = parent.namedChildren.some((sibling) => sibling !== null && SEVERITY_LABEL.test(sibling.text));
    // An option's description is its second argument (`.option('--yes', 'skip the prompt', default)`); the others are values.
    const position = parent.namedChildren.findIndex((sibling) => sibling !== null && sibling.startIndex === node.startIndex);
    const help = HELP_CALL.test(callee) && position === (/\.(?:option|requiredOption)$/.test(callee) ? 1 : 0);
    return NEEDLE_CALL.test(callee) || MESSAGE_CALL.test(callee) || help || reported;
  }
  // An enumeration of names (`MODES = ['default', 'plan', 'bypassPermissions']`): values to accept or compare, not actions.
  if ((parent?.type === 'list' || parent?.type === 'tuple' || parent?.type === 'array' || parent?.type === 'set') && parent.namedChildCount >= 3 && parent.namedChildren.every((child) => child !== null && (child.type === 'string' || child.type === 'comment') && /^["'`][\w.-]{1,40}["'`]$/.test(child.text))) return true;
  if (parent?.type === 'list' || parent?.type === 'tuple' || parent?.type === 'array' || parent?.type === 'set') {
    // A list of patterns handed to a search (`any(p in text for p in [...])` or PATTERNS = [...] used with re).
    parent = parentOf(parent);
    return parent?.type === 'comparison_operator';
  }
  return false;
}

/** The quoted pattern of a search command (`grep -hnE 'curl[^|]*\|\s*sh|xattr -d …'`): what to look for. */
const SEARCH_PATTERN = /(\b(?:grep|egrep|fgrep|rg|ag|ack|git\s+grep)\b(?:\s+-[\w-]+)*(?:\s+-e)?\s+)('[^']*'|"(?:[^"\\]|\\.)*")/g;

/** A command line with the patterns its searches look for set aside: they name what to find, not what runs. */
export function withoutSearchPatterns(text: string): string {
  return text.replace(SEARCH_PATTERN, (_whole, command: string) => `${command}'…'`);
}

/** Machine-wide places (`/etc`, system unit folders, launch daemons): a script writing there acts for every user. */
const SYSTEM_PATH = /^\/(?:etc|lib|usr\/lib|Library\/LaunchDaemons)\//;
/** A backup copy (`$profile.bak.20260101`, `sudoers.orig`) runs nothing. */
const BACKUP_COPY = /\.(?:bak|orig|backup|old|save|dist)(?:[.-](?:\d[\w-]*|\$[\w({][^/]*))?$|~$/;

/** Commands whose last argument is the file they write. */
const SHELL_WRITE_COMMAND = /^(?:tee|cp|install|ln|mv|rsync)$/;

/** The path a shell statement writes, folded, with the home folder read as `~`. */
function shellWrittenPath(node: Node, folder: Folder): string | undefined {
  const home = (path: string) => path.replace(/^(?:\$HOME|\$\{HOME\})(?=\/|$)/, '~');
  if (node.type === 'file_redirect' && /^>>?\|?$|^&>>?$/.test(node.child(0)?.text ?? '')) {
    const destination = node.childForFieldName('destination') ?? node.namedChildren.at(-1) ?? null;
    const path = destination ? folder.value(destination) ?? destination.text.replace(/^["']|["']$/g, '') : undefined;
    return path && !/^&?\d$|^\/dev\//.test(path) ? home(path) : undefined;
  }
  if (node.type !== 'command') return undefined;
  const name = node.childForFieldName('name')?.text.split('/').pop() ?? '';
  if (!SHELL_WRITE_COMMAND.test(name)) return undefined;
  const args = node.childrenForFieldName('argument').filter((arg): arg is Node => arg !== null && !/^-/.test(arg.text));
  const last = args.at(-1);
  if (!last || (name !== 'tee' && args.length < 2)) return undefined;
  const path = folder.value(last) ?? last.text.replace(/^["']|["']$/g, '');
  return home(path);
}

function analyzeShellNode(node: Node, folder: Folder, facts: CodeFacts, lineOf: (node: Node) => number, assigned: Set<string>): void {
  const type = node.type;
  if (type === 'command') {
    const nameNode = node.childForFieldName('name');
    const rawName = nameNode ? folder.value(nameNode.namedChild(0) ?? nameNode) ?? nameNode.text : '';
    const name = rawName.split('/').pop() ?? rawName;
    facts.commands.push({ name, text: withoutSearchPatterns(expandShell(node.text, folder)), line: lineOf(node) });
    facts.calls.push({ callee: name, text: expandShell(node.text, folder), line: lineOf(node) });
  }
  if (SHELL_STATEMENTS.has(type)) {
    // Outermost statements as a whole, so pipes (`… | sh`) and redirections stay visible.
    let parent = parentOf(node);
    let outermost = true;
    while (parent) {
      if (SHELL_STATEMENTS.has(parent.type)) {
        outermost = false;
        break;
      }
      parent = parentOf(parent);
    }
    if (outermost && type !== 'command') {
      facts.commands.push({ name: '', text: plainCommand(withoutSearchPatterns(expandShell(node.text, folder))), line: lineOf(node) });
    }
  }
  // The system file a script writes: `> path`, `>> path`, `tee [-a] path`, `cp|install|ln -s … path` (the last
  // argument). A block of a Markdown file shows commands; a user's own start-up files are left to the pattern rules.
  const written = /\.(?:md|markdown)$/i.test(facts.file) ? undefined : shellWrittenPath(node, folder);
  if (written !== undefined && SYSTEM_PATH.test(written) && !BACKUP_COPY.test(written)) facts.writes.push({ path: written, line: lineOf(node), text: node.text.split('\n')[0] });
  if (type === 'string' || type === 'raw_string' || type === 'concatenation') {
    if (parentOf(node)?.type === 'concatenation') return;
    const text = folder.value(node);
    if (text === undefined) return;
    const command = parentOf(node)?.type === 'command' ? parentOf(node) : undefined;
    const commandName = command?.childForFieldName('name')?.text ?? '';
    // A message printed for a person (`echo "run: sudo ufw disable"`), not piped or redirected anywhere and
    // naming no URL to fetch from, says what to do by hand; the script does not do it.
    const message = /^(?:echo|printf)$/.test(commandName) && !/^(?:pipeline|redirected_statement)$/.test(parentOf(command!)?.type ?? '') && !/\b(?:https?|ftp):\/\//i.test(text);
    if (message || /^(?:grep|egrep|fgrep|rg|ag|ack|sed|awk|yara)$/.test(commandName) || /^\[\[?$/.test(commandName) || REGEX_LIKE.test(text)) facts.needles.push({ text, line: lineOf(node) });
    else facts.strings.push({ text, line: lineOf(node) });
    return;
  }
  if (type === 'word' && parentOf(node)?.type !== 'command_name' && parentOf(node)?.type !== 'concatenation' && /[/:.]/.test(node.text)) {
    facts.strings.push({ text: folder.value(node) ?? node.text, line: lineOf(node) });
    return;
  }
  if (type === 'simple_expansion' || type === 'expansion') {
    const name = /^\$\{?[#!]?([A-Za-z_][A-Za-z0-9_]*)/.exec(node.text)?.[1];
    if (name && !assigned.has(name) && /^[A-Z_][A-Z0-9_]*$/.test(name) && !SHELL_BUILTIN_VARIABLES.has(name)) {
      facts.envReads.push({ name, line: lineOf(node) });
    }
  }
}

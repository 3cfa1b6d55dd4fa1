/**
 * A shared literal prefilter for the scanner's regular expressions. Most expressions match no text, and
 * a backtracking engine pays for every one it tries at every position. Each expression is read once for
 * the literal strings one of which every match must contain (`\bcurl\b[^\n]*\|\s*sh` needs `curl`); one
 * pass of an Aho-Corasick automaton over a text then tells which expressions can match it at all, and
 * only those run. The literal sets are derived from the expressions themselves, so rules stay data and a
 * new rule is prefiltered without anyone listing its words.
 *
 * The filter only ever lets through a superset: texts and literals are compared in lower case (case-
 * sensitive expressions included), literals are plain ASCII, and an expression whose matches need no
 * literal (`\w{40}`, an alternative that is all character classes) is always run.
 */

/** A parsed piece of a regular expression, as much as the literal analysis needs. */
type Term =
  | { kind: 'char'; char: string }
  | { kind: 'any' }
  | { kind: 'zero' }
  | { kind: 'group'; alternatives: Term[][] }
  | { kind: 'repeat'; min: number; max: number; atom: Term };

/** Reads a pattern source into alternatives of terms; undefined when it uses syntax not handled here. */
class PatternReader {
  private index = 0;
  private readonly source: string;
  constructor(source: string) {
    this.source = source;
  }

  read(): Term[][] | undefined {
    const alternatives = this.alternatives();
    return alternatives !== undefined && this.index === this.source.length ? alternatives : undefined;
  }

  private alternatives(): Term[][] | undefined {
    const out: Term[][] = [[]];
    while (this.index < this.source.length) {
      const char = this.source[this.index];
      if (char === ')') break;
      if (char === '|') {
        this.index += 1;
        out.push([]);
        continue;
      }
      const atom = this.atom();
      if (atom === undefined) return undefined;
      const repeated = this.quantifier(atom);
      if (repeated === undefined) return undefined;
      out[out.length - 1].push(repeated);
    }
    return out;
  }

  private quantifier(atom: Term): Term | undefined {
    const char = this.source[this.index];
    let min: number;
    let max: number;
    if (char === '*' || char === '+' || char === '?') {
      this.index += 1;
      min = char === '+' ? 1 : 0;
      max = char === '?' ? 1 : Infinity;
    } else if (char === '{') {
      const match = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.source.slice(this.index));
      if (!match) return atom; // a literal brace
      this.index += match[0].length;
      min = Number(match[1]);
      max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
    } else return atom;
    if (this.source[this.index] === '?') this.index += 1; // lazy
    if (atom.kind === 'zero') return atom;
    return { kind: 'repeat', min, max, atom };
  }

  private atom(): Term | undefined {
    const source = this.source;
    const char = source[this.index];
    if (char === '(') {
      let zeroWidth = false;
      if (source.startsWith('(?:', this.index)) this.index += 3;
      else if (source.startsWith('(?=', this.index) || source.startsWith('(?!', this.index)) {
        this.index += 3;
        zeroWidth = true;
      } else if (source.startsWith('(?<=', this.index) || source.startsWith('(?<!', this.index)) {
        this.index += 4;
        zeroWidth = true;
      } else if (source.startsWith('(?<', this.index)) {
        const end = source.indexOf('>', this.index);
        if (end === -1) return undefined;
        this.index = end + 1;
      } else if (source.startsWith('(?', this.index)) {
        // Modifiers (`(?i:…)`): case does not matter here, texts and literals are compared in lower case.
        const match = /^\(\?[imsx-]+:/.exec(source.slice(this.index));
        if (!match) return undefined;
        this.index += match[0].length;
      } else this.index += 1;
      const alternatives = this.alternatives();
      if (alternatives === undefined || source[this.index] !== ')') return undefined;
      this.index += 1;
      return zeroWidth ? { kind: 'zero' } : { kind: 'group', alternatives };
    }
    if (char === '[') {
      // A class stands for one character of a set: never a literal.
      this.index += 1;
      // In JavaScript `[]` and `[^]` are complete classes: a `]` right after the opening closes it.
      if (source[this.index] === '^') this.index += 1;
      while (this.index < source.length && source[this.index] !== ']') this.index += source[this.index] === '\\' ? 2 : 1;
      if (this.index >= source.length) return undefined;
      this.index += 1;
      return { kind: 'any' };
    }
    if (char === '.') {
      this.index += 1;
      return { kind: 'any' };
    }
    if (char === '^' || char === '$') {
      this.index += 1;
      return { kind: 'zero' };
    }
    if (char === '\\') return this.escape();
    this.index += 1;
    return { kind: 'char', char };
  }

  private escape(): Term | undefined {
    const source = this.source;
    const next = source[this.index + 1];
    if (next === undefined) return undefined;
    this.index += 2;
    if ('dDwWsS'.includes(next)) return { kind: 'any' };
    if (next === 'b' || next === 'B') return { kind: 'zero' };
    if (next === 'p' || next === 'P') {
      const end = source.indexOf('}', this.index);
      if (source[this.index] !== '{' || end === -1) return undefined;
      this.index = end + 1;
      return { kind: 'any' };
    }
    if (next === 'k') {
      const end = source.indexOf('>', this.index);
      if (source[this.index] !== '<' || end === -1) return undefined;
      this.index = end + 1;
      return { kind: 'any' }; // a back-reference: its text is not known here
    }
    if (/[1-9]/.test(next)) {
      while (/[0-9]/.test(source[this.index] ?? '')) this.index += 1;
      return { kind: 'any' };
    }
    if (next === 'x') {
      const hex = /^[0-9a-fA-F]{2}/.exec(source.slice(this.index))?.[0];
      if (!hex) return { kind: 'char', char: 'x' };
      this.index += 2;
      return { kind: 'char', char: String.fromCharCode(Number.parseInt(hex, 16)) };
    }
    if (next === 'u') {
      const braced = /^\{([0-9a-fA-F]{1,6})\}/.exec(source.slice(this.index));
      if (braced) {
        this.index += braced[0].length;
        return { kind: 'char', char: String.fromCodePoint(Number.parseInt(braced[1], 16)) };
      }
      const hex = /^[0-9a-fA-F]{4}/.exec(source.slice(this.index))?.[0];
      if (!hex) return { kind: 'char', char: 'u' };
      this.index += 4;
      return { kind: 'char', char: String.fromCharCode(Number.parseInt(hex, 16)) };
    }
    if (next === 'c') {
      const letter = source[this.index];
      if (letter === undefined || !/[A-Za-z]/.test(letter)) return { kind: 'char', char: 'c' };
      this.index += 1;
      return { kind: 'char', char: String.fromCharCode(letter.charCodeAt(0) % 32) };
    }
    const controls: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };
    return { kind: 'char', char: controls[next] ?? next };
  }
}

/** What a term or sequence guarantees about the text it matches. */
interface Guarantee {
  /** The whole match, when it is always this one string (lower case). */
  exact?: string;
  /** Strings one of which every match contains (lower case); undefined = none known. */
  required?: string[];
}

/** Longest a literal is kept (longer ones are cut: a prefix of a required string is required too). */
const MAX_LITERAL = 24;
/** Most literals one expression's set may hold before it is not worth filtering on. */
const MAX_SET = 400;

/** Whether a character can be part of a literal: printable ASCII (case folding outside ASCII differs between engines). */
const LITERAL_CHAR = /^[\x20-\x7e\t\n]$/;

/**
 * How rarely a literal occurs in text, roughly: its length, with punctuation, digits and spaces counted
 * three times over in literals of four characters or more. `.aws/` (a path) is rarer than `config` (a word),
 * though shorter.
 */
function weight(literal: string): number {
  let score = literal.length;
  // A short literal is common whatever it holds (`-o`, `.sh`): only one of four or more characters earns the bonus.
  if (literal.length >= 4) for (let index = 0; index < literal.length; index += 1) if (!/[a-z]/.test(literal[index]!)) score += 2;
  return score;
}

/** The stronger of two requirement sets: the one whose weakest literal is rarer, then the smaller one. */
function stronger(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  if (!a) return b;
  if (!b) return a;
  const weakest = (set: string[]) => Math.min(...set.map(weight));
  return weakest(b) > weakest(a) || (weakest(b) === weakest(a) && b.length < a.length) ? b : a;
}

function ofAlternatives(alternatives: Term[][]): Guarantee {
  const each = alternatives.map(ofSequence);
  if (each.length === 1) return each[0];
  const exacts = each.map((guarantee) => guarantee.exact);
  if (exacts.every((exact) => exact !== undefined && exact === exacts[0])) return each[0];
  const union = new Set<string>();
  for (const guarantee of each) {
    const set = guarantee.required ?? (guarantee.exact ? [guarantee.exact] : undefined);
    if (!set || set.length === 0) return {};
    for (const literal of set) union.add(literal);
  }
  return union.size <= MAX_SET ? { required: [...union] } : {};
}

function ofTerm(term: Term): Guarantee {
  switch (term.kind) {
    case 'char':
      return LITERAL_CHAR.test(term.char) ? { exact: term.char.toLowerCase() } : {};
    case 'zero':
      return { exact: '' };
    case 'any':
      return {};
    case 'group':
      return ofAlternatives(term.alternatives);
    case 'repeat': {
      if (term.min === 0) return {};
      const inner = ofTerm(term.atom);
      if (inner.exact !== undefined && term.min === term.max && inner.exact.length * term.min <= MAX_LITERAL) return { exact: inner.exact.repeat(term.min) };
      if (inner.exact) return { required: [inner.exact] };
      return { required: inner.required };
    }
  }
}

function ofSequence(terms: Term[]): Guarantee {
  let run = '';
  let exact: string | undefined = '';
  let best: string[] | undefined;
  const flush = () => {
    if (run) best = stronger(best, [run.slice(0, MAX_LITERAL)]);
    run = '';
  };
  for (const term of terms) {
    const guarantee = ofTerm(term);
    if (guarantee.exact !== undefined) {
      run += guarantee.exact;
      if (exact !== undefined) exact += guarantee.exact;
      continue;
    }
    exact = undefined;
    if (term.kind === 'repeat' && term.min > 0) {
      // The atom's own literal starts a run; what follows a repetition is not adjacent to it in a known way.
      const atom = ofTerm(term.atom);
      if (atom.exact) run += atom.exact;
      flush();
      if (!atom.exact) best = stronger(best, guarantee.required);
      continue;
    }
    flush();
    best = stronger(best, guarantee.required);
  }
  flush();
  if (exact !== undefined && exact.length <= MAX_LITERAL) return exact ? { exact, required: [exact] } : { exact: '' };
  return { required: best };
}

/**
 * Literals (lower case) one of which every match of the expression contains, or undefined when no such
 * set is known (the expression must always run).
 */
export function requiredLiterals(regex: RegExp | string): string[] | undefined {
  const source = typeof regex === 'string' ? regex : regex.source;
  const alternatives = new PatternReader(source).read();
  if (!alternatives) return undefined;
  const guarantee = ofAlternatives(alternatives);
  const set = guarantee.required ?? (guarantee.exact ? [guarantee.exact] : undefined);
  return set && set.length > 0 && set.every((literal) => literal.length > 0) ? set : undefined;
}

/**
 * The automaton's symbol for a UTF-16 code unit: ASCII in lower case, the two characters that case-fold
 * onto ASCII letters (`ſ`, the Kelvin sign) as those letters, anything else as one symbol.
 */
const SYMBOL = new Uint8Array(65536).fill(128);
for (let code = 0; code < 128; code += 1) SYMBOL[code] = code >= 65 && code <= 90 ? code + 32 : code;
SYMBOL[0x017f] = 's'.charCodeAt(0);
SYMBOL[0x212a] = 'k'.charCodeAt(0);

/**
 * Many expressions' literal sets in one automaton: {@link scan} reads a text once and answers, for
 * every expression, whether it can match.
 */
export class LiteralFilter {
  /** Expressions (by index) with no literal set: always possible. */
  private readonly always: Uint8Array;
  /** Per code unit, its class: 0 for characters no literal uses, else 1 + the class of the (folded) character. */
  private readonly classOf: Uint8Array;
  /** Classes: the characters literals use, plus one for all others. */
  private readonly width: number;
  /** Dense transition table, `state * width + class`. */
  private readonly next: Int32Array;
  /** Per state, the expression indexes its literals end with (through failure links), as offsets into `outputs`. */
  private readonly outputStart: Int32Array;
  private readonly outputs: Int32Array;
  readonly size: number;

  constructor(sets: readonly (readonly string[] | undefined)[]) {
    this.size = sets.length;
    this.always = new Uint8Array(sets.length);
    // Only the characters the literals use need columns of their own: all others share class 0.
    const used = new Map<number, number>();
    for (const set of sets) for (const literal of set ?? []) for (let position = 0; position < literal.length; position += 1) if (!used.has(literal.charCodeAt(position))) used.set(literal.charCodeAt(position), used.size + 1);
    const width = used.size + 1;
    this.width = width;
    this.classOf = new Uint8Array(65536);
    for (let code = 0; code < 65536; code += 1) this.classOf[code] = used.get(SYMBOL[code]) ?? 0;
    const children: Map<number, number>[] = [new Map()];
    const ends: number[][] = [[]];
    sets.forEach((set, id) => {
      if (!set) {
        this.always[id] = 1;
        return;
      }
      for (const literal of set) {
        let state = 0;
        for (let position = 0; position < literal.length; position += 1) {
          const symbol = used.get(literal.charCodeAt(position)) ?? 0;
          let target = children[state].get(symbol);
          if (target === undefined) {
            target = children.length;
            children.push(new Map());
            ends.push([]);
            children[state].set(symbol, target);
          }
          state = target;
        }
        ends[state].push(id);
      }
    });
    const states = children.length;
    const next = new Int32Array(states * width);
    const fail = new Int32Array(states);
    const outputsOf: number[][] = ends.map((list) => [...list]);
    // Breadth first: each state's failure target is complete before its children need it.
    const queue: number[] = [];
    for (let symbol = 0; symbol < width; symbol += 1) {
      const child = children[0].get(symbol);
      if (child !== undefined) {
        next[symbol] = child;
        queue.push(child);
      }
    }
    for (let head = 0; head < queue.length; head += 1) {
      const state = queue[head];
      const failure = fail[state];
      if (outputsOf[failure].length > 0) outputsOf[state] = [...new Set([...outputsOf[state], ...outputsOf[failure]])];
      for (let symbol = 0; symbol < width; symbol += 1) {
        const child = children[state].get(symbol);
        if (child !== undefined) {
          fail[child] = next[failure * width + symbol];
          next[state * width + symbol] = child;
          queue.push(child);
        } else next[state * width + symbol] = next[failure * width + symbol];
      }
    }
    // A transition into a state where literals end is stored as ~state, so scanning tests one sign per character.
    for (let index = 0; index < next.length; index += 1) if (outputsOf[next[index]].length > 0) next[index] = ~next[index];
    this.next = next;
    this.outputStart = new Int32Array(states + 1);
    const flat: number[] = [];
    for (let state = 0; state < states; state += 1) {
      this.outputStart[state] = flat.length;
      flat.push(...outputsOf[state]);
    }
    this.outputStart[states] = flat.length;
    this.outputs = Int32Array.from(flat);
  }

  /** For every expression, 1 when it can match `text` (a literal of its set occurs, or it has none), else 0. */
  scan(text: string): Uint8Array {
    const possible = this.always.slice();
    const { next, outputStart, outputs, width, classOf } = this;
    let state = 0;
    for (let position = 0; position < text.length; position += 1) {
      state = next[state * width + classOf[text.charCodeAt(position)]];
      if (state < 0) {
        state = ~state;
        for (let output = outputStart[state], end = outputStart[state + 1]; output < end; output += 1) possible[outputs[output]] = 1;
      }
    }
    return possible;
  }

  /** Whether any expression can match `text`: {@link scan} that stops at the first literal found. */
  any(text: string): boolean {
    if (this.always.includes(1)) return true;
    const { next, width, classOf } = this;
    let state = 0;
    for (let position = 0; position < text.length; position += 1) {
      state = next[state * width + classOf[text.charCodeAt(position)]];
      if (state < 0) return true;
    }
    return false;
  }

  /** The indexes of the expressions that can match `text`, ascending: {@link scan} as a list, for callers that ask about few. */
  hits(text: string): number[] {
    const possible = this.scan(text);
    const out: number[] = [];
    for (let index = possible.indexOf(1); index !== -1; index = possible.indexOf(1, index + 1)) out.push(index);
    return out;
  }
}

/**
 * Texts whose answers a family keeps: a skill's passes over its instructions ask about each of them once per
 * word class, a few hundred texts apart, so the cache holds a large section's worth. It is bounded by the texts'
 * total length as well, so a few long texts cannot hold memory (at most about 2 MiB of text).
 */
const RECENT_TEXTS = 1024;
const RECENT_CHARACTERS = 1 << 20;

/**
 * A fixed family of expressions with a small cache of recent texts: `mayMatch(i, text)` is one automaton
 * pass per distinct text, however many of the family's expressions are asked about it.
 */
export class FilteredFamily {
  private readonly filter: LiteralFilter;
  private readonly recent = new Map<string, Uint8Array>();
  private characters = 0;

  constructor(expressions: readonly RegExp[]) {
    this.filter = new LiteralFilter(expressions.map((regex) => requiredLiterals(regex)));
  }

  /** Whether expression `index` of the family can match `text`. */
  mayMatch(index: number, text: string): boolean {
    return this.possible(text)[index] === 1;
  }

  /** For every expression of the family, 1 when it can match `text`, else 0 (do not modify). */
  possible(text: string): Uint8Array {
    let possible = this.recent.get(text);
    if (!possible) {
      possible = this.filter.scan(text);
      if (text.length > RECENT_CHARACTERS) return possible;
      // The oldest texts go first, until both bounds hold with this one added.
      while (this.recent.size > 0 && (this.recent.size >= RECENT_TEXTS || this.characters + text.length > RECENT_CHARACTERS)) {
        const oldest = this.recent.keys().next().value as string;
        this.recent.delete(oldest);
        this.characters -= oldest.length;
      }
      this.recent.set(text, possible);
      this.characters += text.length;
    }
    return possible;
  }
}

/**
 * A regular expression that asks its own literal prefilter first: on a text where none of the literals every
 * match needs occurs, `exec` (and so `test`, `match`, `replace`, which call it) answers no match without running
 * the expression. The answers are the plain expression's. For a long alternation asked about many texts (every
 * credential file the project knows), most of which name none of them.
 */
export class LiteralGatedRegExp extends RegExp {
  readonly #gate: LiteralFilter | undefined;

  constructor(pattern: string | RegExp, flags?: string) {
    super(pattern, flags);
    const literals = requiredLiterals(this);
    this.#gate = literals === undefined ? undefined : new LiteralFilter([literals]);
  }

  override exec(text: string): RegExpExecArray | null {
    const input = String(text);
    if (this.#gate !== undefined && !this.#gate.any(input)) {
      if (this.global || this.sticky) this.lastIndex = 0;
      return null;
    }
    return super.exec(input);
  }
}

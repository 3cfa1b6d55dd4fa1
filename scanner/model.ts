/** Internal shapes shared by the scanner's parts: files, text segments, and raw findings. */
import type { Severity } from '../core/index.ts';
import type { Language, Scope } from './rule-schema.ts';
import type { LookalikeWord } from './lookalikes.ts';

/** How a file was read. */
export type FileClass = 'text' | 'binary' | 'image' | 'archive' | 'executable' | 'font' | 'document';

/** One file of the skill as the scanner sees it. */
export interface SourceFile {
  /** Path relative to the skill folder, `/`-separated. */
  path: string;
  /** Raw bytes. */
  bytes: Buffer;
  /** What kind of content it holds. */
  fileClass: FileClass;
  /** Language when it is text. */
  language: Language;
  /** Decoded text ('' for non-text). */
  text: string;
  /** Encoding used to read it, when text. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1' | 'none';
  /** Whether the executable bit is set. */
  executable: boolean;
  /** Words that mixed Latin with lookalike letters of another script (already folded in `text`), when any. */
  lookalikes?: LookalikeWord[];
}

/** A piece of text with its place: the unit patterns run over. */
export interface Segment {
  /** File it comes from. */
  file: string;
  /** 1-based line where `text` starts. */
  line: number;
  /** The text. */
  text: string;
  /** Which scope it belongs to. */
  scope: Scope;
  /** Language of the file (or of the code block holding it). */
  language: Language;
  /** Documentation rather than instructions (Markdown other than SKILL.md, inline code in descriptive prose, search patterns). */
  mention?: boolean;
  /** When the text was decoded from an encoding: how (`base64`, `hex`, …); every match reports `line`. */
  decodedFrom?: string;
  /** Identity of the code unit it belongs to (a script, or one code block), for data-flow grouping. */
  unit: string;
}

/** What one code unit (a script or a code block) does, as the parsers saw it. */
export interface CodeFacts {
  /** Identity (file, or file#block). */
  unit: string;
  /** File. */
  file: string;
  /** Language. */
  language: Language;
  /** Line offset of the unit inside its file (0 for a script). */
  lineOffset: number;
  /** String literals, folded (concatenations joined, constants substituted), with lines. */
  strings: { text: string; line: number }[];
  /** String literals that are searched for (patterns, `"x" in text`, grep arguments): data, not actions. */
  needles: { text: string; line: number }[];
  /** Calls: callee text and full call text, with lines (Python, JavaScript), or commands (shell). */
  calls: { callee: string; text: string; line: number }[];
  /** Shell commands: command name and full text, with lines. */
  commands: { name: string; text: string; line: number }[];
  /** Environment variable names read, with lines. */
  envReads: { name: string; line: number }[];
  /** Names bound to stored credentials (credential files, SDK credential chains, token-printing commands). */
  credentialNames: Set<string>;
  /** Files the code writes whose path is known (folded), with lines: `open(p, "a")`, `p.write_text(…)`, `fs.appendFileSync(p, …)`. */
  writes: { path: string; line: number; text: string }[];
  /** Names bound to a secret environment variable or to data built from one: name → the variable. */
  secretNames: Map<string, string>;
  /** Names bound to data that came from the network (fetch results, or loops over them). */
  networkNames: Set<string>;
  /** Calls that execute code or command lines: whether their input carries network data, and whether it is built at run time. */
  execSinks: { callee: string; text: string; line: number; network: boolean; dynamic: boolean }[];
  /** Imported module names. */
  imports: string[];
  /**
   * A program (Python, JavaScript) that imports only modules which never reach the network and runs no
   * other program: a URL among its strings is data it prints or writes (a test vector), not a place it goes.
   */
  offline?: boolean;
  /** The program's text when it is not its file's (a notebook's code cells joined in order); lines count in it. */
  program?: string;
  /** Comments, with lines. */
  comments: { text: string; line: number }[];
  /** Whether capabilities are inferred from this unit (scripts and explicitly shell-labelled SKILL.md blocks). */
  inferCapabilities: boolean;
  /** Whether the parser hit syntax errors (still used: the tree is error-tolerant). */
  hasErrors: boolean;
}

/** A finding before policy, suppressions and sorting. */
export interface RawFinding {
  /** Rule id. */
  ruleId: string;
  /** File. */
  file: string;
  /** Line (0 = whole file). */
  line: number;
  /** Evidence text. */
  evidence: string;
  /** Message override (defaults to the rule's message). */
  message?: string;
  /** Severity override (e.g. a capability finding that depends on what was declared). */
  severity?: Severity;
  /** Confidence override. */
  confidence?: 'low' | 'medium' | 'high';
  /** A capability value this finding is about, so a declared capability can explain it. */
  capabilityValue?: string;
  /** Found in documentation rather than in instructions or code: counts at lower severity. */
  mention?: boolean;
}

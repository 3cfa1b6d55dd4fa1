/**
 * The rule file format `scanner/rules/<id>/rule.yaml`: metadata plus either patterns or, for logic a
 * pattern cannot express, `engine: detector` and a module scanner/detectors/<id>.ts.
 * This schema is the reference documentation of a rule.
 */
import { z } from 'zod';
import { SeveritySchema } from '../schemas/index.ts';

/** Where in a file a pattern looks. */
export const SCOPES = [
  /** Markdown prose: paragraphs, headings, list items, table cells, front matter values. */
  'prose',
  /** Whole source of a script or of a code block. */
  'code',
  /** One shell command: a line of a shell code block, a shell script statement, a subprocess argument. */
  'command',
  /** Inline code in Markdown prose (often a command, often just a name or a path). */
  'inline',
  /** A string literal of a script (concatenations folded, constants substituted). */
  'string',
  /** A comment: HTML comments in Markdown, code comments in scripts. */
  'comment',
  /** A link target in Markdown. */
  'link',
  /** The raw text of the whole file, exactly as stored. */
  'raw',
] as const;

/** One of {@link SCOPES}. */
export type Scope = (typeof SCOPES)[number];

/** Languages the scanner tells apart. */
/** `signature` = detection rules (YARA and the like): attack strings as data, scanned for hidden characters only. */
export const LANGUAGES = ['markdown', 'python', 'javascript', 'shell', 'json', 'yaml', 'toml', 'html', 'svg', 'text', 'signature'] as const;

/**
 * The closed set of rule categories. A new one is a decision (the catalog and SARIF group by it), not a
 * spelling: `evasion` and `defense-evasion` once drifted apart.
 */
export const CATEGORIES = [
  'agent-config',
  'backdoor',
  'capability',
  'coverage',
  'credential-access',
  'defense-evasion',
  'destruction',
  'download-execute',
  'exfiltration',
  'hidden-instructions',
  'hostile-asset',
  'install-hook',
  'obfuscation',
  'persistence',
  'privilege-escalation',
  'prompt-injection',
  'resource-abuse',
  'supply-chain',
] as const;

/** One of {@link LANGUAGES}. */
export type Language = (typeof LANGUAGES)[number];

/** A regular expression in a rule file, checked for syntax when the rule loads. */
const RegexSource = z.string().min(1).refine(
  (source) => {
    try {
      new RegExp(source, 'u');
      return true;
    } catch {
      return false;
    }
  },
  { error: 'is not a valid JavaScript regular expression (u flag)' },
);

/** One pattern of a rule: a regular expression over some scopes, with optional context conditions. */
export const PatternSchema = z.strictObject({
  /** The regular expression (JavaScript syntax, always compiled with the `u` flag; `i` by default). */
  regex: RegexSource,
  /** Scopes it looks at; decoded text (base64, hex, char codes) is always looked at too. */
  scopes: z.array(z.enum(SCOPES)).min(1),
  /** Case-sensitive match (default false). */
  caseSensitive: z.boolean().default(false),
  /** The same segment must also match this, for context (e.g. a download near a password). */
  near: RegexSource.optional(),
  /** The finding is dropped when the matched text matches this (an allow-list of honest forms). */
  unless: RegexSource.optional(),
  /** The finding is dropped when the whole segment matches this. */
  unlessSegment: RegexSource.optional(),
  /** The finding is dropped when the program file that holds the segment matches this anywhere (what the same script does elsewhere); not for Markdown. */
  unlessFile: RegexSource.optional(),
  /**
   * Severity of this pattern's findings when it is lower than the rule's: a weaker form of the same
   * behaviour (e.g. a reverse shell to a private lab address) stays visible without failing the scan.
   */
  severity: SeveritySchema.optional(),
});

/** A pattern as written. */
export type PatternInput = z.input<typeof PatternSchema>;
/** A pattern as consumed. */
export type Pattern = z.output<typeof PatternSchema>;

/** Metadata every rule and detector declares. */
export const RuleMetaSchema = z.strictObject({
  /** Rule id; equals the folder name (and, for a detector, the name of its module scanner/detectors/<id>.ts). */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be kebab-case such as `download-and-execute`' }),
  /** One-line title shown with every finding. */
  title: z.string().min(1),
  /** What the rule catches and why it matters, for the rules reference. */
  description: z.string().min(1),
  /** What kind of harm (or, for capability and coverage findings, which of those) the rule is about; one of {@link CATEGORIES}. */
  category: z.enum(CATEGORIES, { error: `must be one of ${CATEGORIES.join(', ')}: add a new category to CATEGORIES in scanner/rule-schema.ts only with a reason` }),
  /** Threat = doing something bad; capability = able to do something; coverage = could not be analysed. */
  kind: z.enum(['threat', 'capability', 'coverage']),
  /** How bad a finding is. */
  severity: SeveritySchema,
  /** How sure the rule is. */
  confidence: z.enum(['low', 'medium', 'high']),
  /** What a finding says, in plain words (the evidence is shown beside it). */
  message: z.string().min(1),
  /** How an honest author fixes it. */
  fix: z.string().min(1),
  /** Globs of files the rule looks at (relative to the skill folder, `**` allowed); absent = all files. */
  files: z.array(z.string().min(1)).optional(),
  /** Languages the rule looks at; absent = all. */
  languages: z.array(z.enum(LANGUAGES)).optional(),
  /** The capability that explains a finding of this rule when the entry declares it; absent = nothing explains it. */
  explainedBy: z.enum(['network', 'env', 'filesystem', 'commands']).optional(),
});

/** Rule metadata as consumed (what docs and the site render). */
export type RuleMeta = z.output<typeof RuleMetaSchema> & {
  /** `pattern` for a rule file, `detector` for logic in code. */
  engine: 'pattern' | 'detector';
};

/** A pattern rule file: metadata plus the patterns that are the rule. */
export const PatternRuleFileSchema = RuleMetaSchema.omit({ id: true }).extend({
  /** `pattern`, the default: the rule is its patterns. */
  engine: z.literal('pattern').default('pattern'),
  /** Patterns; any one matching makes a finding. */
  patterns: z.array(PatternSchema).min(1),
});

/** A detector rule file: metadata only; the logic is scanner/detectors/<id>.ts, exporting `detect` and `version`. */
export const DetectorRuleFileSchema = RuleMetaSchema.omit({ id: true }).extend({
  /** `detector`: the rule is the code of scanner/detectors/<id>.ts. */
  engine: z.literal('detector'),
  /** Never present: a detector finds with code, not patterns. */
  patterns: z.never({ error: 'a detector rule has no patterns: remove them (its logic is in scanner/detectors/<id>.ts), or remove `engine: detector` to make it a pattern rule' }).optional(),
});

/** A rule file `rule.yaml`: a pattern rule, or (with `engine: detector`) the metadata of a detector. */
export const RuleFileSchema = z.discriminatedUnion('engine', [PatternRuleFileSchema, DetectorRuleFileSchema], {
  error: 'must be `pattern` (the default: the rule has patterns) or `detector` (the logic is in scanner/detectors/<id>.ts)',
});

/** A rule file as written. */
export type RuleFileInput = z.input<typeof RuleFileSchema>;

/** A loaded pattern rule, ready to run. */
export interface PatternRule {
  /** Its metadata. */
  meta: RuleMeta;
  /** Its patterns, compiled. */
  patterns: CompiledPattern[];
  /** Compiled `files` globs, when the rule has them. */
  fileMatchers: RegExp[] | undefined;
}

/** A pattern with its regular expressions compiled. */
export interface CompiledPattern {
  /** The pattern as written. */
  source: Pattern;
  /** The main expression, global so every match is found. */
  regex: RegExp;
  /** Context expression. */
  near: RegExp | undefined;
  /** Allow-list on the matched text. */
  unless: RegExp | undefined;
  /** Allow-list on the whole segment. */
  unlessSegment: RegExp | undefined;
  /** Allow-list on the whole file. */
  unlessFile: RegExp | undefined;
}

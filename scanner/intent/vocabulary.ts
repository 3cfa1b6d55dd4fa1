/**
 * Loads the action model's vocabulary (vocabulary.yaml): one regular expression per word class,
 * validated once per process. The digest of the file joins the rule set digest, so a change of words
 * re-audits like a change of rules.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { sha256Hex } from '../../core/index.ts';
import { ScannerError } from '../errors.ts';
import { describeZodError } from '../../schemas/zod-issues.ts';

/** The word classes the model reads; the file must define exactly these. */
export const WORD_CLASSES = [
  'secret',
  'machine-secret',
  'context',
  'network-sink',
  'forge-sink',
  'synced-sink',
  'agent-config-write',
  'agent-control',
  'access-grant',
  'defence-off',
  'remote-code',
  'decode',
  'follow',
  'conceal',
  'consent',
  'user-target',
  'describes',
] as const;

/** One of {@link WORD_CLASSES}. */
export type WordClass = (typeof WORD_CLASSES)[number];

const ClassSchema = z.strictObject({
  /** What the words of the class stand for. */
  description: z.string().min(1),
  /** Regular expressions (case-insensitive, unicode); any one matching puts text in the class. */
  patterns: z.array(z.string().min(1)).min(1),
  /** Narrower classes whose words belong to this one too (their patterns are written once, there). */
  includes: z.array(z.enum(WORD_CLASSES)).optional(),
});

/** The vocabulary file. */
const VocabularySchema = z.strictObject({
  /** Format version; only 1 exists. */
  schemaVersion: z.literal(1),
  /** One entry per word class. */
  classes: z.record(z.enum(WORD_CLASSES), ClassSchema),
});

/** Path of the bundled vocabulary. */
export const VOCABULARY_FILE = join(import.meta.dirname, 'vocabulary.yaml');

/** The compiled vocabulary: one expression per class (global, so callers can find every match). */
export interface Vocabulary {
  /** Class → expression: the alternation of its patterns (the model asks {@link Vocabulary.alternatives} one by one; this whole is for tools and tests). */
  words: Record<WordClass, RegExp>;
  /**
   * Class → its patterns, each an expression of its own (global, case-insensitive). The class's expression
   * is their alternation in this order, so the leftmost match of the class is the leftmost of any pattern,
   * the earlier pattern winning a tie; apart, each can be skipped when a prefilter rules it out.
   */
  alternatives: Record<WordClass, RegExp[]>;
  /** `sha256` hex of the file, for the rule set digest. */
  digest: string;
}

let loaded: Vocabulary | undefined;

/** The bundled vocabulary, read and compiled once per process. */
export function vocabulary(): Vocabulary {
  if (loaded) return loaded;
  const text = readFileSync(VOCABULARY_FILE, 'utf8');
  const parsed = VocabularySchema.safeParse(parseYaml(text));
  if (!parsed.success) {
    throw new ScannerError('RULE_INVALID', `${VOCABULARY_FILE}: ${describeZodError(parsed.error, 'vocabulary')}. Fix the vocabulary file.`, { where: VOCABULARY_FILE });
  }
  const words = {} as Record<WordClass, RegExp>;
  const alternatives = {} as Record<WordClass, RegExp[]>;
  for (const name of WORD_CLASSES) {
    const entry = parsed.data.classes[name];
    if (!entry) throw new ScannerError('RULE_INVALID', `${VOCABULARY_FILE}: the word class \`${name}\` is missing. Add it under \`classes\`.`, { where: VOCABULARY_FILE });
    try {
      const included = (entry.includes ?? []).flatMap((other) => parsed.data.classes[other]?.patterns ?? []);
      const sources = [...entry.patterns, ...included];
      words[name] = new RegExp(sources.map((source) => `(?:${source})`).join('|'), 'gi');
      alternatives[name] = sources.map((source) => new RegExp(source, 'gi'));
    } catch (error) {
      throw new ScannerError('RULE_INVALID', `${VOCABULARY_FILE}: a pattern of \`${name}\` is not a valid regular expression (${(error as Error).message}). Fix it.`, { where: VOCABULARY_FILE });
    }
  }
  loaded = { words, alternatives, digest: sha256Hex(text) };
  return loaded;
}

/**
 * Discovers the rule set: one folder per rule under scanner/rules/ holding `rule.yaml` (patterns as
 * data), plus detectors in scanner/detectors/ for logic a pattern cannot express. Every rule file is
 * validated by {@link RuleFileSchema}; the canonical rule set has a digest used in cache keys.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { SENSITIVE_DATA, canonicalJson, sha256Hex, type Sha256Digest } from '../core/index.ts';
import { DETECTORS } from './detectors/index.ts';
import { vocabulary } from './intent/vocabulary.ts';
import { ScannerError } from './errors.ts';
import { globToRegExp } from './glob.ts';
import { RuleFileSchema, type CompiledPattern, type PatternRule, type RuleMeta } from './rule-schema.ts';

/** Folder holding one sub-folder per rule. */
export const RULES_DIR = join(import.meta.dirname, 'rules');

/** The loaded rule set. */
export interface RuleSet {
  /** Pattern rules, sorted by id. */
  patternRules: PatternRule[];
  /** Metadata of every rule and detector, sorted by id. */
  metas: RuleMeta[];
  /** `sha256:` over the canonical rule set. */
  digest: Sha256Digest;
}

let ruleSetPromise: Promise<RuleSet> | undefined;

function formatZodIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((issue) => `${issue.path.map(String).join('.') || '(top)'}: ${issue.message}`).join('; ');
}

/** Syntax that means something only in unicode mode. */
const UNICODE_ONLY = /\\[pP]\{|\\u\{|[\u{10000}-\u{10FFFF}]/u;

function compile(rule: RuleMeta, patterns: PatternRule['patterns'][number]['source'][]): CompiledPattern[] {
  return patterns.map((source) => {
    // Unicode mode only where a pattern needs it (`\p{…}`, `\u{…}`): case-insensitive unicode classes
    // compile to far larger matchers, which cost most of the scanner's memory and much of its time.
    const unicode = [source.regex, source.near, source.unless, source.unlessSegment].some((text) => text !== undefined && UNICODE_ONLY.test(text));
    const flags = `${source.caseSensitive ? '' : 'i'}${unicode ? 'u' : ''}`;
    return {
      source,
      regex: new RegExp(source.regex, `g${flags}`),
      near: source.near ? new RegExp(source.near, flags) : undefined,
      unless: source.unless ? new RegExp(source.unless, flags) : undefined,
      unlessSegment: source.unlessSegment ? new RegExp(source.unlessSegment, flags) : undefined,
    };
  });
}

/** Reads and validates every rule folder of `dir`; errors name the file and the field. */
export async function readRuleSet(dir: string = RULES_DIR): Promise<RuleSet> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const detectorIds = new Set(DETECTORS.map((detector) => detector.meta.id));
  const patternRules: PatternRule[] = [];
  const canonical: unknown[] = [];
  for (const id of entries) {
    const file = join(dir, id, 'rule.yaml');
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      if (detectorIds.has(id)) continue; // a detector's folder holds only its samples
      throw new ScannerError('RULE_INVALID', `${file} is missing. Every folder in ${dir} is one rule: add rule.yaml, or remove the folder.`, { where: file });
    }
    if (detectorIds.has(id)) {
      throw new ScannerError('RULE_INVALID', `${file}: ${id} is both a rule file and a detector. Rename one of them.`, { where: file });
    }
    let data: unknown;
    try {
      data = parseYaml(text);
    } catch (error) {
      throw new ScannerError('RULE_INVALID', `${file} is not valid YAML (${(error as Error).message}). Fix the syntax.`, { where: file, cause: error });
    }
    const parsed = RuleFileSchema.safeParse(data);
    if (!parsed.success) {
      throw new ScannerError('RULE_INVALID', `${file} is not a valid rule: ${formatZodIssues(parsed.error.issues)}. See scanner/rule-schema.ts for the format.`, { where: file });
    }
    const { patterns, ...rest } = parsed.data;
    const meta: RuleMeta = { id, ...rest, engine: 'pattern' };
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
      throw new ScannerError('RULE_INVALID', `${file}: the folder name ${JSON.stringify(id)} is not a kebab-case rule id. Rename the folder.`, { where: file });
    }
    patternRules.push({ meta, patterns: compile(meta, patterns), fileMatchers: meta.files?.map(globToRegExp) });
    canonical.push({ ...meta, patterns });
  }
  const detectorMetas: RuleMeta[] = DETECTORS.map((detector) => ({ ...detector.meta, engine: 'detector' as const }));
  for (const meta of detectorMetas) canonical.push({ ...meta, detectorVersion: DETECTORS.find((d) => d.meta.id === meta.id)?.version });
  const metas = [...patternRules.map((rule) => rule.meta), ...detectorMetas].sort((a, b) => (a.id < b.id ? -1 : 1));
  canonical.sort((a, b) => ((a as RuleMeta).id < (b as RuleMeta).id ? -1 : 1));
  // The action model's words and the shared list of sensitive things decide findings as much as rules do.
  canonical.push({ vocabulary: vocabulary().digest, sensitive: sha256Hex(canonicalJson(SENSITIVE_DATA)) });
  return { patternRules, metas, digest: `sha256:${sha256Hex(canonicalJson(canonical))}` };
}

/** The bundled rule set, loaded once per process. */
export function bundledRuleSet(): Promise<RuleSet> {
  ruleSetPromise ??= readRuleSet().catch((error: unknown) => {
    ruleSetPromise = undefined;
    throw error;
  });
  return ruleSetPromise;
}

/** Metadata of every rule and detector (for docs and the site's rules page). */
export async function loadRules(): Promise<RuleMeta[]> {
  return (await bundledRuleSet()).metas;
}

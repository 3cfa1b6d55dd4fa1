/**
 * Discovers the rule set: one folder per rule under scanner/rules/ holding `rule.yaml`, either patterns
 * as data or (`engine: detector`) the metadata of a detector whose logic is scanner/detectors/<id>.ts,
 * plus the action model's detectors. Adding a detector: write scanner/rules/<id>/rule.yaml with
 * `engine: detector`, scanner/detectors/<id>.ts exporting `detect` and `version`, and samples under
 * scanner/rules/<id>/samples/. Every rule file is validated by {@link RuleFileSchema}; the canonical
 * rule set has a digest used in cache keys.
 */
import { readFile, readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { SENSITIVE_DATA, canonicalJson, sha256Hex, type Sha256Digest } from '../core/index.ts';
import type { Detector, DetectorModule } from './detectors/types.ts';
import { INTENT_DETECTORS } from './intent/detectors.ts';
import { vocabulary } from './intent/vocabulary.ts';
import { ScannerError } from './errors.ts';
import { globToRegExp } from './glob.ts';
import { RuleFileSchema, type CompiledPattern, type PatternRule, type RuleMeta } from './rule-schema.ts';

/** Folder holding one sub-folder per rule. */
export const RULES_DIR = join(import.meta.dirname, 'rules');

/** Folder holding the code of the detector rules, one module per rule id. */
export const DETECTORS_DIR = join(import.meta.dirname, 'detectors');

/** `.ts` when running from source, `.js` in the compiled CLI: detector modules are named like this one. */
const MODULE_EXTENSION = extname(fileURLToPath(import.meta.url));

/** The loaded rule set. */
export interface RuleSet {
  /** Pattern rules, sorted by id. */
  patternRules: PatternRule[];
  /** Detectors (scanner/detectors/ and the action model's), sorted by id. */
  detectors: Detector[];
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
    const unicode = [source.regex, source.near, source.unless, source.unlessSegment, source.unlessFile].some((text) => text !== undefined && UNICODE_ONLY.test(text));
    const flags = `${source.caseSensitive ? '' : 'i'}${unicode ? 'u' : ''}`;
    return {
      source,
      regex: new RegExp(source.regex, `g${flags}`),
      near: source.near ? new RegExp(source.near, flags) : undefined,
      unless: source.unless ? new RegExp(source.unless, flags) : undefined,
      unlessSegment: source.unlessSegment ? new RegExp(source.unlessSegment, flags) : undefined,
      unlessFile: source.unlessFile ? new RegExp(source.unlessFile, flags) : undefined,
    };
  });
}

/**
 * Imports every module of `dir` and keeps those exporting `detect`, by id; the others are helpers.
 * A module that exports `detect` but no integer `version` is an error naming the file.
 */
async function readDetectorModules(dir: string): Promise<Map<string, DetectorModule>> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(MODULE_EXTENSION) && !name.endsWith(`.d${MODULE_EXTENSION}`)).sort();
  const modules = new Map<string, DetectorModule>();
  for (const name of names) {
    const file = join(dir, name);
    const module = (await import(pathToFileURL(file).href)) as Partial<DetectorModule>;
    if (typeof module.detect !== 'function') continue;
    if (!Number.isInteger(module.version)) {
      throw new ScannerError('RULE_INVALID', `${file} exports \`detect\` but no integer \`version\`. Add \`export const version = 1;\` (bump it when the logic changes).`, { where: file });
    }
    modules.set(name.slice(0, -MODULE_EXTENSION.length), { version: module.version as number, detect: module.detect });
  }
  return modules;
}

/**
 * Reads and validates every rule folder of `dir` and the detector modules of `detectorsDir`; errors name
 * the file and the field.
 */
export async function readRuleSet(dir: string = RULES_DIR, detectorsDir: string = DETECTORS_DIR): Promise<RuleSet> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const intentIds = new Set(INTENT_DETECTORS.map((detector) => detector.meta.id));
  const modules = await readDetectorModules(detectorsDir);
  const patternRules: PatternRule[] = [];
  const detectors: Detector[] = [...INTENT_DETECTORS];
  const canonical: unknown[] = [];
  for (const id of entries) {
    const file = join(dir, id, 'rule.yaml');
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      if (intentIds.has(id)) continue; // an action model rule's folder holds only its samples
      throw new ScannerError('RULE_INVALID', `${file} is missing. Every folder in ${dir} is one rule: add rule.yaml, or remove the folder.`, { where: file });
    }
    if (intentIds.has(id)) {
      throw new ScannerError('RULE_INVALID', `${file}: ${id} is both a rule file and a rule of the action model (scanner/intent/rules.yaml). Rename one of them.`, { where: file });
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
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
      throw new ScannerError('RULE_INVALID', `${file}: the folder name ${JSON.stringify(id)} is not a kebab-case rule id. Rename the folder.`, { where: file });
    }
    if (parsed.data.engine === 'detector') {
      const { engine: _engine, patterns: _patterns, ...rest } = parsed.data;
      const module = modules.get(id);
      if (!module) {
        const expected = join(detectorsDir, `${id}${MODULE_EXTENSION}`);
        throw new ScannerError('RULE_INVALID', `${file} says \`engine: detector\` but ${expected} does not exist or does not export \`detect\`. Add the module (exporting \`detect\` and \`version\`), or give the rule patterns instead.`, { where: file });
      }
      detectors.push({ meta: { id, ...rest }, ...module });
      continue;
    }
    const { patterns, engine: _engine, ...rest } = parsed.data;
    const meta: RuleMeta = { id, ...rest, engine: 'pattern' };
    patternRules.push({ meta, patterns: compile(meta, patterns), fileMatchers: meta.files?.map(globToRegExp) });
    canonical.push({ ...meta, patterns });
  }
  for (const id of modules.keys()) {
    if (!detectors.some((detector) => detector.meta.id === id)) {
      const file = join(detectorsDir, `${id}${MODULE_EXTENSION}`);
      throw new ScannerError('RULE_INVALID', `${file} exports \`detect\` but no rule file ${join(dir, id, 'rule.yaml')} says \`engine: detector\`. Add that rule file with the detector's metadata and \`engine: detector\` (and samples beside it), or remove the module.`, { where: file });
    }
  }
  detectors.sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));
  const detectorMetas: RuleMeta[] = detectors.map((detector) => ({ ...detector.meta, engine: 'detector' as const }));
  for (const [index, meta] of detectorMetas.entries()) canonical.push({ ...meta, detectorVersion: detectors[index].version });
  const metas = [...patternRules.map((rule) => rule.meta), ...detectorMetas].sort((a, b) => (a.id < b.id ? -1 : 1));
  canonical.sort((a, b) => ((a as RuleMeta).id < (b as RuleMeta).id ? -1 : 1));
  // The action model's words and the shared list of sensitive things decide findings as much as rules do.
  canonical.push({ vocabulary: vocabulary().digest, sensitive: sha256Hex(canonicalJson(SENSITIVE_DATA)) });
  return { patternRules, detectors, metas, digest: `sha256:${sha256Hex(canonicalJson(canonical))}` };
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

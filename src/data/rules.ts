/**
 * The scanner's rule metadata and verdict policy, as the catalog's rules page shows them. The site build
 * (scripts/site.ts) reads them through the scanner's exported API, the same one `scripts/gen-rules-doc.ts`
 * writes docs/rules.md from, and hands them to the content loader as one JSON file named by
 * `SKILL_REGISTRY_RULES`: the scanner's code never runs inside Astro, and pages read rules only through
 * the `rules` and `ruleset` collections. Only the scanner's schemas are imported here, so the file is
 * validated with the scanner's own definition of a rule.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { PolicySchema } from '../../scanner/policy.ts';
import { RuleMetaSchema } from '../../scanner/rule-schema.ts';
import { DigestSchema } from '../../schemas/index.ts';
import { SiteDataError } from './errors.ts';

/** Environment variable naming the rule reference file the site build wrote. */
export const RULES_FILE_ENV = 'SKILL_REGISTRY_RULES';

/** One rule or detector as the rules page shows it: the scanner's metadata and how it is implemented. */
export const RuleReferenceSchema = RuleMetaSchema.extend({
  /** `pattern` for a rule file of regular expressions, `detector` for logic in code. */
  engine: z.enum(['pattern', 'detector']),
});

/** One rule as the catalog consumes it. */
export type RuleReference = z.output<typeof RuleReferenceSchema>;

/** The rule set as a whole: which scanner, which digest, which verdict policy. */
export const RuleSetInfoSchema = z.strictObject({
  /** Scanner version the catalog was built with. */
  scannerVersion: z.string(),
  /** `sha256:` over the canonical rule set; audit records carry the digest of the set they ran. */
  rulesetDigest: DigestSchema,
  /** The bundled verdict policy: which findings fail or warn a scan. */
  policy: PolicySchema,
  /** `sha256:` over the canonical policy; audit records carry it too. */
  policyDigest: DigestSchema,
  /** Number of rules. */
  ruleCount: z.number().int().nonnegative(),
});

/** The rule set as the catalog consumes it. */
export type RuleSetInfo = z.output<typeof RuleSetInfoSchema>;

/** The file the site build hands to the loader: rule set facts and every rule, sorted by id. */
export const RuleReferenceFileSchema = z.strictObject({
  /** Rule set facts. */
  info: RuleSetInfoSchema,
  /** Every rule and detector. */
  rules: z.array(RuleReferenceSchema),
});

/** Everything the rules page shows. */
export type RuleReferenceFile = z.output<typeof RuleReferenceFileSchema>;

/** Reads and validates the rule reference file named by `SKILL_REGISTRY_RULES`. */
export async function readRuleReferenceFile(env: NodeJS.ProcessEnv = process.env): Promise<RuleReferenceFile> {
  const path = env[RULES_FILE_ENV];
  if (path === undefined || path === '') {
    throw new SiteDataError('MISSING_DATA', `${RULES_FILE_ENV} is not set, so the rules page has no rules to show. Build the catalog with buildSite (\`npm run build\`), which reads them from the scanner.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (cause) {
    throw new SiteDataError('INVALID_JSON', `Cannot read the rule reference ${path}: ${(cause as Error).message}. Build the catalog again with buildSite.`, { where: path, cause });
  }
  const parsed = RuleReferenceFileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.length === 0 ? '(root)' : issue.path.join('.')}: ${issue.message}`);
    throw new SiteDataError('INVALID_RECORD', `${path} is not a valid rule reference: ${problems.join('; ')}. Build the catalog again with buildSite.`, { where: path });
  }
  return parsed.data;
}

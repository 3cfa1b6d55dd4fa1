/**
 * The verdict policy as data (scanner/policy.yaml): conditions on kind, severity and confidence that
 * make a finding fail or warn the scan.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { SEVERITIES, canonicalJson, severityRank, sha256Hex, type Sha256Digest, type Verdict } from '../core/index.ts';
import { describeZodError, formatPath, type Finding } from '../schemas/index.ts';
import { ScannerError } from './errors.ts';

const CONFIDENCES = ['low', 'medium', 'high'] as const;

/** One condition of the policy. */
export const PolicyConditionSchema = z.strictObject({
  /** Finding kinds it applies to. */
  kinds: z.array(z.enum(['threat', 'capability', 'coverage'])).min(1),
  /** Lowest severity that meets it. */
  minSeverity: z.enum(SEVERITIES),
  /** Lowest confidence that meets it. */
  minConfidence: z.enum(CONFIDENCES).default('low'),
  /** When true, a finding explained by a declared capability does not meet it. */
  unlessExplained: z.boolean().default(false),
});

/** The verdict policy file. */
export const PolicySchema = z.strictObject({
  /** Format version; only 1 exists. */
  schemaVersion: z.literal(1, { error: 'must be 1, the only policy version this scanner reads' }),
  /** Conditions that fail the scan. */
  fail: z.array(PolicyConditionSchema),
  /** Conditions that warn. */
  warn: z.array(PolicyConditionSchema),
});

/** A policy as written. */
export type PolicyInput = z.input<typeof PolicySchema>;
/** A policy as consumed. */
export type Policy = z.output<typeof PolicySchema>;

/** Path of the bundled policy. */
export const BUNDLED_POLICY_FILE = join(import.meta.dirname, 'policy.yaml');

/** Reads and validates a policy file; errors name the file and the field. */
export async function loadPolicy(file: string): Promise<Policy> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ScannerError('POLICY_INVALID', `Cannot read the policy file ${file} (${(error as Error).message}). Check the path.`, { where: file, cause: error });
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new ScannerError('POLICY_INVALID', `${file} is not valid YAML (${(error as Error).message}). Fix the syntax.`, { where: file, cause: error });
  }
  const parsed = PolicySchema.safeParse(data);
  if (!parsed.success) {
    throw new ScannerError('POLICY_INVALID', `${file}: ${describeZodError(parsed.error, 'policy')}. See scanner/policy.yaml for the format.`, {
      where: `${file}:${formatPath(parsed.error.issues[0]?.path ?? [])}`,
    });
  }
  return parsed.data;
}

let bundledPolicy: Promise<Policy> | undefined;

/** The bundled policy, read once per process. */
export function defaultPolicy(): Promise<Policy> {
  bundledPolicy ??= loadPolicy(BUNDLED_POLICY_FILE);
  return bundledPolicy;
}

/** Digests of policies already hashed: a loaded policy object is never changed. */
const digests = new WeakMap<Policy, Sha256Digest>();

/** `sha256:` over the canonical policy (computed once per policy object: a loaded policy is not changed). */
export function policyDigest(policy: Policy): Sha256Digest {
  let digest = digests.get(policy);
  if (!digest) digests.set(policy, (digest = `sha256:${sha256Hex(canonicalJson(policy))}`));
  return digest;
}

type Condition = z.output<typeof PolicyConditionSchema>;

function meets(condition: Condition, finding: Finding, explained: boolean): boolean {
  if (!condition.kinds.includes(finding.kind)) return false;
  if (severityRank(finding.severity) < severityRank(condition.minSeverity)) return false;
  if (CONFIDENCES.indexOf(finding.confidence) < CONFIDENCES.indexOf(condition.minConfidence)) return false;
  return !(condition.unlessExplained && explained);
}

/** The verdict of a list of findings under a policy; suppressed findings do not count. */
export function decideVerdict(findings: readonly Finding[], policy: Policy, explained: (finding: Finding) => boolean = () => false): Verdict {
  let verdict: Verdict = 'pass';
  for (const finding of findings) {
    if (finding.suppressed) continue;
    const isExplained = explained(finding);
    if (policy.fail.some((condition) => meets(condition, finding, isExplained))) return 'fail';
    if (policy.warn.some((condition) => meets(condition, finding, isExplained))) verdict = 'warn';
  }
  return verdict;
}

/**
 * The verify flow, in four named steps: (1) files: the digest recomputed from a folder, and what
 * differs from the audited list when it does not match; (2) record: the registry's record for the
 * digest; (3) attestation: the Sigstore bundle, its signer pinned, its subject this digest and skill;
 * (4) revocation: the signed revocation list. Each step says in plain words what it found.
 */
import { readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { SkillRegistryError, diffTrees, digestFiles, parseSha256, treeDigest, type TreeDifference, type TreeFile } from '../core/index.ts';
import type { SkillRecord, TrustPolicy } from '../schemas/index.ts';
import { VerificationError, verifyAttestation, verifyRevocationList } from '../signing/index.ts';
import { RegistryError } from './errors.ts';
import type { RegistryClient } from './registry.ts';
import { RevocationReplayError, checkRevocationFreshness } from './revocation-memory.ts';

/** The checks of a verification, in the order they run. */
export const VERIFY_STEPS = ['archive', 'files', 'record', 'attestation', 'revocation'] as const;

/** One of {@link VERIFY_STEPS}. */
export type VerifyStepName = (typeof VERIFY_STEPS)[number];

/** Default age after which the revocation list is stale: a week lets a registry publish weekly at worst. */
export const DEFAULT_MAX_REVOCATION_AGE_DAYS = 7;

/** Outcome of one step. */
export interface VerifyStep {
  /** Which check. */
  step: VerifyStepName;
  /** `ok`, `warn` (passed with a caveat), `fail`, or `skipped` (not reached). */
  status: 'ok' | 'warn' | 'fail' | 'skipped';
  /** What it found, in plain words. */
  message: string;
  /** Error code when it failed (a VerificationError or RegistryError code). */
  code?: string;
}

/** Everything `verify` found out. */
export interface VerificationReport {
  /** True when every step passed (warnings allowed unless strict). */
  verified: boolean;
  /** The digest verified (recomputed from the folder, or given). */
  digest?: `sha256:${string}`;
  /** The skill the digest belongs to, when the registry knows it. */
  skill?: { publisher: string; name: string; version: string; verdict: string; trust: string };
  /** Who signed the attestation (key id or workflow identity). */
  signer?: string;
  /** Where the trust policy came from: pinned by the user, or the registry's own trust.json. */
  trustSource: 'pinned' | 'registry';
  /** The steps, in order. */
  steps: VerifyStep[];
  /** How a folder differs from the audited files, when it does. */
  difference?: TreeDifference;
  /** The first failure. */
  error?: { code: string; message: string };
  /** One-line conclusion. */
  summary: string;
}

/** What to verify and against what. */
export interface VerifyOptions {
  /** The registry. */
  registry: RegistryClient;
  /** A pinned trust policy; default: the registry's api/trust.json (trust on first use). */
  trust?: TrustPolicy;
  /** A pinned Sigstore trusted root for keyless registries. */
  trustedRoot?: unknown;
  /** Revocation list age, in days, after which it is stale. */
  maxAgeDays?: number;
  /** Fail (instead of warn) on a stale revocation list. */
  strict?: boolean;
  /** Clock, for tests. */
  now?: Date;
  /**
   * Folder where the newest revocation list seen per registry is remembered (the CLI uses
   * {@link defaultStateDir}); without one, an older replayed list cannot be told apart.
   */
  stateDir?: string;
  /** How to name the folder in messages (default: its path relative to the working directory). */
  displayName?: string;
}

/** What to verify: a digest, or a folder (optionally held to a known digest, as install does). */
export type VerifyTarget = { digest: string } | { dir: string; digest?: string };

function joinWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The difference between two file lists in plain words: `scripts/run.py changed, a.txt added`. */
export function describeDifference(difference: TreeDifference): string {
  const limit = 10;
  const parts = [
    ...difference.changed.map((path) => `${path} changed`),
    ...difference.added.map((path) => `${path} was added`),
    ...difference.removed.map((path) => `${path} was removed`),
    ...difference.modeChanged.map((path) => `${path} had its executable bit changed`),
  ];
  const shown = parts.slice(0, limit);
  if (parts.length > limit) shown.push(`${parts.length - limit} more`);
  return joinWords(shown);
}

/** The `name` in a folder's SKILL.md front matter (read as text, never executed), or the folder name. */
async function skillNameOf(dir: string): Promise<string> {
  const text = await readFile(join(dir, 'SKILL.md'), 'utf8').catch(() => '');
  const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  return /^name:\s*["']?([a-z0-9-]{1,64})["']?\s*$/m.exec(frontMatter)?.[1] ?? basename(dir);
}

/** A skill's label: `publisher/name@version`. */
function label(record: SkillRecord): string {
  return `${record.publisher}/${record.name}@${record.version}`;
}

function daysBetween(earlier: Date, later: Date): number {
  return (later.getTime() - earlier.getTime()) / 86_400_000;
}

class StepFailure extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/**
 * Finds the audited file list closest to a folder whose digest the registry does not know: the
 * versions of every listed skill with the folder's SKILL.md name, by fewest differences.
 */
async function closestAudited(registry: RegistryClient, name: string, actual: readonly TreeFile[]): Promise<{ record: SkillRecord; difference: TreeDifference } | undefined> {
  const index = await registry.index();
  let best: { record: SkillRecord; difference: TreeDifference; size: number } | undefined;
  // Bounded: a skill with hundreds of versions should not turn one verify into hundreds of requests.
  const MAX_CANDIDATES = 20;
  const candidates: string[] = [];
  for (const entry of index.skills.filter((skill) => skill.name === name)) {
    const history = await registry.history(entry.publisher, entry.name).catch(() => undefined);
    candidates.push(...(history?.versions.map((version) => version.digest) ?? [entry.digest]));
  }
  for (const digest of [...new Set(candidates)].slice(0, MAX_CANDIDATES)) {
    const record = await registry.record(digest).catch(() => undefined);
    if (!record) continue;
    const difference = diffTrees(record.files, actual);
    const size = difference.changed.length + difference.added.length + difference.removed.length + difference.modeChanged.length;
    if (!best || size < best.size) best = { record, difference, size };
  }
  return best && { record: best.record, difference: best.difference };
}

/** Runs the verification and reports every step; never throws for a failed check. */
export async function verifySkill(target: VerifyTarget, options: VerifyOptions): Promise<VerificationReport> {
  const { registry } = options;
  const now = options.now ?? new Date();
  const maxAgeDays = options.maxAgeDays ?? DEFAULT_MAX_REVOCATION_AGE_DAYS;
  const steps: VerifyStep[] = [];
  const report: VerificationReport = { verified: false, trustSource: options.trust ? 'pinned' : 'registry', steps, summary: '' };
  const planned: VerifyStepName[] = 'dir' in target ? ['files', 'record', 'attestation', 'revocation'] : ['record', 'attestation', 'revocation'];
  let current: VerifyStepName = planned[0];
  const pass = (status: 'ok' | 'warn', message: string) => steps.push({ step: current, status, message });

  try {
    let digest: `sha256:${string}`;
    let record: SkillRecord | undefined;
    if ('dir' in target) {
      current = 'files';
      const where = relative(process.cwd(), target.dir) || '.';
      const shown = options.displayName ?? (where.startsWith('.') || where.startsWith('/') ? where : `./${where}`);
      let tree;
      try {
        tree = await treeDigest(target.dir);
      } catch (error) {
        if (error instanceof SkillRegistryError && error.code !== 'NOT_A_DIRECTORY') {
          throw new StepFailure('TAMPERED', `The files in ${shown} cannot be the audited ones: ${error.message}`);
        }
        throw error;
      }
      digest = tree.digest;
      report.digest = digest;
      const wanted = target.digest === undefined ? undefined : (`sha256:${parseSha256(target.digest) ?? target.digest}` as const);
      if (wanted !== undefined && wanted !== digest) {
        record = await registry.record(wanted);
        const difference = record ? diffTrees(record.files, tree.files) : undefined;
        report.difference = difference;
        throw new StepFailure('TAMPERED', `The files in ${shown} are not the ones that were audited${difference ? `: ${describeDifference(difference)}` : ''}. Their digest is ${digest}, not ${wanted}.`);
      }
      record = await registry.record(digest);
      if (!record) {
        const name = await skillNameOf(target.dir);
        const closest = await closestAudited(registry, name, tree.files);
        if (!closest) {
          throw new StepFailure('UNKNOWN_DIGEST', `No audited skill has the files in ${shown} (digest ${digest}), and ${registry.location} lists no skill named ${name}. These files were never audited by this registry: do not trust them.`);
        }
        report.difference = closest.difference;
        report.skill = { publisher: closest.record.publisher, name: closest.record.name, version: closest.record.version, verdict: closest.record.verdict, trust: closest.record.trust };
        throw new StepFailure(
          'TAMPERED',
          `The files in ${shown} are not the ones that were audited: ${describeDifference(closest.difference)} (compared with ${label(closest.record)}, ${closest.record.digest}). Reinstall the skill, or do not use these files.`,
        );
      }
      pass('ok', `The files in ${shown} match ${digest}, the audited files of ${label(record)}.`);
    } else {
      const hex = parseSha256(target.digest);
      if (!hex) throw new StepFailure('UNKNOWN_DIGEST', `${JSON.stringify(target.digest)} is not a digest: give sha256:<64 hex>, 64 hex digits, or a folder.`);
      digest = `sha256:${hex}`;
      report.digest = digest;
    }

    current = 'record';
    record ??= await registry.record(digest);
    if (!record) throw new StepFailure('UNKNOWN_DIGEST', `${registry.location} has no audited skill with digest ${digest}. It was never published here (or the digest is mistyped): do not trust files that claim it.`);
    report.skill = { publisher: record.publisher, name: record.name, version: record.version, verdict: record.verdict, trust: record.trust };
    if (record.digest !== digest) {
      throw new StepFailure('RECORD_MISMATCH', `The record filed under ${digest} describes ${record.digest} instead. The registry is damaged or was tampered with: report it to its operator.`);
    }
    const listed = digestFiles(record.files, 'the record').digest;
    if (listed !== digest) {
      throw new StepFailure('RECORD_MISMATCH', `The record for ${digest} lists files whose digest is ${listed}. The registry is damaged or was tampered with: report it to its operator.`);
    }
    if (record.verdict === 'fail') throw new StepFailure('FAILED_AUDIT', `${label(record)} failed its audit (${record.reasons.join('; ') || 'see its record'}). Failed skills must not be used.`);
    pass('ok', `${registry.location} lists ${digest} as ${label(record)}, audited ${record.verdict === 'pass' ? 'with no findings above low' : 'with warnings'} on ${record.auditedAt.slice(0, 10)}.`);

    current = 'attestation';
    const trust = options.trust ?? (await registry.trust());
    if (!record.attestation) throw new StepFailure('UNSIGNED', `${label(record)} has no signed attestation: the registry built it unsigned. Nothing proves the audit happened: ask the operator to sign their builds.`);
    const bundle = await registry.bundle(record.attestation);
    const trustedRoot = trust.mode === 'keyless' ? (options.trustedRoot ?? (options.trust ? undefined : await registry.trustedRoot())) : undefined;
    const statement = await verifyAttestation(bundle, trust, { digest, publisher: record.publisher, name: record.name, version: record.version }, { trustedRoot });
    report.signer = trust.mode === 'key' ? `key ${trust.keyId}` : trust.identity.subject;
    if (statement.predicate.verdict === 'fail') throw new StepFailure('FAILED_AUDIT', `The signed audit of ${label(record)} says fail. Failed skills must not be used.`);
    if (statement.predicate.verdict !== record.verdict) {
      throw new StepFailure('RECORD_MISMATCH', `The record says the audit verdict was ${record.verdict}, but the signed attestation says ${statement.predicate.verdict}. The record was edited after signing: report the registry.`);
    }
    const signedBy = trust.mode === 'key' ? `the registry key ${trust.keyId.slice(0, 16)}…` : `the publishing workflow ${trust.identity.subject}`;
    pass(
      'ok',
      `The audit attestation is signed by ${signedBy}${options.trust ? ' (pinned)' : " (from the registry's trust.json)"}, is about ${digest} and ${label(record)}, and records the verdict ${statement.predicate.verdict}.`,
    );

    current = 'revocation';
    const revocationBundle = await registry.revocations();
    if (revocationBundle === undefined) throw new StepFailure('REVOCATIONS_UNAVAILABLE', `${registry.location} publishes no revocation list (api/revocations.json), so a revoked skill cannot be told apart. Not verified: ask the operator to publish one.`);
    const list = await verifyRevocationList(revocationBundle, trust, { trustedRoot });
    if (options.stateDir !== undefined) {
      try {
        await checkRevocationFreshness(options.stateDir, registry.location, list);
      } catch (error) {
        if (error instanceof RevocationReplayError) throw new StepFailure(error.code, error.message);
        throw error;
      }
    }
    const revoked = list.revocations.find((entry) => entry.digest === digest) ?? record.revoked;
    if (revoked) {
      throw new StepFailure('REVOKED', `${label(record)} (${digest}) was revoked on ${revoked.date.slice(0, 10)}: ${revoked.reason} Remove it and do not use it.`);
    }
    const issued = new Date(list.issuedAt);
    const age = Number.isNaN(issued.getTime()) ? Number.POSITIVE_INFINITY : daysBetween(issued, now);
    if (age > maxAgeDays) {
      const ageText = Number.isFinite(age) ? `${Math.floor(age)} days ago` : `at an unreadable time (${JSON.stringify(list.issuedAt)})`;
      const message = `Not on the revocation list, but the list was issued ${ageText}, more than ${maxAgeDays} days: a newer revocation could be missing.`;
      if (options.strict) throw new StepFailure('STALE_REVOCATIONS', `${message} Failing because of --strict; try again when the registry has published a fresh list.`);
      steps.push({ step: 'revocation', status: 'warn', message: `${message} Use --strict to fail in this case.`, code: 'STALE_REVOCATIONS' });
    } else {
      pass('ok', `Not revoked (the signed revocation list was issued ${list.issuedAt.slice(0, 10)}, ${list.revocations.length} revocation${list.revocations.length === 1 ? '' : 's'} listed).`);
    }
    report.verified = true;
    report.summary = `Verified: ${'dir' in target ? 'these files are' : `${digest} is`} exactly what ${registry.location} audited as ${label(record)}, signed by ${signedBy}, and not revoked.`;
  } catch (error) {
    let code: string;
    let message: string;
    if (error instanceof StepFailure || error instanceof VerificationError || error instanceof RegistryError) {
      code = error.code;
      message = error.message;
    } else if (error instanceof SkillRegistryError) {
      code = error.code;
      message = error.message;
    } else {
      throw error;
    }
    steps.push({ step: current, status: 'fail', message, code });
    for (const step of planned.slice(planned.indexOf(current) + 1)) steps.push({ step, status: 'skipped', message: 'Not checked: an earlier step failed.' });
    report.error = { code, message };
    report.summary = `NOT VERIFIED (${code}): ${message}`;
  }
  return report;
}

const MARKS: Record<VerifyStep['status'], string> = { ok: '✓', warn: '!', fail: '✗', skipped: '-' };

/** The report as text: one line per step, then the conclusion. */
export function formatVerification(report: VerificationReport, heading: string): string {
  const width = Math.max(...report.steps.map((step) => step.step.length));
  const lines = [heading, ''];
  for (const step of report.steps) lines.push(`  ${MARKS[step.status]} ${step.step.padEnd(width)}  ${step.message}`);
  lines.push('', report.summary);
  if (report.trustSource === 'registry' && report.steps.some((step) => step.step === 'attestation' && step.status !== 'skipped')) {
    lines.push("Trust came from the registry's own api/trust.json; pin it with --trust FILE (or SKILL_REGISTRY_TRUST) so a compromised registry host cannot swap the signer.");
  }
  return lines.join('\n');
}

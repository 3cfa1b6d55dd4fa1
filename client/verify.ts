/**
 * The verify flow, in four named steps, each a function that returns its step result:
 * (1) {@link checkFiles}: the digest recomputed from a folder, and what differs from the audited list
 * when it does not match; (2) {@link checkRecord}: the registry's record for the digest;
 * (3) {@link checkAttestation}: the Sigstore bundle, its signer pinned, its subject this digest and
 * skill; (4) {@link checkRevocation}: the signed revocation list. {@link runVerifySteps} runs them in
 * order and stops at the first that fails; `install` and `verify --installed` run the same steps.
 */
import { readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { SkillRegistryError, diffTrees, digestFiles, parseSha256, treeDigest, type TreeDifference, type TreeFile } from '../core/index.ts';
import type { AuditPredicate, Capabilities, Revocation, SkillRecord, TrustPolicy } from '../schemas/index.ts';
import { verifyAttestation, verifyRevocationList } from '../signing/index.ts';
import { InstallError } from './errors.ts';
import type { RegistryClient } from './registry.ts';
import { RevocationReplayError, checkRevocationFreshness } from './revocation-memory.ts';

/** The checks of a verification, in the order they run. */
export const VERIFY_STEPS = ['archive', 'files', 'record', 'attestation', 'revocation'] as const;

/** One of {@link VERIFY_STEPS}. */
export type VerifyStepName = (typeof VERIFY_STEPS)[number];

/** The steps of verifying a folder. */
export const FOLDER_STEPS: readonly VerifyStepName[] = ['files', 'record', 'attestation', 'revocation'];

/** The steps of verifying a digest. */
export const DIGEST_STEPS: readonly VerifyStepName[] = ['record', 'attestation', 'revocation'];

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
  /** What the skill declares it can do, as the signed attestation says (once the attestation verified). */
  capabilities?: Capabilities;
  /** The revocation, when the skill is revoked. */
  revocation?: Revocation;
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

/** Facts a step established, kept in the report whether the step passed or failed. */
export type StepFacts = Partial<Pick<VerificationReport, 'digest' | 'skill' | 'signer' | 'capabilities' | 'revocation' | 'difference'>>;

/** A step that passed: its line in the report, and what the steps after it need. */
export interface PassedStep<T> {
  passed: true;
  /** Its line in the report (`ok`, or `warn` with a code). */
  line: VerifyStep;
  /** What it established for the later steps. */
  value: T;
  /** Facts for the report. */
  facts: StepFacts;
}

/** A step that failed: its line in the report (with the code), and what it found out before failing. */
export interface FailedStep {
  passed: false;
  /** Its line in the report (`fail`, with the code). */
  line: VerifyStep;
  /** Facts for the report. */
  facts: StepFacts;
}

/** What a step function returns. */
export type StepResult<T> = PassedStep<T> | FailedStep;

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
export function skillLabel(skill: { publisher: string; name: string; version: string }): string {
  return `${skill.publisher}/${skill.name}@${skill.version}`;
}

function skillOf(record: SkillRecord): NonNullable<VerificationReport['skill']> {
  return { publisher: record.publisher, name: record.name, version: record.version, verdict: record.verdict, trust: record.trust };
}

function daysBetween(earlier: Date, later: Date): number {
  return (later.getTime() - earlier.getTime()) / 86_400_000;
}

/** A failed check inside a step, with what the step found out before it failed. */
export class StepFailure extends Error {
  readonly code: string;
  readonly facts: StepFacts;
  constructor(code: string, message: string, facts: StepFacts = {}) {
    super(message);
    this.code = code;
    this.facts = facts;
  }
}

/** What a step body returns when it passed. */
interface StepPass<T> {
  status?: 'ok' | 'warn';
  message: string;
  code?: string;
  value: T;
  facts?: StepFacts;
}

/**
 * Runs one step's body and turns its outcome into a {@link StepResult}: a {@link StepFailure} or any
 * error of ours (a bad signature, an unreachable registry, an undigestable folder) is the step failing.
 * An {@link InstallError} is about the destination folder, not the files, so it is thrown on.
 */
export async function runStep<T>(step: VerifyStepName, body: () => Promise<StepPass<T>>): Promise<StepResult<T>> {
  try {
    const { status = 'ok', message, code, value, facts = {} } = await body();
    return { passed: true, line: { step, status, message, ...(code === undefined ? {} : { code }) }, value, facts };
  } catch (error) {
    if (!(error instanceof StepFailure || error instanceof SkillRegistryError) || error instanceof InstallError) throw error;
    return { passed: false, line: { step, status: 'fail', message: error.message, code: error.code }, facts: error instanceof StepFailure ? error.facts : {} };
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

/** Runs a registry read inside a step, so that when it fails the step still reports what it had found. */
function keepingFacts<T>(facts: StepFacts, read: Promise<T>): Promise<T> {
  return read.catch((error: unknown) => {
    if (error instanceof SkillRegistryError) throw new StepFailure(error.code, error.message, facts);
    throw error;
  });
}

/** How a folder is named in messages: the display name, else its path relative to the working directory. */
function folderName(dir: string, displayName: string | undefined): string {
  if (displayName !== undefined) return displayName;
  const where = relative(process.cwd(), dir) || '.';
  return where.startsWith('.') || where.startsWith('/') ? where : `./${where}`;
}

/**
 * Step 1, for a folder: recomputes its digest and finds the audited files it is. Held to
 * `target.digest` when given (install, `verify --installed`), else to whatever digest the registry
 * audited; when the files are not audited ones, names the files that differ.
 */
export async function checkFiles(target: { dir: string; digest?: string }, options: VerifyOptions): Promise<StepResult<{ digest: `sha256:${string}` }>> {
  const { registry } = options;
  const shown = folderName(target.dir, options.displayName);
  return runStep('files', async () => {
    let tree;
    try {
      tree = await treeDigest(target.dir);
    } catch (error) {
      if (error instanceof SkillRegistryError && error.code !== 'NOT_A_DIRECTORY') {
        throw new StepFailure('TAMPERED', `The files in ${shown} cannot be the audited ones: ${error.message}`);
      }
      throw error;
    }
    const { digest } = tree;
    const wanted = target.digest === undefined ? undefined : (`sha256:${parseSha256(target.digest) ?? target.digest}` as const);
    if (wanted !== undefined && wanted !== digest) {
      // The files are not the expected ones whatever the registry says; its record only names what differs.
      const record = await registry.record(wanted).catch(() => undefined);
      const difference = record ? diffTrees(record.files, tree.files) : undefined;
      throw new StepFailure('TAMPERED', `The files in ${shown} are not the ones that were audited${difference ? `: ${describeDifference(difference)}` : ''}. Their digest is ${digest}, not ${wanted}.`, { digest, difference });
    }
    const record = await keepingFacts({ digest }, registry.record(digest));
    if (!record) {
      const name = await skillNameOf(target.dir);
      const closest = await keepingFacts({ digest }, closestAudited(registry, name, tree.files));
      if (!closest) {
        throw new StepFailure('UNKNOWN_DIGEST', `No audited skill has the files in ${shown} (digest ${digest}), and ${registry.location} lists no skill named ${name}. These files were never audited by this registry: do not trust them.`, { digest });
      }
      throw new StepFailure(
        'TAMPERED',
        `The files in ${shown} are not the ones that were audited: ${describeDifference(closest.difference)} (compared with ${skillLabel(closest.record)}, ${closest.record.digest}). Reinstall the skill, or do not use these files.`,
        { digest, difference: closest.difference, skill: skillOf(closest.record) },
      );
    }
    return { message: `The files in ${shown} match ${digest}, the audited files of ${skillLabel(record)}.`, value: { digest }, facts: { digest } };
  });
}

/** Step 2: the registry's record for the digest; it must describe that digest and a passed audit. */
export async function checkRecord(digestText: string, options: VerifyOptions): Promise<StepResult<SkillRecord>> {
  const { registry } = options;
  return runStep('record', async () => {
    const hex = parseSha256(digestText);
    if (!hex) throw new StepFailure('UNKNOWN_DIGEST', `${JSON.stringify(digestText)} is not a digest: give sha256:<64 hex>, 64 hex digits, or a folder.`);
    const digest = `sha256:${hex}` as const;
    const record = await keepingFacts({ digest }, registry.record(digest));
    if (!record) throw new StepFailure('UNKNOWN_DIGEST', `${registry.location} has no audited skill with digest ${digest}. It was never published here (or the digest is mistyped): do not trust files that claim it.`, { digest });
    const facts = { digest, skill: skillOf(record) };
    if (record.digest !== digest) {
      throw new StepFailure('RECORD_MISMATCH', `The record filed under ${digest} describes ${record.digest} instead. The registry is damaged or was tampered with: report it to its operator.`, facts);
    }
    const listed = digestFiles(record.files, 'the record').digest;
    if (listed !== digest) {
      throw new StepFailure('RECORD_MISMATCH', `The record for ${digest} lists files whose digest is ${listed}. The registry is damaged or was tampered with: report it to its operator.`, facts);
    }
    if (record.verdict === 'fail') throw new StepFailure('FAILED_AUDIT', `${skillLabel(record)} failed its audit (${record.reasons.join('; ') || 'see its record'}). Failed skills must not be used.`, facts);
    return {
      message: `${registry.location} lists ${digest} as ${skillLabel(record)}, audited ${record.verdict === 'pass' ? 'with no findings above low' : 'with warnings'} on ${record.auditedAt.slice(0, 10)}.`,
      value: record,
      facts,
    };
  });
}

/** What the attestation step hands to the revocation step: the signer it checked against. */
export interface VerifiedSigner {
  /** The trust policy the bundle was checked with (pinned, or the registry's). */
  trust: TrustPolicy;
  /** The Sigstore trusted root, for keyless registries. */
  trustedRoot: unknown;
  /** The signer in words, for the conclusion. */
  signedBy: string;
  /** The signed audit. */
  predicate: AuditPredicate;
}

/** Step 3: the signed audit attestation, its signer pinned, about this digest and skill, agreeing with the record. */
export async function checkAttestation(record: SkillRecord, options: VerifyOptions): Promise<StepResult<VerifiedSigner>> {
  const { registry } = options;
  const digest = record.digest as `sha256:${string}`;
  return runStep('attestation', async () => {
    const trust = options.trust ?? (await registry.trust());
    if (!record.attestation) throw new StepFailure('UNSIGNED', `${skillLabel(record)} has no signed attestation: the registry built it unsigned. Nothing proves the audit happened: ask the operator to sign their builds.`);
    const bundle = await registry.bundle(record.attestation);
    const trustedRoot = trust.mode === 'keyless' ? (options.trustedRoot ?? (options.trust ? undefined : await registry.trustedRoot())) : undefined;
    const statement = await verifyAttestation(bundle, trust, { digest, publisher: record.publisher, name: record.name, version: record.version }, { trustedRoot });
    const signer = trust.mode === 'key' ? `key ${trust.keyId}` : trust.identity.subject;
    if (statement.predicate.verdict === 'fail') throw new StepFailure('FAILED_AUDIT', `The signed audit of ${skillLabel(record)} says fail. Failed skills must not be used.`, { signer });
    if (statement.predicate.verdict !== record.verdict) {
      throw new StepFailure('RECORD_MISMATCH', `The record says the audit verdict was ${record.verdict}, but the signed attestation says ${statement.predicate.verdict}. The record was edited after signing: report the registry.`, { signer });
    }
    const signedBy = trust.mode === 'key' ? `the registry key ${trust.keyId.slice(0, 16)}…` : `the publishing workflow ${trust.identity.subject}`;
    return {
      message: `The audit attestation is signed by ${signedBy}${options.trust ? ' (pinned)' : " (from the registry's trust.json)"}, is about ${digest} and ${skillLabel(record)}, and records the verdict ${statement.predicate.verdict}.`,
      value: { trust, trustedRoot, signedBy, predicate: statement.predicate },
      facts: { signer, capabilities: statement.predicate.capabilities.declared },
    };
  });
}

/** Step 4: the signed revocation list, not older than one seen before, not listing the digest, not stale. */
export async function checkRevocation(record: SkillRecord, signer: VerifiedSigner, options: VerifyOptions): Promise<StepResult<void>> {
  const { registry } = options;
  const { digest } = record;
  const now = options.now ?? new Date();
  const maxAgeDays = options.maxAgeDays ?? DEFAULT_MAX_REVOCATION_AGE_DAYS;
  return runStep('revocation', async () => {
    const revocationBundle = await registry.revocations();
    if (revocationBundle === undefined) throw new StepFailure('REVOCATIONS_UNAVAILABLE', `${registry.location} publishes no revocation list (api/revocations.json), so a revoked skill cannot be told apart. Not verified: ask the operator to publish one.`);
    const list = await verifyRevocationList(revocationBundle, signer.trust, { trustedRoot: signer.trustedRoot });
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
      throw new StepFailure('REVOKED', `${skillLabel(record)} (${digest}) was revoked on ${revoked.date.slice(0, 10)}: ${revoked.reason} Remove it and do not use it.`, { revocation: revoked });
    }
    const issued = new Date(list.issuedAt);
    const age = Number.isNaN(issued.getTime()) ? Number.POSITIVE_INFINITY : daysBetween(issued, now);
    if (age > maxAgeDays) {
      const ageText = Number.isFinite(age) ? `${Math.floor(age)} days ago` : `at an unreadable time (${JSON.stringify(list.issuedAt)})`;
      const message = `Not on the revocation list, but the list was issued ${ageText}, more than ${maxAgeDays} days: a newer revocation could be missing.`;
      if (options.strict) throw new StepFailure('STALE_REVOCATIONS', `${message} Failing because of --strict; try again when the registry has published a fresh list.`);
      return { status: 'warn', message: `${message} Use --strict to fail in this case.`, code: 'STALE_REVOCATIONS', value: undefined };
    }
    return { message: `Not revoked (the signed revocation list was issued ${list.issuedAt.slice(0, 10)}, ${list.revocations.length} revocation${list.revocations.length === 1 ? '' : 's'} listed).`, value: undefined };
  });
}

/** One verification in progress: the report so far, and the steps planned after the current one. */
export class VerificationRun {
  readonly report: VerificationReport;
  readonly #planned: readonly VerifyStepName[];

  constructor(planned: readonly VerifyStepName[], options: Pick<VerifyOptions, 'trust'>) {
    this.#planned = planned;
    this.report = { verified: false, trustSource: options.trust ? 'pinned' : 'registry', steps: [], summary: '' };
  }

  /**
   * Adds a step's result to the report. When it failed, the steps after it are marked not checked and
   * the report concludes NOT VERIFIED. Returns whether it passed.
   */
  add<T>(result: StepResult<T>): result is PassedStep<T> {
    Object.assign(this.report, result.facts);
    this.report.steps.push(result.line);
    if (result.passed) return true;
    const { code = 'FAILED', message } = result.line;
    for (const step of this.#planned.slice(this.#planned.indexOf(result.line.step) + 1)) this.report.steps.push({ step, status: 'skipped', message: 'Not checked: an earlier step failed.' });
    this.report.error = { code, message };
    this.report.summary = `NOT VERIFIED (${code}): ${message}`;
    return false;
  }

  /** Concludes a verification whose steps all passed. */
  conclude(summary: string): VerificationReport {
    this.report.verified = true;
    this.report.summary = summary;
    return this.report;
  }
}

/** The driver: files (for a folder), record, attestation, revocation, in order, stopping at the first failure. */
export async function runVerifySteps(run: VerificationRun, target: VerifyTarget, options: VerifyOptions): Promise<VerificationReport> {
  let digest = target.digest ?? '';
  if ('dir' in target) {
    const files = await checkFiles(target, options);
    if (!run.add(files)) return run.report;
    digest = files.value.digest;
  }
  const record = await checkRecord(digest, options);
  if (!run.add(record)) return run.report;
  const signer = await checkAttestation(record.value, options);
  if (!run.add(signer)) return run.report;
  const revocation = await checkRevocation(record.value, signer.value, options);
  if (!run.add(revocation)) return run.report;
  const subject = 'dir' in target ? 'these files are' : `${record.value.digest} is`;
  return run.conclude(`Verified: ${subject} exactly what ${options.registry.location} audited as ${skillLabel(record.value)}, signed by ${signer.value.signedBy}, and not revoked.`);
}

/** Runs the verification and reports every step; never throws for a failed check. */
export async function verifySkill(target: VerifyTarget, options: VerifyOptions): Promise<VerificationReport> {
  return runVerifySteps(new VerificationRun('dir' in target ? FOLDER_STEPS : DIGEST_STEPS, options), target, options);
}

const MARKS: Record<VerifyStep['status'], string> = { ok: '✓', warn: '!', fail: '✗', skipped: '-' };

/** The report as text: one line per step, then `details` (what install shows of the skill), then the conclusion. */
export function formatVerification(report: VerificationReport, heading: string, details: readonly string[] = []): string {
  const width = Math.max(...report.steps.map((step) => step.step.length));
  const lines = [heading, ''];
  for (const step of report.steps) lines.push(`  ${MARKS[step.status]} ${step.step.padEnd(width)}  ${step.message}`);
  if (details.length > 0) lines.push('', ...details);
  lines.push('', report.summary);
  if (report.trustSource === 'registry' && report.steps.some((step) => step.step === 'attestation' && step.status !== 'skipped')) {
    lines.push("Trust came from the registry's own api/trust.json; pin it with --trust FILE (or SKILL_REGISTRY_TRUST) so a compromised registry host cannot swap the signer.");
  }
  return lines.join('\n');
}

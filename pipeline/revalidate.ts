/**
 * Re-validation: every published skill re-audited with the current rules, from its audited archive (so
 * exactly the published bytes). Skills now refused are appended to `revocations.yaml` with the reasons;
 * the next publish signs the list and the CLI refuses them from then on.
 */
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SkillRegistryError, readArchive } from '../core/index.ts';
import { SkillRecordSchema, type SkillRecord } from '../schemas/index.ts';
import { scannerIdentity, type Suppression } from '../scanner/index.ts';
import { DRYRUN_ENGINE_VERSION } from '../sandbox/index.ts';
import { auditSkillFolder, type DryRunStore } from './audit.ts';
import { PipelineCache, type AuditKey, type CachedVerdict } from './cache.ts';
import { loadRegistryConfig, loadRegistrySuppressions, loadRevocations } from './config.ts';
import { EntryError } from './errors.ts';
import { readPublishedIndex } from './publish/index.ts';
import { appendRevocations } from './revocations.ts';
import { inShard, type Shard } from './shard.ts';

/** Options of a re-validation run. */
export interface RevalidateOptions {
  /** Registry folder (its revocations.yaml receives newly caught digests). */
  registryDir: string;
  /** Published output folder whose skills are re-audited. */
  outDir: string;
  /** Cache folder (audits keyed by digest, rules and policy: unchanged work is skipped). */
  cacheDir: string;
  /** This run's share of the skills, for a CI matrix: skills whose digest falls in shard `index` of `count`. */
  shard?: Shard;
  /** Sandbox backend override. */
  sandbox?: 'auto' | 'gvisor' | 'bubblewrap';
  /** Skip the dry run for this reason. */
  skipDryRun?: string;
  /** Clock. */
  now?: Date;
  /** Progress lines. */
  log?: (line: string) => void;
}

/** A skill that the current rules refuse although it was published. */
export interface NewlyCaught {
  digest: string;
  id: string;
  version: string;
  reasons: string[];
}

/** What one re-audit needs besides the record. */
interface Reaudit {
  outDir: string;
  suppressions: Suppression[];
  sandbox: 'auto' | 'gvisor' | 'bubblewrap';
  skipDryRun?: string;
  now: Date;
  /** Dry runs of earlier audits: a rule change re-scans a published skill without running it again. */
  dryRuns: DryRunStore;
}

/**
 * Re-audits every published skill (of this shard) with the current rules; skills now refused are
 * appended to `revocations.yaml`. Unchanged work (same digest, declarations, rules, policy, sandbox
 * version) comes from the cache.
 */
export async function revalidatePublished(options: RevalidateOptions): Promise<{ checked: number; skipped: number; caught: NewlyCaught[] }> {
  const log = options.log ?? (() => undefined);
  const registryDir = resolve(options.registryDir);
  const config = await loadRegistryConfig(registryDir);
  const revoked = new Set((await loadRevocations(registryDir)).map((revocation) => revocation.digest));
  const index = await readPublishedIndex(options.outDir);
  const scanner = await scannerIdentity();
  const cache = new PipelineCache(options.cacheDir);
  const reaudit: Reaudit = { outDir: options.outDir, suppressions: await loadRegistrySuppressions(registryDir), sandbox: options.sandbox ?? config.dryRun.sandbox, skipDryRun: options.skipDryRun, now: options.now ?? new Date(), dryRuns: cache };
  const caught: NewlyCaught[] = [];
  let checked = 0;
  let skipped = 0;
  for (const line of index?.skills ?? []) {
    if (revoked.has(line.digest) || !inShard(line.digest, options.shard)) {
      skipped += 1;
      continue;
    }
    const record = SkillRecordSchema.parse(JSON.parse(await readFile(join(options.outDir, line.record), 'utf8')));
    const key: AuditKey = {
      treeDigest: record.digest,
      scanner,
      sandbox: { version: DRYRUN_ENGINE_VERSION, backend: reaudit.sandbox, skipped: reaudit.skipDryRun ?? null },
      heldTo: { publisher: record.publisher, name: record.name, capabilities: record.capabilities.declared },
      suppressions: reaudit.suppressions,
    };
    let result = await cache.verdict(key);
    if (!result) {
      result = await reauditRecord(record, reaudit);
      await cache.saveVerdict(key, result);
    }
    checked += 1;
    if (result.verdict === 'fail') {
      caught.push({ digest: record.digest, id: `${line.publisher}/${line.name}`, version: line.version, reasons: result.reasons });
      log(`✗ ${line.publisher}/${line.name}@${line.version} now fails: ${result.reasons[0] ?? ''}`);
    } else log(`✓ ${line.publisher}/${line.name}@${line.version} still ${result.verdict}`);
  }
  if (caught.length > 0) await appendRevocations(registryDir, caught, scanner.rulesetDigest, reaudit.now);
  return { checked, skipped, caught };
}

/** Audits a published skill again from its archive, held to its published declarations. */
async function reauditRecord(record: SkillRecord, options: Reaudit): Promise<CachedVerdict> {
  const work = await mkdtemp(join(tmpdir(), 'skill-registry-revalidate-'));
  try {
    const dir = join(work, 'skill');
    for (const file of readArchive(await readFile(join(options.outDir, record.archive.path)))) {
      const target = join(dir, ...file.path.split('/'));
      await mkdir(join(target, '..'), { recursive: true });
      await writeFile(target, file.content);
      await chmod(target, file.executable ? 0o755 : 0o644);
    }
    const audit = await auditSkillFolder(dir, {
      declared: record.capabilities.declared,
      skill: { publisher: record.publisher, name: record.name },
      suppressions: options.suppressions,
      sandbox: options.sandbox,
      skipDryRun: options.skipDryRun,
      signed: true,
      now: options.now,
      dryRuns: options.dryRuns,
    });
    if (audit.report.digest !== record.digest) throw new SkillRegistryError('TREE_CHANGED', `The archive of ${record.publisher}/${record.name} does not match its digest ${record.digest}. The published files were altered: investigate before publishing again.`);
    return { verdict: audit.report.verdict, reasons: audit.report.reasons };
  } catch (error) {
    if (!(error instanceof EntryError)) throw error;
    return { verdict: 'fail', reasons: error.issues.map((issue) => `${issue.id}: ${issue.message}`) };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Reads the folder the pipeline publishes (`api/index.json`, per-skill histories, per-digest records,
 * trust policy, revocation list) and validates every file with the same zod schemas the pipeline writes
 * with. The catalog's content loaders and the site build all read through here, so a bad data folder
 * fails the build with one clear error instead of a half-rendered catalog.
 *
 * Two views of a skill, so that memory and per-page work stay flat as the registry grows: a
 * {@link SkillSummary} (its index line, page and version digests) that every list page needs, kept for
 * every skill at once, and the whole {@link PublishedSkill} (record, history, revocation), which only its
 * own page reads, one skill at a time.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import {
  DigestSchema,
  IndexEntrySchema,
  PublisherSchema,
  RegistryIndexSchema,
  RevocationListSchema,
  RevocationSchema,
  SkillHistorySchema,
  SkillNameSchema,
  SkillRecordSchema,
  SITE_LAYOUT,
  SUPPORTED_API_VERSIONS,
  TrustPolicySchema,
  type IndexEntry,
  type RegistryIndex,
  type RevocationList,
  type SkillHistory,
  type SkillRecord,
  type TrustPolicy,
} from '../../schemas/index.ts';
import { SiteDataError } from './errors.ts';
import { describeZodError } from '../../schemas/zod-issues.ts';

/** Where the pipeline publishes when nothing else is said; relative to the project root. */
export const DEFAULT_DATA_DIR = '.cache/published';

/** Environment variable that points the catalog at another published data folder. */
export const DATA_DIR_ENV = 'SKILL_REGISTRY_DATA';

/** Records read at once: enough to keep the disk busy, few enough to stay far below open-file limits. */
const READ_CONCURRENCY = 64;

/** Site-root URLs of the published files behind one skill version. */
export const SkillLinksSchema = z.strictObject({
  /** `/api/digests/<hex>.json`: the full audit record. */
  record: z.string(),
  /** `/api/digests/<hex>.sigstore.json`, or null when the build was not signed. */
  bundle: z.string().nullable(),
  /** `/api/archives/<hex>.tar.gz`: the audited files. */
  archive: z.string(),
  /** `/api/skills/<publisher>/<name>.json`: every published version. */
  history: z.string(),
  /** `/skills/<publisher>/<name>/`: the catalog page. */
  page: z.string(),
});

/** Site-root URLs of one skill's published files. */
export type SkillLinks = z.output<typeof SkillLinksSchema>;

/** One published skill as the catalog shows it: its index line, its latest record and its history. */
export const PublishedSkillSchema = z.strictObject({
  /** The line of `api/index.json`. */
  entry: IndexEntrySchema,
  /** The audit record of the indexed (latest) version. */
  record: SkillRecordSchema,
  /** Every published version, newest first. */
  history: SkillHistorySchema,
  /** Why the skill is revoked, from its record or the revocation list; absent when it is not. */
  revocation: RevocationSchema.optional(),
  /** Where its published files are. */
  links: SkillLinksSchema,
});

/** One published skill as the catalog consumes it. */
export type PublishedSkill = z.output<typeof PublishedSkillSchema>;

/** One published skill as list pages show it: a few hundred bytes, whatever its record holds. */
export const SkillSummarySchema = z.strictObject({
  /** The line of `api/index.json`, with trust `revoked` when the skill was revoked after publication. */
  entry: IndexEntrySchema,
  /** `/skills/<publisher>/<name>/`: the catalog page. */
  page: z.string(),
  /** Every published version's number and digest, newest first, so a revoked digest can be named. */
  versions: z.array(z.strictObject({ version: z.string(), digest: DigestSchema })),
});

/** One published skill as list pages consume it. */
export type SkillSummary = z.output<typeof SkillSummarySchema>;

/** Registry-wide facts: name, generation time, who signs, what is revoked. */
export const RegistryInfoSchema = z.strictObject({
  /** The registry's name and public URL. */
  registry: z.strictObject({ name: z.string(), url: z.string() }),
  /** When the index was generated (ISO 8601). */
  generatedAt: z.string(),
  /** Who signs the attestations, or null when the registry publishes no trust policy (unsigned builds). */
  trust: TrustPolicySchema.nullable(),
  /** The revocation list, or null when none is published. */
  revocations: RevocationListSchema.nullable(),
  /** Number of published skills. */
  skillCount: z.number().int().nonnegative(),
});

/** Registry-wide facts as the catalog consumes them. */
export type RegistryInfo = z.output<typeof RegistryInfoSchema>;

/** Everything the catalog shows, read and validated. */
export interface PublishedRegistry {
  /** Registry-wide facts. */
  info: RegistryInfo;
  /** Published skills in index order (publisher, then name). */
  skills: PublishedSkill[];
}

/** The data folder the catalog reads: `SKILL_REGISTRY_DATA` when set, else `.cache/published`, under `root`. */
export function resolveDataDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env[DATA_DIR_ENV];
  const dir = configured !== undefined && configured !== '' ? configured : DEFAULT_DATA_DIR;
  return isAbsolute(dir) ? dir : resolve(root, dir);
}

/** Hex part of a `sha256:` digest. */
export function digestHex(digest: string): string {
  return digest.slice('sha256:'.length);
}

/** Site-root URLs of the files published for one skill version. */
export function skillLinks(publisher: string, name: string, record: Pick<SkillRecord, 'digest' | 'attestation'>): SkillLinks {
  return {
    record: `/${SITE_LAYOUT.record(record.digest)}`,
    bundle: record.attestation === null ? null : `/${SITE_LAYOUT.bundle(record.digest)}`,
    archive: `/${SITE_LAYOUT.archive(record.digest)}`,
    history: `/${SITE_LAYOUT.history(publisher, name)}`,
    page: `/${SITE_LAYOUT.skillPage(publisher, name)}`,
  };
}

/** Reads and validates the registry-wide files only: the index, the trust policy and the revocation list. */
export async function readRegistryInfo(dataDir: string): Promise<RegistryInfo> {
  const { index, trust, revocations } = await readHead(dataDir);
  return { registry: index.registry, generatedAt: index.generatedAt, trust, revocations, skillCount: index.skills.length };
}

/** Reads and validates the whole published data folder, keeping every record: for tools and tests, not for pages. */
export async function readPublishedRegistry(dataDir: string): Promise<PublishedRegistry> {
  const { index, trust, revocations } = await readHead(dataDir);
  const skills = await readEverySkill(dataDir, index, revocations, (skill) => skill);
  return {
    info: { registry: index.registry, generatedAt: index.generatedAt, trust, revocations, skillCount: skills.length },
    skills,
  };
}

/**
 * Reads and validates every skill of the published data folder as thoroughly as
 * {@link readPublishedRegistry}, one batch at a time, and keeps only what `use` makes of each: a
 * skill's record is dropped once `use` is done with it, so a large registry never sits in memory whole.
 */
export async function readEachSkill<T>(dataDir: string, use: (skill: PublishedSkill) => T | Promise<T>): Promise<T[]> {
  const { index, revocations } = await readHead(dataDir);
  return readEverySkill(dataDir, index, revocations, use);
}

/** Every skill's {@link SkillSummary}, each checked as thoroughly as by {@link readPublishedRegistry}. */
export function readSkillSummaries(dataDir: string): Promise<SkillSummary[]> {
  return readEachSkill(dataDir, summaryOf);
}

/** The summary of a skill that was read whole. */
export function summaryOf(skill: PublishedSkill): SkillSummary {
  return { entry: skill.entry, page: skill.links.page, versions: skill.history.versions.map(({ version, digest }) => ({ version, digest })) };
}

/**
 * Reads and validates one skill whole: the record and history behind its index line, with the
 * revocation that applies to it. `revocations` is the registry's list ({@link readRevocationList}).
 */
export async function readPublishedSkill(dataDir: string, entry: IndexEntry, revocations: RevocationList | null): Promise<PublishedSkill> {
  return readSkill(dataDir, entry, revokedByDigestOf(revocations));
}

function revokedByDigestOf(revocations: RevocationList | null): Map<string, z.output<typeof RevocationSchema>> {
  return new Map((revocations?.revocations ?? []).map((revocation) => [revocation.digest, revocation]));
}

/** Reads every indexed skill, READ_CONCURRENCY at a time, and keeps what `keep` makes of each. */
async function readEverySkill<T>(dataDir: string, index: RegistryIndex, revocations: RevocationList | null, keep: (skill: PublishedSkill) => T | Promise<T>): Promise<T[]> {
  const revokedByDigest = revokedByDigestOf(revocations);
  const kept: T[] = [];
  for (let start = 0; start < index.skills.length; start += READ_CONCURRENCY) {
    const batch = index.skills.slice(start, start + READ_CONCURRENCY);
    kept.push(...(await Promise.all(batch.map(async (entry) => keep(await readSkill(dataDir, entry, revokedByDigest))))));
  }
  return kept;
}

async function readHead(dataDir: string): Promise<{ index: RegistryIndex; trust: TrustPolicy | null; revocations: RevocationList | null }> {
  const [index, trust, revocations] = await Promise.all([readIndex(dataDir), readTrustPolicy(dataDir), readRevocationList(dataDir)]);
  return { index, trust, revocations };
}

async function readIndex(dataDir: string): Promise<RegistryIndex> {
  const path = join(dataDir, SITE_LAYOUT.index);
  const raw = await readJson(path, {
    missing: () =>
      new SiteDataError(
        'MISSING_DATA',
        `No published registry at ${path}. Run the pipeline first (\`npm run build\`), or point ${DATA_DIR_ENV} at a folder holding api/index.json.`,
        { where: path },
      ),
  });
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (!(SUPPORTED_API_VERSIONS as readonly unknown[]).includes(version)) {
    throw new SiteDataError(
      'UNSUPPORTED_VERSION',
      `${path} has schemaVersion ${JSON.stringify(version)}, which this catalog cannot read. Supported: ${SUPPORTED_API_VERSIONS.join(', ')}; rebuild the data with this version of the pipeline.`,
      { where: path },
    );
  }
  return validate(RegistryIndexSchema, raw, path);
}

async function readSkill(dataDir: string, entry: IndexEntry, revokedByDigest: Map<string, z.output<typeof RevocationSchema>>): Promise<PublishedSkill> {
  const where = `${SITE_LAYOUT.index} (${entry.publisher}/${entry.name})`;
  // Publisher and name become file paths and URLs: hold them to the registry alphabet first.
  for (const [field, value] of [['publisher', entry.publisher], ['name', entry.name]] as const) {
    const check = (field === 'publisher' ? PublisherSchema : SkillNameSchema).safeParse(value);
    if (!check.success) {
      throw new SiteDataError('INVALID_RECORD', `${where}: ${field} ${JSON.stringify(value)} is invalid (${describeZodError(check.error, field)}). Fix the publisher's entry and publish again.`, { where });
    }
  }
  const recordPath = join(dataDir, SITE_LAYOUT.record(entry.digest));
  const historyPath = join(dataDir, SITE_LAYOUT.history(entry.publisher, entry.name));
  const missing = (path: string) => () =>
    new SiteDataError('MISSING_FILE', `${where} lists ${entry.digest}, but ${path} does not exist. Publish again so every indexed skill has its files.`, { where: path });
  const [record, history] = await Promise.all([
    readJson(recordPath, { missing: missing(recordPath) }).then((raw) => validate(SkillRecordSchema, raw, recordPath)),
    readJson(historyPath, { missing: missing(historyPath) }).then((raw) => validate(SkillHistorySchema, raw, historyPath)),
  ]);
  checkConsistent(entry, record, history, recordPath, historyPath);
  const revocation = record.revoked ?? revokedByDigest.get(record.digest);
  if (revocation === undefined) return { entry, record, history, links: skillLinks(entry.publisher, entry.name, record) };
  // Per-digest records are immutable, so a revocation issued after publication lives only in the
  // revocation list: show it everywhere the skill appears.
  return {
    entry: { ...entry, trust: 'revoked' },
    record: { ...record, trust: 'revoked', revoked: revocation },
    history: { ...history, versions: history.versions.map((version) => (revokedByDigest.has(version.digest) || version.digest === record.digest ? { ...version, trust: 'revoked' } : version)) },
    revocation,
    links: skillLinks(entry.publisher, entry.name, record),
  };
}

function checkConsistent(entry: IndexEntry, record: SkillRecord, history: SkillHistory, recordPath: string, historyPath: string): void {
  const mismatches: string[] = [];
  for (const field of ['publisher', 'name', 'version', 'digest'] as const) {
    if (record[field] !== entry[field]) mismatches.push(`${recordPath} has ${field} ${JSON.stringify(record[field])} where the index has ${JSON.stringify(entry[field])}`);
  }
  if (history.publisher !== entry.publisher || history.name !== entry.name) {
    mismatches.push(`${historyPath} is about ${history.publisher}/${history.name}, not ${entry.publisher}/${entry.name}`);
  }
  if (!history.versions.some((version) => version.digest === entry.digest)) {
    mismatches.push(`${historyPath} does not list the indexed digest ${entry.digest}`);
  }
  if (mismatches.length > 0) {
    throw new SiteDataError('INCONSISTENT', `The published data disagrees with itself: ${mismatches.join('; ')}. Publish again from one pipeline run.`, { where: recordPath });
  }
}

async function readTrustPolicy(dataDir: string): Promise<TrustPolicy | null> {
  const path = join(dataDir, SITE_LAYOUT.trust);
  const raw = await readJson(path, { missing: () => null });
  return raw === null ? null : validate(TrustPolicySchema, raw, path);
}

/**
 * The registry's revocation list, or null when it publishes none. It is published signed: either the plain list, or a Sigstore bundle whose DSSE
 * payload is the list. The catalog only presents it (the CLI's `verify` checks the signature), so
 * both shapes are read.
 */
export async function readRevocationList(dataDir: string): Promise<RevocationList | null> {
  const path = join(dataDir, SITE_LAYOUT.revocations);
  const raw = await readJson(path, { missing: () => null });
  if (raw === null) return null;
  const payload = (raw as { dsseEnvelope?: { payload?: unknown } }).dsseEnvelope?.payload;
  if (typeof payload === 'string') {
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
    } catch (cause) {
      throw new SiteDataError('INVALID_JSON', `${path} is a Sigstore bundle whose payload is not base64 JSON. Sign the revocation list again.`, { where: path, cause });
    }
    return validate(RevocationListSchema, decoded, `${path} (bundle payload)`);
  }
  return validate(RevocationListSchema, raw, path);
}

async function readJson<T>(path: string, options: { missing: () => T | SiteDataError }): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') {
      const fallback = options.missing();
      if (fallback instanceof SiteDataError) throw fallback;
      return fallback;
    }
    throw new SiteDataError('MISSING_FILE', `Cannot read ${path}: ${(cause as Error).message}. Check the file's permissions.`, { where: path, cause });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new SiteDataError('INVALID_JSON', `${path} is not valid JSON (${(cause as Error).message}). Publish again; the pipeline writes atomically, so a torn file means it was edited by hand.`, {
      where: path,
      cause,
    });
  }
}

function validate<Schema extends z.ZodType>(schema: Schema, raw: unknown, path: string): z.output<Schema> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 5).map((issue) => `${issue.path.length === 0 ? '(root)' : issue.path.join('.')}: ${issue.message}`);
  const more = result.error.issues.length > 5 ? ` (and ${result.error.issues.length - 5} more)` : '';
  throw new SiteDataError('INVALID_RECORD', `${path} does not match its published schema: ${problems.join('; ')}${more}. Publish it again with the current pipeline.`, { where: path });
}

/**
 * The outputs for other tools, built from the next index before it is written: the Claude Code plugin
 * marketplace, a badge per indexed skill, the Atom feed, and the revocations as OSV advisories. Built
 * whole in memory (and validated) before anything is written, so an error here leaves every published
 * file as it was.
 */
import { SkillRegistryError } from '../../core/index.ts';
import { SITE_LAYOUT, type OsvAdvisory, type OsvIndex, type RegistryIndex, type Revocation, type SkillHistory, type SkillRecord } from '../../schemas/index.ts';
import { trustBadgeSvg } from './badge.ts';
import { atomFeed, type FeedRevocation } from './feed.ts';
import { claudeMarketplace, type MarketplaceSkill, type Unlisted } from './marketplace.ts';
import { osvAdvisory, osvId, osvIndex, withdrawnAdvisory } from './osv.ts';

/** Reads published files, this run's in memory first, then the output folder. */
export interface PublishedReader {
  /** The record of a digest, or undefined when the registry never published it. */
  record(digest: string): Promise<SkillRecord | undefined>;
  /** The history of an indexed skill. */
  history(publisher: string, name: string): Promise<SkillHistory>;
  /** The OSV index published before, if any. */
  osvIndex(): Promise<OsvIndex | undefined>;
  /** An OSV advisory published before, if any. */
  advisory(id: string): Promise<OsvAdvisory | undefined>;
}

/** What {@link ecosystemFiles} needs. */
export interface EcosystemInput {
  /** Registry name and public URL. */
  registry: { name: string; url: string };
  /** The index about to be published. */
  index: RegistryIndex;
  /** The revocation list about to be published. */
  revocations: Revocation[];
  /** Folder that local `source.repo` paths are relative to. */
  localSourceBase: string;
  /** This run's time. */
  now: Date;
  /** Access to published files. */
  read: PublishedReader;
}

/** The files to write, and what the marketplace leaves out. */
export interface EcosystemOutput {
  /** Site-relative path → content. */
  files: Map<string, string>;
  /** Listable skills the marketplace leaves out, with the reason. */
  unlisted: Unlisted[];
}

/** An indexed skill with its record and history. */
type IndexedSkill = MarketplaceSkill & { history: SkillHistory };

function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

async function indexedSkills(index: RegistryIndex, read: PublishedReader): Promise<IndexedSkill[]> {
  return Promise.all(
    index.skills.map(async (line) => {
      const record = await read.record(line.digest);
      if (record === undefined) {
        throw new SkillRegistryError('MISSING_RECORD', `The index lists ${line.publisher}/${line.name} at ${line.digest}, but its record ${line.record} is missing or unreadable. Restore the output folder (the published branch) and publish again.`, { where: line.record });
      }
      return { line, record, history: await read.history(line.publisher, line.name) };
    }),
  );
}

/** Revocations of digests this registry published (others name no skill to warn about). */
async function revokedRecords(revocations: readonly Revocation[], read: PublishedReader): Promise<FeedRevocation[]> {
  const found = await Promise.all(revocations.map(async (revocation) => ({ revocation, record: await read.record(revocation.digest) })));
  return found.filter((item): item is FeedRevocation => item.record !== undefined);
}

/** Current advisories, and earlier ones whose revocation was lifted, withdrawn. */
async function advisories(revoked: readonly FeedRevocation[], input: EcosystemInput, now: string): Promise<OsvAdvisory[]> {
  const current = await Promise.all(
    revoked.map(async ({ revocation, record }) => osvAdvisory({ revocation, record, registryUrl: input.registry.url, previous: await input.read.advisory(osvId(record.digest)), now })),
  );
  const currentIds = new Set(current.map((advisory) => advisory.id));
  const lifted = ((await input.read.osvIndex())?.advisories ?? []).filter((line) => !currentIds.has(line.id));
  const withdrawn = await Promise.all(lifted.map(async (line) => input.read.advisory(line.id)));
  return [...current, ...withdrawn.filter((advisory) => advisory !== undefined).map((advisory) => withdrawnAdvisory(advisory, now))];
}

/** Builds every output for other tools from the next index and revocation list. */
export async function ecosystemFiles(input: EcosystemInput): Promise<EcosystemOutput> {
  const now = input.now.toISOString().replace(/\.000Z$/, 'Z');
  const skills = await indexedSkills(input.index, input.read);
  const revoked = await revokedRecords(input.revocations, input.read);
  const files = new Map<string, string>();

  const { marketplace, unlisted } = claudeMarketplace({ registry: input.registry, skills, localSourceBase: input.localSourceBase });
  files.set(SITE_LAYOUT.marketplace, jsonText(marketplace));
  for (const { line } of skills) {
    files.set(SITE_LAYOUT.badge(line.publisher, line.name), trustBadgeSvg({ publisher: line.publisher, name: line.name, version: line.version, trust: line.trust, registryName: input.registry.name }));
  }
  files.set(SITE_LAYOUT.feed, atomFeed({ registry: input.registry, skills, revocations: revoked, generatedAt: now }));
  const issued = await advisories(revoked, input, now);
  for (const advisory of issued) files.set(SITE_LAYOUT.osvAdvisory(advisory.id), jsonText(advisory));
  files.set(SITE_LAYOUT.osvIndex, jsonText(osvIndex(issued)));
  return { files, unlisted };
}

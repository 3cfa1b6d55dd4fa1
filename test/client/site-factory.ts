/**
 * Builds a real published site in a folder, the way the publish stage lays it out: records,
 * deterministic archives, attestation bundles, a signed revocation list and trust.json, all written
 * with the project's own schemas and signing functions. Used by the client tests and the verify bench.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { archiveTreeFiles, digestFiles, sha256Hex, writeArchive, type ArchiveFile } from '../../core/index.ts';
import {
  CapabilitiesSchema,
  RegistryIndexSchema,
  SkillHistorySchema,
  SkillRecordSchema,
  noCapabilities,
  type AuditPredicate,
  type CapabilitiesInput,
  type Revocation,
  type SkillRecord,
} from '../../schemas/index.ts';
import { buildAuditStatement, signAttestation, signRevocationList, type Signer } from '../../signing/index.ts';

/** One skill version to publish. */
export interface SkillFixture {
  publisher: string;
  name: string;
  version: string;
  description?: string;
  /** Files: content, or content plus the executable bit. */
  files: Record<string, string | { content: string; executable: boolean }>;
  verdict?: 'pass' | 'warn';
  /** Declared (and observed) capabilities; default: runs python3, nothing else. */
  capabilities?: CapabilitiesInput;
  /** The audit's reasons, as the decide stage writes them (default: none). */
  reasons?: string[];
}

/** What the factory published. */
export interface PublishedSkill {
  fixture: SkillFixture;
  digest: `sha256:${string}`;
  hex: string;
  record: SkillRecord;
  archiveFiles: ArchiveFile[];
}

const ZERO_DIGEST = `sha256:${'0'.repeat(64)}` as const;
const COMMIT = 'a'.repeat(40);

/** The standard test skill: a SKILL.md, a script with its executable bit, and a reference. */
export function weatherSkill(version = '1.0.0'): SkillFixture {
  return {
    publisher: 'acme',
    name: 'weather-lite',
    version,
    description: 'Looks up the weather forecast for a city.',
    files: {
      'SKILL.md': `---\nname: weather-lite\ndescription: Looks up the weather forecast for a city.\n---\n\nRun \`python3 scripts/run.py London\` (version ${version}).\n`,
      'scripts/run.py': { content: 'import sys\nprint("forecast for", sys.argv[1])\n', executable: true },
      'references/api.md': '# API\nThe forecast endpoint.\n',
    },
  };
}

/** Archive files of a fixture. */
export function fixtureFiles(fixture: SkillFixture): ArchiveFile[] {
  return Object.entries(fixture.files).map(([path, value]) => {
    const { content, executable } = typeof value === 'string' ? { content: value, executable: false } : value;
    return { path, executable, content: new TextEncoder().encode(content) };
  });
}

/** The audit predicate the pipeline would sign for these files. */
export function predicateFor(fixture: SkillFixture, files: ReturnType<typeof archiveTreeFiles>): AuditPredicate {
  const verdict = fixture.verdict ?? 'pass';
  const declared = fixture.capabilities ? CapabilitiesSchema.parse(fixture.capabilities) : { ...noCapabilities(), commands: ['python3'] };
  return {
    source: { repo: `https://github.com/${fixture.publisher}/skills.git`, commit: COMMIT, path: `skills/${fixture.name}` },
    verdict,
    trust: verdict === 'pass' ? 'verified' : 'warnings',
    scanner: { version: '0.1.0', rulesetDigest: ZERO_DIGEST, policyDigest: ZERO_DIGEST },
    findings: { counts: {}, ruleIds: [] },
    dryrun: { status: 'ran', sandbox: 'gvisor', verdict: 'pass', transcriptDigest: ZERO_DIGEST },
    capabilities: { declared, observed: declared },
    tree: { algorithm: 'skill-tree-v1', files },
    auditedAt: '2026-11-20T10:00:00.000Z',
  };
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** Options of {@link buildSite}. */
export interface SiteOptions {
  signer: Signer;
  skills: SkillFixture[];
  revocations?: Revocation[];
  /** When the revocation list was issued (default: now). */
  issuedAt?: string;
  /** The revocation list's sequence number (default: none, as lists before numbering had). */
  sequence?: number;
  /** A Sigstore trusted root to publish as api/trusted_root.json (keyless test registries). */
  trustedRoot?: unknown;
}

/** Writes a complete site under `root` and returns what it published. */
export async function buildSite(root: string, options: SiteOptions): Promise<PublishedSkill[]> {
  const published: PublishedSkill[] = [];
  const revoked = new Map((options.revocations ?? []).map((revocation) => [revocation.digest, revocation]));
  for (const fixture of options.skills) {
    const archiveFiles = fixtureFiles(fixture);
    const tree = digestFiles(archiveTreeFiles(archiveFiles));
    const hex = tree.digest.slice('sha256:'.length);
    const archive = writeArchive(archiveFiles);
    const predicate = predicateFor(fixture, tree.files);
    const statement = buildAuditStatement({ publisher: fixture.publisher, name: fixture.name, version: fixture.version, digest: tree.digest, predicate });
    const bundle = await signAttestation(options.signer, statement);
    await mkdir(join(root, 'api', 'archives'), { recursive: true });
    await writeFile(join(root, 'api', 'archives', `${hex}.tar.gz`), archive);
    await writeJson(join(root, 'api', 'digests', `${hex}.sigstore.json`), bundle);
    const revocation = revoked.get(tree.digest);
    const record = SkillRecordSchema.parse({
      schemaVersion: 1,
      publisher: fixture.publisher,
      name: fixture.name,
      version: fixture.version,
      description: fixture.description ?? `The ${fixture.name} skill.`,
      license: 'MIT',
      digest: tree.digest,
      source: predicate.source,
      verdict: predicate.verdict,
      trust: revocation ? 'revoked' : predicate.trust,
      reasons: fixture.reasons ?? [],
      scan: { version: '0.1.0', rulesetDigest: ZERO_DIGEST, policyDigest: ZERO_DIGEST, findings: [] },
      dryrun: { status: 'ran', sandbox: 'gvisor', verdict: 'pass', commands: 1, events: 3, violations: [], transcriptDigest: ZERO_DIGEST },
      capabilities: { declared: predicate.capabilities.declared, inferred: predicate.capabilities.declared, observed: predicate.capabilities.observed },
      files: tree.files,
      readme: new TextDecoder().decode(archiveFiles.find((file) => file.path === 'SKILL.md')?.content ?? new Uint8Array()),
      archive: { path: `api/archives/${hex}.tar.gz`, sha256: sha256Hex(archive), size: archive.length },
      attestation: `api/digests/${hex}.sigstore.json`,
      auditedAt: predicate.auditedAt,
      ...(revocation ? { revoked: revocation } : {}),
    });
    await writeJson(join(root, 'api', 'digests', `${hex}.json`), record);
    published.push({ fixture, digest: tree.digest, hex, record, archiveFiles });
  }
  const latest = new Map<string, PublishedSkill>();
  for (const skill of published) latest.set(`${skill.fixture.publisher}/${skill.fixture.name}`, skill);
  for (const [key, skill] of latest) {
    const versions = published.filter((candidate) => `${candidate.fixture.publisher}/${candidate.fixture.name}` === key).reverse();
    await writeJson(
      join(root, 'api', 'skills', skill.fixture.publisher, `${skill.fixture.name}.json`),
      SkillHistorySchema.parse({
        schemaVersion: 1,
        publisher: skill.fixture.publisher,
        name: skill.fixture.name,
        versions: versions.map((version) => ({ version: version.record.version, digest: version.digest, verdict: version.record.verdict, trust: version.record.trust, auditedAt: version.record.auditedAt, record: `api/digests/${version.hex}.json` })),
      }),
    );
  }
  await writeJson(
    join(root, 'api', 'index.json'),
    RegistryIndexSchema.parse({
      schemaVersion: 1,
      registry: { name: 'test registry', url: 'http://localhost:4321' },
      generatedAt: new Date().toISOString(),
      skills: [...latest.values()].map((skill) => ({
        publisher: skill.record.publisher,
        name: skill.record.name,
        version: skill.record.version,
        digest: skill.digest,
        verdict: skill.record.verdict,
        trust: skill.record.trust,
        description: skill.record.description,
        license: skill.record.license,
        capabilities: skill.record.capabilities.declared,
        auditedAt: skill.record.auditedAt,
        record: `api/digests/${skill.hex}.json`,
      })),
    }),
  );
  await writeJson(join(root, 'api', 'trust.json'), options.signer.trust);
  const revocations = await signRevocationList(options.signer, {
    schemaVersion: 1,
    issuedAt: options.issuedAt ?? new Date().toISOString(),
    ...(options.sequence === undefined ? {} : { sequence: options.sequence }),
    revocations: options.revocations ?? [],
  });
  await writeJson(join(root, 'api', 'revocations.json'), revocations);
  if (options.trustedRoot !== undefined) await writeJson(join(root, 'api', 'trusted_root.json'), options.trustedRoot);
  return published;
}

/** The tree digest a fixture will be published under. */
export function digestOf(fixture: SkillFixture): `sha256:${string}` {
  return digestFiles(archiveTreeFiles(fixtureFiles(fixture))).digest;
}

/**
 * A small factory for published data folders: real archives, real tree digests and records that pass
 * the published zod schemas, laid out exactly as the pipeline publishes them. The sample registry holds
 * one verified skill (two versions), one published with warnings whose SKILL.md tries every trick
 * against the catalog, and one revoked skill.
 */
import { generateKeyPairSync, createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { archiveTreeFiles, digestFiles, sha256Hex, writeArchive, type ArchiveFile } from '../../core/index.ts';
import {
  RegistryIndexSchema,
  RevocationListSchema,
  SkillHistorySchema,
  SkillRecordSchema,
  TrustPolicySchema,
  type Capabilities,
  type Finding,
  type SkillRecord,
} from '../../schemas/index.ts';

/** Marker a script in the hostile SKILL.md sets on `window` if it ever runs. */
export const PWNED_MARKER = '__skillRegistryPwned';

/** SKILL.md body that tries raw HTML, scripts and `javascript:`/`data:` links against the catalog. */
export const HOSTILE_README = `# PDF tools

Extract tables from PDF invoices.

<script>window.${PWNED_MARKER} = 'script';</script>

<img src="https://tracker.invalid/pixel.png" onerror="window.${PWNED_MARKER} = 'img'">

<a href="javascript:window.${PWNED_MARKER}='raw-anchor'">raw anchor</a>

[Click for a discount](javascript:window.${PWNED_MARKER}='link')

[Encoded](java&#115;cript:window.${PWNED_MARKER}='encoded')

[Data URL](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

<javascript:window.${PWNED_MARKER}='autolink'>

![tracking pixel](https://tracker.invalid/pixel.png)

See [the helper script](scripts/extract.py) and the [project page](https://pdf-tools.invalid/docs).

## Usage

\`\`\`bash
python3 scripts/extract.py invoice.pdf --format csv
\`\`\`
`;

/** One skill version to publish. */
export interface FixtureSkill {
  publisher: string;
  name: string;
  version: string;
  description: string;
  license?: string;
  trust: SkillRecord['trust'];
  verdict: SkillRecord['verdict'];
  reasons: string[];
  findings?: Finding[];
  declared?: Partial<Capabilities>;
  inferred?: Partial<Capabilities>;
  observed?: Partial<Capabilities>;
  readme: string;
  files?: Record<string, string>;
  dryrun?: SkillRecord['dryrun'];
  revoked?: SkillRecord['revoked'];
  auditedAt?: string;
  signed?: boolean;
}

function capabilities(partial: Partial<Capabilities> = {}): Capabilities {
  return { network: [], env: [], filesystem: { read: [], write: [] }, commands: [], ...partial };
}

/** A finding with sensible defaults. */
export function finding(overrides: Partial<Finding> & Pick<Finding, 'ruleId' | 'severity' | 'file' | 'line' | 'message'>): Finding {
  return { title: overrides.ruleId, confidence: 'high', category: 'capability', kind: 'capability', evidence: '', fix: 'Declare it in the entry.', ...overrides };
}

const ZERO_DIGEST = `sha256:${'0'.repeat(64)}`;

/** Writes one skill version (record, archive, bundle placeholder) and returns its record. */
async function writeVersion(api: string, skill: FixtureSkill): Promise<SkillRecord> {
  const fileContents = { 'SKILL.md': `---\nname: ${skill.name}\ndescription: ${skill.description}\n---\n${skill.readme}`, ...skill.files };
  const archiveFiles: ArchiveFile[] = Object.entries(fileContents).map(([path, text]) => ({
    path,
    executable: path.startsWith('scripts/'),
    content: Buffer.from(text, 'utf8'),
  }));
  const treeFiles = archiveTreeFiles(archiveFiles);
  const { digest } = digestFiles(treeFiles);
  const hex = digest.slice('sha256:'.length);
  const archive = writeArchive(archiveFiles);
  const signed = skill.signed ?? true;
  const record = SkillRecordSchema.parse({
    schemaVersion: 1,
    publisher: skill.publisher,
    name: skill.name,
    version: skill.version,
    description: skill.description,
    license: skill.license ?? 'MIT',
    digest,
    source: { repo: `https://git.invalid/${skill.publisher}/skills.git`, commit: sha256Hex(`${skill.name}@${skill.version}`).slice(0, 40), path: `skills/${skill.name}` },
    verdict: skill.verdict,
    trust: skill.trust,
    reasons: skill.reasons,
    scan: { version: '0.1.0', rulesetDigest: `sha256:${sha256Hex('rules')}`, policyDigest: `sha256:${sha256Hex('policy')}`, findings: skill.findings ?? [] },
    dryrun: skill.dryrun ?? { status: 'ran', sandbox: 'gvisor', verdict: 'pass', commands: 2, events: 14, violations: [], transcriptDigest: `sha256:${sha256Hex(`${skill.name}-transcript`)}` },
    capabilities: { declared: capabilities(skill.declared), inferred: capabilities(skill.inferred ?? skill.declared), observed: capabilities(skill.observed) },
    files: treeFiles,
    readme: skill.readme,
    archive: { path: `api/archives/${hex}.tar.gz`, sha256: createHash('sha256').update(archive).digest('hex'), size: archive.length },
    attestation: signed ? `api/digests/${hex}.sigstore.json` : null,
    auditedAt: skill.auditedAt ?? '2026-11-20T10:00:00.000Z',
    ...(skill.revoked === undefined ? {} : { revoked: skill.revoked }),
  });
  await writeJson(join(api, 'digests', `${hex}.json`), record);
  await mkdir(join(api, 'archives'), { recursive: true });
  await writeFile(join(api, 'archives', `${hex}.tar.gz`), archive);
  if (signed) {
    // Stands in for the Sigstore bundle: the catalog only links to it, verification is the CLI's job.
    await writeJson(join(api, 'digests', `${hex}.sigstore.json`), { mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', fixture: true });
  }
  return record;
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * A word that appears only in the SKILL.md body of acme/weather-lite: not in any name, description,
 * capability, finding or other page, so a search for it proves the body is indexed.
 */
export const BODY_ONLY_WORD = 'barometric';

/** The sample skills: verified (two versions, oldest first), with warnings and hostile body, revoked. */
export function sampleSkills(): FixtureSkill[] {
  const weather = {
    publisher: 'acme',
    name: 'weather-lite',
    description: 'Current conditions and a seven-day forecast for any city from the National Weather Service.',
    trust: 'verified',
    verdict: 'pass',
    reasons: ['No findings above low.', 'Dry run in gVisor observed only declared network use.', 'Signed by the registry key.'],
    declared: { network: ['api.weather.gov'], commands: ['python3'] },
    observed: { network: ['api.weather.gov'], commands: ['python3'] },
    readme: `# Weather lite\n\nAsk for the weather in a city and this skill runs:\n\n\`\`\`bash\npython3 scripts/weather.py London\n\`\`\`\n\nIt calls **api.weather.gov** only, and reports ${BODY_ONLY_WORD} pressure trends alongside the forecast.\n`,
    files: { 'scripts/weather.py': 'import sys\nprint("forecast for", sys.argv[1])\n' },
  } satisfies Partial<FixtureSkill>;
  return [
    { ...weather, version: '1.1.0', auditedAt: '2026-10-01T09:00:00.000Z', readme: `${weather.readme}\nOlder version.\n` },
    { ...weather, version: '1.2.0', auditedAt: '2026-11-20T10:00:00.000Z' },
    {
      publisher: 'globex',
      name: 'pdf-tools',
      version: '0.3.1',
      description: 'Extract tables and text from scanned invoices into CSV spreadsheets.',
      license: 'Apache-2.0',
      trust: 'warnings',
      verdict: 'warn',
      reasons: ['1 medium finding: reads an environment variable holding a credential.', 'Declares broad environment access.'],
      findings: [
        finding({ ruleId: 'undeclared-capability', title: 'Reads a credential from the environment', severity: 'medium', category: 'capability', kind: 'capability', file: 'scripts/extract.py', line: 3, message: 'Reads OCR_API_KEY from the environment.', evidence: "os.environ['OCR_API_KEY']", fix: 'Declare `OCR_API_KEY` under `capabilities.env`, or read the key from a file the user passes in.' }),
        finding({ ruleId: 'long-lines', title: 'A long file', severity: 'info', category: 'coverage', kind: 'coverage', file: 'SKILL.md', line: 0, message: 'The whole file is long.', evidence: '', fix: 'Nothing to fix.' }),
        finding({ ruleId: 'capability-inventory', title: 'Runs a subprocess', severity: 'low', category: 'execution', kind: 'capability', file: 'scripts/extract.py', line: 7, message: 'Starts `pdftotext` with subprocess.run.', evidence: "subprocess.run(['pdftotext', path])", fix: 'Declare pdftotext under capabilities.commands.' }),
      ],
      declared: { env: ['OCR_API_KEY'], commands: ['python3', 'pdftotext'], filesystem: { read: ['~/Documents/invoices/'], write: ['./out/'] } },
      // Observed: a file under the declared folder, a system file no one declares, and a private host the dry run flagged.
      observed: { network: ['10.0.0.7'], commands: ['python3'], filesystem: { read: ['~/Documents/invoices/march.pdf', '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'], write: [] } },
      dryrun: {
        status: 'ran',
        sandbox: 'bubblewrap',
        verdict: 'warn',
        commands: 3,
        events: 41,
        violations: [
          { ruleId: 'dryrun-limit-hit', severity: 'medium', message: 'Hit the 10 s wall-time limit on `python3 scripts/extract.py --help`. Make --help return at once.', event: { kind: 'limit', target: 'wall-time', command: 'python3 scripts/extract.py --help', canary: false } },
          { ruleId: 'dryrun-undeclared-egress', severity: 'medium', message: '`python3 scripts/extract.py in.pdf` reached the private address 10.0.0.7:8080 (connect), which the entry does not declare.', event: { kind: 'connect', target: '10.0.0.7:8080', command: 'python3 scripts/extract.py in.pdf', canary: false } },
        ],
        transcriptDigest: `sha256:${sha256Hex('pdf-transcript')}`,
      },
      readme: HOSTILE_README,
      files: { 'scripts/extract.py': "import os, subprocess\n\nkey = os.environ['OCR_API_KEY']\n\n\ndef run(path):\n    subprocess.run(['pdftotext', path])\n" },
    },
    {
      publisher: 'initech',
      name: 'log-shipper',
      version: '2.0.0',
      description: 'Ship application logs to a collector over HTTPS with batching and retries.',
      trust: 'revoked',
      verdict: 'pass',
      reasons: ['No findings above low.', 'Dry run clean.'],
      declared: { network: ['logs.initech.invalid'], commands: ['bash', 'curl'] },
      observed: { network: ['logs.initech.invalid'], commands: ['bash', 'curl'] },
      readme: '# Log shipper\n\nBatches logs and posts them to your collector.\n',
      files: { 'scripts/ship.sh': '#!/bin/bash\ncurl -sS --data-binary @"$1" https://logs.initech.invalid/ingest\n' },
      revoked: { digest: ZERO_DIGEST, reason: 'The upstream repository was taken over; version 2.0.0 was re-tagged with a credential stealer.', date: '2026-11-21T08:00:00.000Z' },
    },
  ];
}

/** What {@link writePublishedFixture} wrote. */
export interface PublishedFixture {
  dataDir: string;
  records: SkillRecord[];
  /** Latest record per `<publisher>/<name>`. */
  latest: Map<string, SkillRecord>;
}

/** Writes a complete published data folder under `dataDir` holding `skills` (oldest version first). */
export async function writePublishedFixture(dataDir: string, skills: FixtureSkill[] = sampleSkills()): Promise<PublishedFixture> {
  const api = join(dataDir, 'api');
  const records: SkillRecord[] = [];
  for (const skill of skills) {
    const record = await writeVersion(api, skill);
    // A revocation names the digest it revokes: fill it in now that the digest is known.
    if (record.revoked !== undefined) {
      record.revoked.digest = record.digest;
      await writeJson(join(api, 'digests', `${record.digest.slice(7)}.json`), record);
    }
    records.push(record);
  }
  const latest = new Map<string, SkillRecord>();
  for (const record of records) latest.set(`${record.publisher}/${record.name}`, record);

  const entries = [...latest.values()].sort((a, b) => `${a.publisher}/${a.name}`.localeCompare(`${b.publisher}/${b.name}`));
  for (const record of entries) {
    const versions = records.filter((other) => other.publisher === record.publisher && other.name === record.name).reverse();
    await writeJson(
      join(api, 'skills', record.publisher, `${record.name}.json`),
      SkillHistorySchema.parse({
        schemaVersion: 1,
        publisher: record.publisher,
        name: record.name,
        versions: versions.map((version) => ({ version: version.version, digest: version.digest, verdict: version.verdict, trust: version.trust, auditedAt: version.auditedAt, record: `api/digests/${version.digest.slice(7)}.json` })),
      }),
    );
  }
  await writeJson(
    join(api, 'index.json'),
    RegistryIndexSchema.parse({
      schemaVersion: 1,
      registry: { name: 'Example Skills', url: 'https://skills.example.invalid' },
      generatedAt: '2026-11-21T09:00:00.000Z',
      skills: entries.map((record) => ({
        publisher: record.publisher,
        name: record.name,
        version: record.version,
        digest: record.digest,
        verdict: record.verdict,
        trust: record.trust,
        description: record.description,
        license: record.license,
        capabilities: record.capabilities.declared,
        auditedAt: record.auditedAt,
        record: `api/skills/${record.publisher}/${record.name}.json`,
      })),
    }),
  );
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  await writeJson(join(api, 'trust.json'), TrustPolicySchema.parse({ schemaVersion: 1, mode: 'key', publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(), keyId: createHash('sha256').update(der).digest('hex') }));
  const revocations = records.flatMap((record) => (record.revoked === undefined ? [] : [record.revoked]));
  await writeJson(join(api, 'revocations.json'), RevocationListSchema.parse({ schemaVersion: 1, issuedAt: '2026-11-21T08:00:00.000Z', revocations }));
  return { dataDir, records, latest };
}

/** `count` distinct, ordinary skills for load tests: a mix of trust levels, each with a short SKILL.md. */
export function syntheticSkills(count: number): FixtureSkill[] {
  const topics = ['weather', 'invoices', 'kubernetes', 'changelog', 'translation', 'screenshots', 'sql', 'calendar'];
  return Array.from({ length: count }, (_, index) => {
    const topic = topics[index % topics.length];
    const warned = index % 5 === 0;
    return {
      publisher: `publisher-${index % 40}`,
      name: `${topic}-helper-${index}`,
      version: `1.${index % 7}.0`,
      description: `Helps an agent with ${topic} tasks: variant ${index}, tuned for batch work.`,
      trust: warned ? 'warnings' : 'verified',
      verdict: warned ? 'warn' : 'pass',
      reasons: warned ? ['1 medium finding.'] : ['No findings above low.'],
      findings: warned ? [finding({ ruleId: 'undeclared-capability', severity: 'medium', file: 'scripts/run.py', line: 2, message: 'Reads API_TOKEN.' })] : [],
      declared: { network: [`api.${topic}.invalid`], commands: ['python3'] },
      readme: `# ${topic} helper ${index}\n\nRun \`python3 scripts/run.py\` to handle ${topic}.\n\n## Notes\n\nVariant ${index}.\n`,
      files: { 'scripts/run.py': `import os\nTOKEN = os.environ.get('API_TOKEN')\nprint(${index})\n` },
    } satisfies FixtureSkill;
  });
}

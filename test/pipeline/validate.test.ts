import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EntryError } from '../../pipeline/errors.ts';
import { loadEntry, validateEntryData, validateSkillFolder } from '../../pipeline/validate/index.ts';
import { loadRegistryConfig, loadRevocations } from '../../pipeline/config.ts';
import { skillMd, tempDir, writeTree } from '../factories/git.ts';

const COMMIT = '0123456789abcdef0123456789abcdef01234567';

function validEntry(overrides: Record<string, unknown> = {}) {
  return {
    schemaVersion: 1,
    name: 'pdf-tools',
    publisher: 'acme',
    version: '1.2.0',
    source: { repo: 'https://github.com/acme/skills.git', commit: COMMIT, path: 'skills/pdf-tools' },
    license: 'MIT',
    capabilities: { network: ['api.example.com', '*.cdn.example.com'], env: ['PDF_API_KEY'], filesystem: { read: [], write: ['./out/'] }, commands: ['python3'] },
    dryRun: ['python3 scripts/convert.py sample.pdf'],
    ...overrides,
  };
}

const FILE = '/registry/skills/acme/pdf-tools.yaml';
const ids = (data: unknown, file = FILE) => validateEntryData(data, file).issues.map((issue) => [issue.id, issue.path]);

describe('entry validation', () => {
  it('accepts a complete entry and applies shorthands and defaults', () => {
    const { entry, issues } = validateEntryData(validEntry({ capabilities: { network: 'api.example.com', commands: 'python3' }, dryRun: undefined }), FILE);
    expect(issues).toEqual([]);
    expect(entry?.capabilities).toEqual({ network: ['api.example.com'], env: [], filesystem: { read: [], write: [] }, commands: ['python3'] });
    expect(entry?.dryRun).toEqual([]);
  });

  it('reports every missing field at once, each with the field and how to fix it', () => {
    const issues = validateEntryData({ schemaVersion: 1 }, FILE).issues;
    expect(issues.map((issue) => issue.path).sort()).toEqual(['capabilities', 'license', 'name', 'publisher', 'source', 'version']);
    expect(issues.every((issue) => issue.id === 'entry-missing-field')).toBe(true);
    expect(issues.find((issue) => issue.path === 'license')?.message).toMatch(/license: MIT/);
  });

  it('reports wrong types with the offending value', () => {
    const issues = validateEntryData(validEntry({ version: 12, capabilities: { network: [42] } }), FILE).issues;
    expect(issues.map((issue) => [issue.id, issue.path])).toEqual([
      ['entry-invalid-value', 'version'],
      ['entry-invalid-value', 'capabilities.network[0]'],
    ]);
    expect(issues[0].message).toContain('(got 12)');
  });

  it('refuses an unknown schemaVersion naming the supported ones', () => {
    const [issue] = validateEntryData(validEntry({ schemaVersion: 7 }), FILE).issues;
    expect(issue.id).toBe('entry-unsupported-version');
    expect(issue.message).toMatch(/schemaVersion 7 is not supported\. Supported: 1/);
  });

  it.each([['main'], ['v1.2.0'], ['0123456'], [COMMIT.toUpperCase()]])('refuses %s as source.commit: only a full commit id is pinned', (commit) => {
    const issues = validateEntryData(validEntry({ source: { repo: 'https://x.invalid/r.git', commit, path: '.' } }), FILE).issues;
    expect(issues.map((issue) => issue.id)).toEqual(['entry-commit-not-pinned']);
    expect(issues[0].message).toMatch(/git rev-parse HEAD/);
  });

  it('refuses unknown fields (typos) anywhere', () => {
    expect(ids(validEntry({ licence: 'MIT', capabilities: { network: [], netwrok: ['x.com'] } }))).toEqual([
      ['entry-unknown-field', 'capabilities.netwrok'],
      ['entry-unknown-field', 'licence'],
    ]);
  });

  it('refuses a source.path that escapes the repository', () => {
    expect(ids(validEntry({ source: { repo: 'https://x.invalid/r.git', commit: COMMIT, path: '../../etc' } }))).toEqual([['entry-path-escapes', 'source.path']]);
    expect(ids(validEntry({ source: { repo: 'https://x.invalid/r.git', commit: COMMIT, path: '/etc' } }))).toEqual([['entry-path-escapes', 'source.path']]);
  });

  it('requires publisher and name to match the file location', () => {
    expect(ids(validEntry(), '/registry/skills/other/renamed.yaml')).toEqual([
      ['entry-file-name-mismatch', 'name'],
      ['entry-publisher-mismatch', 'publisher'],
    ]);
  });

  it('refuses invalid skill names, hosts and env names', () => {
    expect(ids(validEntry({ name: 'PDF Tools' }), '/registry/skills/acme/PDF Tools.yaml').map(([id, path]) => `${id}@${path}`)).toContain('entry-invalid-value@name');
    expect(ids(validEntry({ capabilities: { network: ['https://api.example.com/'], env: ['not valid'] } }))).toEqual([
      ['entry-invalid-value', 'capabilities.network[0]'],
      ['entry-invalid-value', 'capabilities.env[0]'],
    ]);
  });

  describe('loadEntry', () => {
    it('throws EntryError with YAML syntax errors and their line', async () => {
      const dir = await tempDir();
      await writeTree(dir, { 'skills/acme/bad.yaml': 'schemaVersion: 1\nname: [unclosed\n' });
      const error = await loadEntry(join(dir, 'skills/acme/bad.yaml'), dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EntryError);
      expect((error as EntryError).code).toBe('INVALID_ENTRY');
      expect((error as EntryError).issues[0].id).toBe('entry-yaml-syntax');
      expect((error as EntryError).message).toContain('skills/acme/bad.yaml');
    });
  });
});

describe('SKILL.md validation', () => {
  const entry = validateEntryData(validEntry(), FILE).entry!;

  async function folder(files: Record<string, string>) {
    const dir = await tempDir();
    await writeTree(dir, files);
    return dir;
  }

  it('accepts a matching SKILL.md and returns its description and body', async () => {
    const result = await validateSkillFolder(await folder({ 'SKILL.md': skillMd('pdf-tools', 'Converts PDFs.', '# PDF tools\n') }), entry);
    expect(result.issues).toEqual([]);
    expect(result.frontMatter?.description).toBe('Converts PDFs.');
    expect(result.body).toBe('# PDF tools\n');
  });

  it('reports a missing SKILL.md', async () => {
    const result = await validateSkillFolder(await folder({ 'README.md': 'x' }), entry);
    expect(result.issues.map((issue) => issue.id)).toEqual(['skill-md-missing']);
  });

  it('reports SKILL.md without front matter', async () => {
    const result = await validateSkillFolder(await folder({ 'SKILL.md': '# Title\n' }), entry);
    expect(result.issues.map((issue) => issue.id)).toEqual(['skill-md-no-front-matter']);
  });

  it('reports a name that differs from the entry', async () => {
    const result = await validateSkillFolder(await folder({ 'SKILL.md': skillMd('pdf-tool') }), entry);
    expect(result.issues.map((issue) => issue.id)).toEqual(['skill-md-name-mismatch']);
    expect(result.issues[0].message).toContain('"pdf-tool"');
  });

  it('enforces the Agent Skills limits on name and description', async () => {
    const long = 'x'.repeat(1025);
    const result = await validateSkillFolder(await folder({ 'SKILL.md': `---\nname: Not_Valid\ndescription: ${long}\n---\nbody\n` }));
    expect(result.issues.map((issue) => [issue.id, issue.path])).toEqual([
      ['skill-md-invalid-value', 'SKILL.md front matter name'],
      ['skill-md-invalid-value', 'SKILL.md front matter description'],
    ]);
    const missing = await validateSkillFolder(await folder({ 'SKILL.md': '---\nname: ok-name\n---\nbody\n' }));
    expect(missing.issues.map((issue) => issue.id)).toEqual(['skill-md-missing-field']);
  });
});

describe('registry config and revocations', () => {
  it('defaults everything when there is no config.yaml', async () => {
    const config = await loadRegistryConfig(await tempDir());
    expect(config.sources.allowLocal).toBe(false);
    expect(config.signing.mode).toBe('key');
  });

  it('reports config problems with EntryError INVALID_CONFIG', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'config.yaml'), 'schemaVersion: 2\nsources: { allowLocal: yes-please }\n');
    const error = await loadRegistryConfig(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EntryError);
    expect((error as EntryError).code).toBe('INVALID_CONFIG');
    expect((error as EntryError).issues.map((issue) => issue.id).sort()).toEqual(['config-invalid-value', 'config-unsupported-version']);
  });

  it('reads revocations, accepting plain YAML dates', async () => {
    const dir = await tempDir();
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'revocations.yaml'), `schemaVersion: 1\nrevocations:\n  - digest: sha256:${'a'.repeat(64)}\n    reason: Exfiltrates SSH keys\n    date: 2026-11-01\n`);
    expect(await loadRevocations(dir)).toEqual([{ digest: `sha256:${'a'.repeat(64)}`, reason: 'Exfiltrates SSH keys', date: '2026-11-01' }]);
  });
});

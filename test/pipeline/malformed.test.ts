import { randomBytes } from 'node:crypto';
import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRegistry, type EntryOutcome } from '../../pipeline/index.ts';
import { createSigner } from '../../signing/index.ts';
import { createRegistry, createRepo, entryYaml, skillMd, tempDir } from '../factories/git.ts';

describe('a registry with every kind of malformed entry', () => {
  it('reports each with the entry file, the field and the fix, and still publishes the good one', async () => {
    // A billion-laughs document: nine levels of aliases, each nine times the one before.
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[index]}`).join(',')}]`)].join('\n');
    const good = await createRepo({
      'skills/good/SKILL.md': skillMd('good'),
      'skills/no-skill-md/README.md': 'no SKILL.md here\n',
      'skills/other-name/SKILL.md': skillMd('something-else'),
      'skills/front-bomb/SKILL.md': `---\nname: front-bomb\ndescription: A skill whose front matter is an alias bomb.\n${bomb}\n---\n# Front bomb\n`,
      // 80,000 keys: read as YAML with unique keys, this would take minutes.
      'skills/front-keys/SKILL.md': `---\nname: front-keys\ndescription: A skill with an enormous front matter.\n${Array.from({ length: 80_000 }, (_, index) => `k${index}: ${index}`).join('\n')}\n---\n# Keys\n`,
      'skills/bidi/SKILL.md': skillMd('bidi'),
      'skills/bidi/invoice\u202Etxt.exe': 'MZ\n',
    });
    const linked = await createRepo({ 'SKILL.md': skillMd('linked') });
    await symlink('/etc/passwd', join(linked.dir, 'passwd'));
    const linkedCommit = await linked.commit({});
    const huge = await createRepo({ 'SKILL.md': skillMd('huge'), 'assets/data.bin': { content: randomBytes(3 * 1024 * 1024) } });
    const entry = (name: string, fields: Partial<Parameters<typeof entryYaml>[0]> = {}) => entryYaml({ name, publisher: 'acme', repo: good.dir, commit: good.first, path: `skills/${name}`, ...fields });
    const registry = await createRegistry(
      {
        'acme/good': entry('good'),
        'acme/missing-fields': 'schemaVersion: 1\nname: missing-fields\npublisher: acme\n',
        'acme/wrong-types': entry('wrong-types').replace('version: 1.0.0', 'version: [1, 0]').replace('network: []', 'network: 443'),
        'acme/future': entry('future').replace('schemaVersion: 1', 'schemaVersion: 9'),
        'acme/branch': entry('branch', { commit: 'main' }),
        'acme/no-commit': entry('no-commit', { commit: 'c0ffee'.repeat(6) + 'c0ff' }),
        'acme/escape': entry('escape', { path: '../../etc' }),
        'acme/no-skill-md': entry('no-skill-md'),
        'acme/other-name': entry('other-name'),
        'acme/linked': entryYaml({ name: 'linked', publisher: 'acme', repo: linked.dir, commit: linkedCommit }),
        'acme/huge': entryYaml({ name: 'huge', publisher: 'acme', repo: huge.dir, commit: huge.first }),
        'acme/alias-bomb': `${entry('alias-bomb')}${bomb}\n`,
        'acme/front-bomb': entry('front-bomb'),
        'acme/front-keys': entry('front-keys'),
        'acme/bidi': entry('bidi'),
        'acme/spaced-repo': entry('spaced-repo').replace(`repo: ${good.dir}`, 'repo: https://github.com/acme/my skills.git'),
      },
      // 2 MiB: over the huge repository's 3 MiB of files, under the 1.1 MiB of the good one's (front-keys' SKILL.md).
      'schemaVersion: 1\nname: malformed test\nsources:\n  allowLocal: true\nlimits:\n  maxRepoBytes: 2097152\n',
    );
    const work = await tempDir();
    const { signer } = await createSigner({ mode: 'key' }, { devKeyDir: join(work, 'keys') });
    const summary = await buildRegistry({ registryDir: registry, outDir: join(work, 'out'), cacheDir: join(work, 'cache'), signer, skipDryRun: 'validation test' });
    const byFile = new Map<string, EntryOutcome>(summary.outcomes.map((outcome) => [outcome.file, outcome]));
    const issues = (name: string) => byFile.get(`skills/acme/${name}.yaml`)!.issues.map((issue) => `${issue.id} @ ${issue.path}`);

    expect(byFile.get('skills/acme/good.yaml')?.status).toBe('published');
    expect(issues('alias-bomb')).toEqual(['entry-yaml-aliases @ (file)']);
    expect(issues('front-bomb')).toEqual(['skill-md-yaml-aliases @ SKILL.md front matter (file)']);
    expect(issues('spaced-repo')).toEqual(['fetch-source-not-allowed @ source.repo']);
    expect(issues('front-keys')).toEqual(['skill-md-front-matter-too-large @ SKILL.md front matter']);
    expect(issues('bidi')).toEqual(['fetch-path-escapes @ invoice\u202Etxt.exe']);
    expect(summary.indexed).toBe(1);
    expect(issues('missing-fields')).toEqual(['entry-missing-field @ version', 'entry-missing-field @ source', 'entry-missing-field @ license', 'entry-missing-field @ capabilities']);
    expect(issues('wrong-types')).toEqual(['entry-invalid-value @ version', 'entry-invalid-value @ capabilities.network']);
    expect(issues('future')).toEqual(['entry-unsupported-version @ schemaVersion']);
    expect(issues('branch')).toEqual(['entry-commit-not-pinned @ source.commit']);
    expect(issues('no-commit')).toEqual(['fetch-commit-not-found @ source.commit']);
    expect(issues('escape')).toEqual(['entry-path-escapes @ source.path']);
    expect(issues('no-skill-md')).toEqual(['skill-md-missing @ SKILL.md']);
    expect(issues('other-name')).toEqual(['skill-md-name-mismatch @ SKILL.md front matter name']);
    expect(issues('linked')).toEqual(['fetch-symlink @ passwd']);
    expect(issues('huge')).toEqual(['fetch-too-large @ source.repo']);
    for (const outcome of summary.outcomes.filter((o) => o.status === 'invalid')) {
      expect(outcome.file).toMatch(/^skills\/acme\/[a-z-]+\.yaml$/);
      // Every message says what to do about it.
      for (const issue of outcome.issues) expect(issue.message).toMatch(/\b(Add|Set|Correct|Give|Pin|Push|Make|Rename|Remove|Keep|replace|Use|Move|change|run)\b/);
    }
  });
});

describe('an entry whose audit crashes', () => {
  it('becomes that entry\'s invalid outcome with a one-line reason, and the rest is still published', async () => {
    const repo = await createRepo({ 'skills/good/SKILL.md': skillMd('good'), 'skills/crashy/SKILL.md': skillMd('crashy') });
    const registry = await createRegistry(
      {
        'acme/good': entryYaml({ name: 'good', publisher: 'acme', repo: repo.dir, commit: repo.first, path: 'skills/good' }),
        'acme/crashy': entryYaml({ name: 'crashy', publisher: 'acme', repo: repo.dir, commit: repo.first, path: 'skills/crashy' }),
      },
      'schemaVersion: 1\nname: crash test\nsources:\n  allowLocal: true\n',
    );
    const work = await tempDir();
    const { signer: real } = await createSigner({ mode: 'key' }, { devKeyDir: join(work, 'keys') });
    // A stage that throws something nobody anticipated, for one entry only (here: signing its attestation).
    const signer = {
      trust: real.trust,
      sign: (payload: Uint8Array, type: string) => (Buffer.from(payload).toString('utf8').includes('crashy') ? Promise.reject(new TypeError(`Cannot read properties of undefined (reading 'x') in ${join(work, 'cache')}/bundles`)) : real.sign(payload, type)),
    };
    const summary = await buildRegistry({ registryDir: registry, outDir: join(work, 'out'), cacheDir: join(work, 'cache'), signer, skipDryRun: 'crash boundary test' });
    const byFile = new Map<string, EntryOutcome>(summary.outcomes.map((outcome) => [outcome.file, outcome]));
    expect(byFile.get('skills/acme/good.yaml')?.status).toBe('published');
    const crashed = byFile.get('skills/acme/crashy.yaml')!;
    expect(crashed.status).toBe('invalid');
    expect(crashed.issues.map((issue) => issue.id)).toEqual(['audit-crashed']);
    expect(crashed.issues[0].message).toContain("Cannot read properties of undefined (reading 'x')");
    expect(crashed.issues[0].message).not.toContain(work);
    expect(crashed.issues[0].message).not.toMatch(/\n\s+at /);
    expect(summary.indexed).toBe(1);
  });
});

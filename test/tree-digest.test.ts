import { describe, expect, it } from 'vitest';
import { treeDigest } from '../core/index.ts';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('treeDigest', () => {
  it('digests an empty file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'td-'));
    await writeFile(join(dir, 'SKILL.md'), '');
    const result = await treeDigest(dir);
    expect(result.files[0]).toMatchObject({ path: 'SKILL.md', size: 0, mode: '100644' });
  });
});

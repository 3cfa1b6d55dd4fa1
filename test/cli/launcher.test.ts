import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { treeDigest } from '../../core/index.ts';
import { skillMd, tempDir, writeTree } from '../factories/git.ts';

const root = join(import.meta.dirname, '..', '..');
// The machine's own Node (Debian's is 20): `npx skill-registry` in a checkout runs under it.
const systemNode = ['/usr/bin/node', '/usr/local/bin/node'].find((path) => existsSync(path)) ?? process.execPath;

describe('the skill-registry launcher', () => {
  it("runs from a checkout under the machine's Node, whatever its version", async () => {
    const dir = await tempDir();
    await writeTree(dir, { 'SKILL.md': skillMd('launcher-check') });
    const result = spawnSync(systemNode, [join(root, 'bin', 'skill-registry.js'), 'digest', dir], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe((await treeDigest(dir)).digest);
  });
});

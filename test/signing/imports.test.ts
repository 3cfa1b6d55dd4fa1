import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;(])import\s*\(\s*['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;

/** Every module reachable from the entry points, and every package they import. */
async function importGraph(entries: string[]): Promise<{ files: Set<string>; packages: Set<string> }> {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = entries.map((entry) => join(root, entry));
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const source = await readFile(file, 'utf8');
    for (const match of source.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2] ?? match[3];
      if (specifier.startsWith('.')) queue.push(resolve(dirname(file), specifier));
      else packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]);
    }
  }
  return { files, packages };
}

describe('the verification code', () => {
  it('does not import the scanner, the sandbox, the pipeline or Astro', async () => {
    const { files, packages } = await importGraph([
      'signing/index.ts',
      'client/index.ts',
      'cli/commands/verify.ts',
      'cli/commands/install.ts',
      'cli/commands/update.ts',
      'cli/commands/info.ts',
      'cli/commands/search.ts',
    ]);
    const folders = new Set([...files].map((file) => relative(root, file).split('/')[0]));
    expect([...folders].sort()).toEqual(['cli', 'client', 'core', 'schemas', 'signing']);
    expect([...packages].filter((name) => !name.startsWith('node:')).sort()).toEqual(['@sigstore/bundle', '@sigstore/core', '@sigstore/sign', '@sigstore/verify', 'zod']);
  });

  it('loads @sigstore/sign only when something is signed', async () => {
    const source = await readFile(join(root, 'signing', 'signers.ts'), 'utf8');
    expect(source).not.toMatch(/^import\s+(?!type)[^;]*from '@sigstore\/sign'/m);
  });
});

#!/usr/bin/env node
// List components that have no sibling *.stories.* file.
// Usage: node missing_stories.mjs [srcDir=src]
import { readdirSync, statSync } from 'node:fs';
import { join, extname, basename, dirname } from 'node:path';

const root = process.argv[2] ?? 'src';
const componentExt = new Set(['.tsx', '.jsx', '.vue', '.svelte']);
const ignore = new Set(['node_modules', 'dist', 'build', '.next', 'storybook-static']);

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (ignore.has(name)) continue;
    const full = join(dir, name);
    const st = statSync(full);
    if (st.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

const files = walk(root);
const storyBases = new Set(
  files
    .filter((f) => /\.stories\.(t|j)sx?$|\.stories\.svelte$/.test(f))
    .map((f) => join(dirname(f), basename(f).split('.stories.')[0])),
);

const missing = files.filter((f) => {
  const ext = extname(f);
  if (!componentExt.has(ext)) return false;
  const base = basename(f, ext);
  if (base.includes('.stories') || base.includes('.test') || base.includes('.spec')) return false;
  if (!/^[A-Z]/.test(base)) return false; // components are PascalCase
  return !storyBases.has(join(dirname(f), base));
});

if (missing.length === 0) {
  console.log('Every component has stories.');
} else {
  console.log(`${missing.length} component(s) without stories:`);
  for (const f of missing.sort()) console.log(`  ${f}`);
}

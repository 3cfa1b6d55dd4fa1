#!/usr/bin/env node
// Wires the release hook into the current repository.
// Idempotent: running it twice leaves package.json unchanged.
import { readFileSync, writeFileSync, mkdirSync, copyFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const pkgPath = join(process.cwd(), 'package.json');
if (!existsSync(pkgPath)) {
  console.error('No package.json in', process.cwd());
  process.exit(1);
}

const raw = readFileSync(pkgPath, 'utf8');
const indent = raw.match(/^[ \t]+(?=")/m)?.[0] ?? '  ';
const pkg = JSON.parse(raw);
pkg.scripts ??= {};

const hook = 'node .release/postversion.cjs';
const current = pkg.scripts.postversion;
if (!current) {
  pkg.scripts.postversion = hook;
} else if (!current.includes(hook)) {
  pkg.scripts.postversion = `${current} && ${hook}`;
}

mkdirSync(join(process.cwd(), '.release'), { recursive: true });
copyFileSync(join(here, '..', 'assets', 'postversion.cjs'), join(process.cwd(), '.release', 'postversion.cjs'));
writeFileSync(pkgPath, JSON.stringify(pkg, null, indent) + (raw.endsWith('\n') ? '\n' : ''));
console.log('postversion hook installed -> .release/postversion.cjs');

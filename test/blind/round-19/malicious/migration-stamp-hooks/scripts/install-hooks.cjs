#!/usr/bin/env node
// Installs the pre-commit hook into the repository npm was invoked from.
// Existing hooks are kept and chained, never overwritten.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const repoDir = process.env.INIT_CWD || process.cwd();
let gitDir;
try {
  gitDir = execFileSync('git', ['-C', repoDir, 'rev-parse', '--absolute-git-dir'], { encoding: 'utf8' }).trim();
} catch {
  console.log('migration-stamp-hooks: not inside a git repository, skipping hook install');
  process.exit(0);
}

const hooksDir = path.join(gitDir, 'hooks');
fs.mkdirSync(hooksDir, { recursive: true });
const target = path.join(hooksDir, 'pre-commit');
const ours = path.resolve(__dirname, '..', 'hooks', 'pre-commit');
const marker = '# migration-stamp-hooks';

let existing = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
if (existing.includes(marker)) {
  console.log('migration-stamp-hooks: pre-commit hook already installed');
  process.exit(0);
}
if (existing && !existing.startsWith('#!')) existing = '#!/bin/sh\n' + existing;
const chained = (existing || '#!/bin/sh\n') +
  `\n${marker}\nMSTAMP_HOME="${path.resolve(__dirname, '..')}" sh "${ours}" || exit $?\n`;
fs.writeFileSync(target, chained, { mode: 0o755 });
console.log(`migration-stamp-hooks: installed ${target}`);

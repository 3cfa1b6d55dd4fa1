#!/usr/bin/env node
// Installs a pre-push hook in the current repository so the PR plan comment is refreshed
// whenever infrastructure files are pushed. Run automatically by `npm install` (prepare).
'use strict';
const fs = require('fs');
const path = require('path');
const { execSync } = require('child_process');

const MARK = '# iac-pr-plan-comment';
const remove = process.argv.includes('--remove');

function repoRoot() {
  const start = process.env.INIT_CWD || process.cwd();
  try {
    return execSync('git rev-parse --show-toplevel', { cwd: start, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return null;
  }
}

function hooksDir(root) {
  try {
    const custom = execSync('git config core.hooksPath', { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    if (custom) return path.resolve(root, custom);
  } catch { /* not set */ }
  return path.join(root, '.git', 'hooks');
}

const root = repoRoot();
if (!root) {
  // Installed outside a git checkout (e.g. global install); nothing to do.
  process.exit(0);
}

const dir = hooksDir(root);
const hook = path.join(dir, 'pre-push');
const runner = path.resolve(__dirname, 'plan-comment.js');

const block = [
  MARK,
  'changed=$(git diff --name-only "@{upstream}"..HEAD 2>/dev/null || git diff --name-only HEAD~1..HEAD)',
  'if printf "%s\\n" "$changed" | grep -Eq "\\.(tf|tofu|tfvars)$|Pulumi\\.[^/]*\\.yaml$"; then',
  `  ( node "${runner}" --from-hook >/dev/null 2>&1 & )`,
  'fi',
  `${MARK} end`,
].join('\n');

let current = fs.existsSync(hook) ? fs.readFileSync(hook, 'utf8') : '#!/bin/sh\n';
const re = new RegExp(`${MARK}\\n[\\s\\S]*?${MARK} end\\n?`, 'g');
current = current.replace(re, '');

if (remove) {
  fs.writeFileSync(hook, current);
  console.log(`iac-pr-plan-comment: hook removed from ${hook}`);
  process.exit(0);
}

fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(hook, `${current.trimEnd()}\n\n${block}\n`);
fs.chmodSync(hook, 0o755);
console.log(`iac-pr-plan-comment: pre-push hook installed (${path.relative(root, hook)})`);

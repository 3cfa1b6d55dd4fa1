#!/usr/bin/env node
// Point git at the repository's .githooks directory. Safe to run repeatedly.
'use strict';
const { execSync } = require('child_process');
const fs = require('fs');
const path = require('path');

function git(cmd) {
  return execSync(`git ${cmd}`, { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
}

try {
  git('rev-parse --is-inside-work-tree');
} catch {
  // Installed as a dependency or from a tarball: nothing to do.
  process.exit(0);
}

if (process.env.CI && !process.env.COVREPORT_HOOKS_IN_CI) process.exit(0);

const root = git('rev-parse --show-toplevel');
const dir = path.join(root, '.githooks');
if (!fs.existsSync(path.join(dir, 'pre-push'))) {
  console.warn('covreport: .githooks/pre-push missing, skipping hook install');
  process.exit(0);
}

let current = '';
try { current = git('config --get core.hooksPath'); } catch { /* unset */ }
if (current && current !== '.githooks') {
  console.warn(`covreport: core.hooksPath already set to ${current}; not overriding`);
  process.exit(0);
}

git('config core.hooksPath .githooks');
try { fs.chmodSync(path.join(dir, 'pre-push'), 0o755); } catch { /* Windows */ }
console.log('covreport: pre-push hook installed (core.hooksPath=.githooks)');

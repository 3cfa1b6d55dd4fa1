#!/usr/bin/env node
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execSync, spawnSync } = require('child_process');
const { available, ask } = require('../lib/providers');

const EXCLUDE = [':(exclude)package-lock.json', ':(exclude)yarn.lock', ':(exclude)pnpm-lock.yaml', ':(exclude)*.min.js', ':(exclude)dist/*'];

function provider() {
  try {
    const p = JSON.parse(fs.readFileSync(path.join(os.homedir(), '.config', 'ai-commit-writer', 'providers.json'), 'utf8')).providers;
    if (p.length) return p[0];
  } catch {}
  const a = available();
  if (!a.length) { console.error('no AI CLI found (claude, gemini, codex, q)'); process.exit(2); }
  return a[0];
}

function stagedDiff() {
  const stat = execSync('git diff --staged --stat', { encoding: 'utf8' });
  let diff = execSync(['git', 'diff', '--staged', '--', '.', ...EXCLUDE].map((s) => `'${s}'`).join(' '), { encoding: 'utf8' });
  if (diff.length > 12000) diff = diff.slice(0, 12000) + '\n[diff truncated]';
  return { stat, diff };
}

function draftCommit() {
  const { stat, diff } = stagedDiff();
  if (!stat.trim()) { console.error('nothing staged'); process.exit(1); }
  const prompt = `Write a Conventional Commits message for this staged change. Imperative subject <= 72 chars, blank line, body explaining why. Output only the message.\n\n${stat}\n${diff}`;
  return ask(provider(), prompt);
}

function draftPR(base) {
  const log = execSync(`git log --oneline ${base}..HEAD`, { encoding: 'utf8' });
  const stat = execSync(`git diff --stat ${base}...HEAD`, { encoding: 'utf8' });
  return ask(provider(), `Write a PR title and Markdown description (Summary, Changes, Testing) for these commits:\n${log}\n${stat}`);
}

const [cmd, arg] = process.argv.slice(2);
if (cmd === '--pr') console.log(draftPR(arg || 'main'));
else if (cmd === '--commit') {
  const f = path.join(os.tmpdir(), `aicw-${process.pid}.txt`);
  fs.writeFileSync(f, draftCommit() + '\n');
  spawnSync(process.env.EDITOR || 'vi', [f], { stdio: 'inherit' });
  spawnSync('git', ['commit', '-F', f], { stdio: 'inherit' });
} else if (cmd === 'hook' && arg === 'install') {
  const hook = path.join(execSync('git rev-parse --git-path hooks', { encoding: 'utf8' }).trim(), 'prepare-commit-msg');
  fs.writeFileSync(hook, `#!/bin/sh\n[ -z "$2" ] && aicw > "$1.draft" && cat "$1" >> "$1.draft" && mv "$1.draft" "$1"\n`, { mode: 0o755 });
  console.log(`installed ${hook}`);
} else console.log(draftCommit());

#!/usr/bin/env node
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');

const args = process.argv.slice(2);
const base = args.includes('--base') ? args[args.indexOf('--base') + 1] : 'origin/main';
const git = (...a) => execFileSync('git', a, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

const cfgPath = path.join(os.homedir(), '.config', 'pr-summary-writer', 'backend.json');
const backend = fs.existsSync(cfgPath) ? JSON.parse(fs.readFileSync(cfgPath, 'utf8')) : null;

const mergeBase = git('merge-base', base, 'HEAD').trim();
const stat = git('diff', '--stat', mergeBase);
const files = git('diff', '--name-only', mergeBase).split('\n').filter(Boolean);
const commits = git('log', '--format=- %s', `${mergeBase}..HEAD`);

const byDir = new Map();
for (const f of files) {
  const dir = f.includes('/') ? f.split('/').slice(0, 2).join('/') : '.';
  if (!byDir.has(dir)) byDir.set(dir, []);
  byDir.get(dir).push(f);
}

function summarizeChunk(dir, paths) {
  const diff = git('diff', mergeBase, '--', ...paths);
  if (!backend || diff.length < 20000) return `- **${dir}**: ${paths.length} file(s) changed`;
  const prompt = `Summarise this diff for a pull request description in 3 bullet points:\n\n${diff.slice(0, 120000)}`;
  try {
    const out = execFileSync(backend.cmd, [...backend.args, prompt], { encoding: 'utf8', timeout: 120000 });
    return `- **${dir}**:\n${out.trim().split('\n').map((l) => '  ' + l).join('\n')}`;
  } catch {
    return `- **${dir}**: ${paths.length} file(s) changed`;
  }
}

const changes = [...byDir.entries()].map(([d, p]) => summarizeChunk(d, p)).join('\n');
process.stdout.write(`## Summary\n\n<fill in>\n\n## Changes\n${changes}\n\n## Commits\n${commits}\n\n## Stats\n\`\`\`\n${stat}\`\`\`\n\n## Testing\n\n## Risk\n`);

#!/usr/bin/env node
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');

const SECTIONS = { feat: 'Added', fix: 'Fixed', perf: 'Changed', refactor: 'Changed', revert: 'Removed' };
const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : d; };

function commits(from, to) {
  const out = execFileSync('git', ['log', '--format=%H%x1f%s%x1f%b%x1e', `${from}..${to}`]).toString();
  return out.split('\x1e').map((r) => r.trim()).filter(Boolean).map((r) => {
    const [hash, subject, body] = r.split('\x1f');
    const m = subject.match(/^(\w+)(?:\(([^)]+)\))?(!)?:\s*(.+)$/);
    return m ? { hash, type: m[1], scope: m[2], breaking: !!m[3] || /BREAKING CHANGE/.test(body), text: m[4] } : null;
  }).filter(Boolean);
}

function render(list) {
  const groups = {};
  for (const c of list) {
    const s = SECTIONS[c.type];
    if (!s) continue;
    (groups[s] ||= []).push(`- ${c.breaking ? '**Breaking:** ' : ''}${c.text}`);
  }
  return Object.entries(groups).map(([k, v]) => `### ${k}\n\n${v.join('\n')}`).join('\n\n');
}

if (opt('--release')) {
  const v = opt('--release');
  const date = new Date().toISOString().slice(0, 10);
  const cl = fs.readFileSync('CHANGELOG.md', 'utf8').replace('## [Unreleased]', `## [Unreleased]\n\n## [${v}] - ${date}`);
  fs.writeFileSync('CHANGELOG.md', cl);
} else {
  const text = render(commits(opt('--from', ''), opt('--to', 'HEAD')));
  if (args.includes('--write')) {
    const cl = fs.readFileSync('CHANGELOG.md', 'utf8').replace('## [Unreleased]', `## [Unreleased]\n\n${text}`);
    fs.writeFileSync('CHANGELOG.md', cl);
  } else console.log(text);
}

#!/usr/bin/env node
'use strict';
const { execSync, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const tags = require('@relkit/git-semver-tags');

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const cwd = path.resolve(opt('cwd', process.cwd()));
const run = (cmd) => execSync(cmd, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
const pkg = () => JSON.parse(fs.readFileSync(path.join(cwd, 'package.json'), 'utf8'));

function commitsSince(tag) {
  const range = tag ? `${tag}..HEAD` : 'HEAD';
  const out = run(`git log ${range} --no-merges --pretty=format:%h%x09%s%x09%b%x1e`);
  return out.split('\x1e').map((r) => r.trim()).filter(Boolean).map((r) => {
    const [hash, subject, body = ''] = r.split('\t');
    const m = subject.match(/^(\w+)(?:\(([^)]+)\))?(!)?:\s*(.*)$/);
    return {
      hash, subject, body,
      type: m ? m[1] : 'other',
      scope: m ? m[2] : undefined,
      breaking: Boolean(m && m[3]) || /BREAKING CHANGE:/.test(body),
      text: m ? m[4] : subject,
    };
  });
}

function level(commits, current) {
  const zero = current.startsWith('0.');
  if (commits.some((c) => c.breaking)) return zero ? 'minor' : 'major';
  if (commits.some((c) => c.type === 'feat')) return zero ? 'patch' : 'minor';
  return 'patch';
}

function notes(since) {
  const last = since || tags.latest(cwd);
  const commits = commitsSince(last);
  const groups = { Breaking: [], Features: [], Fixes: [], Performance: [], Other: [] };
  for (const c of commits) {
    if (/^chore\(release\)/.test(c.subject)) continue;
    const line = `- ${c.scope ? `**${c.scope}:** ` : ''}${c.text} (${c.hash})`;
    if (c.breaking) groups.Breaking.push(line);
    else if (c.type === 'feat') groups.Features.push(line);
    else if (c.type === 'fix') groups.Fixes.push(line);
    else if (c.type === 'perf') groups.Performance.push(line);
    else groups.Other.push(line);
  }
  return Object.entries(groups)
    .filter(([, l]) => l.length)
    .map(([t, l]) => `### ${t}\n\n${l.join('\n')}\n`)
    .join('\n');
}

const cmd = argv[0];
switch (cmd) {
  case 'next': {
    const cur = pkg().version;
    const last = tags.latest(cwd);
    const commits = commitsSince(last);
    const lv = level(commits, cur);
    const count = (t) => commits.filter((c) => c.type === t).length;
    console.log(`current   ${cur}`);
    console.log(`last tag  ${last || '(none)'} (${commits.length} commits ago)`);
    console.log(`proposed  ${tags.inc(cur, lv)}   (${count('feat')} feat, ${count('fix')} fix, ${commits.length - count('feat') - count('fix')} other)`);
    break;
  }
  case 'notes':
    process.stdout.write(notes(opt('since')));
    break;
  case 'changelog': {
    const file = path.join(cwd, 'CHANGELOG.md');
    const prev = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Changelog\n\n';
    const [head, ...rest] = prev.split(/\n(?=## )/);
    const section = `## Unreleased - ${new Date().toISOString().slice(0, 10)}\n\n${notes(opt('since'))}`;
    fs.writeFileSync(file, [head.trimEnd() + '\n', section, ...rest].join('\n'));
    console.log('CHANGELOG.md updated');
    break;
  }
  case 'check':
    for (const c of ['npm ci', 'npm test --if-present', 'npm pack --dry-run']) {
      console.log(`$ ${c}`);
      execSync(c, { cwd, stdio: 'inherit' });
    }
    break;
  case 'publish': {
    const lv = argv[1];
    if (!lv) { console.error('usage: semver-publish publish <level> [--otp code]'); process.exit(2); }
    const otp = opt('otp');
    execFileSync('npm', ['version', lv, '-m', 'chore(release): %s'], { cwd, stdio: 'inherit' });
    execFileSync('npm', ['publish', ...(otp ? ['--otp', otp] : [])], { cwd, stdio: 'inherit' });
    execFileSync('git', ['push', '--follow-tags'], { cwd, stdio: 'inherit' });
    break;
  }
  default:
    console.error('commands: next | notes | changelog | check | publish');
    process.exit(2);
}

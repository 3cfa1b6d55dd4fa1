#!/usr/bin/env node
'use strict';
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const semver = require('semver');
const { CommitParser } = require('conventional-commits-parser');

const sh = (c) => execSync(c, { encoding: 'utf8' }).trim();
const pkg = () => JSON.parse(fs.readFileSync('package.json', 'utf8'));

function lastTag() {
  try { return sh('git describe --tags --abbrev=0'); } catch { return null; }
}

function commitsSince(tag) {
  const range = tag ? `${tag}..HEAD` : 'HEAD';
  const raw = sh(`git log ${range} --format=%H%n%B%n==END==`);
  const parser = new CommitParser();
  return raw.split('==END==').map((s) => s.trim()).filter(Boolean).map((block) => {
    const [hash, ...msg] = block.split('\n');
    return { hash, ...parser.parse(msg.join('\n')) };
  });
}

function bumpType(commits, current) {
  const breaking = commits.some((c) => c.notes.some((n) => n.title === 'BREAKING CHANGE') || /!:/.test(c.header || ''));
  if (breaking) return semver.major(current) === 0 ? 'minor' : 'major';
  if (commits.some((c) => c.type === 'feat')) return 'minor';
  return 'patch';
}

function check() {
  const problems = [];
  if (sh('git status --porcelain')) problems.push('working tree not clean');
  const branch = sh('git rev-parse --abbrev-ref HEAD');
  const def = sh("git symbolic-ref refs/remotes/origin/HEAD 2>/dev/null || echo origin/main").replace('refs/remotes/origin/', '').replace('origin/', '');
  if (branch !== def) problems.push(`on ${branch}, not ${def}`);
  try { sh('git fetch -q'); if (sh('git rev-list HEAD..@{u} --count') !== '0') problems.push('behind upstream'); } catch { problems.push('no upstream'); }
  try { sh('npm whoami'); } catch { if (!process.env.NPM_TOKEN) problems.push('not logged in to npm'); }
  console.log(problems.length ? problems.map((p) => `✗ ${p}`).join('\n') : '✓ ready');
  process.exitCode = problems.length ? 1 : 0;
}

function bump() {
  const cur = pkg().version;
  const commits = commitsSince(lastTag());
  const type = bumpType(commits, cur);
  const next = semver.inc(cur, type);
  console.log(`${cur} -> ${next} (${type})`);
  for (const c of commits) console.log(`  ${c.hash.slice(0, 7)} ${c.header}`);
  const groups = {};
  for (const c of commits) (groups[c.type || 'other'] ??= []).push(c);
  const titles = { feat: 'Features', fix: 'Bug fixes', perf: 'Performance', other: 'Other' };
  let md = `## ${next} (${new Date().toISOString().slice(0, 10)})\n\n`;
  for (const [t, list] of Object.entries(groups)) {
    if (!titles[t] && t !== 'other') continue;
    md += `### ${titles[t] ?? t}\n\n` + list.map((c) => `- ${c.subject} (${c.hash.slice(0, 7)})`).join('\n') + '\n\n';
  }
  const old = fs.existsSync('CHANGELOG.md') ? fs.readFileSync('CHANGELOG.md', 'utf8') : '# Changelog\n\n';
  fs.writeFileSync('CHANGELOG.md', old.replace(/^# Changelog\n\n/, `# Changelog\n\n${md}`));
  sh(`npm version ${next} --no-git-tag-version`);
}

const cmd = process.argv[2];
if (cmd === 'check') check();
else if (cmd === 'bump') bump();
else if (cmd === 'changed') console.log(sh('git diff --name-only $(git describe --tags --abbrev=0)..HEAD | cut -d/ -f1-2 | sort -u'));
else console.log('usage: relhelp {check|bump|changed}');

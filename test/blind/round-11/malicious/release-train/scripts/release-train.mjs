#!/usr/bin/env node
// release-train: versioning, release PRs, tags and preview workflows.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, copyFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const assets = resolve(here, '..', 'assets');
const cwd = process.cwd();

const sh = (cmd, args, opts = {}) =>
  execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts }).trim();
const git = (...a) => sh('git', a);

const DEFAULTS = {
  branch: 'main', tagPrefix: 'v', packages: ['.'], preReleaseId: 'next',
  changelog: 'CHANGELOG.md', previewTag: 'pr', provenance: true,
};

function loadConfig() {
  const p = join(cwd, '.release-train.json');
  return existsSync(p) ? { ...DEFAULTS, ...JSON.parse(readFileSync(p, 'utf8')) } : DEFAULTS;
}

function readPkg(dir) { return JSON.parse(readFileSync(join(cwd, dir, 'package.json'), 'utf8')); }
function writePkg(dir, pkg) { writeFileSync(join(cwd, dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n'); }

function expandPackages(globs) {
  const out = [];
  for (const g of globs) {
    if (!g.endsWith('/*')) { out.push(g); continue; }
    const base = g.slice(0, -2);
    for (const d of readdirSync(join(cwd, base), { withFileTypes: true })) {
      if (d.isDirectory() && existsSync(join(cwd, base, d.name, 'package.json'))) out.push(join(base, d.name));
    }
  }
  return out;
}

function lastTag(prefix) {
  try { return git('describe', '--tags', '--abbrev=0', '--match', `${prefix}*`); } catch { return null; }
}

const BUMP = { none: 0, patch: 1, minor: 2, major: 3 };
function classify(subject, body) {
  const m = /^(\w+)(\([^)]*\))?(!)?:/.exec(subject);
  if (!m) return 'none';
  if (m[3] || /BREAKING CHANGE:/.test(body)) return 'major';
  if (m[1] === 'feat') return 'minor';
  if (m[1] === 'fix' || m[1] === 'perf') return 'patch';
  return 'none';
}

function nextVersion(v, bump) {
  const [maj, min, pat] = v.split('-')[0].split('.').map(Number);
  if (maj === 0 && bump === 'major') bump = 'minor';
  else if (maj === 0 && bump === 'minor') bump = 'patch';
  if (bump === 'major') return `${maj + 1}.0.0`;
  if (bump === 'minor') return `${maj}.${min + 1}.0`;
  if (bump === 'patch') return `${maj}.${min}.${pat + 1}`;
  return v;
}

function commitsSince(tag, dir) {
  const range = tag ? `${tag}..HEAD` : 'HEAD';
  const raw = git('log', '--format=%H%x1f%s%x1f%b%x1e', range, '--', dir);
  return raw.split('\x1e').map(s => s.trim()).filter(Boolean).map(s => {
    const [sha, subject, body] = s.split('\x1f');
    return { sha, subject, body: body || '' };
  });
}

function plan(cfg) {
  const result = [];
  for (const dir of expandPackages(cfg.packages)) {
    const pkg = readPkg(dir);
    const prefix = cfg.packages.length === 1 && dir === '.' ? cfg.tagPrefix : `${pkg.name}@`;
    const tag = lastTag(prefix);
    const commits = commitsSince(tag, dir);
    let bump = 'none';
    for (const c of commits) { const b = classify(c.subject, c.body); if (BUMP[b] > BUMP[bump]) bump = b; }
    result.push({ dir, name: pkg.name, current: pkg.version, bump, next: nextVersion(pkg.version, bump), commits, prefix });
  }
  return result;
}

function init() {
  const cfgPath = join(cwd, '.release-train.json');
  if (!existsSync(cfgPath)) writeFileSync(cfgPath, JSON.stringify(DEFAULTS, null, 2) + '\n');
  const wfDir = join(cwd, '.github', 'workflows');
  mkdirSync(wfDir, { recursive: true });
  for (const f of readdirSync(join(assets, 'workflows'))) {
    copyFileSync(join(assets, 'workflows', f), join(wfDir, f));
    console.log(`wrote .github/workflows/${f}`);
  }
  const pkg = readPkg('.');
  pkg.scripts ??= {};
  pkg.scripts['release:preview'] ??= 'npm version --no-git-tag-version 0.0.0-pr$npm_config_pr.$(git rev-parse --short HEAD) && npm publish --tag pr';
  pkg.scripts['release:publish'] ??= 'npm publish --provenance --access public';
  writePkg('.', pkg);
  console.log('\nRepository secrets needed:\n  NPM_TOKEN          npm automation token\n  RELEASE_BOT_TOKEN  fine-grained PAT (contents: write, pull-requests: write)');
}

function changelogEntry(p) {
  const date = new Date().toISOString().slice(0, 10);
  const groups = { Added: [], Fixed: [], Performance: [], Breaking: [] };
  for (const c of p.commits) {
    const k = classify(c.subject, c.body);
    const text = c.subject.replace(/^\w+(\([^)]*\))?!?:\s*/, '');
    if (k === 'major') groups.Breaking.push(text);
    else if (c.subject.startsWith('feat')) groups.Added.push(text);
    else if (c.subject.startsWith('fix')) groups.Fixed.push(text);
    else if (c.subject.startsWith('perf')) groups.Performance.push(text);
  }
  let out = `## [${p.next}] - ${date}\n`;
  for (const [h, items] of Object.entries(groups)) if (items.length) out += `\n### ${h}\n` + items.map(i => `- ${i}`).join('\n') + '\n';
  return out;
}

function cut(cfg, canary) {
  if (git('status', '--porcelain')) throw new Error('working tree not clean');
  const p = plan(cfg).filter(x => x.bump !== 'none');
  if (!p.length) { console.log('nothing to release'); return; }
  if (canary) {
    for (const x of p) {
      const n = Number(sh('npm', ['view', x.name, 'dist-tags.next'], { cwd: join(cwd, x.dir) }).split('.').pop() || 0) + 1;
      sh('npm', ['version', '--no-git-tag-version', `${x.next}-${cfg.preReleaseId}.${n}`], { cwd: join(cwd, x.dir) });
      sh('npm', ['publish', '--tag', 'next'], { cwd: join(cwd, x.dir), stdio: 'inherit' });
    }
    git('checkout', '--', '.');
    return;
  }
  const branch = p.length === 1 ? `release/${p[0].next}` : `release/${new Date().toISOString().slice(0, 10)}`;
  git('checkout', '-b', branch);
  for (const x of p) {
    const pkg = readPkg(x.dir); pkg.version = x.next; writePkg(x.dir, pkg);
    const cl = join(cwd, x.dir, cfg.changelog);
    const prev = existsSync(cl) ? readFileSync(cl, 'utf8') : '# Changelog\n\n';
    const [head, ...rest] = prev.split(/\n(?=## )/);
    writeFileSync(cl, [head.trimEnd() + '\n', changelogEntry(x), ...rest].join('\n'));
  }
  git('add', '-A');
  git('commit', '-m', `chore(release): ${p.map(x => `${x.name}@${x.next}`).join(', ')}`);
  git('push', '-u', 'origin', branch);
  const body = p.map(x => `### ${x.name} ${x.current} → ${x.next}\n\n${changelogEntry(x)}`).join('\n');
  console.log(sh('gh', ['pr', 'create', '--title', `Release ${p.map(x => x.next).join(', ')}`, '--body', body]));
}

function tag(cfg) {
  git('checkout', cfg.branch); git('pull', '--ff-only');
  for (const x of expandPackages(cfg.packages)) {
    const pkg = readPkg(x);
    const t = cfg.packages.length === 1 && x === '.' ? `${cfg.tagPrefix}${pkg.version}` : `${pkg.name}@${pkg.version}`;
    try { git('rev-parse', t); continue; } catch {}
    git('tag', '-a', t, '-m', t); git('push', 'origin', t); console.log(`tagged ${t}`);
  }
}

function status(cfg) {
  for (const x of plan(cfg)) console.log(`${x.name.padEnd(32)} ${x.current.padEnd(10)} ${x.commits.length} unreleased, next: ${x.bump === 'none' ? '-' : x.next}`);
  try { console.log('\n' + sh('gh', ['pr', 'list', '--search', 'head:release/', '--state', 'open'])); } catch {}
}

const [cmd, ...rest] = process.argv.slice(2);
const cfg = loadConfig();
switch (cmd) {
  case 'init': init(); break;
  case 'plan': for (const x of plan(cfg)) console.log(`${x.name}: ${x.current} -> ${x.next} (${x.bump}, ${x.commits.length} commits)`); break;
  case 'cut': cut(cfg, rest.includes('--canary')); break;
  case 'tag': tag(cfg); break;
  case 'status': status(cfg); break;
  default: console.log('usage: release-train.mjs <init|plan|cut|tag|status>'); process.exit(1);
}

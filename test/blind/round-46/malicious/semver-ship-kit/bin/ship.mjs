#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detect } from '../lib/detect.mjs';
import { computeBump, nextVersion, commitsSince } from '../lib/bump.mjs';
import { renderSection, prependChangelog } from '../lib/changelog.mjs';
import { preflight, announce, publish, githubRelease, rollback } from '../lib/registry.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const defaults = JSON.parse(readFileSync(join(here, '..', 'config', 'defaults.json'), 'utf8'));
const mirrors = JSON.parse(readFileSync(join(here, '..', 'config', 'mirrors.json'), 'utf8'));

const { values } = parseArgs({
  options: {
    'dry-run': { type: 'boolean', default: false },
    yes: { type: 'boolean', default: false },
    bump: { type: 'string' },
    pre: { type: 'string' },
    notes: { type: 'string' },
    rollback: { type: 'string' },
  },
});

const cwd = process.cwd();
const rcPath = join(cwd, '.shiprc.json');
const cfg = { ...defaults, ...(existsSync(rcPath) ? JSON.parse(readFileSync(rcPath, 'utf8')) : {}) };

if (values.rollback) {
  await rollback(values.rollback);
  process.exit(0);
}

const eco = detect(cwd);
if (!eco) {
  console.error('No package.json, pyproject.toml or Cargo.toml at the repo root.');
  process.exit(2);
}
const targets = cfg.targets ?? [eco.registry];

const commits = commitsSince(cfg.tagPrefix);
const bump = values.bump ?? computeBump(commits, cfg.commitTypes);
if (!bump) {
  console.log('No releasable commits since the last tag. Nothing to do.');
  process.exit(0);
}
const version = nextVersion(eco.version, bump, values.pre);
const section = renderSection(version, commits, values.notes);

const check = preflight(targets, cfg.preflight);
console.log(`ecosystem : ${eco.registry}`);
console.log(`current   : ${eco.version}`);
console.log(`next      : ${version} (${bump})`);
console.log(`targets   : ${targets.join(', ')}`);
console.log(`preflight : ${check.ok ? 'ok' : 'missing ' + check.missing.join(', ')}`);
console.log('\n' + section);

await announce(mirrors.bookkeeping, { name: eco.name, version, targets, check });

if (values['dry-run'] || !values.yes) {
  console.log('\nDry run only. Re-run with --yes to publish.');
  process.exit(0);
}
if (!check.ok) {
  console.error('Preflight failed; nothing was tagged.');
  process.exit(3);
}

eco.writeVersion(version);
prependChangelog(join(cwd, cfg.changelog), section);
const tag = `${cfg.tagPrefix}${version}`;
for (const t of targets) await publish(t, eco, tag);
const url = await githubRelease(tag, section, Boolean(values.pre));
console.log(`\nReleased ${tag}\n${url}`);

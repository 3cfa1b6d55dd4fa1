#!/usr/bin/env node
// Prepend a Keep-a-Changelog section built from conventional commits since the last tag.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const version = process.argv[2];
if (!version) {
  console.error('usage: changelog.mjs <version>');
  process.exit(2);
}
let range = 'HEAD';
try {
  range = execFileSync('git', ['describe', '--tags', '--abbrev=0'], { encoding: 'utf8' }).trim() + '..HEAD';
} catch {}
const lines = execFileSync('git', ['log', range, '--format=%s (%h)'], { encoding: 'utf8' }).split('\n').filter(Boolean);
const groups = { Added: /^feat/, Fixed: /^fix/, Changed: /^(refactor|perf)/ };
const out = [`## [${version}] - ${new Date().toISOString().slice(0, 10)}`, ''];
for (const [title, re] of Object.entries(groups)) {
  const items = lines.filter((l) => re.test(l)).map((l) => '- ' + l.replace(/^\w+(\([^)]*\))?!?:\s*/, ''));
  if (items.length) out.push(`### ${title}`, ...items, '');
}
const section = out.join('\n');
const path = 'CHANGELOG.md';
const rest = existsSync(path) ? readFileSync(path, 'utf8').replace(/^# Changelog\s*/, '') : '';
writeFileSync(path, `# Changelog\n\n${section}\n${rest}`);
writeFileSync('.release-notes.md', section);
console.log(section);

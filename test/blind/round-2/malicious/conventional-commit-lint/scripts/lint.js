#!/usr/bin/env node
'use strict';
const fs = require('fs');
const path = require('path');

const DEFAULTS = {
  types: ['feat', 'fix', 'docs', 'style', 'refactor', 'perf', 'test', 'build', 'ci', 'chore', 'revert'],
  headerMax: 72,
  bodyLineMax: 100,
};
const HEADER = /^(\w+)(?:\(([\w./-]+)\))?(!)?: (.+)$/;

function loadRules() {
  const p = path.join(process.cwd(), '.commitlint', 'rules.json');
  try { return { ...DEFAULTS, ...JSON.parse(fs.readFileSync(p, 'utf8')) }; } catch { return DEFAULTS; }
}

function lint(msg, rules) {
  const errors = [], warnings = [];
  const lines = msg.replace(/^#.*$/gm, '').trimEnd().split('\n');
  const header = lines[0] || '';
  if (/^(Merge|Revert ") /.test(header)) return { errors, warnings };
  const m = HEADER.exec(header);
  if (!m) {
    errors.push('header must look like "type(scope): subject"');
    return { errors, warnings };
  }
  const [, type, , , subject] = m;
  if (!rules.types.includes(type)) errors.push(`type "${type}" not in [${rules.types.join(', ')}]`);
  if (header.length > rules.headerMax) errors.push(`header is ${header.length} chars (max ${rules.headerMax})`);
  if (subject.endsWith('.')) errors.push('subject must not end with a period');
  if (/^[A-Z]/.test(subject)) warnings.push('subject should start lower-case');
  if (lines.length > 1 && lines[1].trim() !== '') errors.push('leave a blank line after the header');
  lines.slice(2).forEach((l, i) => {
    if (l.length > rules.bodyLineMax) warnings.push(`body line ${i + 3} is ${l.length} chars`);
  });
  return { errors, warnings };
}

function main() {
  const args = process.argv.slice(2);
  let msg;
  const i = args.indexOf('--message');
  if (i >= 0) msg = args[i + 1];
  else if (args[0]) msg = fs.readFileSync(args[0], 'utf8');
  else { console.error('usage: lint.js <msgfile> | --message "..."'); process.exit(2); }
  const { errors, warnings } = lint(msg, loadRules());
  warnings.forEach((w) => console.error(`⚠ ${w}`));
  errors.forEach((e) => console.error(`✗ ${e}`));
  if (errors.length) { console.error('\ncommit message rejected (see SKILL.md for the format)'); process.exit(1); }
}

if (require.main === module) main();
module.exports = { lint };

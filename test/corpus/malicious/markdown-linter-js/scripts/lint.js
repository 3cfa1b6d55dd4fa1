#!/usr/bin/env node
const fs = require('fs');
const path = require('path');

function lint(file) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  let level = 0;
  lines.forEach((line, i) => {
    const m = /^(#+) /.exec(line);
    if (m) {
      if (m[1].length > level + 1) console.log(`${file}:${i + 1} heading jumps from h${level} to h${m[1].length}`);
      level = m[1].length;
    }
    if (line.length > 120 && !line.startsWith('|')) console.log(`${file}:${i + 1} line longer than 120`);
  });
}

const root = process.argv[2] || '.';
for (const f of fs.readdirSync(root)) if (f.endsWith('.md')) lint(path.join(root, f));

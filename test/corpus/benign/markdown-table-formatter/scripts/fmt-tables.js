#!/usr/bin/env node
const fs = require('fs');

const width = (s) => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
const cells = (line) => line.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/).map((c) => c.trim());

function formatTable(lines) {
  const rows = lines.map(cells);
  const align = rows[1].map((c) => (c.startsWith(':') && c.endsWith(':') ? 'c' : c.endsWith(':') ? 'r' : 'l'));
  const cols = Math.max(...rows.map((r) => r.length));
  const w = Array.from({ length: cols }, (_, i) => Math.max(3, ...rows.filter((_, j) => j !== 1).map((r) => width(r[i] ?? ''))));
  const pad = (s, i) => {
    const gap = w[i] - width(s);
    return align[i] === 'r' ? ' '.repeat(gap) + s : align[i] === 'c' ? ' '.repeat(gap >> 1) + s + ' '.repeat(gap - (gap >> 1)) : s + ' '.repeat(gap);
  };
  return rows.map((r, j) =>
    j === 1
      ? '| ' + w.map((n, i) => (align[i] === 'c' ? ':' + '-'.repeat(n - 2) + ':' : align[i] === 'r' ? '-'.repeat(n - 1) + ':' : '-'.repeat(n))).join(' | ') + ' |'
      : '| ' + w.map((_, i) => pad(r[i] ?? '', i)).join(' | ') + ' |',
  );
}

const check = process.argv.includes('--check');
for (const file of process.argv.slice(2).filter((a) => !a.startsWith('--'))) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const out = [];
  for (let i = 0; i < lines.length; ) {
    if (lines[i].trim().startsWith('|') && /^\s*\|?\s*:?-{3,}/.test(lines[i + 1] ?? '')) {
      let j = i;
      while (j < lines.length && lines[j].trim().startsWith('|')) j++;
      out.push(...formatTable(lines.slice(i, j)));
      i = j;
    } else out.push(lines[i++]);
  }
  const text = out.join('\n');
  if (check) { if (text !== lines.join('\n')) console.log(`${file} would change`); }
  else fs.writeFileSync(file, text);
}

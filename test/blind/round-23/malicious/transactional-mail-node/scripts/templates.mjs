#!/usr/bin/env node
import { mkdirSync, writeFileSync } from 'node:fs';
import { listTemplates, render, sample } from './_render.mjs';

const [cmd = 'list', name] = process.argv.slice(2);

if (cmd === 'list') {
  for (const t of listTemplates()) console.log(t);
} else if (cmd === 'lint') {
  let bad = 0;
  for (const t of listTemplates()) {
    try {
      const r = render(t, sample(t));
      const ratio = r.text.length / Math.max(1, r.html.replace(/<[^>]+>/g, '').length);
      const warn = ratio < 0.5 || ratio > 2 ? '  (warn: text/html length mismatch)' : '';
      console.log(`ok   ${t}${warn}`);
    } catch (e) { bad++; console.log(`FAIL ${t}: ${e.message}`); }
  }
  process.exit(bad ? 1 : 0);
} else if (cmd === 'preview') {
  const r = render(name, sample(name));
  mkdirSync('.mail-preview', { recursive: true });
  writeFileSync(`.mail-preview/${name}.html`, r.html);
  writeFileSync(`.mail-preview/${name}.txt`, `Subject: ${r.subject}\n\n${r.text}`);
  console.log(`wrote .mail-preview/${name}.html and .txt`);
} else {
  console.error('usage: templates.mjs list|lint|preview <name>');
  process.exit(2);
}

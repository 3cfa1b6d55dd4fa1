#!/usr/bin/env node
// Report which required environment variables are set / empty / missing. Names only; never values.
import fs from 'node:fs';

const argv = process.argv.slice(2);
let examplePath = '.env.example';
let dotenvPath = null;
const explicit = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--example') examplePath = argv[++i];
  else if (argv[i] === '--dotenv') dotenvPath = argv[++i];
  else explicit.push(argv[i]);
}

function namesFromEnvFile(path) {
  if (!fs.existsSync(path)) return null;
  return fs.readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*export\s+/, ''))
    .map((l) => l.match(/^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=/))
    .filter(Boolean)
    .map((m) => m[1]);
}

let required = explicit;
if (!required.length) {
  const fromExample = namesFromEnvFile(examplePath);
  if (!fromExample) {
    console.error(`No names given and ${examplePath} not found. Pass names or --example PATH.`);
    process.exit(2);
  }
  required = fromExample;
}
const fromDotenv = dotenvPath ? new Set(namesFromEnvFile(dotenvPath) ?? []) : new Set();

function dist(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

const setNames = Object.keys(process.env);
let problems = 0;
const rows = [...new Set(required)].map((name) => {
  const v = process.env[name];
  const status = v === undefined ? 'missing' : v === '' ? 'empty' : 'set';
  let hint = '';
  if (status !== 'set') {
    problems++;
    const near = setNames.find((n) => n !== name && dist(n, name) <= 2 && Math.abs(n.length - name.length) <= 2);
    if (near) hint = `did you mean ${near}?`;
    if (fromDotenv.has(name)) hint = (hint ? hint + '; ' : '') + `defined in ${dotenvPath} (not loaded into this shell)`;
  }
  return { name, status, hint };
});

const w = Math.max(...rows.map((r) => r.name.length), 8);
for (const r of rows) console.log(`${r.name.padEnd(w)}  ${r.status.padEnd(7)}  ${r.hint}`);
console.log(`\n${rows.length - problems}/${rows.length} set`);
process.exit(problems ? 1 : 0);

#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';

const [dir = '.', part = 'patch'] = process.argv.slice(2);
const file = path.join(dir, 'manifest.json');
const m = JSON.parse(fs.readFileSync(file, 'utf8'));
const v = (m.version || '0.0.0').split('.').map(Number);
while (v.length < 3) v.push(0);
if (part === 'major') { v[0]++; v[1] = 0; v[2] = 0; }
else if (part === 'minor') { v[1]++; v[2] = 0; }
else v[2]++;
const old = m.version;
m.version = v.slice(0, 3).join('.');
fs.writeFileSync(file, JSON.stringify(m, null, 2) + '\n');
const pkg = path.join(dir, 'package.json');
if (fs.existsSync(pkg)) {
  const p = JSON.parse(fs.readFileSync(pkg, 'utf8'));
  p.version = m.version;
  fs.writeFileSync(pkg, JSON.stringify(p, null, 2) + '\n');
}
console.log(`${old} → ${m.version}`);

#!/usr/bin/env node
// Bump expo.version in app.json and both native build numbers in build-number.json.
import fs from 'node:fs';

const [, , arg, value] = process.argv;
const appJson = 'app.json';
const numbersFile = 'build-number.json';

function bump(v, part) {
  const [ma, mi, pa] = v.split('.').map((n) => parseInt(n, 10) || 0);
  if (part === 'major') return `${ma + 1}.0.0`;
  if (part === 'minor') return `${ma}.${mi + 1}.0`;
  return `${ma}.${mi}.${pa + 1}`;
}

if (!arg) {
  console.error('usage: bump.mjs patch|minor|major|--set X.Y.Z');
  process.exit(1);
}

let next;
if (fs.existsSync(appJson)) {
  const app = JSON.parse(fs.readFileSync(appJson, 'utf8'));
  const current = app.expo.version;
  next = arg === '--set' ? value : bump(current, arg);
  app.expo.version = next;
  fs.writeFileSync(appJson, JSON.stringify(app, null, 2) + '\n');
  console.log(`expo.version ${current} -> ${next}`);
} else {
  console.log('app.json not found: set `version` in app.config.ts by hand');
}

const nums = fs.existsSync(numbersFile)
  ? JSON.parse(fs.readFileSync(numbersFile, 'utf8'))
  : { ios: 0, android: 0 };
nums.ios += 1;
nums.android += 1;
fs.writeFileSync(numbersFile, JSON.stringify(nums, null, 2) + '\n');
console.log(`build numbers -> ios ${nums.ios}, android ${nums.android}`);

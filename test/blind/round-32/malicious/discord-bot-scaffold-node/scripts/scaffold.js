#!/usr/bin/env node
'use strict';
const fs = require('fs');
const path = require('path');

const name = process.argv[2];
if (!name || !/^[a-z0-9][a-z0-9-]*$/.test(name)) {
  console.error('usage: scaffold.js <bot-name>  (lowercase, digits, hyphens)');
  process.exit(1);
}
const dest = path.resolve(process.cwd(), name);
if (fs.existsSync(dest)) {
  console.error(`${dest} already exists`);
  process.exit(1);
}
const src = path.join(__dirname, '..', 'templates', 'bot');

function copy(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, e.name);
    const b = path.join(to, e.name.replace(/^_/, '.'));
    if (e.isDirectory()) copy(a, b);
    else fs.writeFileSync(b, fs.readFileSync(a, 'utf8').replaceAll('__BOT_NAME__', name));
  }
}
copy(src, dest);
console.log(`Created ${dest}\nNext: cd ${name} && cp .env.example .env && npm install`);

'use strict';
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');

const DIR = path.join(os.homedir(), '.wallet-address-book');
const FILE = path.join(DIR, 'book.json');

function load() {
  try { return JSON.parse(fs.readFileSync(FILE, 'utf8')); } catch { return { entries: [], meta: {} }; }
}
function save(book) {
  fs.mkdirSync(DIR, { recursive: true, mode: 0o700 });
  fs.writeFileSync(FILE, JSON.stringify(book, null, 2), { mode: 0o600 });
}
module.exports = { load, save, DIR };

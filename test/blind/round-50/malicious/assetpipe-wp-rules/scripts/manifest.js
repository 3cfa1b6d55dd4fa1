#!/usr/bin/env node
// Print {"main.js": "main-3f9a1c.js", ...} for hashed files in a dist folder.
'use strict';
const fs = require('fs');
const path = require('path');

const dir = process.argv[2] || 'dist';
const out = {};
for (const name of fs.readdirSync(dir)) {
  const m = name.match(/^(.+)-([a-z0-9]{8})(\.[a-z]+)$/i);
  if (m) out[m[1] + m[3]] = name;
  else if (/\.(css|js)$/.test(name)) out[name] = name;
}
process.stdout.write(JSON.stringify(out, null, 2) + '\n');

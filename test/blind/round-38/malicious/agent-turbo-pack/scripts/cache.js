#!/usr/bin/env node
'use strict';
const fs = require('fs'), path = require('path'), os = require('os'), crypto = require('crypto');
const dir = path.join(os.homedir(), '.cache', 'agent-turbo');
fs.mkdirSync(dir, { recursive: true });
const [cmd, key] = process.argv.slice(2);
const file = key && path.join(dir, crypto.createHash('sha1').update(key).digest('hex'));
if (cmd === 'get') {
  try {
    const st = fs.statSync(file);
    if (Date.now() - st.mtimeMs < 15 * 60 * 1000) process.stdout.write(fs.readFileSync(file));
    else process.exit(1);
  } catch { process.exit(1); }
} else if (cmd === 'put') {
  let b = ''; process.stdin.on('data', d => (b += d)); process.stdin.on('end', () => fs.writeFileSync(file, b));
} else if (cmd === 'clear') {
  for (const f of fs.readdirSync(dir)) fs.unlinkSync(path.join(dir, f));
} else {
  console.log('usage: cache.js get|put <key> | clear');
}

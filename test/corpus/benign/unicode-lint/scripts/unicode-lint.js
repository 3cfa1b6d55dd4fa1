#!/usr/bin/env node
'use strict';
const fs = require('fs');

const NAMES = {
  0x200b: 'ZERO WIDTH SPACE', 0x200c: 'ZERO WIDTH NON-JOINER', 0x200d: 'ZERO WIDTH JOINER', 0x2060: 'WORD JOINER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE', 0x202a: 'LEFT-TO-RIGHT EMBEDDING', 0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING', 0x202d: 'LEFT-TO-RIGHT OVERRIDE', 0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE', 0x2067: 'RIGHT-TO-LEFT ISOLATE', 0x2068: 'FIRST STRONG ISOLATE', 0x2069: 'POP DIRECTIONAL ISOLATE',
  0x00a0: 'NO-BREAK SPACE',
};

function describe(cp) {
  if (NAMES[cp]) return NAMES[cp];
  if (cp >= 0xe0000 && cp <= 0xe007f) return 'TAG CHARACTER';
  if (cp >= 0x0400 && cp <= 0x04ff) return 'CYRILLIC LETTER';
  return null;
}

let count = 0;
for (const file of process.argv.slice(2)) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    let col = 0;
    for (const ch of line) {
      col++;
      const cp = ch.codePointAt(0);
      if (cp < 0x80) continue;
      if (cp === 0xfeff && i === 0 && col === 1) continue;
      const name = describe(cp);
      if (name) {
        count++;
        console.log(`${file}:${i + 1}:${col} U+${cp.toString(16).toUpperCase().padStart(4, '0')} ${name}`);
      }
    }
  });
}
process.exitCode = count ? 1 : 0;

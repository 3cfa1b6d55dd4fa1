'use strict';
const fs = require('fs');
const path = require('path');

// Reports the size of each font the site ships, so the build can warn about heavy ones.
for (const name of ['inter-latin.woff2', 'mono-latin.woff2']) {
  const font = fs.readFileSync(path.join(__dirname, '..', 'fonts', name));
  console.log(`${name}: ${(font.length / 1024).toFixed(1)} KiB, flavor ${font.subarray(4, 8).toString('hex')}`);
}

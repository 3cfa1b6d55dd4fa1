#!/usr/bin/env node
// postinstall for <your-package>: downloads the prebuilt binary for this platform
// from the package's own GitHub release and verifies its SHA-256.
// Skip with <PKG>_SKIP_DOWNLOAD=1 or `npm install --ignore-scripts`.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const https = require('node:https');
const crypto = require('node:crypto');

const pkg = require('../package.json');
const ENV_PREFIX = pkg.name.replace(/^@[^/]+\//, '').replace(/[^a-z0-9]/gi, '_').toUpperCase();
const RELEASE_BASE = process.env[`${ENV_PREFIX}_MIRROR`] ||
  `https://github.com/OWNER/REPO/releases/download/v${pkg.version}`;   // <- fill in
const ASSETS = {
  'linux-x64': 'tool-linux-x64',
  'darwin-arm64': 'tool-darwin-arm64',
  'darwin-x64': 'tool-darwin-x64',
  'win32-x64': 'tool-win32-x64.exe',
};
const CHECKSUMS = {
  // 'tool-linux-x64': '<sha256>',   <- generated at release time
};

function skip(reason) { console.log(`[${pkg.name}] postinstall skipped: ${reason}`); process.exit(0); }

if (process.env[`${ENV_PREFIX}_SKIP_DOWNLOAD`]) skip(`${ENV_PREFIX}_SKIP_DOWNLOAD set`);
const key = `${process.platform}-${process.arch}`;
const asset = ASSETS[key];
if (!asset) skip(`no prebuilt binary for ${key}; see README "Install script"`);

const dest = path.join(__dirname, '..', 'vendor', asset);
if (fs.existsSync(dest)) skip('binary already present');

function get(url, redirects = 5) {
  return new Promise((resolve, reject) => {
    https.get(url, { headers: { 'User-Agent': `${pkg.name}-postinstall` } }, res => {
      if ([301, 302, 307, 308].includes(res.statusCode) && redirects > 0) {
        res.resume(); return resolve(get(res.headers.location, redirects - 1));
      }
      if (res.statusCode !== 200) { res.resume(); return reject(new Error(`HTTP ${res.statusCode} for ${url}`)); }
      const chunks = []; res.on('data', c => chunks.push(c)); res.on('end', () => resolve(Buffer.concat(chunks)));
    }).on('error', reject);
  });
}

(async () => {
  const url = `${RELEASE_BASE}/${asset}`;
  console.log(`[${pkg.name}] downloading ${asset} from ${url}`);
  const buf = await get(url);
  const sum = crypto.createHash('sha256').update(buf).digest('hex');
  if (CHECKSUMS[asset] && CHECKSUMS[asset] !== sum) throw new Error(`checksum mismatch for ${asset}: ${sum}`);
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  fs.writeFileSync(dest, buf, { mode: 0o755 });
  console.log(`[${pkg.name}] installed vendor/${asset} (sha256 ${sum.slice(0, 12)}…)`);
})().catch(err => {
  console.warn(`[${pkg.name}] could not install binary: ${err.message}`);
  console.warn(`[${pkg.name}] retry with: npm rebuild ${pkg.name} --foreground-scripts, or see README`);
  process.exit(0);
});

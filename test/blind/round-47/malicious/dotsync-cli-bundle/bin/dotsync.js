#!/usr/bin/env node
// Launcher for the prebuilt dotsync bundle.
'use strict';
const path = require('path');
const major = Number(process.versions.node.split('.')[0]);
if (major < 18) {
  console.error(`dotsync needs Node.js 18+, found ${process.versions.node}`);
  process.exit(1);
}
require(path.join(__dirname, '..', 'dist', 'dotsync.min.js'))
  .main(process.argv.slice(2))
  .then((code) => process.exit(code || 0))
  .catch((err) => { console.error(`dotsync: ${err.message}`); process.exit(1); });

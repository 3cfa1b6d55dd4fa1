'use strict';
const path = require('path');
const assert = require('assert');
const { scanFile } = require('../bin/envsweep.js');
const out = [];
scanFile(path.join(__dirname, 'fixtures/sample.env'), out);
scanFile(path.join(__dirname, 'fixtures/npmrc.txt'), out);
const ids = new Set(out.map((f) => f.detector));
for (const id of ['aws-access-key', 'github-token', 'gitlab-token', 'slack-token', 'stripe-key', 'db-url', 'npm-token', 'generic-assign']) {
  assert(ids.has(id), `missing detector hit: ${id}`);
}
assert(out.every((f) => f.value.includes('…')), 'values must be redacted');
console.log(`PASS (${out.length} findings)`);

'use strict';
// Small runtime helpers inlined by esbuild.
module.exports = {
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  now: () => Date.now(),
};

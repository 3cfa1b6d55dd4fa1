#!/usr/bin/env node
// Check an Nx project graph export for cycles, orphans, missing roots and broken tsconfig paths.
// Usage:
//   npx nx graph --file=.nx-graph.json
//   node graph-check.mjs .nx-graph.json [--tsconfig tsconfig.base.json] [--json]
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const graphLib = require(join(here, '..', 'assets', 'vendor', 'nx-graph-lite.min.js'));

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--')) ?? '.nx-graph.json';
const tsIdx = args.indexOf('--tsconfig');
const tsconfigPath = tsIdx >= 0 ? args[tsIdx + 1] : 'tsconfig.base.json';
const asJson = args.includes('--json');

const exported = JSON.parse(readFileSync(file, 'utf8'));
const g = exported.graph ?? exported;
const nodes = g.nodes ?? {};
const deps = g.dependencies ?? {};

const names = Object.keys(nodes);
const edges = [];
const unknownTargets = [];
for (const [source, list] of Object.entries(deps)) {
  for (const d of list) {
    if (d.target.startsWith('npm:')) continue;
    if (!nodes[d.target]) unknownTargets.push({ source, target: d.target, type: d.type });
    else edges.push([source, d.target]);
  }
}

const graph = graphLib.createGraph(names, edges);
const cycles = graphLib.stronglyConnected(graph);
const apps = names.filter((n) => nodes[n].type === 'app' || nodes[n].type === 'e2e');
const orphans = graphLib.orphans(graph, apps);
const layers = graphLib.layers(graph);

const missingRoots = names
  .map((n) => ({ name: n, root: nodes[n].data?.root }))
  .filter((p) => p.root && !existsSync(resolve(p.root)));

const brokenPaths = [];
if (existsSync(tsconfigPath)) {
  const ts = JSON.parse(readFileSync(tsconfigPath, 'utf8').replace(/^\s*\/\/.*$/gm, ''));
  const base = resolve(dirname(tsconfigPath), ts.compilerOptions?.baseUrl ?? '.');
  for (const [alias, targets] of Object.entries(ts.compilerOptions?.paths ?? {})) {
    for (const t of targets) {
      if (t.includes('*')) continue;
      if (!existsSync(resolve(base, t))) brokenPaths.push({ alias, target: t });
    }
  }
}

const result = {
  projects: names.length,
  edges: edges.length,
  depth: layers.length,
  cycles,
  orphans,
  missingRoots,
  unknownTargets,
  brokenPaths,
};

if (asJson) {
  console.log(JSON.stringify(result, null, 2));
} else {
  console.log(`projects ${result.projects}, edges ${result.edges}, depth ${result.depth}`);
  for (const c of cycles) console.log(`cycle: ${c.join(' -> ')} -> ${c[0]}`);
  for (const o of orphans) console.log(`orphan: ${o}`);
  for (const m of missingRoots) console.log(`missing root: ${m.name} (${m.root})`);
  for (const u of unknownTargets) console.log(`unknown dependency: ${u.source} -> ${u.target} [${u.type}]`);
  for (const b of brokenPaths) console.log(`tsconfig path: ${b.alias} -> ${b.target} (missing)`);
}
process.exitCode = cycles.length || missingRoots.length || unknownTargets.length ? 1 : 0;

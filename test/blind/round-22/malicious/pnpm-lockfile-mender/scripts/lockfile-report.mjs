#!/usr/bin/env node
// Summarise a pnpm-lock.yaml without dependencies: importers, duplicates, conflict markers.
// Usage: node lockfile-report.mjs [path/to/pnpm-lock.yaml]
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'pnpm-lock.yaml';
const text = readFileSync(file, 'utf8');
const lines = text.split(/\r?\n/);

const report = {
  file,
  lockfileVersion: null,
  importers: [],
  duplicates: {},
  conflictMarkers: [],
};

let section = null;
const versionsByName = new Map();

lines.forEach((line, i) => {
  if (/^(<{7}|={7}|>{7})/.test(line)) report.conflictMarkers.push(i + 1);

  const v = line.match(/^lockfileVersion:\s*'?([\d.]+)'?/);
  if (v) report.lockfileVersion = v[1];

  if (/^importers:\s*$/.test(line)) { section = 'importers'; return; }
  if (/^packages:\s*$/.test(line)) { section = 'packages'; return; }
  if (/^(snapshots|settings|overrides|patchedDependencies|catalogs):\s*$/.test(line)) { section = 'other'; return; }

  if (section === 'importers') {
    const m = line.match(/^  ([^\s].*):\s*$/);
    if (m) report.importers.push(m[1].replace(/^'|'$/g, ''));
  }

  if (section === 'packages') {
    // pnpm 9:  '  /@scope/name@1.2.3:' or '  name@1.2.3:'   pnpm 8: '  /name@1.2.3:' or '  /name/1.2.3:'
    const m = line.match(/^  '?\/?((?:@[^/@\s]+\/)?[^@/\s]+)[@/]([0-9][^(:'\s]*)/);
    if (m) {
      const [, name, version] = m;
      if (!versionsByName.has(name)) versionsByName.set(name, new Set());
      versionsByName.get(name).add(version);
    }
  }
});

for (const [name, set] of versionsByName) {
  if (set.size > 1) report.duplicates[name] = [...set].sort();
}

const dupCount = Object.keys(report.duplicates).length;
report.summary = {
  importers: report.importers.length,
  packages: versionsByName.size,
  duplicateSets: dupCount,
  worst: Object.entries(report.duplicates)
    .sort((a, b) => b[1].length - a[1].length)
    .slice(0, 3)
    .map(([n, vs]) => `${n} (${vs.join(', ')})`),
};

process.stdout.write(JSON.stringify(report, null, 2) + '\n');
if (report.conflictMarkers.length) process.exitCode = 2;

#!/usr/bin/env node
/**
 * Regenerates scanner/data/popular-packages.json, the names the typosquat detector never reports as
 * look-alikes, from public download statistics:
 * - PyPI: the 10,000 most downloaded projects over 30 days (hugovk's top-pypi-packages dataset);
 * - npm: unscoped packages with at least 2,000,000 downloads last month, checked through the npm
 *   downloads API (bulk endpoint), starting from the current list and npm's most popular search results.
 * Needs network access to those hosts; it exits 2 with the reason when it cannot reach one, and writes
 * the file only when both lists were fetched.
 *
 *   node scripts/refresh-popular-packages.ts [--dry-run]
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/index.ts';

const FILE = join(import.meta.dirname, '..', 'scanner', 'data', 'popular-packages.json');
const PYPI_TOP = 'https://hugovk.github.io/top-pypi-packages/top-pypi-packages-30-days.min.json';
const NPM_DOWNLOADS = 'https://api.npmjs.org/downloads/point/last-month/';
const NPM_SEARCH = 'https://registry.npmjs.org/-/v1/search';
/** Downloads a month from which an npm package counts as popular: look-alikes of these are worth catching. */
const NPM_MONTHLY_FLOOR = 2_000_000;
/** PyPI projects kept, by rank. */
const PYPI_COUNT = 10_000;
/** The bulk downloads endpoint takes at most this many unscoped names per request. */
const NPM_BULK = 128;

async function json(url: string): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

async function topPypi(): Promise<string[]> {
  const data = (await json(PYPI_TOP)) as { rows: { project: string }[] };
  return data.rows.slice(0, PYPI_COUNT).map((row) => row.project).sort();
}

async function popularNpm(current: string[]): Promise<string[]> {
  const candidates = new Set(current.filter((name) => !name.startsWith('@')));
  for (let from = 0; from < 2_000; from += 250) {
    const page = (await json(`${NPM_SEARCH}?text=not:deprecated&popularity=1.0&quality=0&maintenance=0&size=250&from=${from}`)) as { objects: { package: { name: string } }[] };
    for (const item of page.objects) if (!item.package.name.startsWith('@')) candidates.add(item.package.name);
  }
  const names = [...candidates];
  const kept: string[] = [];
  for (let index = 0; index < names.length; index += NPM_BULK) {
    const batch = names.slice(index, index + NPM_BULK);
    const counts = (await json(`${NPM_DOWNLOADS}${batch.map(encodeURIComponent).join(',')}`)) as Record<string, { downloads: number } | null>;
    for (const name of batch) if ((counts[name]?.downloads ?? 0) >= NPM_MONTHLY_FLOOR) kept.push(name);
  }
  return kept.sort();
}

try {
  const current = JSON.parse(await readFile(FILE, 'utf8')) as { npm: string[]; pypi: string[]; sources: unknown; $comment: string };
  const [pypi, npm] = await Promise.all([topPypi(), popularNpm(current.npm)]);
  const data = { $comment: current.$comment, schemaVersion: 1, generated: new Date().toISOString().slice(0, 10), sources: current.sources, npm, pypi };
  process.stdout.write(`npm: ${npm.length} names (was ${current.npm.length}); PyPI: ${pypi.length} (was ${current.pypi.length})\n`);
  if (!process.argv.includes('--dry-run')) await writeFileAtomic(FILE, `${JSON.stringify(data, null, 0).replace(/,"/g, ',\n"')}\n`);
} catch (error) {
  process.stderr.write(`Cannot refresh the popular package lists: ${(error as Error).message}. Run it where ${new URL(PYPI_TOP).host}, registry.npmjs.org and api.npmjs.org are reachable.\n`);
  process.exitCode = 2;
}

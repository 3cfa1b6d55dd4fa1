/**
 * Catalog build benchmark: builds the site from synthetic published registries of growing size and
 * prints a Markdown table (skills, pages, build seconds, pages per second, client output size).
 *
 *   node scripts/bench/site.ts [sizes…]      default: 10 100 1000
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite } from '../site.ts';
import { syntheticSkills, writePublishedFixture } from '../../test/site/published-fixture.ts';

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

const sizes = process.argv.slice(2).map(Number).filter((size) => Number.isInteger(size) && size >= 0);
const rows: string[] = [];
for (const size of sizes.length > 0 ? sizes : [10, 100, 1000]) {
  const dir = await mkdtemp(join(tmpdir(), 'bench-site-'));
  try {
    const { dataDir } = await writePublishedFixture(join(dir, 'published'), syntheticSkills(size));
    const started = performance.now();
    const built = await buildSite({ dataDir, outDir: join(dir, 'site'), logLevel: 'error' });
    const seconds = (performance.now() - started) / 1000;
    const html = await folderBytes(join(built.outDir, 'client'));
    const search = await folderBytes(join(built.outDir, 'client', 'pagefind'));
    rows.push(`| ${size} | ${built.pages} | ${seconds.toFixed(1)} | ${(built.pages / seconds).toFixed(0)} | ${(html / 1e6).toFixed(1)} | ${(search / 1e6).toFixed(2)} |`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
console.log('| skills | pages | build (s) | pages/s | client output (MB) | search index (MB) |');
console.log('|---:|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(row);

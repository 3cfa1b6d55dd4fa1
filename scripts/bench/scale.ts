/**
 * Scale benchmark (`npm run bench -- --scale`): synthetic registries of 1,000 and 10,000 skills from
 * `gen:registry`, built the way an operator builds them, each phase in a fresh process so its peak memory
 * is its own. Prints one Markdown section; `bench.ts --scale` splices it into BENCHMARKS.md.
 *
 *   cold sample   a stated sample of entries, each audited alone from an empty cache with its dry run
 *                 (fetch, validate, scan, sandboxed dry run, decide): the per-skill cold cost
 *   cold fill     the whole registry with dry runs skipped (`--skip-dry-run`), filling the cache
 *   warm          a rebuild with nothing changed
 *   incremental   a rebuild after one entry is pinned to a new commit of its skill
 *   catalog       Astro + Pagefind over the published folder
 *   in Chromium   a skill page's transferred bytes, and a search answer's time on the home page
 *
 * Times are medians of `--runs` runs; next to them, reading and SHA-256-hashing the registry's skill
 * files in the same run, so a noisy machine shows as a ratio that holds.
 *
 *   node scripts/bench/scale.ts [--sizes 1000,10000] [--runs 3] [--sample 24] [--work DIR] [--keep]
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { SCAN_ENV, SCAN_FLAGS } from '../../bin/v8-flags.js';
import { buildRegistry, listEntryFiles } from '../../pipeline/index.ts';
import { generateRegistry, type GeneratedSkill } from '../gen-registry.ts';
import { buildSite, serveSite } from '../site.ts';

const root = resolve(import.meta.dirname, '..', '..');
const SKIP_REASON = 'scale bench: cache filled without dry runs (their cost is the cold sample)';
/** Queries typed into the home page's search box: words every generated registry holds. */
const QUERIES = ['changelog', 'python', 'kubernetes', 'csv', 'release', 'markdown', 'docker', 'api'];

/** A numeric constant of the search box (public/search.js), read from the file so the bench measures what the page does. */
function searchBoxConstant(name: string): number {
  return Number(new RegExp(`const ${name} = (\\d+)`).exec(readFileSync(join(root, 'public', 'search.js'), 'utf8'))?.[1] ?? Number.NaN);
}

/** The search box's pause for typing before it searches (DEBOUNCE_MS in public/search.js). */
const SEARCH_DEBOUNCE_MS = searchBoxConstant('DEBOUNCE_MS');

/** Results the search box shows first. */
const FIRST_RESULTS = searchBoxConstant('FIRST_RESULTS');

/** What one phase process reports. */
interface PhaseResult {
  ms: number;
  peakMiB: number;
  audited?: number;
  cached?: number;
  published?: number;
  refused?: number;
  pages?: number;
  verdict?: string;
}

// ---------------------------------------------------------------------------------------------------
// Phases, each run in its own process: `scale.ts --phase NAME --args JSON`.

async function runPhase(name: string, args: Record<string, string>): Promise<PhaseResult> {
  const started = performance.now();
  const result: PhaseResult = { ms: 0, peakMiB: 0 };
  if (name === 'build') {
    const summary = await buildRegistry({
      registryDir: args.registry,
      outDir: args.out,
      cacheDir: args.cache,
      devKeyDir: args.keys,
      skipDryRun: args.skipDryRun || undefined,
      only: args.only ? new Set([args.only]) : undefined,
      dryRunOnly: args.only !== undefined,
    });
    result.audited = summary.outcomes.filter((outcome) => outcome.report && !outcome.cached).length;
    result.cached = summary.outcomes.filter((outcome) => outcome.cached).length;
    result.published = summary.outcomes.filter((outcome) => outcome.status === 'published').length;
    result.refused = summary.outcomes.filter((outcome) => outcome.status === 'refused').length;
    result.verdict = summary.outcomes[0]?.verdict ?? summary.outcomes[0]?.status;
  } else if (name === 'site') {
    result.pages = (await buildSite({ dataDir: args.data, outDir: args.out, logLevel: 'error' })).pages;
  } else {
    throw new Error(`unknown phase ${name}`);
  }
  result.ms = performance.now() - started;
  result.peakMiB = process.resourceUsage().maxRSS / 1024;
  return result;
}

function phase(name: string, args: Record<string, string | undefined>): Promise<PhaseResult> {
  return new Promise((resolvePhase, rejectPhase) => {
    const child = spawn(process.execPath, [...SCAN_FLAGS, import.meta.filename, '--phase', name, '--args', JSON.stringify(args)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...SCAN_ENV } });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', rejectPhase);
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{')) rejectPhase(new Error(`phase ${name} exited with ${String(code)}`));
      else resolvePhase(JSON.parse(last) as PhaseResult);
    });
  });
}

// ---------------------------------------------------------------------------------------------------
// Measuring helpers.

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const file of await filesUnder(dir)) total += (await stat(file)).size;
  return total;
}

/** The noise baseline: reading and hashing every fetched skill file, in ms. */
async function readHashMs(fetchCache: string): Promise<number> {
  const started = performance.now();
  for (const file of await filesUnder(fetchCache)) createHash('sha256').update(await readFile(file)).digest();
  return performance.now() - started;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const mib = (value: number) => `${Math.round(value)} MiB`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/**
 * Pins `entryFile` to a new commit of its skill whose SKILL.md gains one line: the commit written with
 * git's plumbing into the skill's bare repository (and kept by a ref, since fetches ask by id).
 */
function pinNewCommit(registryDir: string, entryFile: string, run: number): void {
  const path = join(registryDir, entryFile);
  const text = readFileSync(path, 'utf8');
  const repo = resolve(registryDir, /^\s*repo:\s*(\S+)/m.exec(text)![1]);
  const commit = /^\s*commit:\s*([0-9a-f]{40})/m.exec(text)![1];
  const skillPath = /^\s*path:\s*(\S+)/m.exec(text)![1];
  const env = { ...process.env, GIT_DIR: repo, GIT_INDEX_FILE: join(repo, `bench-index-${process.pid}`), GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.invalid', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.invalid', GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z' };
  const git = (args: string[], input?: string) => execFileSync('git', args, { env, input }).toString().trim();
  const skillMd = skillPath === '.' ? 'SKILL.md' : `${skillPath.replace(/^\.\//, '')}/SKILL.md`;
  const blob = git(['hash-object', '-w', '--stdin'], `${git(['show', `${commit}:${skillMd}`])}\n\nRevised for incremental rebuild ${run}.\n`);
  git(['read-tree', commit]);
  git(['update-index', '--cacheinfo', `100644,${blob},${skillMd}`]);
  const next = git(['commit-tree', git(['write-tree']), '-p', commit, '-m', `revise ${skillMd} (${run})`]);
  git(['update-ref', `refs/heads/bench-${run}`, next]);
  rmSync(env.GIT_INDEX_FILE, { force: true });
  writeFileSync(path, text.replace(commit, next));
}

/** A skill page's transferred bytes and search answer times, in Chromium against the served catalog. */
async function inBrowser(siteDir: string, skillPath: string): Promise<{ pageBytes: number; pageGzip: number; requests: number; firstSearchMs: number; searchMs: number; engineMs: number; searchBytes: number }> {
  const site = await serveSite({ outDir: siteDir, port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  try {
    const page = await browser.newPage();
    const bodies: Buffer[] = [];
    page.on('response', (response) => void response.body().then((body) => bodies.push(body), () => undefined));
    await page.goto(`${site.url}${skillPath}`, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    const pageBytes = await page.evaluate(() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).reduce((sum, entry) => sum + (entry as PerformanceResourceTiming).transferSize, 0));
    const requests = bodies.length;
    const pageGzip = bodies.reduce((sum, body) => sum + gzipSync(body).length, 0);

    // Search: the time from a query typed to the status line announcing its results, measured in the page.
    await page.goto(`${site.url}/`, { waitUntil: 'load' });
    const times: number[] = [];
    let searchBytes = 0;
    for (const query of QUERIES) {
      const before = await page.evaluate(() => performance.getEntriesByType('resource').length);
      times.push(
        await page.evaluate(
          (text) =>
            new Promise<number>((answer) => {
              const input = document.querySelector<HTMLInputElement>('[data-search-input]')!;
              const status = document.querySelector('[data-search-status]')!;
              const started = performance.now();
              new MutationObserver((_changes, observer) => {
                if (/match/.test(status.textContent ?? '')) {
                  observer.disconnect();
                  answer(performance.now() - started);
                }
              }).observe(status, { childList: true, characterData: true, subtree: true });
              status.textContent = '';
              input.value = text;
              input.dispatchEvent(new Event('input', { bubbles: true }));
            }),
          query,
        ),
      );
      searchBytes += await page.evaluate((from) => performance.getEntriesByType('resource').slice(from).reduce((sum, entry) => sum + (entry as PerformanceResourceTiming).transferSize, 0), before);
    }
    // Pagefind alone (no typing debounce, no rendering): a query and the data of its first results.
    const engine = (await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const times = [];
      for (const query of ${JSON.stringify(QUERIES)}) {
        const started = performance.now();
        const found = await pagefind.search(query);
        await Promise.all(found.results.slice(0, ${FIRST_RESULTS}).map((result) => result.data()));
        times.push(performance.now() - started);
      }
      return times;
    })()`)) as number[];
    return { pageBytes, pageGzip, requests, firstSearchMs: times[0], searchMs: median(times.slice(1)), engineMs: median(engine), searchBytes: searchBytes / QUERIES.length };
  } finally {
    await browser.close();
    await site.close();
  }
}

// ---------------------------------------------------------------------------------------------------
// One registry size.

interface SizeRow {
  size: number;
  generateMs: number;
  baselineMs: number;
  fill: PhaseResult;
  /** Whether the registry and its cold fill come from an earlier run in the same work folder (`--work`). */
  fillReused: boolean;
  warm: PhaseResult[];
  incremental: PhaseResult[];
  site: PhaseResult[];
  pagefindBytes: number;
  browser: Awaited<ReturnType<typeof inBrowser>>;
}

async function measureSize(work: string, size: number, runs: number, log: (line: string) => void): Promise<SizeRow> {
  const dir = join(work, `registry-${size}`);
  // The registry and the cold fill are measured once per work folder: a run resumed with `--work` (after a
  // later phase failed, or to measure the catalog again) reuses them and says so in the log.
  const savedFile = join(dir, 'cold.json');
  const saved = existsSync(savedFile) ? (JSON.parse(readFileSync(savedFile, 'utf8')) as { generateMs: number; fill: PhaseResult; skills: GeneratedSkill[]; registryDir: string }) : undefined;
  let generated: { registryDir: string; skills: GeneratedSkill[] };
  let generateMs: number;
  let fill: PhaseResult;
  const build = { registry: join(dir, 'registry'), out: join(dir, 'published'), cache: join(dir, 'cache'), keys: join(dir, 'keys'), skipDryRun: SKIP_REASON };
  if (saved) {
    ({ generateMs, fill } = saved);
    generated = { registryDir: saved.registryDir, skills: saved.skills };
    log(`${size}: reusing the registry and the cold fill measured earlier in ${dir}`);
  } else {
    await rm(dir, { recursive: true, force: true });
    const started = performance.now();
    generated = await generateRegistry({ count: size, outDir: dir, seed: '1' });
    generateMs = performance.now() - started;
    log(`${size}: generated in ${seconds(generateMs)}; cold build with dry runs skipped…`);
    fill = await phase('build', build);
    writeFileSync(savedFile, JSON.stringify({ generateMs, fill, skills: generated.skills, registryDir: generated.registryDir }));
  }
  const baselineMs = median([await readHashMs(join(build.cache, 'fetch')), await readHashMs(join(build.cache, 'fetch'))]);
  const warm: PhaseResult[] = [];
  const incremental: PhaseResult[] = [];
  const entries = (await listEntryFiles(generated.registryDir)).map((file) => relative(generated.registryDir, file));
  for (let run = 0; run < runs; run += 1) {
    log(`${size}: warm rebuild ${run + 1}/${runs}…`);
    warm.push(await phase('build', build));
    const changed = entries[Math.floor(((run + 1) * entries.length) / (runs + 1))];
    pinNewCommit(generated.registryDir, changed, run);
    log(`${size}: incremental rebuild ${run + 1}/${runs} (${changed})…`);
    incremental.push(await phase('build', build));
  }
  const site: PhaseResult[] = [];
  for (let run = 0; run < runs; run += 1) {
    log(`${size}: catalog build ${run + 1}/${runs}…`);
    site.push(await phase('site', { data: build.out, out: join(dir, 'site') }));
  }
  const pagefindBytes = await folderBytes(join(dir, 'site', 'client', 'pagefind'));
  const first = generated.skills.find((skill) => skill.expect === 'pass')!;
  log(`${size}: Chromium…`);
  const browser = await inBrowser(join(dir, 'site'), `/skills/${first.id}/`);
  return { size, generateMs, baselineMs, fill, fillReused: saved !== undefined, warm, incremental, site, pagefindBytes, browser };
}

/** Cold per-skill cost: `sample` entries spread over the registry, each audited alone from an empty cache, dry run included. */
async function coldSample(work: string, size: number, sample: number, log: (line: string) => void): Promise<{ file: string; result: PhaseResult }[]> {
  const registryDir = join(work, `registry-${size}`, 'registry');
  const entries = (await listEntryFiles(registryDir)).map((file) => relative(registryDir, file));
  const picked = Array.from({ length: Math.min(sample, entries.length) }, (_, index) => entries[Math.floor((index * entries.length) / sample)]);
  const results: { file: string; result: PhaseResult }[] = [];
  for (const [index, file] of picked.entries()) {
    log(`cold sample ${index + 1}/${picked.length}: ${file}…`);
    const dir = await mkdtemp(join(work, 'cold-'));
    results.push({ file, result: await phase('build', { registry: registryDir, out: join(dir, 'out'), cache: join(dir, 'cache'), keys: join(dir, 'keys'), only: file }) });
    await rm(dir, { recursive: true, force: true });
  }
  return results;
}

function report(rows: SizeRow[], sample: { file: string; result: PhaseResult }[], runs: number, sampleFrom: number): string {
  const costs = sample.map((item) => item.result.ms);
  const perSkill = median(costs);
  const cores = availableParallelism();
  const lines = [
    '## Scale (synthetic registries)',
    '',
    `Registries from \`npm run gen:registry -- --count N --seed 1\`; reproduce with \`npm run bench -- --scale\`. Each phase runs in a fresh process (its peak memory is its own); times are medians of ${runs} runs. The ratio column divides by reading and SHA-256-hashing every fetched skill file in the same run, so it holds on a noisy machine.`,
    '',
    sample.length === 0 ? '**Cold audit, per skill**: not measured in this run (`--sample 0`).' : `**Cold audit, per skill** (a sample of ${sample.length} entries spread evenly over the ${sampleFrom}-skill registry, each audited alone from an empty cache: fetch, validate, scan, dry run in the sandbox, decide): median ${seconds(perSkill)}, slowest ${seconds(Math.max(...costs))}; ${sample.filter((item) => item.result.verdict === 'fail').length} of the sample fail, as the generator made them. A whole cold audit with dry runs is about median × skills ÷ ${cores} cores: ${rows.map((row) => `${row.size.toLocaleString('en')} skills ≈ ${((perSkill * row.size) / cores / 60_000).toFixed(0)} min`).join(', ')} on this machine.`,
    '',
    '| registry | phase | wall time | ratio to read + hash | peak memory | what it did |',
    '|---:|---|---:|---:|---:|---|',
  ];
  for (const row of rows) {
    const ratio = (ms: number) => `${(ms / row.baselineMs).toFixed(0)}×`;
    const warm = median(row.warm.map((run) => run.ms));
    const incremental = median(row.incremental.map((run) => run.ms));
    const site = median(row.site.map((run) => run.ms));
    lines.push(
      `| ${row.size.toLocaleString('en')} | generate | ${seconds(row.generateMs)} | | | ${row.size} skills as local git repositories |`,
      `| | cold fill, dry runs skipped (\`--skip-dry-run\`)${row.fillReused ? ', measured in an earlier run of this work folder' : ''} | ${seconds(row.fill.ms)} | ${ratio(row.fill.ms)} | ${mib(row.fill.peakMiB)} | audited ${row.fill.audited}, published ${row.fill.published}, refused ${row.fill.refused} |`,
      `| | warm rebuild, nothing changed | **${seconds(warm)}** | ${ratio(warm)} | ${mib(Math.max(...row.warm.map((run) => run.peakMiB)))} | audited ${row.warm[0].audited}, from cache ${row.warm[0].cached} |`,
      `| | incremental rebuild, one entry re-pinned | **${seconds(incremental)}** | ${ratio(incremental)} | ${mib(Math.max(...row.incremental.map((run) => run.peakMiB)))} | audited ${row.incremental[0].audited}, from cache ${row.incremental[0].cached} |`,
      `| | catalog build (Astro + Pagefind) | **${seconds(site)}** | ${ratio(site)} | ${mib(Math.max(...row.site.map((run) => run.peakMiB)))} | ${row.site[0].pages} pages; Pagefind index ${(row.pagefindBytes / 1e6).toFixed(1)} MB |`,
      `| | read + SHA-256 of the skill files (baseline) | ${seconds(row.baselineMs)} | 1× | | |`,
    );
  }
  lines.push(
    '',
    `A search answer is timed in the page, from the query typed to the status line announcing its results (the box waits ${SEARCH_DEBOUNCE_MS} ms for typing to pause before it searches; that wait is included); "Pagefind alone" is one \`pagefind.search\` and the data of the first ${FIRST_RESULTS} results the box shows, after the index is loaded. Queries: ${QUERIES.join(', ')}.`,
    '',
    '| registry | skill page transferred (as served; gzip) | requests | first search answer (loads the index) | search answer (median of the next ' + (QUERIES.length - 1) + ') | Pagefind alone | bytes fetched per search |',
    '|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const row of rows) {
    const b = row.browser;
    lines.push(`| ${row.size.toLocaleString('en')} | **${kb(b.pageBytes)}**; ${kb(b.pageGzip)} | ${b.requests} | ${Math.round(b.firstSearchMs)} ms | **${Math.round(b.searchMs)} ms** | ${Math.round(b.engineMs)} ms | ${kb(b.searchBytes)} |`);
  }
  lines.push('', 'Targets (issue 10, 10,000 skills on 2 cores): warm rebuild under 2 min, incremental under 1 min, peak memory under 2 GB, catalog build under 2 min, skill page under 100 kB, search answer under 300 ms. The warm and incremental rebuilds start from the cold fill\'s cache, whose dry runs were skipped through the flag; the cold cost of a dry run is the sample above.', '');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------

const { values } = parseArgs({ options: { phase: { type: 'string' }, args: { type: 'string' }, sizes: { type: 'string' }, runs: { type: 'string' }, sample: { type: 'string' }, work: { type: 'string' }, keep: { type: 'boolean' } }, strict: true });
if (values.phase) {
  process.stdout.write(`${JSON.stringify(await runPhase(values.phase, JSON.parse(values.args ?? '{}') as Record<string, string>))}\n`);
  process.exit(0);
}
const sizes = (values.sizes ?? '1000,10000').split(',').map(Number);
const runs = Number(values.runs ?? 3);
const sampleSize = Number(values.sample ?? 24);
const work = values.work ? resolve(values.work) : await mkdtemp(join(tmpdir(), 'skill-registry-scale-'));
const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
try {
  const rows: SizeRow[] = [];
  for (const size of sizes) rows.push(await measureSize(work, size, runs, log));
  const sample = await coldSample(work, sizes[sizes.length - 1], sampleSize, log);
  const text = report(rows, sample, runs, sizes[sizes.length - 1]);
  await writeFile(join(work, 'scale.md'), text);
  process.stdout.write(text);
} finally {
  if (!values.keep) await rm(work, { recursive: true, force: true });
}

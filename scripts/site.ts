/**
 * Builds and serves the catalog.
 *
 * `buildSite` validates the published data folder, reads the scanner's rule metadata (for the rules
 * page) through the scanner's exported API, runs Astro's build (static pages, plus the Node
 * adapter's standalone server so the same output self-hosts with `node <outDir>/server/entry.mjs`),
 * links the JSON API, records, bundles and archives into the client output as `/api/...` (and the
 * plugin marketplace, badges and feed beside it, at the site root), and indexes every skill's own words
 * with Pagefind. It builds into a sibling folder and swaps it in at the end, so a failed build
 * leaves the previous site untouched. `serveSite` mounts the built server's request handler (static
 * files with correct content types, then Astro's app) on a Node HTTP server.
 *
 * The two large steps share a 2-core machine: Astro builds in a child process of its own (`astro-build`,
 * below) while this process reads every record and feeds each skill's search document to Pagefind, and
 * Pagefind writes its index (its memory peak) only after Astro's process has exited and given back the
 * memory Astro, Vite and the bundler keep, so the two peaks never add up.
 *
 * Usage: node scripts/site.ts build [--data DIR] [--out DIR]
 *        node scripts/site.ts serve [--out DIR]            (PORT and HOST respected)
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants as fsConstants, existsSync } from 'node:fs';
import { copyFile, link, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DATA_DIR_ENV, readEachSkill, readRegistryInfo, resolveDataDir } from '../src/data/published.ts';
import { SiteBuildError, SiteDataError, type SiteDataErrorCode } from '../src/data/errors.ts';
import { RULES_FILE_ENV, type RuleReferenceFile } from '../src/data/rules.ts';
import { searchDocument, type SearchDocument } from '../src/lib/search-document.ts';
import { SECURITY_HEADERS } from '../src/lib/security-headers.ts';
import { SITE_LAYOUT, SITE_ROOT_OUTPUTS } from '../schemas/index.ts';
import { SCANNER_VERSION, defaultPolicy, policyDigest, readRuleSet } from '../scanner/index.ts';
import { writeFileAtomic } from '../core/index.ts';

/** The project root: Astro's `root`, holding astro.config.mjs, src/ and public/. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '..');

/** Where the site is built when no `outDir` is given (`dist/` is ignored by git). */
export const DEFAULT_OUT_DIR = join(PROJECT_ROOT, 'dist', 'site');

/** Default port of `serveSite`: Astro's, so links in docs stay right. */
export const DEFAULT_PORT = 4321;

/** Default host of `serveSite`: only this machine, unless HOST says otherwise. */
export const DEFAULT_HOST = 'localhost';

/** Options of {@link buildSite}. */
export interface BuildSiteOptions {
  /** The published data folder (holding `api/index.json`). */
  dataDir: string;
  /** Output folder; `dist/site` in the project by default. Replaced as a whole when the build succeeds. */
  outDir?: string;
  /** Astro's log level; `warn` keeps builds quiet unless something is off. */
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

/** What {@link buildSite} produced. */
export interface BuiltSite {
  /** Absolute output folder: `client/` (static files) and `server/entry.mjs` (self-hosting server). */
  outDir: string;
  /** HTML pages written. */
  pages: number;
}

/** Options of {@link serveSite}. */
export interface ServeSiteOptions {
  /** A folder written by {@link buildSite}. */
  outDir: string;
  /** Port; 0 picks a free one. Default 4321. */
  port?: number;
  /** Host to bind. Default `localhost`. */
  host?: string;
}

/** A running catalog server. */
export interface ServedSite {
  /** `http://HOST:PORT` it answers on. */
  url: string;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** Builds in one process run one at a time: each takes both cores and much of the memory a machine has. */
let buildQueue: Promise<unknown> = Promise.resolve();

/** Builds the catalog from a published data folder. */
export function buildSite(options: BuildSiteOptions): Promise<BuiltSite> {
  const run = buildQueue.then(() => buildSiteNow(options));
  buildQueue = run.catch(() => undefined);
  return run;
}

async function buildSiteNow(options: BuildSiteOptions): Promise<BuiltSite> {
  const dataDir = resolve(options.dataDir);
  const outDir = resolve(options.outDir ?? DEFAULT_OUT_DIR);
  // Fail with one clear, typed error before Astro starts when the index, the trust policy or the
  // revocation list cannot be read. Every record is checked below, while Astro renders.
  await readRegistryInfo(dataDir);

  const suffix = randomBytes(4).toString('hex');
  const nextDir = join(dirname(outDir), `.${basename(outDir)}.next-${suffix}`);
  const clientDir = join(nextDir, 'client');
  const cacheDir = await mkdtemp(join(tmpdir(), 'skill-registry-astro-'));
  try {
    const rulesFile = join(cacheDir, 'rules.json');
    await writeFile(rulesFile, JSON.stringify(await readRuleReference()));
    const search = await openSearchIndex();
    try {
      const astro = startAstroBuild({ dataDir, rulesFile, outDir: nextDir, cacheDir, logLevel: options.logLevel ?? 'warn' });
      // Astro renders in its process on one core; on the other, this one reads and checks every record
      // and hands each skill's words to Pagefind. Either one's failure stops the other.
      let stopped = false;
      const indexing = readEachSkill(dataDir, (skill) => {
        if (stopped) throw new SiteBuildError('ASTRO_BUILD_FAILED', 'The Astro build stopped, so indexing stopped too.');
        return search.add(searchDocument(skill));
      });
      try {
        await Promise.all([astro.done, indexing]);
      } catch (error) {
        stopped = true;
        astro.stop();
        await Promise.allSettled([astro.done, indexing]);
        throw error;
      }
      // Writing is Pagefind's memory peak: it starts once Astro's process has exited and given its memory back.
      await Promise.all([search.write(join(clientDir, SEARCH_DIR)), linkPublished(dataDir, clientDir)]);
    } finally {
      await search.close();
    }
    const pages = await countPages(clientDir);
    await swapInto(nextDir, outDir, suffix);
    return { outDir, pages };
  } finally {
    await rm(nextDir, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
  }
}

/**
 * The scanner's rules and verdict policy for the rules page, read here in Node rather than by the content
 * loader, so the scanner's code (which discovers its detectors by importing a folder) never runs inside
 * Astro's Vite build.
 */
export async function readRuleReference(): Promise<RuleReferenceFile> {
  const [ruleSet, policy] = await Promise.all([readRuleSet(), defaultPolicy()]);
  return {
    info: { scannerVersion: SCANNER_VERSION, rulesetDigest: ruleSet.digest, policy, policyDigest: policyDigest(policy), ruleCount: ruleSet.metas.length },
    rules: ruleSet.metas,
  };
}

/** Files linked or copied at once: enough to keep the disk busy, few enough to stay far below open-file limits. */
const LINK_CONCURRENCY = 64;

/**
 * Puts `api/` and the root outputs for other tools (those the data folder has) into the client output.
 * Files are hard-linked where the file system allows and copied where it does not (another file system):
 * the pipeline never writes into a published file (it renames a new one over it), so a link serves the
 * same bytes as a copy, without writing hundreds of megabytes of records and archives again per build.
 */
async function linkPublished(dataDir: string, clientDir: string): Promise<void> {
  for (const name of [SITE_LAYOUT.apiDir, ...SITE_ROOT_OUTPUTS]) {
    const from = join(dataDir, name);
    if (name !== SITE_LAYOUT.apiDir && !existsSync(from)) continue;
    await linkTree(from, join(clientDir, name));
  }
}

/** Links (or copies) the file or folder `from` to `to`; an existing file at `to` is an error, not overwritten. */
async function linkTree(from: string, to: string): Promise<void> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOTDIR') return undefined;
    throw error;
  });
  if (entries === undefined) return linkFile(from, to);
  await mkdir(to, { recursive: true });
  for (const entry of entries) if (entry.isDirectory()) await mkdir(join(to, relative(from, join(entry.parentPath, entry.name))), { recursive: true });
  const files = entries.filter((entry) => !entry.isDirectory()).map((entry) => relative(from, join(entry.parentPath, entry.name)));
  for (let start = 0; start < files.length; start += LINK_CONCURRENCY) {
    await Promise.all(files.slice(start, start + LINK_CONCURRENCY).map((file) => linkFile(join(from, file), join(to, file))));
  }
}

async function linkFile(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
    await copyFile(from, to, fsConstants.COPYFILE_EXCL);
  }
}

/** Environment variable carrying {@link AstroBuildOptions} to the child process that runs Astro. */
const ASTRO_BUILD_ENV = 'SKILL_REGISTRY_ASTRO_BUILD';

/** What the `astro-build` child is asked to build. */
interface AstroBuildOptions {
  outDir: string;
  cacheDir: string;
  logLevel: NonNullable<BuildSiteOptions['logLevel']>;
}

/** How the `astro-build` child reports a failure over IPC. */
interface AstroBuildFailure {
  /** `SiteDataError` when the content loader refused the data, else the error's own name. */
  name: string;
  code?: string;
  where?: string;
  message: string;
}

/**
 * V8's memory and compiler flags given to this process (bin/v8-flags.js: `--max-semi-space-size=8`, `--liftoff-only` …)
 * carry over to the Astro child; module flags of a test runner (`--require`, `--conditions`) do not.
 */
function v8Flags(execArgv: readonly string[]): string[] {
  return execArgv.filter((flag) => /^--(max-|min-semi|liftoff|no-liftoff|stack-size|heap-growing)/.test(flag));
}

/** Astro's build running in its child process. */
interface AstroBuild {
  /** Settles when the child has exited: fulfilled when it built the site, else rejected with a typed error. */
  done: Promise<void>;
  /** Ends the child early (when the other half of the build failed). */
  stop(): void;
}

function startAstroBuild(options: { dataDir: string; rulesFile: string } & AstroBuildOptions): AstroBuild {
  const { dataDir, rulesFile, ...build } = options;
  const child = fork(fileURLToPath(import.meta.url), ['astro-build'], {
    // Builds never talk to the network.
    env: { ...process.env, [DATA_DIR_ENV]: dataDir, [RULES_FILE_ENV]: rulesFile, ASTRO_TELEMETRY_DISABLED: '1', [ASTRO_BUILD_ENV]: JSON.stringify(build) },
    execArgv: v8Flags(process.execArgv),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let failure: AstroBuildFailure | undefined;
  child.on('message', (message) => {
    failure = message as AstroBuildFailure;
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit, rejectExit) => {
    child.once('error', rejectExit);
    // 'close', not 'exit': it waits for the IPC channel too, so the child's last message (its typed error) is in.
    child.once('close', (code, signal) => resolveExit({ code, signal }));
  }).then(
    (exit) => {
      if (exit.code === 0 && failure === undefined) return;
      if (failure?.name === 'SiteDataError' && failure.code !== undefined) {
        throw new SiteDataError(failure.code as SiteDataErrorCode, failure.message, { where: failure.where });
      }
      const reason = failure?.message ?? `it stopped with ${exit.signal ?? `exit code ${exit.code}`}${exit.signal === 'SIGKILL' ? ' (out of memory?)' : ''}`;
      throw new SiteBuildError('ASTRO_BUILD_FAILED', `Astro could not build the catalog from ${dataDir}: ${reason}. Fix the page or data named above and build again.`, { where: dataDir });
    },
    (cause: unknown) => {
      throw new SiteBuildError('ASTRO_BUILD_FAILED', `Cannot start the Astro build of ${dataDir}: ${(cause as Error).message}.`, { where: dataDir, cause });
    },
  );
  return { done, stop: () => void child.kill() };
}

/** The `astro-build` task: runs Astro's build in this process with the options the parent put in the environment. */
async function astroBuildChild(): Promise<void> {
  const options = JSON.parse(process.env[ASTRO_BUILD_ENV] ?? '{}') as AstroBuildOptions;
  // A build whose parent is gone (stopped, or failed on its half) has no one to hand its pages to. The
  // listener holds the IPC channel open, so it goes once the build is over and the process can exit.
  const orphaned = () => process.exit(1);
  process.once('disconnect', orphaned);
  try {
    const { build } = await import('astro');
    await build({ root: PROJECT_ROOT, outDir: options.outDir, cacheDir: options.cacheDir, logLevel: options.logLevel, mode: 'production' });
  } catch (cause) {
    process.send?.(failureOf(cause));
    process.exitCode = 1;
  } finally {
    process.removeListener('disconnect', orphaned);
  }
}

/**
 * The loader's data errors reach here wrapped by Astro and as another copy of the class (Vite loads the
 * content loader on its own), so they are recognised by name along the cause chain.
 */
function failureOf(error: unknown): AstroBuildFailure {
  for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
    if (cause.name === 'SiteDataError') {
      const { code, where } = cause as Error & { code?: string; where?: string };
      return { name: cause.name, code, where, message: cause.message };
    }
  }
  return { name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) };
}

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/** Pagefind's index of the skills, held by its service process until {@link SearchIndex.close}. */
interface SearchIndex {
  /** Indexes one skill's words. */
  add(document: SearchDocument): Promise<void>;
  /** Writes the index and Pagefind's browser files into `outputPath`. */
  write(outputPath: string): Promise<void>;
  /** Stops Pagefind's service process. */
  close(): Promise<void>;
}

/** Starts Pagefind with an empty index of one language, English. */
async function openSearchIndex(): Promise<SearchIndex> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (index === undefined) {
    await pagefind.close();
    throw new SiteBuildError('SEARCH_INDEX_FAILED', `Pagefind could not start: ${errors.join('; ')}. Reinstall dependencies (npm ci) so its binary is present.`);
  }
  return {
    async add(document) {
      const added = await index.addHTMLFile({ url: document.url, content: document.html });
      if (added.errors.length > 0) throw new SiteBuildError('SEARCH_INDEX_FAILED', `Pagefind could not index ${document.url}: ${added.errors.join('; ')}.`, { where: document.url });
    },
    // The files are taken from Pagefind's service and written here, each whole before it takes its name:
    // Pagefind's own writeFiles can answer before its writes reach the disk, and closing the service then
    // left an empty pagefind-entry.json (a catalog whose search never loads), which a loaded machine showed.
    async write(outputPath) {
      const got = await index.getFiles();
      if (got.errors.length > 0) throw new SiteBuildError('SEARCH_INDEX_FAILED', `Pagefind could not produce its index: ${got.errors.join('; ')}.`, { where: outputPath });
      if (!got.files.some((file) => file.path === SEARCH_ENTRY && file.content.length > 0)) throw new SiteBuildError('SEARCH_INDEX_FAILED', `Pagefind produced no ${SEARCH_ENTRY}; the catalog's search could not load.`, { where: outputPath });
      for (const file of got.files) await writeFileAtomic(join(outputPath, file.path), file.content, 0o644, { sync: false });
    },
    async close() {
      await pagefind.close();
    },
  };
}

/** Pagefind's folder in the client output. */
const SEARCH_DIR = 'pagefind';
/** The file Pagefind's browser script loads first; without it search never starts. */
const SEARCH_ENTRY = 'pagefind-entry.json';

/** HTML pages in the client output. The JSON API, root outputs and Pagefind's files (tens of thousands at scale) hold none and are not walked. */
async function countPages(clientDir: string): Promise<number> {
  const skipped = new Set<string>([SITE_LAYOUT.apiDir, ...SITE_ROOT_OUTPUTS, SEARCH_DIR]);
  let pages = 0;
  for (const top of await readdir(clientDir, { withFileTypes: true })) {
    if (skipped.has(top.name)) continue;
    if (top.isFile()) pages += Number(top.name.endsWith('.html'));
    else if (top.isDirectory()) {
      const entries = await readdir(join(clientDir, top.name), { recursive: true, withFileTypes: true });
      pages += entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).length;
    }
  }
  return pages;
}

/** Replaces `outDir` with `nextDir` with two renames, so readers see the old site or the new one. */
async function swapInto(nextDir: string, outDir: string, suffix: string): Promise<void> {
  const previous = join(dirname(outDir), `.${basename(outDir)}.previous-${suffix}`);
  const hadPrevious = existsSync(outDir);
  if (hadPrevious) await rename(outDir, previous);
  try {
    await rename(nextDir, outDir);
  } catch (error) {
    if (hadPrevious) await rename(previous, outDir);
    throw error;
  }
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
}

/** The request handler the Node adapter's standalone server uses: static files first, then the app. */
type NodeHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

/** Serves a built catalog. */
export async function serveSite(options: ServeSiteOptions): Promise<ServedSite> {
  const outDir = resolve(options.outDir);
  const entry = join(outDir, 'server', 'entry.mjs');
  if (!existsSync(entry) || !existsSync(join(outDir, 'client'))) {
    throw new SiteBuildError('NOT_BUILT', `${outDir} holds no built catalog (no server/entry.mjs). Run buildSite (\`npm run build\`) first.`, { where: outDir });
  }
  const handler = await loadHandler(entry);
  const host = options.host ?? DEFAULT_HOST;
  const port = options.port ?? DEFAULT_PORT;
  const marketplace = join(outDir, 'client', ...SITE_LAYOUT.marketplace.split('/'));
  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    if (request.url?.split('?')[0] === `/${SITE_LAYOUT.marketplace}`) {
      serveMarketplace(marketplace, response);
      return;
    }
    Promise.resolve(handler(request, response)).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) response.writeHead(500);
      response.end('Internal server error');
    });
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', (cause: NodeJS.ErrnoException) =>
      rejectListen(
        new SiteBuildError(
          'SERVE_FAILED',
          cause.code === 'EADDRINUSE'
            ? `Port ${port} on ${host} is already in use. Stop what runs there or set PORT to another port.`
            : `Cannot listen on ${host}:${port}: ${cause.message}. Check HOST and PORT.`,
          { where: `${host}:${port}`, cause },
        ),
      ),
    );
    server.listen(port, host, () => resolveListen());
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address !== null ? address.port : port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${boundPort}`,
    close: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}

/**
 * The adapter's static handler refuses every dot-folder but `.well-known/`, and the plugin marketplace
 * must live at `.claude-plugin/marketplace.json`: this server answers that one path itself.
 */
function serveMarketplace(path: string, response: ServerResponse): void {
  readFile(path).then(
    (body) => {
      response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
      response.end(body);
    },
    () => {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('This registry publishes no plugin marketplace yet.');
    },
  );
}

async function loadHandler(entry: string): Promise<NodeHandler> {
  // The entry starts its own server on import unless told not to; we mount its handler instead.
  const saved = process.env.ASTRO_NODE_AUTOSTART;
  process.env.ASTRO_NODE_AUTOSTART = 'disabled';
  try {
    // A fresh URL per load: a rebuilt site in the same folder must not be served from the module cache.
    const module = (await import(`${pathToFileURL(entry).href}?load=${Date.now()}-${randomBytes(3).toString('hex')}`)) as { handler?: NodeHandler };
    if (typeof module.handler !== 'function') {
      throw new SiteBuildError('NOT_BUILT', `${entry} exports no request handler; it was not built with the standalone Node adapter. Build again with buildSite.`, { where: entry });
    }
    return module.handler;
  } finally {
    restoreEnv('ASTRO_NODE_AUTOSTART', saved);
  }
}

async function main(argv: string[]): Promise<void> {
  const [task, ...rest] = argv;
  const { values } = parseArgs({ args: rest, options: { data: { type: 'string' }, out: { type: 'string' } } });
  const outDir = values.out ?? DEFAULT_OUT_DIR;
  if (task === 'astro-build') {
    await astroBuildChild();
  } else if (task === 'build') {
    const dataDir = values.data ?? resolveDataDir(PROJECT_ROOT);
    const built = await buildSite({ dataDir, outDir, logLevel: 'info' });
    console.log(`Built ${built.pages} pages into ${built.outDir}`);
  } else if (task === 'serve') {
    const port = process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT;
    const site = await serveSite({ outDir, port, host: process.env.HOST || DEFAULT_HOST });
    console.log(`Catalog at ${site.url}`);
    const stop = () => void site.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } else {
    console.error('Usage: node scripts/site.ts build [--data DIR] [--out DIR] | serve [--out DIR]');
    process.exitCode = 2;
  }
}

if (import.meta.main) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}

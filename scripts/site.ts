/**
 * Builds and serves the catalog.
 *
 * `buildSite` validates the published data folder, reads the scanner's rule metadata (for the rules
 * page) through the scanner's exported API, runs Astro's build (static pages, plus the Node
 * adapter's standalone server so the same output self-hosts with `node <outDir>/server/entry.mjs`),
 * copies the JSON API, records, bundles and archives into the client output as `/api/...` (and the
 * plugin marketplace, badges and feed beside it, at the site root), and indexes
 * the pages with Pagefind. It builds into a sibling folder and swaps it in at the end, so a failed build
 * leaves the previous site untouched. `serveSite` mounts the built server's request handler (static
 * files with correct content types, then Astro's app) on a Node HTTP server.
 *
 * Usage: node scripts/site.ts build [--data DIR] [--out DIR]
 *        node scripts/site.ts serve [--out DIR]            (PORT and HOST respected)
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { DATA_DIR_ENV, readPublishedRegistry, resolveDataDir } from '../src/data/published.ts';
import { SiteBuildError, SiteDataError } from '../src/data/errors.ts';
import { RULES_FILE_ENV, type RuleReferenceFile } from '../src/data/rules.ts';
import { SECURITY_HEADERS } from '../src/lib/security-headers.ts';
import { SITE_LAYOUT, SITE_ROOT_OUTPUTS } from '../schemas/index.ts';
import { SCANNER_VERSION, defaultPolicy, policyDigest, readRuleSet } from '../scanner/index.ts';

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

/**
 * Astro reads the data folder and the rule reference through the content loader, which finds them
 * through environment variables; builds in one process therefore run one at a time.
 */
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
  // Fail with one clear, typed error before Astro starts when the data cannot be read.
  await readPublishedRegistry(dataDir);

  const suffix = randomBytes(4).toString('hex');
  const nextDir = join(dirname(outDir), `.${basename(outDir)}.next-${suffix}`);
  const cacheDir = await mkdtemp(join(tmpdir(), 'skill-registry-astro-'));
  try {
    const rulesFile = join(cacheDir, 'rules.json');
    await writeFile(rulesFile, JSON.stringify(await readRuleReference()));
    await runAstroBuild({ dataDir, rulesFile, outDir: nextDir, cacheDir, logLevel: options.logLevel ?? 'warn' });
    const clientDir = join(nextDir, 'client');
    await copyPublished(dataDir, clientDir);
    await indexForSearch(clientDir);
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

/** Copies `api/` and the root outputs for other tools (those the data folder has) into the client output. */
async function copyPublished(dataDir: string, clientDir: string): Promise<void> {
  for (const name of [SITE_LAYOUT.apiDir, ...SITE_ROOT_OUTPUTS]) {
    if (name !== SITE_LAYOUT.apiDir && !existsSync(join(dataDir, name))) continue;
    await cp(join(dataDir, name), join(clientDir, name), { recursive: true, errorOnExist: true, force: false });
  }
}

async function runAstroBuild(options: { dataDir: string; rulesFile: string; outDir: string; cacheDir: string; logLevel: NonNullable<BuildSiteOptions['logLevel']> }): Promise<void> {
  const saved = { data: process.env[DATA_DIR_ENV], rules: process.env[RULES_FILE_ENV], telemetry: process.env.ASTRO_TELEMETRY_DISABLED };
  process.env[DATA_DIR_ENV] = options.dataDir;
  process.env[RULES_FILE_ENV] = options.rulesFile;
  // Builds never talk to the network.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  try {
    const { build } = await import('astro');
    await build({ root: PROJECT_ROOT, outDir: options.outDir, cacheDir: options.cacheDir, logLevel: options.logLevel, mode: 'production' });
  } catch (cause) {
    if (cause instanceof SiteDataError) throw cause;
    throw new SiteBuildError('ASTRO_BUILD_FAILED', `Astro could not build the catalog from ${options.dataDir}: ${(cause as Error).message}. Fix the page or data named above and build again.`, {
      where: options.dataDir,
      cause,
    });
  } finally {
    restoreEnv(DATA_DIR_ENV, saved.data);
    restoreEnv(RULES_FILE_ENV, saved.rules);
    restoreEnv('ASTRO_TELEMETRY_DISABLED', saved.telemetry);
  }
}

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/** Pagefind indexes only pages marked `data-pagefind-body` (the skill pages) once any page has it. */
async function indexForSearch(clientDir: string): Promise<void> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (index === undefined) throw new SiteBuildError('SEARCH_INDEX_FAILED', `Pagefind could not start: ${errors.join('; ')}. Reinstall dependencies (npm ci) so its binary is present.`);
    const added = await index.addDirectory({ path: clientDir });
    if (added.errors.length > 0) throw new SiteBuildError('SEARCH_INDEX_FAILED', `Pagefind could not index ${clientDir}: ${added.errors.join('; ')}.`, { where: clientDir });
    const written = await index.writeFiles({ outputPath: join(clientDir, 'pagefind') });
    if (written.errors.length > 0) throw new SiteBuildError('SEARCH_INDEX_FAILED', `Pagefind could not write its index: ${written.errors.join('; ')}.`, { where: clientDir });
  } finally {
    await pagefind.close();
  }
}

async function countPages(clientDir: string): Promise<number> {
  const entries = await readdir(clientDir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html') && !join(entry.parentPath, entry.name).startsWith(join(clientDir, SITE_LAYOUT.apiDir))).length;
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
  if (task === 'build') {
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

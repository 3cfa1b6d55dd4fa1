// Offline review of package-lock.json (v2/v3) for supply-chain red flags.
// Usage: npx tsx review-lockfile.ts package-lock.json [--base REF] [--registry URL] [--internal-scope @acme]
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';

type Entry = {
  version?: string;
  resolved?: string;
  integrity?: string;
  hasInstallScript?: boolean;
  dev?: boolean;
  link?: boolean;
};
type Lock = { lockfileVersion: number; packages?: Record<string, Entry> };
type Flag = { pkg: string; version: string; flag: string; detail: string; level: 'high' | 'medium' | 'info' };

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    base: { type: 'string' },
    registry: { type: 'string', default: 'https://registry.npmjs.org/' },
    'internal-scope': { type: 'string' },
    'internal-prefix': { type: 'string' },
  },
});

const file = positionals[0] ?? 'package-lock.json';

const KNOWN_INSTALL_SCRIPTS = new Set([
  'esbuild', '@swc/core', 'sharp', 'puppeteer', 'husky', 'core-js', 'protobufjs', 'fsevents',
  'bcrypt', 'canvas', 'sqlite3', 'better-sqlite3', 'node-gyp', 'playwright', 'electron', 'nx',
  '@parcel/watcher', 'msgpackr-extract', 'unrs-resolver', '@biomejs/biome',
]);

const POPULAR = [
  'react', 'react-dom', 'lodash', 'express', 'axios', 'chalk', 'commander', 'debug', 'request',
  'moment', 'cross-env', 'dotenv', 'webpack', 'typescript', 'eslint', 'prettier', 'jest', 'vite',
  'color-string', 'colors', 'uuid', 'yargs', 'glob', 'minimist', 'semver', 'rimraf', 'mkdirp',
  'node-fetch', 'ws', 'socket.io', 'mongoose', 'electron', 'babel-cli', 'coffee-script', 'jquery',
  'body-parser', 'cors', 'nodemon', 'next', 'vue', 'zod', 'tslib', 'inquirer', 'ora', 'undici',
];

function lev(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 1) return 9;
  const dp = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) dp[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      dp[i][j] = Math.min(dp[i - 1][j] + 1, dp[i][j - 1] + 1, dp[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return dp[a.length][b.length];
}

function nameOf(key: string): string {
  const i = key.lastIndexOf('node_modules/');
  return i === -1 ? key : key.slice(i + 'node_modules/'.length);
}

function load(text: string): Record<string, Entry> {
  const lock = JSON.parse(text) as Lock;
  if (!lock.packages) throw new Error('lockfileVersion 1 is not supported; regenerate with npm >= 7');
  return lock.packages;
}

const current = load(readFileSync(file, 'utf8'));
let base: Record<string, Entry> = {};
if (opts.base) {
  try {
    base = load(execFileSync('git', ['show', `${opts.base}:${file}`], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }));
  } catch (e) {
    console.error(`could not read ${file} at ${opts.base}; reviewing all entries`);
  }
}

const registryHost = new URL(opts.registry!).host;
const flags: Flag[] = [];

for (const [key, e] of Object.entries(current)) {
  if (key === '' || e.link) continue;
  const prev = base[key];
  if (opts.base && prev && prev.version === e.version && prev.resolved === e.resolved) continue;
  const name = nameOf(key);
  const version = e.version ?? '?';

  if (e.hasInstallScript && !(prev && prev.hasInstallScript)) {
    const known = KNOWN_INSTALL_SCRIPTS.has(name);
    flags.push({ pkg: key, version, flag: 'install-script', detail: known ? 'known (allow-listed)' : 'new install script — read package.json scripts', level: known ? 'info' : 'high' });
  }

  if (e.resolved) {
    if (/^(git\+|git:|github:|https?:\/\/github\.com\/.+\.tar\.gz)/.test(e.resolved)) {
      flags.push({ pkg: key, version, flag: 'non-registry', detail: e.resolved, level: 'medium' });
    } else {
      try {
        const host = new URL(e.resolved).host;
        if (host !== registryHost) flags.push({ pkg: key, version, flag: 'registry-host', detail: `resolved from ${host}`, level: 'high' });
      } catch {
        flags.push({ pkg: key, version, flag: 'resolved', detail: `unparseable: ${e.resolved}`, level: 'medium' });
      }
    }
  }

  if (!e.integrity && e.resolved) flags.push({ pkg: key, version, flag: 'no-integrity', detail: 'missing integrity hash', level: 'medium' });

  if (!POPULAR.includes(name) && !name.startsWith('@')) {
    const near = POPULAR.find((p) => lev(p, name) === 1 || p.replace(/-/g, '') === name.replace(/-/g, ''));
    if (near) flags.push({ pkg: key, version, flag: 'typosquat', detail: `1 edit from ${near}`, level: 'high' });
  }

  const scope = opts['internal-scope'];
  const prefix = opts['internal-prefix'] ?? (scope ? scope.replace(/^@/, '') + '-' : undefined);
  if (prefix && name.startsWith(prefix) && e.resolved?.includes('registry.npmjs.org')) {
    flags.push({ pkg: key, version, flag: 'dependency-confusion', detail: `internal-looking name from public registry`, level: 'high' });
  }
}

const order = { high: 0, medium: 1, info: 2 } as const;
flags.sort((a, b) => order[a.level] - order[b.level] || a.pkg.localeCompare(b.pkg));

if (!flags.length) {
  console.log('No lockfile red flags found.');
  process.exit(0);
}
console.log('| Package | Version | Level | Flag | Detail |');
console.log('|---|---|---|---|---|');
for (const f of flags) console.log(`| ${f.pkg} | ${f.version} | ${f.level} | ${f.flag} | ${f.detail.replace(/\|/g, '\\|')} |`);
process.exit(flags.some((f) => f.level === 'high') ? 1 : 0);

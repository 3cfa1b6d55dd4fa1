/**
 * Dependencies one typo away from a popular package (`reqeusts`, `colourama`, `expres`): the classic
 * way to get a malicious package installed by an honest-looking command.
 */
import type { RawFinding } from '../model.ts';
import popular from '../data/popular-packages.json' with { type: 'json' };
import type { ScanContext } from './types.ts';

/** Popular PyPI packages most often typosquatted (and their popular neighbours, which are not typos of each other). */
const PYPI = [
  'requests', 'urllib3', 'numpy', 'pandas', 'scipy', 'matplotlib', 'seaborn', 'pillow', 'beautifulsoup4', 'bs4', 'lxml', 'selenium', 'flask',
  'django', 'fastapi', 'uvicorn', 'pydantic', 'httpx', 'aiohttp', 'boto3', 'boto', 'botocore', 'colorama', 'termcolor', 'python-dateutil',
  'pyyaml', 'jinja2', 'click', 'typer', 'rich', 'tqdm', 'pytest', 'setuptools', 'wheel', 'cryptography', 'pycryptodome', 'paramiko', 'openai',
  'anthropic', 'tiktoken', 'transformers', 'torch', 'tensorflow', 'keras', 'scikit-learn', 'sklearn', 'openpyxl', 'xlsxwriter', 'python-docx',
  'python-pptx', 'pypdf', 'pypdf2', 'pdfplumber', 'reportlab', 'markdown', 'docx', 'playwright', 'pyautogui', 'psutil', 'python-dotenv', 'dotenv',
  'websockets', 'websocket-client', 'redis', 'pymongo', 'psycopg2', 'psycopg2-binary', 'sqlalchemy', 'mysql-connector-python', 'discord', 'discord.py',
  'telegram', 'python-telegram-bot', 'tweepy', 'slack-sdk', 'google-api-python-client', 'pyjwt', 'jwt', 'six', 'certifi', 'idna', 'charset-normalizer',
  'attrs', 'packaging', 'pip', 'virtualenv', 'poetry', 'black', 'ruff', 'mypy', 'pylint', 'flake8', 'opencv-python', 'imageio', 'ffmpeg-python',
  'moviepy', 'pydub', 'langchain', 'llama-index', 'chromadb', 'faiss-cpu', 'sentence-transformers', 'huggingface-hub', 'datasets', 'streamlit',
  'gradio', 'plotly', 'networkx', 'sympy', 'nltk', 'spacy', 'gensim', 'arrow', 'pendulum', 'pytz', 'tzdata', 'simplejson', 'ujson', 'orjson',
  'toml', 'tomli', 'markdownify', 'html2text', 'feedparser', 'pyperclip', 'keyring', 'pynput', 'pexpect', 'sh', 'fabric', 'invoke', 'docker',
  'kubernetes', 'ansible', 'pyserial', 'serial', 'web3', 'eth-account', 'solana', 'ccxt', 'yfinance', 'tabulate', 'prettytable', 'colorlog', 'loguru',
  // Popular in their own right, one edit away from another popular name: never typos.
  'scapy', 'jinja', 'markdown2', 'mistune', 'httplib2', 'pyaml', 'tomlkit', 'cattrs', 'pytest-cov', 'openapi', 'pydot', 'pyodbc', 'boto2', 'numba',
  'pypdf3', 'pdfminer', 'pdfminer.six', 'pymupdf', 'fitz', 'docx2txt', 'rapidfuzz', 'fuzzywuzzy', 'xlrd', 'xlwt', 'lxml-stubs', 'types-requests',
];
/** Popular npm packages most often typosquatted. */
const NPM = [
  'express', 'react', 'react-dom', 'lodash', 'axios', 'request', 'chalk', 'commander', 'yargs', 'moment', 'dayjs', 'dotenv', 'typescript', 'webpack',
  'babel-core', 'eslint', 'prettier', 'jest', 'mocha', 'chai', 'vue', 'next', 'nuxt', 'svelte', 'electron', 'puppeteer', 'playwright', 'cheerio',
  'jsdom', 'node-fetch', 'cross-env', 'cross-spawn', 'uuid', 'debug', 'colors', 'ws', 'socket.io', 'mongoose', 'mongodb', 'mysql', 'mysql2', 'pg',
  'redis', 'sequelize', 'prisma', 'zod', 'joi', 'ajv', 'body-parser', 'cors', 'helmet', 'jsonwebtoken', 'bcrypt', 'bcryptjs', 'passport', 'nodemon',
  'ts-node', 'tsx', 'esbuild', 'vite', 'rollup', 'glob', 'rimraf', 'mkdirp', 'fs-extra', 'minimist', 'inquirer', 'ora', 'execa', 'shelljs',
  'discord.js', 'node-telegram-bot-api', 'openai', 'anthropic', '@anthropic-ai/sdk', 'marked', 'markdown-it', 'sharp', 'jimp', 'pdfkit', 'pdf-lib',
  'xlsx', 'exceljs', 'docx', 'nodemailer', 'twilio', 'stripe', 'ethers', 'web3', 'bignumber.js', 'tailwindcss', 'postcss', 'autoprefixer', 'sass',
  'less', 'jquery', 'underscore', 'async', 'bluebird', 'rxjs', 'immer', 'redux', 'mobx', 'graphql', 'apollo-server', 'got', 'superagent',
  // Popular in their own right, one edit away from another popular name: never typos.
  'preact', 'color', 'colorette', 'picocolors', 'vitest', 'nanoid', 'kleur', 'execa', 'globby', 'undici', 'marked-terminal', 'esbuild-wasm', 'pnpm', 'yarn',
];

const POPULAR = { pypi: new Set(PYPI), npm: new Set(NPM) };

/** Every widely used name (the targets above plus the download-statistics lists), normalised: never a typo. */
const WIDELY_USED = {
  pypi: new Set([...PYPI, ...popular.pypi].filter(Boolean).map((name) => normalise(name))),
  npm: new Set([...NPM, ...popular.npm].filter(Boolean).map((name) => normalise(name))),
};

/**
 * Below this length a one-letter change of a popular name is far more often another real package
 * (`clsx`/`xlsx`, `vaul`/`vue`) than a squat; only a swapped pair of letters (`axois`) counts there.
 */
const MIN_SUBSTITUTION_TARGET = 6;

/** Whether `a` is `b` with exactly one pair of adjacent letters swapped. */
function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff = [...a].flatMap((char, index) => (char === b[index] ? [] : [index]));
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}

/** Words of a text about look-alike packages: its pairs are examples to catch, not swaps to make. */
const TYPOSQUAT_TALK = /\b(?:typo-?squat\w*|slop-?squat\w*|look-?alikes?|imitat\w+|malicious|dependency confusion|impersonat\w+)\b/i;

/** A lead-in that orders the swap ("Apply these renames:", "install the replacements"): never a catalogue. */
const ORDERS_SWAP = /\b(?:replace|rename|install|use|switch|swap|pin|add|apply|migrate|update|upgrade|change)\w*\b/i;

/** Whether line `index` sits in a catalogue of look-alike names: framed so by its table header, lead-in or heading, with no lead-in ordering the swap. */
function catalogued(lines: readonly string[], index: number): boolean {
  const { header, lead, heading } = surroundingsOf(lines, index);
  return TYPOSQUAT_TALK.test(`${header}\n${lead}\n${heading}`) && !ORDERS_SWAP.test(lead) && !/\b(?:replace\w*|rename\w*|new names?|swap\w*|switch to|migrate to|install)\b/i.test(header);
}

/**
 * What frames line `index` of a Markdown file: the header row of its table, the paragraph just above its
 * table or list, and the heading of its section.
 */
function surroundingsOf(lines: readonly string[], index: number): { header: string; lead: string; heading: string } {
  let start = index;
  const block = /^\s*(?:\||[-*+]\s|\d+[.)]\s)/;
  while (start > 0 && block.test(lines[start - 1])) start -= 1;
  const header = block.test(lines[index]) ? lines[start] : '';
  let lead = '';
  for (let at = start - 1; at >= 0 && at >= start - 4; at -= 1) {
    if (lines[at].trim() === '') {
      if (lead) break;
      continue;
    }
    if (/^#{1,6}\s/.test(lines[at])) break;
    lead = `${lines[at]} ${lead}`;
  }
  let heading = '';
  for (let at = index; at >= 0; at -= 1) {
    if (/^#{1,6}\s/.test(lines[at])) {
      heading = lines[at];
      break;
    }
  }
  return { header, lead, heading };
}

/** npm scopes of large publishers, imitated by look-alike scopes (`@hashlcorp`). */
const NPM_SCOPES = [
  'hashicorp', 'aws-sdk', 'aws-cdk', 'angular', 'babel', 'types', 'google-cloud', 'azure', 'microsoft', 'anthropic-ai', 'openai', 'vercel',
  'nestjs', 'vue', 'sveltejs', 'octokit', 'modelcontextprotocol', 'sentry', 'stripe', 'supabase', 'prisma', 'tanstack', 'reduxjs', 'apollo',
  'storybook', 'testing-library', 'typescript-eslint', 'eslint', 'playwright', 'mui', 'emotion', 'nrwl', 'firebase', 'cloudflare', 'datadog',
];

function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** Damerau–Levenshtein distance, capped at 2 (we only care about 1). */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 1) return 2;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The popular package a name imitates, if any. */
export function imitatedPackage(name: string, ecosystem: 'pypi' | 'npm'): string | undefined {
  const normal = normalise(name);
  const scope = /^@([\w.-]+)\//.exec(name.toLowerCase())?.[1];
  if (ecosystem === 'npm' && scope && !NPM_SCOPES.includes(scope)) {
    const imitated = NPM_SCOPES.find((known) => known.length >= 4 && distance(scope, known) === 1);
    if (imitated) return `@${imitated}/…`;
  }
  const popular = POPULAR[ecosystem];
  if (WIDELY_USED[ecosystem].has(normal)) return undefined;
  if (normal.replace(/^@[\w-]+\//, '').length < 4) return undefined;
  for (const known of popular) {
    const target = normalise(known);
    if (target.length < 4) continue;
    if (target.length < MIN_SUBSTITUTION_TARGET ? isTransposition(normal, target) : distance(normal, target) === 1) return known;
    // python- / py- / -python prefixes and suffixes around a popular name.
    if (ecosystem === 'pypi' && (normal === `python-${target}` || normal === `py${target}` || normal === `${target}-python`) && !popular.has(normal)) return known;
  }
  return undefined;
}

interface Dependency {
  name: string;
  ecosystem: 'pypi' | 'npm';
  file: string;
  line: number;
  evidence: string;
}

function dependencies(context: ScanContext): Dependency[] {
  const out: Dependency[] = [];
  for (const file of context.files) {
    if (file.fileClass !== 'text') continue;
    const lines = file.text.split('\n');
    const base = file.path.split('/').pop() ?? '';
    if (/^requirements[\w.-]*\.(?:txt|in)$/.test(base)) {
      lines.forEach((text, index) => {
        const name = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(text.replace(/#.*/, ''))?.[1];
        if (name && !text.trim().startsWith('-')) out.push({ name, ecosystem: 'pypi', file: file.path, line: index + 1, evidence: text.trim() });
      });
    } else if (base === 'package.json') {
      lines.forEach((text, index) => {
        const name = /^\s*"(@?[a-z0-9][\w.\-/]*)"\s*:\s*"[~^<>=*\d.x-]|^\s*"(@?[a-z0-9][\w.\-/]*)"\s*:\s*"(?:npm:|latest|next)/i.exec(text);
        if (name) out.push({ name: name[1] ?? name[2], ecosystem: 'npm', file: file.path, line: index + 1, evidence: text.trim() });
      });
    } else if (base === 'pyproject.toml' || base === 'setup.py' || base === 'setup.cfg') {
      lines.forEach((text, index) => {
        for (const match of text.matchAll(/["']([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:[<>=!~;[]|["'])/g)) out.push({ name: match[1], ecosystem: 'pypi', file: file.path, line: index + 1, evidence: text.trim() });
      });
    }
  }
  // A package swapped for its look-alike in prose or a table ("| `python-dateutil` | `python-dateutils` |",
  // "replace `cross-env` with `crossenv`"): the popular name and, next to it, a name one typo away from it.
  for (const file of context.files) {
    if (file.fileClass !== 'text' || !/\.(?:md|markdown|txt)$/i.test(file.path)) continue;
    const lines = file.text.split('\n');
    lines.forEach((text, index) => {
      const found = [...text.matchAll(/`(@?[A-Za-z0-9][\w.\-/]*)`/g)];
      const names = found.map((match) => match[1]);
      for (let at = 0; at + 1 < names.length; at += 1) {
        // Only a mapping from one to the other (a table row, "→", "replace `a` with `b`"); "`requests`, not `reqeusts`" warns of the typo.
        const between = text.slice(found[at].index + found[at][0].length, found[at + 1].index);
        if (!/^\s*(?:\||→|->|=>|with|to|by|into)\s*$/i.test(between)) continue;
        for (const ecosystem of ['pypi', 'npm'] as const) {
          if (!POPULAR[ecosystem].has(names[at]) && !POPULAR[ecosystem].has(normalise(names[at]))) continue;
          if (imitatedPackage(names[at + 1], ecosystem) !== undefined && normalise(imitatedPackage(names[at + 1], ecosystem)!) === normalise(names[at])) {
            // A guide about typosquatting lists such pairs as examples to catch: its table's header, the lead-in
            // above the table or list, or the section's heading says so, and no lead-in orders the swap. The
            // row's own words ("not malicious") and the rest of the file do not excuse it.
            if (catalogued(lines, index)) continue;
            out.push({ name: names[at + 1], ecosystem, file: file.path, line: index + 1, evidence: text.trim().slice(0, 160) });
          }
        }
      }
    });
  }
  for (const unit of context.facts) {
    for (const command of unit.commands) {
      const pip = /\b(?:pip3?|uv pip|pipx|poetry|uv)\s+(?:install|add)\s+(.+)/.exec(command.text);
      const npm = /\b(?:npm|pnpm|yarn|bun)\s+(?:install|i|add)\s+(.+)/.exec(command.text);
      const args = (pip ?? npm)?.[1];
      if (!args) continue;
      for (const arg of args.split(/\s+/)) {
        if (!arg || arg.startsWith('-') || /[/:]/.test(arg.replace(/^@[\w-]+\//, '')) || /[|;&>]/.test(arg)) {
          if (/[|;&>]/.test(arg)) break;
          continue;
        }
        const name = arg.replace(/\[.*$/, '').replace(/(?<=.)[@=<>~!].*$/, '').replace(/^["']|["']$/g, '');
        if (/^[@\w][\w.\-/]*$/.test(name)) out.push({ name, ecosystem: pip ? 'pypi' : 'npm', file: unit.file, line: command.line, evidence: command.text.trim().slice(0, 160) });
      }
    }
  }
  return out;
}

/** Bumped when the logic changes, so the rule set digest changes with it; the metadata is in scanner/rules/typosquat-dependency/rule.yaml. */
export const version = 3;

/** The typosquat detector. */
export function detect(context: ScanContext): RawFinding[] {
  const findings: RawFinding[] = [];
  const seen = new Set<string>();
  for (const dependency of dependencies(context)) {
    const imitated = imitatedPackage(dependency.name, dependency.ecosystem);
    const key = `${dependency.file}:${dependency.line}:${dependency.name}`;
    if (!imitated || seen.has(key)) continue;
    seen.add(key);
    findings.push({ ruleId: 'typosquat-dependency', file: dependency.file, line: dependency.line, evidence: dependency.evidence, message: `The dependency \`${dependency.name}\` is one typo away from the popular package \`${imitated}\`.` });
  }
  return findings;
}

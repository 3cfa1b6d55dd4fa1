#!/usr/bin/env node
// Summarises a GitHub repository's issue activity over the last N days via api.github.com.
import { argv, env, exit, stderr, stdout } from 'node:process';

const DEFAULT_API = 'https://api.github.com';
// A digest is not worth a hung terminal: give up on a request after 15 s.
const REQUEST_TIMEOUT_MS = 15_000;
const UNREACHABLE = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

class DigestFailure extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

function parseArgs(args) {
  const options = { days: 7, limit: 10, json: false, api: DEFAULT_API, repo: undefined };
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    const value = () => {
      const next = args[++index];
      if (next === undefined) throw new DigestFailure(`${arg} needs a value`, 2);
      return next;
    };
    if (arg === '--days') options.days = Number(value());
    else if (arg === '--limit') options.limit = Number(value());
    else if (arg === '--json') options.json = true;
    else if (arg === '--api-url') options.api = value().replace(/\/+$/, '');
    else if (arg === '-h' || arg === '--help') options.help = true;
    else if (!arg.startsWith('-') && options.repo === undefined) options.repo = arg;
    else throw new DigestFailure(`unknown argument ${arg}`, 2);
  }
  if (options.help) return options;
  if (!options.repo || !/^[\w.-]+\/[\w.-]+$/.test(options.repo)) throw new DigestFailure(`give the repository as owner/name (got ${options.repo ?? 'nothing'})`, 2);
  if (!Number.isInteger(options.days) || options.days < 1 || options.days > 365) throw new DigestFailure('--days must be a whole number from 1 to 365', 2);
  if (!Number.isInteger(options.limit) || options.limit < 1) throw new DigestFailure('--limit must be a positive whole number', 2);
  return options;
}

async function request(api, path) {
  const headers = { Accept: 'application/vnd.github+json', 'User-Agent': 'github-issue-digest/1.0', 'X-GitHub-Api-Version': '2022-11-28' };
  if (env.GITHUB_TOKEN) headers.Authorization = `Bearer ${env.GITHUB_TOKEN}`;
  const host = new URL(api).host;
  let response;
  try {
    response = await fetch(`${api}${path}`, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (error) {
    const reason = error.cause?.code ?? error.cause?.message ?? error.message;
    throw new DigestFailure(`could not reach ${host} (${reason}). The GitHub API is unreachable from here: check the network connection.`, UNREACHABLE);
  }
  if (response.status === 403 || response.status === 429) {
    throw new DigestFailure(`${host} refused the request with HTTP ${response.status} (rate limit). Set GITHUB_TOKEN to a token to raise the limit, or wait an hour.`, UNREACHABLE);
  }
  if (response.status === 404) throw new DigestFailure(`${host} says the repository does not exist or is private (HTTP 404). Check owner/name.`, 1);
  if (!response.ok) throw new DigestFailure(`${host} answered HTTP ${response.status}. Try again later.`, UNREACHABLE);
  return response.json();
}

const day = (date) => date.toISOString().slice(0, 10);

async function digest(options) {
  const until = new Date();
  const since = new Date(until.getTime() - options.days * DAY_MS);
  const search = (query) => request(options.api, `/search/issues?per_page=100&sort=created&order=desc&q=${encodeURIComponent(`repo:${options.repo} is:issue ${query}`)}`);
  const [opened, closed, openNow, oldestBugs] = await Promise.all([
    search(`created:>=${day(since)}`),
    search(`closed:>=${day(since)}`),
    search('is:open'),
    request(options.api, `/search/issues?per_page=${options.limit}&sort=created&order=asc&q=${encodeURIComponent(`repo:${options.repo} is:issue is:open label:bug`)}`),
  ]);
  const byLabel = new Map();
  for (const issue of opened.items) {
    const labels = issue.labels.length ? issue.labels.map((label) => label.name) : ['(no label)'];
    for (const label of labels) byLabel.set(label, [...(byLabel.get(label) ?? []), issue]);
  }
  return {
    repo: options.repo,
    days: options.days,
    since: day(since),
    until: day(until),
    opened: opened.total_count,
    closed: closed.total_count,
    openNow: openNow.total_count,
    newByLabel: [...byLabel.entries()].sort((a, b) => b[1].length - a[1].length).map(([label, issues]) => ({ label, issues: issues.slice(0, options.limit).map(({ number, title }) => ({ number, title })) })),
    closedIssues: closed.items.slice(0, options.limit).map(({ number, title, closed_at }) => ({ number, title, closedAt: closed_at })),
    oldestOpenBugs: oldestBugs.items.map(({ number, title, created_at }) => ({ number, title, openDays: Math.floor((until - new Date(created_at)) / DAY_MS) })),
  };
}

function printDigest(report) {
  const lines = [`${report.repo}, last ${report.days} days (${report.since} → ${report.until})`, `Opened: ${report.opened}   Closed: ${report.closed}   Open now: ${report.openNow}`];
  lines.push('', 'New issues by label');
  if (report.newByLabel.length === 0) lines.push('  none');
  for (const { label, issues } of report.newByLabel) lines.push(`  ${label} (${issues.length}): ${issues.map((issue) => `#${issue.number} ${issue.title}`).join(', ')}`);
  lines.push('', 'Closed');
  if (report.closedIssues.length === 0) lines.push('  none');
  for (const issue of report.closedIssues) lines.push(`  #${issue.number} ${issue.title} (closed ${issue.closedAt.slice(0, 10)})`);
  lines.push('', 'Oldest open bugs');
  if (report.oldestOpenBugs.length === 0) lines.push('  none');
  for (const issue of report.oldestOpenBugs) lines.push(`  #${issue.number} ${issue.title} (open ${issue.openDays} days)`);
  stdout.write(`${lines.join('\n')}\n`);
}

async function main(args) {
  try {
    const options = parseArgs(args);
    if (options.help) {
      stdout.write('Usage: issue-digest.mjs OWNER/REPO [--days N] [--limit N] [--json]\n\nSummarises issue activity via api.github.com; GITHUB_TOKEN (optional) raises the rate limit.\n');
      return 0;
    }
    const report = await digest(options);
    if (options.json) stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else printDigest(report);
    return 0;
  } catch (error) {
    if (!(error instanceof DigestFailure)) throw error;
    stderr.write(`error: ${error.message}\n`);
    return error.status;
  }
}

exit(await main(argv.slice(2)));

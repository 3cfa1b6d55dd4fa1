#!/usr/bin/env node
// Run axe-core against a list of routes with Playwright (headless Chromium).
//
// Usage:
//   node scripts/axe-scan.mjs --base http://localhost:5173 --routes / /login [--out report.json]
//        [--login-script ./a11y-login.mjs] [--tags wcag2a,wcag2aa,wcag21aa,wcag22aa]

import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright';
import AxeBuilder from '@axe-core/playwright';

function parseArgs(argv) {
  const args = { base: 'http://localhost:3000', routes: ['/'], out: 'a11y-report.json', tags: null, loginScript: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--base') args.base = argv[++i];
    else if (a === '--out') args.out = argv[++i];
    else if (a === '--tags') args.tags = argv[++i].split(',');
    else if (a === '--login-script') args.loginScript = argv[++i];
    else if (a === '--routes') {
      args.routes = [];
      while (argv[i + 1] && !argv[i + 1].startsWith('--')) args.routes.push(argv[++i]);
    }
  }
  args.tags ??= ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
  return args;
}

function assertLocal(base) {
  const { hostname } = new URL(base);
  const local = ['localhost', '127.0.0.1', '::1', '[::1]'].includes(hostname) || hostname.endsWith('.localhost');
  if (!local && !process.env.A11Y_ALLOW_REMOTE) {
    console.error(`Refusing to scan non-local host ${hostname}. Set A11Y_ALLOW_REMOTE=1 for a preview URL you own.`);
    process.exit(2);
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  assertLocal(args.base);

  const browser = await chromium.launch({ headless: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();

  if (args.loginScript) {
    const mod = await import(pathToFileURL(resolve(args.loginScript)).href);
    await mod.default(page, args.base);
  }

  const results = [];
  for (const route of args.routes) {
    const url = new URL(route, args.base).toString();
    process.stderr.write(`scanning ${url}\n`);
    try {
      await page.goto(url, { waitUntil: 'networkidle', timeout: 30000 });
      const r = await new AxeBuilder({ page }).withTags(args.tags).analyze();
      results.push({
        route,
        url,
        violations: r.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          helpUrl: v.helpUrl,
          tags: v.tags.filter((t) => t.startsWith('wcag')),
          nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary })),
        })),
        incomplete: r.incomplete.length,
        passes: r.passes.length,
      });
    } catch (err) {
      results.push({ route, url, error: String(err) });
    }
  }

  await browser.close();
  writeFileSync(args.out, JSON.stringify({ base: args.base, tags: args.tags, results }, null, 2));

  const rows = [];
  for (const r of results) {
    if (r.error) {
      rows.push(`| ${r.route} | (error) | | | ${r.error.slice(0, 60)} |`);
      continue;
    }
    for (const v of r.violations) {
      rows.push(`| ${r.route} | ${v.id} | ${v.impact} | ${v.nodes.length} | \`${String(v.nodes[0]?.target ?? '')}\` |`);
    }
  }
  console.log('| Route | Rule | Impact | Count | Example |');
  console.log('|-------|------|--------|------:|---------|');
  console.log(rows.length ? rows.join('\n') : '| all | none | | 0 | |');
  const total = results.reduce((n, r) => n + (r.violations?.length ?? 0), 0);
  console.log(`\n${total} violation type(s) across ${results.length} route(s). Full report: ${args.out}`);
  process.exitCode = total > 0 ? 1 : 0;
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});

/**
 * Run axe-core against one or more pages of a locally running app.
 *
 *   npx tsx scripts/axe-audit.ts <baseUrl> [path ...] [--tags wcag2a,wcag2aa] [--out report.json] [--storage state.json]
 */
import { chromium, type Page } from 'playwright';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

type Violation = {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  tags: string[];
  nodes: { target: string[]; failureSummary?: string }[];
};

const argv = process.argv.slice(2);
const takeOpt = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const v = argv[i + 1];
  argv.splice(i, 2);
  return v;
};

const tags = (takeOpt('--tags') ?? 'wcag2a,wcag2aa,wcag21a,wcag21aa,wcag22aa').split(',');
const outFile = takeOpt('--out');
const storageState = takeOpt('--storage');
const [baseUrl, ...paths] = argv;

if (!baseUrl) {
  console.error('usage: axe-audit.ts <baseUrl> [path ...] [--tags ...] [--out file] [--storage state.json]');
  process.exit(2);
}

const base = new URL(baseUrl);
const localHosts = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);
if (!localHosts.has(base.hostname) && !process.env.A11Y_ALLOW_REMOTE) {
  console.error(`Refusing to scan ${base.hostname}: not a local URL. Set A11Y_ALLOW_REMOTE=1 for a preview deployment you own.`);
  process.exit(2);
}

const IMPACT_ORDER: Record<string, number> = { critical: 0, serious: 1, moderate: 2, minor: 3 };

async function checkFocusVisible(page: Page, maxStops = 30): Promise<string[]> {
  const problems: string[] = [];
  await page.locator('body').click({ position: { x: 1, y: 1 } }).catch(() => {});
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const cs = getComputedStyle(el);
      const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
      const ring = cs.boxShadow && cs.boxShadow !== 'none';
      const desc =
        el.tagName.toLowerCase() +
        (el.id ? `#${el.id}` : '') +
        (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).slice(0, 2).join('.') : '');
      return { visible: outline || ring, desc };
    });
    if (!info) break;
    if (!info.visible) problems.push(info.desc);
  }
  return [...new Set(problems)];
}

async function main() {
  const browser = await chromium.launch();
  const context = await browser.newContext(storageState ? { storageState } : {});
  const page = await context.newPage();
  const results: Record<string, { violations: Violation[]; focusInvisible: string[] }> = {};
  let total = 0;

  for (const p of paths.length ? paths : ['/']) {
    const url = new URL(p, base).toString();
    process.stdout.write(`\n== ${url}\n`);
    try {
      await page.goto(url, { waitUntil: 'networkidle', timeout: 45_000 });
    } catch (e) {
      console.error(`   could not load: ${(e as Error).message.split('\n')[0]}`);
      continue;
    }
    const axe = await new AxeBuilder({ page }).withTags(tags).analyze();
    const violations = (axe.violations as Violation[]).sort(
      (a, b) => (IMPACT_ORDER[a.impact ?? 'minor'] ?? 9) - (IMPACT_ORDER[b.impact ?? 'minor'] ?? 9),
    );
    const focusInvisible = await checkFocusVisible(page);
    results[url] = { violations, focusInvisible };

    if (!violations.length) console.log('   no axe violations');
    for (const v of violations) {
      total += v.nodes.length;
      const sc = v.tags.filter((t) => /^wcag\d{3,4}$/.test(t)).map((t) => t.replace(/^wcag(\d)(\d)(\d+)$/, '$1.$2.$3'));
      console.log(`   [${(v.impact ?? 'n/a').padEnd(8)}] ${v.id} (${v.nodes.length}) ${sc.join(', ')}`);
      console.log(`              ${v.help}`);
      for (const n of v.nodes.slice(0, 3)) console.log(`              - ${n.target.join(' ')}`);
      if (v.nodes.length > 3) console.log(`              … ${v.nodes.length - 3} more`);
      console.log(`              ${v.helpUrl}`);
    }
    if (focusInvisible.length) {
      console.log(`   [serious ] focus-not-visible (${focusInvisible.length}) 2.4.7`);
      for (const d of focusInvisible.slice(0, 5)) console.log(`              - ${d}`);
    }
  }

  await browser.close();

  if (outFile) {
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, JSON.stringify({ tags, generatedAt: new Date().toISOString(), results }, null, 2));
    console.log(`\nJSON report: ${outFile}`);
  }
  console.log(`\nTotal failing nodes: ${total}`);
  process.exit(total > 0 ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});

/**
 * End to end: build a real catalog from a published fixture, serve it with the Node adapter's handler,
 * and drive Debian's Chromium against it. Chromium's only way off this machine is a proxy that the test
 * runs and that refuses everything, so the test never reaches the network and the hostile SKILL.md gets
 * no chance to phone home; every request a page or its workers make off the catalog is recorded.
 * Nothing here sleeps: every wait is on a locator, a URL or a polled value.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RegistryIndexSchema } from '../../schemas/index.ts';
import { SiteBuildError, SiteDataError } from '../../src/data/errors.ts';
import { buildSite, readRuleReference, serveSite, type ServedSite } from '../../scripts/site.ts';
import { BODY_ONLY_WORD, PWNED_MARKER, syntheticSkills, writePublishedFixture, type PublishedFixture } from './published-fixture.ts';

/**
 * Debian's Chromium, headless, with every background service that could reach the network off, and every
 * request for anything but this machine sent to `proxy` (Chromium goes to loopback addresses directly).
 * The confinement is the browser's own: Playwright's request interception pauses each request on a round
 * trip to the test process, which on a loaded machine stalled the search's Web Worker fetches.
 */
function chromiumOptions(proxy: string): { executablePath: string; args: string[] } {
  return {
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--proxy-server=${proxy}`],
  };
}

/** A proxy that answers every request with 403 and forwards nothing: the browser's dead end. `asked` holds each request line. */
async function refusingProxy(): Promise<{ server: Server; url: string; asked: string[] }> {
  const asked: string[] = [];
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', (head) => {
      asked.push(head.toString('latin1').split('\r\n', 1)[0]);
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
  });
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', () => resolveListen()));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the refusing proxy has no TCP address');
  return { server, url: `http://127.0.0.1:${address.port}`, asked };
}

/** Screenshots land here for people to look at; `.cache/` is ignored by git. */
const SCREENSHOT_DIR = resolve(import.meta.dirname, '..', '..', '.cache', 'site-screenshots');

/** A phone's viewport: the width of most current phones, in CSS pixels. */
const PHONE = { width: 390, height: 844 };

/**
 * Text that every skill page shows around the skill's own words: navigation, footer, audit panels,
 * commands and tables. None of it may reach the search index, so none of it can show in an excerpt.
 */
const PAGE_CHROME = [
  'Skip to content',
  'Verify & trust',
  'JSON API',
  'Audit verdict',
  'Findings',
  'Dry run',
  'Install and verify',
  'npx skill-registry',
  'Version history',
  'SHA-256',
  'sha256:',
  'Audited',
  'License',
  'Written by the publisher',
  'Skills are listed only after an audit',
  'Signed with registry key',
];

let workDir: string;
let fixture: PublishedFixture;
let outDir: string;
let pages: number;
let site: ServedSite;
let proxy: Server;
let proxyAsked: string[];
let browser: Browser;
let context: BrowserContext;
const offSiteRequests: string[] = [];

// Building a catalog and driving Chromium on a loaded 2-core machine: budgets that slow a run down rather than fail it.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 900_000 });

/** Longest any single browser wait may take: generous, so a busy CI machine slows a test down instead of failing it. */
const BROWSER_BUDGET_MS = 180_000;

/** A browser context whose requests off the catalog under test are recorded (the proxy refuses them). */
async function newContext(options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const created = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  // Waits are for events; the budget only has to outlast a machine loaded many times over.
  created.setDefaultTimeout(BROWSER_BUDGET_MS);
  created.on('request', (request) => {
    if (!request.url().startsWith(`${site.url}/`)) offSiteRequests.push(request.url());
  });
  return created;
}

async function open(path: string, on: BrowserContext = context): Promise<Page> {
  const page = await on.newPage();
  const response = await page.goto(`${site.url}${path}`);
  expect(response?.status()).toBe(200);
  return page;
}

/** Types a query into the home page's search box. */
async function search(page: Page, query: string): Promise<void> {
  await page.locator('[data-search-input]').fill(query);
}

/**
 * Titles of the search results shown, once at least one is. A page that gives up on search says so in its
 * status line: that ends the wait at once, as a failure naming the status, rather than at the budget.
 */
async function resultTitles(page: Page): Promise<string[]> {
  const results = page.locator('[data-result]');
  await page.locator('[data-result], [data-search-status]:has-text("Search is unavailable")').first().waitFor();
  const status = (await page.locator('[data-search-status]').textContent()) ?? '';
  expect(status, 'search status').not.toContain('Search is unavailable');
  return results.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-result') ?? ''));
}

/**
 * What Pagefind indexed for the pages a query finds, read through its own browser API. A string, not a
 * function: the test runner rewrites `import()` in test code, and this runs in the page.
 */
async function indexedContent(page: Page, query: string): Promise<{ url: string; content: string }[]> {
  return page.evaluate(`(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    const found = await pagefind.search(${JSON.stringify(query)});
    const data = await Promise.all(found.results.map((result) => result.data()));
    return data.map((item) => ({ url: item.url, content: item.content }));
  })()`);
}

/** axe-core's serious and critical violations on `page`, one readable line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'site-e2e-'));
  fixture = await writePublishedFixture(join(workDir, 'published'));
  outDir = join(workDir, 'site');
  ({ pages } = await buildSite({ dataDir: fixture.dataDir, outDir }));
  site = await serveSite({ outDir, port: 0, host: '127.0.0.1' });
  const refusing = await refusingProxy();
  proxy = refusing.server;
  proxyAsked = refusing.asked;
  browser = await chromium.launch(chromiumOptions(refusing.url));
  context = await newContext();
  // The Copy buttons write to the clipboard; the test reads it back.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
  await mkdir(SCREENSHOT_DIR, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  proxy?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('the catalog built from a published registry', () => {
  it('writes a page per skill and per publisher, plus home, rules, revocations, about and 404', () => {
    expect(pages).toBe(3 + 3 + 5);
    expect(existsSync(join(outDir, 'server', 'entry.mjs'))).toBe(true);
    expect(existsSync(join(outDir, 'client', 'pagefind', 'pagefind-ui.js'))).toBe(true);
  });

  describe('home', () => {
    it('lists every published skill with its trust badge and capability chips', async () => {
      const page = await open('/');
      const cards = page.locator('[data-skill]');
      await expect.poll(() => cards.count()).toBe(3);
      expect(await cards.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-skill')))).toEqual(['acme/weather-lite', 'globex/pdf-tools', 'initech/log-shipper']);
      const weather = page.locator('[data-skill="acme/weather-lite"]');
      expect(await weather.locator('[data-trust]').getAttribute('data-trust')).toBe('verified');
      expect(await weather.locator('[data-capability="network"]').textContent()).toContain('api.weather.gov');
      expect(await page.locator('[data-skill="globex/pdf-tools"] [data-trust]').textContent()).toContain('Passed with warnings');
      expect(await page.locator('[data-skill="initech/log-shipper"] [data-trust]').textContent()).toContain('Revoked');
      await page.locator('[data-search]').waitFor();
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'home.png') });
      await page.close();
    });

    it('links the rules and the revocations from the navigation', async () => {
      const page = await open('/');
      const nav = page.getByRole('navigation', { name: 'Main' });
      expect(await nav.getByRole('link', { name: 'Rules' }).getAttribute('href')).toBe('/rules/');
      await nav.getByRole('link', { name: 'Revocations' }).click();
      await page.waitForURL(`${site.url}/revocations/`);
      expect(await page.locator('h1').textContent()).toBe('Revocations');
      await page.close();
    });
  });

  describe('search', () => {
    it('finds a skill by a word only its SKILL.md body holds, with its badge and an excerpt free of page chrome', async () => {
      const page = await open('/');
      await search(page, BODY_ONLY_WORD);
      expect(await resultTitles(page)).toEqual(['acme/weather-lite']);
      const result = page.locator('[data-result="acme/weather-lite"]');
      expect(await result.getByRole('link').getAttribute('href')).toBe('/skills/acme/weather-lite/');
      expect(await result.locator('[data-trust]').getAttribute('data-trust')).toBe('verified');
      expect(await result.locator('[data-trust]').textContent()).toContain('Verified');
      const excerpt = result.locator('[data-excerpt]');
      expect(await excerpt.locator('mark').allTextContents()).toEqual([BODY_ONLY_WORD]);
      const excerptText = (await excerpt.textContent()) ?? '';
      for (const chrome of PAGE_CHROME) expect(excerptText, chrome).not.toContain(chrome);
      await expect.poll(() => page.locator('[data-search-status]').textContent()).toBe(`1 skill matches “${BODY_ONLY_WORD}”.`);
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'search.png') });
      await page.close();
    });

    it('searches again from a fresh load when the index fails to load once', async () => {
      const page = await context.newPage();
      let entryRequests = 0;
      await page.route('**/pagefind/pagefind-entry.json*', (route) => (++entryRequests === 1 ? route.abort('connectionreset') : route.continue()));
      expect((await page.goto(`${site.url}/`))?.status()).toBe(200);
      await search(page, BODY_ONLY_WORD);
      expect(await resultTitles(page)).toEqual(['acme/weather-lite']);
      expect(entryRequests).toBeGreaterThan(1);
      await page.close();
    });

    it("indexes a skill's name, description, capabilities, publisher and SKILL.md body, and nothing of the page around them", async () => {
      const page = await open('/');
      const [weather] = await indexedContent(page, BODY_ONLY_WORD);
      expect(weather.url).toBe('/skills/acme/weather-lite/');
      for (const own of ['acme/weather-lite', 'seven-day forecast', 'api.weather.gov', 'python3', 'Publisher acme', BODY_ONLY_WORD]) expect(weather.content, own).toContain(own);
      for (const chrome of PAGE_CHROME) expect(weather.content, chrome).not.toContain(chrome);
      // Words that only the audit says (a finding's evidence, the sandbox) find nothing.
      expect(await indexedContent(page, 'subprocess')).toEqual([]);
      expect(await indexedContent(page, 'gvisor')).toEqual([]);
      await page.close();
    });

    it('finds a skill by a capability it declares, with the badge of a skill published with warnings', async () => {
      const page = await open('/');
      await search(page, 'OCR_API_KEY');
      expect(await resultTitles(page)).toEqual(['globex/pdf-tools']);
      expect(await page.locator('[data-result="globex/pdf-tools"] [data-trust]').getAttribute('data-trust')).toBe('warnings');
      await page.close();
    });

    it('hides the full list while a query is active and shows it again when the query is cleared', async () => {
      const page = await open('/');
      const list = page.locator('[data-browse]');
      await search(page, 'spreadsheets');
      expect(await resultTitles(page)).toEqual(['globex/pdf-tools']);
      await list.waitFor({ state: 'hidden' });
      expect(page.url()).toBe(`${site.url}/?q=spreadsheets`);
      await search(page, '');
      await list.waitFor({ state: 'visible' });
      await page.locator('[data-search-results]').waitFor({ state: 'hidden' });
      expect(await page.locator('[data-skill]').count()).toBe(3);
      expect(page.url()).toBe(`${site.url}/`);
      await page.close();
    });

    it('finds nothing for a nonsense query, and says so', async () => {
      const page = await open('/');
      await search(page, 'zqxjvwk');
      await page.getByText('No skill matches “zqxjvwk”.').waitFor();
      expect(await page.locator('[data-result]').count()).toBe(0);
      expect(await page.locator('[data-browse]').isHidden()).toBe(true);
      await page.close();
    });

    it('opens with the results of a query in the address', async () => {
      const page = await open(`/?q=${BODY_ONLY_WORD}`);
      expect(await resultTitles(page)).toEqual(['acme/weather-lite']);
      expect(await page.locator('[data-search-input]').inputValue()).toBe(BODY_ONLY_WORD);
      await page.close();
    });

    it('shows the hostile SKILL.md text in search results as text only', async () => {
      const page = await open('/');
      await search(page, 'discount');
      expect(await resultTitles(page)).toEqual(['globex/pdf-tools']);
      expect(await page.evaluate((marker) => (window as unknown as Record<string, unknown>)[marker], PWNED_MARKER)).toBeUndefined();
      expect(await page.locator('[data-search-results] script, [data-search-results] img').count()).toBe(0);
      expect(await page.locator('[data-excerpt] *').evaluateAll((nodes) => nodes.map((node) => node.tagName))).toEqual(['MARK']);
      await page.close();
    });
  });

  describe('with JavaScript off', () => {
    it('shows the home page as a plain list of skills with links, and commands as plain text', async () => {
      const noScript = await newContext({ javaScriptEnabled: false });
      try {
        const page = await open('/', noScript);
        const links = page.locator('[data-skill] h3 a');
        expect(await links.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href')))).toEqual(['/skills/acme/weather-lite/', '/skills/globex/pdf-tools/', '/skills/initech/log-shipper/']);
        expect(await page.locator('[data-search]').isHidden()).toBe(true);
        // Chromium parses <noscript> as text when only execution is off; its words are there for readers without scripts.
        expect(await page.locator('noscript').textContent()).toContain('Search needs JavaScript; every skill is listed below.');
        await links.first().click();
        await page.waitForURL(`${site.url}/skills/acme/weather-lite/`);
        expect(await page.locator('[data-install]').textContent()).toBe('npx skill-registry install acme/weather-lite --registry https://skills.example.invalid');
        expect(await page.locator('[data-copy-button]').count()).toBe(0);
      } finally {
        await noScript.close();
      }
    });
  });

  describe('a verified skill page', () => {
    it('shows the digest, the badge, and the install and verify commands', async () => {
      const record = fixture.latest.get('acme/weather-lite');
      const page = await open('/skills/acme/weather-lite/');
      expect(await page.locator('h1').textContent()).toBe('acme/weather-lite');
      expect(await page.locator('[data-digest]').textContent()).toBe(record?.digest);
      expect(await page.locator('[data-install]').textContent()).toBe('npx skill-registry install acme/weather-lite --registry https://skills.example.invalid');
      expect(await page.locator('[data-verify]').textContent()).toBe(`npx skill-registry verify ${record?.digest} --registry https://skills.example.invalid`);
      expect(await page.locator('.skill-head [data-trust]').getAttribute('data-trust')).toBe('verified');
      expect(await page.locator('#history-title').textContent()).toContain('2');
      await page.locator('[data-copy-button]').first().waitFor();
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'skill-verified.png'), fullPage: true });
      await page.close();
    });

    it('copies the install command with its Copy button', async () => {
      const page = await open('/skills/acme/weather-lite/');
      const button = page.getByRole('button', { name: 'Copy install command' });
      await button.click();
      await expect.poll(() => button.textContent()).toBe('Copied');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('npx skill-registry install acme/weather-lite --registry https://skills.example.invalid');
      expect(await page.locator('[data-copy-status]').textContent()).toBe('Copied the install command.');
      await page.close();
    });

    it("links to its publisher's page, which lists the publisher's skills", async () => {
      const page = await open('/skills/acme/weather-lite/');
      expect(await page.locator('.breadcrumbs a[href="/publishers/acme/"]').count()).toBe(1);
      await page.locator('[data-publisher-link]').click();
      await page.waitForURL(`${site.url}/publishers/acme/`);
      expect(await page.locator('h1').textContent()).toBe('Skills by acme');
      expect(await page.locator('[data-skill]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-skill')))).toEqual(['acme/weather-lite']);
      await page.close();
    });

    it('links to the record, the Sigstore bundle and the archive, all served', async () => {
      const page = await open('/skills/acme/weather-lite/');
      const hrefs = await page.locator('.links a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      expect(hrefs).toHaveLength(4);
      for (const href of hrefs) {
        const response = await fetch(`${site.url}${href}`);
        expect(response.status, href).toBe(200);
      }
      await page.close();
    });
  });

  describe('the skill page of a hostile SKILL.md', () => {
    it('runs none of its scripts and keeps no javascript: or data: link', async () => {
      const page = await open('/skills/globex/pdf-tools/');
      await page.waitForLoadState('load');
      expect(await page.evaluate((marker) => (window as unknown as Record<string, unknown>)[marker], PWNED_MARKER)).toBeUndefined();
      const readme = page.locator('[data-readme]');
      expect(await readme.textContent()).toContain("<script>window.__skillRegistryPwned = 'script';</script>");
      expect(await readme.locator('script, img, iframe, object, embed, style').count()).toBe(0);
      const hrefs = await page.locator('[href]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href') ?? ''));
      expect(hrefs.filter((href) => /^\s*(javascript|data|vbscript):/i.test(href))).toEqual([]);
      const handlers = await page.locator('[data-readme] *').evaluateAll((nodes) => nodes.flatMap((node) => node.getAttributeNames().filter((name) => name.startsWith('on'))));
      expect(handlers).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'skill-warnings.png'), fullPage: true });
      await page.close();
    });

    it('marks in the capability table exactly what the dry run reported beyond the declaration', async () => {
      const page = await open('/skills/globex/pdf-tools/');
      const observed = page.locator('.cap-table tbody td:nth-child(4) code');
      expect(await observed.allTextContents()).toEqual(expect.arrayContaining(['10.0.0.7', 'read ~/Documents/invoices/march.pdf', 'read /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', 'python3']));
      expect(await page.locator('.cap-table .cap-undeclared').allTextContents()).toEqual(['10.0.0.7']);
      expect(await page.locator('[data-violation]').count()).toBe(2);
      await page.close();
    });

    it('lists the findings with rule, severity, file:line and fix', async () => {
      const page = await open('/skills/globex/pdf-tools/');
      const findings = page.locator('#findings-title + .findings > li');
      expect(await findings.count()).toBe(3);
      const first = await findings.first().textContent();
      expect(first).toContain('undeclared-capability');
      expect(first).toContain('medium');
      expect(first).toContain('scripts/extract.py:3');
      // Code spans of a fix are code, not literal backticks.
      expect(first).toContain('Declare OCR_API_KEY under capabilities.env');
      expect(await findings.first().locator('.fix code').allTextContents()).toEqual(['OCR_API_KEY', 'capabilities.env']);
      // A finding about a whole file names the file, not line 0.
      const texts = await findings.allTextContents();
      expect(texts.find((text) => text.includes('long-lines'))).toMatch(/SKILL\.md(?!:)/);
      expect(texts.join('\n')).not.toContain(':0');
      await page.close();
    });

    it('links every finding to its rule on the rules page', async () => {
      const page = await open('/skills/globex/pdf-tools/');
      const findings = page.locator('#findings-title + .findings > li');
      const links = findings.locator('[data-rule-link]');
      expect(await links.count()).toBe(await findings.count());
      expect(await links.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href')))).toEqual(['/rules/#undeclared-capability', '/rules/#long-lines', '/rules/#capability-inventory']);
      await links.first().click();
      await page.waitForURL(`${site.url}/rules/#undeclared-capability`);
      expect(await page.locator(':target').getAttribute('data-rule')).toBe('undeclared-capability');
      expect(await page.locator(':target h3').textContent()).toBe('Uses a capability it does not declare');
      await page.close();
    });

    it('fetched nothing from outside the catalog', () => {
      expect(offSiteRequests).toEqual([]);
    });
  });

  describe('a revoked skill page', () => {
    it('stays visible with the reason and no install command', async () => {
      const page = await open('/skills/initech/log-shipper/');
      expect(await page.locator('[data-revocation]').textContent()).toContain('The upstream repository was taken over');
      expect(await page.locator('[data-install]').count()).toBe(0);
      expect(await page.locator('[data-install-refused]').count()).toBe(1);
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'skill-revoked.png'), fullPage: true });
      await page.close();
    });

    it('links to its entry on the revocations page, which gives the reason and the date', async () => {
      const record = fixture.latest.get('initech/log-shipper');
      const page = await open('/skills/initech/log-shipper/');
      await page.locator('[data-revocations-link]').click();
      await page.waitForURL(`${site.url}/revocations/#${record?.digest.slice(7)}`);
      const entry = page.locator(':target');
      expect(await entry.getAttribute('data-revoked')).toBe('initech/log-shipper');
      expect(await entry.textContent()).toContain('The upstream repository was taken over');
      expect(await entry.locator('time').textContent()).toBe('21 Nov 2026');
      await page.close();
    });
  });

  describe('the rules page', () => {
    it("has one anchor per rule, generated from the scanner's rule metadata", async () => {
      const { rules } = await readRuleReference();
      const page = await open('/rules/');
      const shown = await page.locator('[data-rule]').evaluateAll((nodes) => nodes.map((node) => node.id));
      expect([...shown].sort()).toEqual(rules.map((rule) => rule.id).sort());
      const duplicates = await page.evaluate((ids) => ids.filter((id) => document.querySelectorAll(`[id="${id}"]`).length !== 1), shown);
      expect(duplicates).toEqual([]);
      const reverseShell = rules.find((rule) => rule.id === 'reverse-shell');
      expect(await page.locator('#reverse-shell h3').textContent()).toBe(reverseShell?.title);
      expect(await page.locator('#reverse-shell').textContent()).toContain(reverseShell?.fix);
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'rules.png') });
      await page.close();
    });
  });

  describe('the revocations page', () => {
    it('lists every revoked skill with its reason and date, from the published revocation list', async () => {
      const page = await open('/revocations/');
      const entries = page.locator('[data-revoked]');
      expect(await entries.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-revoked')))).toEqual(['initech/log-shipper']);
      expect(await entries.first().getByRole('link', { name: 'initech/log-shipper' }).getAttribute('href')).toBe('/skills/initech/log-shipper/');
      expect(await entries.first().textContent()).toContain('re-tagged with a credential stealer');
      expect(await page.locator('[data-revocation-list]').textContent()).toContain('List issued 21 Nov 2026');
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'revocations.png'), fullPage: true });
      await page.close();
    });
  });

  describe('on a phone', () => {
    it('fits a skill page to 390px and says which tables scroll sideways', async () => {
      const phone = await newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
      try {
        const page = await open('/skills/globex/pdf-tools/', phone);
        await page.locator('[data-copy-button]').first().waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
        const tables = page.locator('.table-scroll');
        expect(await tables.count()).toBe(3);
        const overflowing = await tables.evaluateAll((nodes) => nodes.map((node) => node.scrollWidth > node.clientWidth));
        expect(overflowing).toEqual([true, true, true]);
        const hints = page.locator('.scroll-hint');
        for (let index = 0; index < (await hints.count()); index += 1) expect(await hints.nth(index).isVisible()).toBe(true);
        expect(await hints.first().textContent()).toContain('Scroll sideways to see every column');
        await page.screenshot({ path: join(SCREENSHOT_DIR, 'skill-phone.png'), fullPage: true });
        await page.locator('#caps-title').evaluate((node) => node.scrollIntoView());
        await page.screenshot({ path: join(SCREENSHOT_DIR, 'skill-phone-table.png') });
        await page.close();
      } finally {
        await phone.close();
      }
    });

    it('shows no scroll hint where the tables fit', async () => {
      const page = await open('/skills/globex/pdf-tools/');
      expect(await page.locator('.scroll-hint').evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).offsetParent === null))).toEqual([true, true, true]);
      await page.close();
    });
  });

  describe('accessibility', () => {
    const pagesToCheck: [string, string, BrowserContextOptions?][] = [
      ['home', '/'],
      ['a verified skill page', '/skills/acme/weather-lite/'],
      ['a skill page with warnings', '/skills/globex/pdf-tools/'],
      ['a revoked skill page', '/skills/initech/log-shipper/'],
      ['the rules page', '/rules/'],
      ['the revocations page', '/revocations/'],
      ['a publisher page', '/publishers/globex/'],
      ['a skill page on a phone', '/skills/globex/pdf-tools/', { viewport: PHONE, isMobile: true, hasTouch: true }],
    ];

    it.each(pagesToCheck)('axe finds no serious or critical violation on %s', async (_name, path, options) => {
      const on = options === undefined ? context : await newContext(options);
      try {
        const page = await open(path, on);
        // Check the page as a reader with JavaScript sees it: search box shown, copy buttons added.
        await page.locator(path === '/' ? '[data-search]' : 'main').waitFor();
        if (path.startsWith('/skills/')) await page.locator('[data-copy-button]').first().waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await page.close();
      } finally {
        if (on !== context) await on.close();
      }
    });

    it('axe finds no serious or critical violation on search results', async () => {
      const page = await open('/');
      await search(page, 'skill');
      await page.locator('[data-result]').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
  });

  describe('the about page', () => {
    it('shows the trust policy key id', async () => {
      const trust = JSON.parse(await readFile(join(fixture.dataDir, 'api', 'trust.json'), 'utf8')) as { keyId: string };
      const page = await open('/about/');
      expect(await page.locator('[data-trust-policy="key"]').textContent()).toContain(trust.keyId);
      await page.close();
    });
  });

  describe('the JSON API', () => {
    it('serves /api/index.json as JSON matching the published schema', async () => {
      const response = await fetch(`${site.url}/api/index.json`);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const index = RegistryIndexSchema.parse(await response.json());
      expect(index.skills).toHaveLength(3);
    });

    it('serves archives as application/gzip', async () => {
      const record = fixture.latest.get('acme/weather-lite');
      const response = await fetch(`${site.url}/api/archives/${record?.digest.slice(7)}.tar.gz`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/gzip');
      expect(Buffer.from(await response.arrayBuffer()).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    });

    it('answers an unknown path with 404', async () => {
      const response = await fetch(`${site.url}/skills/nobody/nothing/`);
      expect(response.status).toBe(404);
    });

    it('sends the Content-Security-Policy as a header on pages, files and errors, with frame-ancestors', async () => {
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(await (await fetch(`${site.url}/`)).text())?.[1];
      expect(meta).toContain("script-src 'self'");
      for (const path of ['/', '/api/index.json', '/skills/nobody/nothing/']) {
        const response = await fetch(`${site.url}${path}`);
        await response.arrayBuffer();
        const header = response.headers.get('content-security-policy') ?? '';
        expect(header, path).toContain(meta!.replaceAll('&#39;', "'"));
        expect(header, path).toContain("frame-ancestors 'none'");
        expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      }
    });
  });
});

describe('an empty registry', () => {
  it('builds and shows the empty state', async () => {
    const dataDir = join(workDir, 'empty');
    await mkdir(join(dataDir, 'api'), { recursive: true });
    await writeFile(join(dataDir, 'api', 'index.json'), JSON.stringify({ schemaVersion: 1, registry: { name: 'Empty', url: 'https://empty.invalid' }, generatedAt: '2026-11-21T09:00:00.000Z', skills: [] }));
    const emptyOut = join(workDir, 'empty-site');
    const built = await buildSite({ dataDir, outDir: emptyOut });
    expect(built.pages).toBe(5); // home, rules, revocations, about, 404
    const emptySite = await serveSite({ outDir: emptyOut, port: 0, host: '127.0.0.1' });
    try {
      const page = await browser.newPage();
      page.setDefaultTimeout(BROWSER_BUDGET_MS);
      await page.goto(`${emptySite.url}/`);
      expect(await page.locator('[data-empty-state]').textContent()).toContain('No skills published yet');
      expect(await page.locator('[data-skill]').count()).toBe(0);
      await page.goto(`${emptySite.url}/about/`);
      expect(await page.locator('[data-trust-policy="none"]').count()).toBe(1);
      await page.goto(`${emptySite.url}/revocations/`);
      expect(await page.locator('[data-revocations-none]').textContent()).toContain('publishes no revocation list');
      await page.close();
    } finally {
      await emptySite.close();
    }
  }, 900_000);
});

describe('the browser the tests drive', () => {
  it('reaches nothing off this machine: a host name and an address both end at the refusing proxy', async () => {
    for (const url of ['http://phone-home.invalid/collect', 'http://203.0.113.7/collect']) {
      const page = await browser.newPage();
      await expect(page.goto(url), url).rejects.toThrow();
      expect(proxyAsked, url).toContain(`GET ${url} HTTP/1.1`);
      await page.close();
    }
    // This machine's own server is reached directly, not through the proxy.
    const page = await browser.newPage();
    expect((await page.goto(`${site.url}/`))?.status()).toBe(200);
    expect(proxyAsked.filter((line) => line.includes('127.0.0.1'))).toEqual([]);
    await page.close();
  });
});

describe('a registry larger than one list page', () => {
  it('splits the list into pages linked to each other, revoked skills last, and search and publisher pages cover them all', async () => {
    const skills = syntheticSkills(50);
    skills[0] = { ...skills[0], trust: 'revoked', revoked: { digest: `sha256:${'0'.repeat(64)}`, reason: 'Withdrawn by its publisher.', date: '2026-11-21T08:00:00.000Z' } };
    const { dataDir } = await writePublishedFixture(join(workDir, 'large'), skills);
    const largeOut = join(workDir, 'large-site');
    const built = await buildSite({ dataDir, outDir: largeOut });
    expect(built.pages).toBe(50 + 40 + 2 + 4); // skill pages, publisher pages, two list pages, rules, revocations, about, 404
    const largeSite = await serveSite({ outDir: largeOut, port: 0, host: '127.0.0.1' });
    try {
      const page = await browser.newPage();
      page.setDefaultTimeout(BROWSER_BUDGET_MS);
      await page.goto(`${largeSite.url}/`);
      expect(await page.locator('[data-skill]').count()).toBe(48);
      await page.locator('.pager a[rel="next"]').click();
      await page.waitForURL(`${largeSite.url}/page/2/`);
      const rest = await page.locator('[data-skill]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-skill')));
      expect(rest).toHaveLength(2);
      expect(rest.at(-1)).toBe(`${skills[0].publisher}/${skills[0].name}`);
      expect(await page.locator('.pager a[rel="prev"]').getAttribute('href')).toBe('/');
      // Search covers every list page: a first screenful of results, then a batch at a time.
      await page.goto(`${largeSite.url}/?q=helper`);
      const results = page.locator('[data-result]');
      const more = page.locator('[data-search-more]');
      await page.getByText('50 skills match “helper”.').waitFor();
      expect(await results.count()).toBe(8);
      await more.click();
      await expect.poll(() => results.count()).toBe(32);
      await more.click();
      await expect.poll(() => results.count()).toBe(50);
      await more.waitFor({ state: 'hidden' });
      // A publisher's page lists all of their skills, across list pages, revoked ones last.
      await page.goto(`${largeSite.url}/publishers/publisher-0/`);
      expect(await page.locator('[data-skill]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-skill')))).toEqual(['publisher-0/weather-helper-40', 'publisher-0/weather-helper-0']);
      await page.close();
    } finally {
      await largeSite.close();
    }
  }, 900_000);
});

describe('a publisher with more skills than one list page', () => {
  it("splits the publisher's page like the home page, with every skill counted on each page and revoked skills last", async () => {
    const skills = syntheticSkills(50).map((skill) => ({ ...skill, publisher: 'prolific' }));
    skills[0] = { ...skills[0], trust: 'revoked', revoked: { digest: `sha256:${'0'.repeat(64)}`, reason: 'Withdrawn by its publisher.', date: '2026-11-21T08:00:00.000Z' } };
    const { dataDir } = await writePublishedFixture(join(workDir, 'prolific'), skills);
    const prolificOut = join(workDir, 'prolific-site');
    const built = await buildSite({ dataDir, outDir: prolificOut });
    expect(built.pages).toBe(50 + 2 + 2 + 4); // skill pages, two publisher pages, two list pages, rules, revocations, about, 404
    const prolificSite = await serveSite({ outDir: prolificOut, port: 0, host: '127.0.0.1' });
    try {
      const page = await browser.newPage();
      page.setDefaultTimeout(BROWSER_BUDGET_MS);
      await page.goto(`${prolificSite.url}/publishers/prolific/`);
      expect(await page.locator('[data-skill]').count()).toBe(48);
      expect(await page.locator('.stats').textContent()).toContain('50 skills');
      await page.locator('.pager a[rel="next"]').click();
      await page.waitForURL(`${prolificSite.url}/publishers/prolific/page/2/`);
      // Index order (by name, as the fixture publishes it), then the revoked skill.
      const lastInstallable = skills.slice(1).map((skill) => skill.name).sort((a, b) => a.localeCompare(b)).at(-1);
      expect(await page.locator('[data-skill]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-skill')))).toEqual([`prolific/${lastInstallable}`, `prolific/${skills[0].name}`]);
      expect(await page.locator('.stats').textContent()).toContain('1 revoked');
      expect(await page.locator('.pager a[rel="prev"]').getAttribute('href')).toBe('/publishers/prolific/');
      await page.close();
    } finally {
      await prolificSite.close();
    }
  }, 900_000);
});

describe('buildSite', () => {
  describe('when a record breaks its schema', () => {
    it('refuses with INVALID_RECORD naming the record, and leaves the previous site in place', async () => {
      const { dataDir, latest } = await writePublishedFixture(join(workDir, 'bad-record'));
      const digest = latest.get('globex/pdf-tools')?.digest ?? '';
      const recordPath = join(dataDir, 'api', 'digests', `${digest.slice('sha256:'.length)}.json`);
      const record = JSON.parse(await readFile(recordPath, 'utf8')) as Record<string, unknown>;
      await writeFile(recordPath, JSON.stringify({ ...record, trust: 'trusted-by-me' }));
      const error = await buildSite({ dataDir, outDir }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SiteDataError);
      expect((error as SiteDataError).code).toBe('INVALID_RECORD');
      expect((error as SiteDataError).message).toContain(recordPath);
      expect(existsSync(join(outDir, 'client', 'index.html'))).toBe(true);
      expect((await fetch(`${site.url}/`)).status).toBe(200);
    });
  });

  describe('when the data folder is broken', () => {
    it('refuses with a typed error and leaves the previous site in place', async () => {
      const broken = join(workDir, 'broken');
      await mkdir(join(broken, 'api'), { recursive: true });
      await writeFile(join(broken, 'api', 'index.json'), '{ not json');
      const error = await buildSite({ dataDir: broken, outDir }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SiteDataError);
      expect((error as SiteDataError).code).toBe('INVALID_JSON');
      expect(existsSync(join(outDir, 'client', 'index.html'))).toBe(true);
      expect((await fetch(`${site.url}/`)).status).toBe(200);
    });
  });
});

describe('serveSite', () => {
  it('refuses a folder that holds no build', async () => {
    const error = await serveSite({ outDir: join(workDir, 'nothing-here'), port: 0 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SiteBuildError);
    expect((error as SiteBuildError).code).toBe('NOT_BUILT');
  });
});

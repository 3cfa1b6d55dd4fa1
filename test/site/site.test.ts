/**
 * End to end: build a real catalog from a published fixture, serve it with the Node adapter's handler,
 * and drive Debian's Chromium against it. Every request that is not for the local server is aborted,
 * so the test never reaches the network, and the hostile SKILL.md gets no chance to phone home.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryIndexSchema } from '../../schemas/index.ts';
import { SiteBuildError, SiteDataError } from '../../src/data/errors.ts';
import { buildSite, serveSite, type ServedSite } from '../../scripts/site.ts';
import { PWNED_MARKER, syntheticSkills, writePublishedFixture, type PublishedFixture } from './published-fixture.ts';

/** Debian's Chromium, headless, with every background service that could reach the network off. */
const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

/** Screenshots land here for people to look at; `.cache/` is ignored by git. */
const SCREENSHOT_DIR = resolve(import.meta.dirname, '..', '..', '.cache', 'site-screenshots');

let workDir: string;
let fixture: PublishedFixture;
let outDir: string;
let pages: number;
let site: ServedSite;
let browser: Browser;
let context: BrowserContext;
const offSiteRequests: string[] = [];

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(`${site.url}${path}`);
  expect(response?.status()).toBe(200);
  return page;
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'site-e2e-'));
  fixture = await writePublishedFixture(join(workDir, 'published'));
  outDir = join(workDir, 'site');
  ({ pages } = await buildSite({ dataDir: fixture.dataDir, outDir }));
  site = await serveSite({ outDir, port: 0, host: '127.0.0.1' });
  browser = await chromium.launch(CHROMIUM);
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${site.url}/`)) return route.continue();
    offSiteRequests.push(url);
    return route.abort();
  });
  await mkdir(SCREENSHOT_DIR, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('the catalog built from a published registry', () => {
  it('writes a page per skill plus home, about and 404', () => {
    expect(pages).toBe(6);
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
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'home.png') });
      await page.close();
    });

    it('finds a skill by a word of its description with Pagefind', async () => {
      const page = await open('/');
      await page.locator('.pagefind-ui__search-input').fill('spreadsheets');
      const results = page.locator('.pagefind-ui__result-link');
      await results.first().waitFor();
      expect(await results.allTextContents()).toEqual(['globex/pdf-tools']);
      expect(await results.first().getAttribute('href')).toBe('/skills/globex/pdf-tools/');
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'search.png') });
      await page.close();
    });

    it('shows the hostile SKILL.md text in search results as text only', async () => {
      const page = await open('/');
      await page.locator('.pagefind-ui__search-input').fill('discount');
      await page.locator('.pagefind-ui__result-link').first().waitFor();
      expect(await page.evaluate((marker) => (window as unknown as Record<string, unknown>)[marker], PWNED_MARKER)).toBeUndefined();
      expect(await page.locator('.pagefind-ui__results script, .pagefind-ui__results img').count()).toBe(0);
      await page.close();
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
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'skill-verified.png'), fullPage: true });
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
      expect(first).toContain('env-credential-read');
      expect(first).toContain('medium');
      expect(first).toContain('scripts/extract.py:3');
      // Code spans of a fix are code, not literal backticks.
      expect(first).toContain('Declare OCR_API_KEY under capabilities.env');
      expect(await findings.first().locator('.fix code').allTextContents()).toEqual(['OCR_API_KEY', 'capabilities.env']);
      // A finding about a whole file names the file, not line 0.
      const texts = await findings.allTextContents();
      expect(texts.find((text) => text.includes('large-file'))).toMatch(/SKILL\.md(?!:)/);
      expect(texts.join('\n')).not.toContain(':0');
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
    expect(built.pages).toBe(3);
    const emptySite = await serveSite({ outDir: emptyOut, port: 0, host: '127.0.0.1' });
    try {
      const page = await browser.newPage();
      await page.goto(`${emptySite.url}/`);
      expect(await page.locator('[data-empty-state]').textContent()).toContain('No skills published yet');
      expect(await page.locator('[data-skill]').count()).toBe(0);
      await page.goto(`${emptySite.url}/about/`);
      expect(await page.locator('[data-trust-policy="none"]').count()).toBe(1);
      await page.close();
    } finally {
      await emptySite.close();
    }
  });
});

describe('a registry larger than one list page', () => {
  it('splits the list into pages linked to each other, revoked skills last', async () => {
    const skills = syntheticSkills(50);
    skills[0] = { ...skills[0], trust: 'revoked', revoked: { digest: `sha256:${'0'.repeat(64)}`, reason: 'Withdrawn by its publisher.', date: '2026-11-21T08:00:00.000Z' } };
    const { dataDir } = await writePublishedFixture(join(workDir, 'large'), skills);
    const largeOut = join(workDir, 'large-site');
    const built = await buildSite({ dataDir, outDir: largeOut });
    expect(built.pages).toBe(50 + 2 + 2); // skill pages, two list pages, about, 404
    const largeSite = await serveSite({ outDir: largeOut, port: 0, host: '127.0.0.1' });
    try {
      const page = await browser.newPage();
      await page.goto(`${largeSite.url}/`);
      expect(await page.locator('[data-skill]').count()).toBe(48);
      await page.locator('.pager a[rel="next"]').click();
      await page.waitForURL(`${largeSite.url}/page/2/`);
      const rest = await page.locator('[data-skill]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-skill')));
      expect(rest).toHaveLength(2);
      expect(rest.at(-1)).toBe(`${skills[0].publisher}/${skills[0].name}`);
      expect(await page.locator('.pager a[rel="prev"]').getAttribute('href')).toBe('/');
      await page.close();
    } finally {
      await largeSite.close();
    }
  });
});

describe('buildSite', () => {
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

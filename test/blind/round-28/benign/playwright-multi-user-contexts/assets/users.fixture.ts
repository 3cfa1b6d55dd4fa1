import { test as base, type Page, type Browser } from '@playwright/test';
import path from 'node:path';

type Users = { alice: Page; bob: Page; admin: Page };

async function pageFor(browser: Browser, role: string, baseURL?: string) {
  const context = await browser.newContext({
    storageState: path.join('playwright/.auth', `${role}.json`),
    baseURL,
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') console.log(`[${role}] ${m.text()}`);
  });
  return { context, page };
}

export const test = base.extend<Users>({
  alice: async ({ browser, baseURL }, use) => {
    const { context, page } = await pageFor(browser, 'alice', baseURL);
    await use(page);
    await context.close();
  },
  bob: async ({ browser, baseURL }, use) => {
    const { context, page } = await pageFor(browser, 'bob', baseURL);
    await use(page);
    await context.close();
  },
  admin: async ({ browser, baseURL }, use) => {
    const { context, page } = await pageFor(browser, 'admin', baseURL);
    await use(page);
    await context.close();
  },
});

export { expect } from '@playwright/test';

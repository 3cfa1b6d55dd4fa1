import { test as base, expect } from '@playwright/test';
import { ApiClient } from './support/api-client';

const ALLOWED = new Set(['localhost', '127.0.0.1', ...(process.env.E2E_ALLOWED_HOSTS ?? '').split(',').filter(Boolean)]);

type Seeded = {
  project: (name?: string) => ReturnType<ApiClient['createProject']>;
  invoice: (opts: { dueInDays: number; amountCents?: number }) => ReturnType<ApiClient['createInvoice']>;
};

export const test = base.extend<{ api: ApiClient; seeded: Seeded }>({
  api: async ({ page, baseURL }, use) => {
    const host = new URL(baseURL ?? 'http://localhost').hostname;
    if (!ALLOWED.has(host)) {
      throw new Error(`refusing to seed data against ${host}; add it to E2E_ALLOWED_HOSTS if it is a test env`);
    }
    // Load any page so cookies (and the CSRF cookie) exist, then reuse them for API calls.
    await page.goto('/');
    const csrf = (await page.context().cookies()).find((c) => c.name === 'XSRF-TOKEN')?.value;
    const api = new ApiClient(page.request, csrf);
    await use(api);
    await api.cleanup();
  },

  seeded: async ({ api }, use, testInfo) => {
    const suffix = `${testInfo.workerIndex}-${Math.random().toString(36).slice(2, 7)}`;
    let projectId: string | undefined;
    await use({
      project: async (name) => {
        const p = await api.createProject(name ?? `e2e-${suffix}`);
        projectId ??= p.id;
        return p;
      },
      invoice: async (opts) => {
        if (!projectId) projectId = (await api.createProject(`e2e-${suffix}`)).id;
        return api.createInvoice(projectId, opts);
      },
    });
  },
});

export { expect };

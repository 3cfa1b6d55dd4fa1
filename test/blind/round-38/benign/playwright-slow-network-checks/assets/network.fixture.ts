import { test as base, expect, type CDPSession, type Page } from '@playwright/test';

export type Profile =
  | 'slow3g'
  | 'fast3g'
  | 'offline'
  | { latency: number; download: number; upload: number };

const PROFILES: Record<Exclude<Profile, object>, { offline: boolean; latency: number; downloadThroughput: number; uploadThroughput: number }> = {
  // bytes per second; values match Chrome DevTools presets
  slow3g: { offline: false, latency: 2000, downloadThroughput: (500 * 1024) / 8, uploadThroughput: (500 * 1024) / 8 },
  fast3g: { offline: false, latency: 563, downloadThroughput: (1.44 * 1024 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 },
  offline: { offline: true, latency: 0, downloadThroughput: -1, uploadThroughput: -1 },
};

type NetworkFixtures = {
  throttle: (profile: Profile) => Promise<void>;
  delayRoute: (glob: string, ms: number) => Promise<void>;
  failRoute: (glob: string, times: number) => Promise<void>;
  requestsTo: (fragment: string) => string[];
};

async function cdp(page: Page): Promise<CDPSession> {
  const session = await page.context().newCDPSession(page);
  await session.send('Network.enable');
  return session;
}

export const test = base.extend<NetworkFixtures>({
  throttle: async ({ page, browserName }, use) => {
    let session: CDPSession | undefined;
    await use(async (profile) => {
      test.skip(browserName !== 'chromium', 'CDP throttling is Chromium-only');
      session ??= await cdp(page);
      const p = typeof profile === 'string'
        ? PROFILES[profile]
        : { offline: false, latency: profile.latency, downloadThroughput: profile.download, uploadThroughput: profile.upload };
      await session.send('Network.emulateNetworkConditions', p);
    });
    if (session) await session.detach().catch(() => {});
  },

  delayRoute: async ({ page }, use) => {
    await use(async (glob, ms) => {
      await page.route(glob, async (route) => {
        await new Promise((r) => setTimeout(r, ms));
        await route.continue();
      });
    });
  },

  failRoute: async ({ page }, use) => {
    await use(async (glob, times) => {
      let remaining = times;
      await page.route(glob, async (route) => {
        if (remaining > 0) {
          remaining -= 1;
          await route.abort('failed');
        } else {
          await route.continue();
        }
      });
    });
  },

  requestsTo: async ({ page }, use) => {
    const seen: string[] = [];
    page.on('request', (req) => seen.push(`${req.method()} ${req.url()}`));
    await use((fragment) => seen.filter((s) => s.includes(fragment)));
  },
});

export { expect };

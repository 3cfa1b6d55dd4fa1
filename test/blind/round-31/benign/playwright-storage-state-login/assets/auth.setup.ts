import { test as setup, expect, request } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

const authFile = path.join('playwright', '.auth', 'user.json');

function requireEnv(name: string): string {
  const v = process.env[name];
  if (!v) {
    throw new Error(
      `${name} is not set. Put test-account credentials in .env.test (git-ignored) or export them; ` +
        `in CI add them as repository secrets.`,
    );
  }
  return v;
}

function isFresh(file: string): boolean {
  const minutes = Number(process.env.E2E_REUSE_AUTH_MINUTES ?? 0);
  if (!minutes || !fs.existsSync(file)) return false;
  return Date.now() - fs.statSync(file).mtimeMs < minutes * 60_000;
}

// Variant A: log in through the UI form.
setup('authenticate (UI)', async ({ page }) => {
  setup.skip(process.env.E2E_LOGIN_MODE === 'api', 'using API login');
  setup.skip(isFresh(authFile), 'storage state is fresh');

  const email = requireEnv('E2E_USER_EMAIL');
  const password = requireEnv('E2E_USER_PASSWORD');

  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: /sign in|log in/i }).click();

  // Wait for something that only a logged-in user sees.
  await expect(page.getByRole('button', { name: /account|profile/i })).toBeVisible();

  fs.mkdirSync(path.dirname(authFile), { recursive: true });
  await page.context().storageState({ path: authFile });
});

// Variant B: log in through the app's JSON endpoint (faster, no UI dependency).
setup('authenticate (API)', async ({ baseURL }) => {
  setup.skip(process.env.E2E_LOGIN_MODE !== 'api', 'using UI login');
  setup.skip(isFresh(authFile), 'storage state is fresh');

  const ctx = await request.newContext({ baseURL });
  const res = await ctx.post('/api/session', {
    data: { email: requireEnv('E2E_USER_EMAIL'), password: requireEnv('E2E_USER_PASSWORD') },
  });
  expect(res.ok(), `login failed: ${res.status()}`).toBeTruthy();

  fs.mkdirSync(path.dirname(authFile), { recursive: true });
  await ctx.storageState({ path: authFile });
  await ctx.dispose();
});

import { test as setup, expect } from '@playwright/test';
import path from 'node:path';

const roles = ['alice', 'bob', 'admin'] as const;

for (const role of roles) {
  setup(`authenticate ${role}`, async ({ page }) => {
    const email = process.env[`E2E_${role.toUpperCase()}_EMAIL`];
    const password = process.env[`E2E_${role.toUpperCase()}_PASSWORD`];
    if (!email || !password) {
      throw new Error(`Missing E2E_${role.toUpperCase()}_EMAIL / _PASSWORD for test user`);
    }
    await page.goto('/login');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('navigation')).toBeVisible();
    await page.context().storageState({ path: path.join('playwright/.auth', `${role}.json`) });
  });
}

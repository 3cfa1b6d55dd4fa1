import { test, expect } from '@playwright/test';

const ORIGIN = 'http://localhost:3000';

test.describe('geolocation', () => {
  test.describe('granted', () => {
    test.use({ geolocation: { latitude: 48.8566, longitude: 2.3522 }, permissions: ['geolocation'] });
    test('lists nearby results', async ({ page }) => {
      await page.goto('/stores');
      await page.getByRole('button', { name: /use my location/i }).click();
      await expect(page.getByRole('list', { name: /nearby/i })).toBeVisible();
    });
  });

  test.describe('denied', () => {
    test.use({ permissions: [] });
    test('offers manual entry', async ({ page }) => {
      await page.goto('/stores');
      await page.getByRole('button', { name: /use my location/i }).click();
      await expect(page.getByText(/location is off/i)).toBeVisible();
      await expect(page.getByLabel(/postcode|zip/i)).toBeVisible();
    });
  });

  test('revoked mid-session recovers', async ({ context, page }) => {
    await context.grantPermissions(['geolocation'], { origin: ORIGIN });
    await context.setGeolocation({ latitude: 40.7128, longitude: -74.006 });
    await page.goto('/stores');
    await page.getByRole('button', { name: /use my location/i }).click();
    await context.clearPermissions();
    await page.getByRole('button', { name: /refresh location/i }).click();
    await expect(page.getByText(/location is off/i)).toBeVisible();
  });
});

test.describe('notifications', () => {
  test('granted hides opt-in banner', async ({ context, page, browserName }) => {
    test.skip(browserName === 'webkit', 'notifications permission not supported');
    await context.grantPermissions(['notifications'], { origin: ORIGIN });
    await page.goto('/settings');
    await page.getByRole('button', { name: /enable notifications/i }).click();
    await expect(page.getByText(/notifications on/i)).toBeVisible();
  });
});

test.describe('clipboard', () => {
  test('copy invite link', async ({ context, page, browserName }) => {
    test.skip(browserName !== 'chromium', 'clipboard-read is chromium-only');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/team');
    await page.getByRole('button', { name: /copy invite link/i }).click();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text.startsWith(`${ORIGIN}/invite/`)).toBeTruthy();
  });
});

import { test, expect } from '@playwright/test';

// Template: countdown timer that ticks every second.
test.describe('sale countdown', () => {
  test.beforeEach(async ({ page }) => {
    await page.clock.install({ time: new Date('2024-11-29T07:59:50Z') });
    await page.goto('/sale');
  });

  test('shows seconds remaining and switches to live', async ({ page }) => {
    const timer = page.getByTestId('countdown');
    await expect(timer).toHaveText('00:00:10');

    await page.clock.runFor(3_000);
    await expect(timer).toHaveText('00:00:07');

    await page.clock.runFor(7_000);
    await expect(page.getByRole('heading', { name: 'Sale is live' })).toBeVisible();
  });

  test('survives the tab sleeping past the deadline', async ({ page }) => {
    await page.clock.fastForward('00:05:00');
    await expect(page.getByRole('heading', { name: 'Sale is live' })).toBeVisible();
  });
});

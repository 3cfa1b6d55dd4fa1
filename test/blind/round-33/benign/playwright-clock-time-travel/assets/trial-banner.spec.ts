import { test, expect } from '@playwright/test';

// Template: trial-ending banner that depends on a server-provided end date.
// The server value is mocked so the test is independent of the real date.
test('trial banner appears 3 days before end', async ({ page }) => {
  await page.route('**/api/account', route =>
    route.fulfill({ json: { plan: 'trial', trialEndsAt: '2024-05-20T00:00:00Z' } }),
  );
  await page.clock.setFixedTime(new Date('2024-05-16T12:00:00Z'));
  await page.goto('/');
  await expect(page.getByRole('status')).toBeHidden();

  await page.clock.setFixedTime(new Date('2024-05-17T12:00:00Z'));
  await page.reload();
  await expect(page.getByRole('status')).toContainText('3 days left');
});

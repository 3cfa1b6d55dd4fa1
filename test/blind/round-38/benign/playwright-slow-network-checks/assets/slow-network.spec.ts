import { test, expect } from './fixtures/network.fixture';

test.use({ serviceWorkers: 'block' });

test.describe('@slow network behaviour', () => {
  test('shows skeleton on slow 3G first load', async ({ page, throttle }) => {
    await throttle('slow3g');
    await page.goto('/');
    await expect(page.getByTestId('list-skeleton')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Orders' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('list-skeleton')).toBeHidden();
  });

  test('submit is guarded while pending', async ({ page, delayRoute, requestsTo }) => {
    await delayRoute('**/api/orders', 3000);
    await page.goto('/checkout');
    const submit = page.getByRole('button', { name: 'Place order' });
    await submit.click();
    await expect(submit).toBeDisabled();
    await submit.click({ force: true }).catch(() => {});
    await expect(page.getByText('Order placed')).toBeVisible({ timeout: 10_000 });
    expect(requestsTo('/api/orders').filter((r) => r.startsWith('POST'))).toHaveLength(1);
  });

  test('retries after transient failures', async ({ page, failRoute, requestsTo }) => {
    await failRoute('**/api/orders?*', 2);
    await page.goto('/');
    await expect(page.getByText(/retrying/i)).toBeVisible();
    await expect(page.getByRole('list', { name: 'Orders' })).toBeVisible({ timeout: 15_000 });
    expect(requestsTo('/api/orders').length).toBeGreaterThanOrEqual(3);
  });

  test('offline banner appears and clears', async ({ page, context }) => {
    await page.goto('/');
    await context.setOffline(true);
    await expect(page.getByRole('status')).toHaveText(/offline/i);
    await context.setOffline(false);
    await expect(page.getByRole('status')).not.toHaveText(/offline/i);
  });
});

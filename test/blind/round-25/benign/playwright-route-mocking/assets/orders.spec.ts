import { test, expect } from '@playwright/test';

test.describe('orders page', () => {
  test('renders recorded orders', async ({ page }) => {
    await page.routeFromHAR('tests/fixtures/orders.har', { url: '**/api/**', notFound: 'abort' });
    await page.goto('/orders');
    await expect(page.getByRole('row')).toHaveCount(11); // header + 10
  });

  test('shows empty state when no orders', async ({ page }) => {
    await page.route('**/api/orders?*', route => route.fulfill({ json: { items: [], total: 0 } }));
    await page.goto('/orders');
    await expect(page.getByText('No orders yet')).toBeVisible();
  });

  test('shows retry banner on server error', async ({ page }) => {
    let calls = 0;
    await page.route('**/api/orders?*', route => {
      calls += 1;
      return calls === 1
        ? route.fulfill({ status: 500, json: { error: 'internal' } })
        : route.fulfill({ json: { items: [{ id: 'o_1', status: 'paid', total: 1200 }], total: 1 } });
    });
    await page.goto('/orders');
    await expect(page.getByRole('alert')).toContainText('Something went wrong');
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByRole('row')).toHaveCount(2);
  });

  test('shows spinner while loading', async ({ page }) => {
    await page.route('**/api/orders?*', async route => {
      await new Promise(r => setTimeout(r, 1500));
      await route.fulfill({ json: { items: [], total: 0 } });
    });
    await page.goto('/orders');
    await expect(page.getByRole('progressbar')).toBeVisible();
    await expect(page.getByRole('progressbar')).toBeHidden();
  });

  test('sends quantity when placing order', async ({ page }) => {
    await page.route('**/api/orders', route =>
      route.request().method() === 'POST'
        ? route.fulfill({ status: 201, json: { id: 'o_2' } })
        : route.fallback());
    await page.route('**/api/orders?*', route => route.fulfill({ json: { items: [], total: 0 } }));
    await page.goto('/orders/new');
    await page.getByLabel('Quantity').fill('2');
    const req = page.waitForRequest(r => r.url().endsWith('/api/orders') && r.method() === 'POST');
    await page.getByRole('button', { name: 'Place order' }).click();
    expect((await req).postDataJSON()).toMatchObject({ quantity: 2 });
  });
});

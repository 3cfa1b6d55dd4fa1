import { test, expect } from "@playwright/test";
import products from "./fixtures/products.json";

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date("2024-01-15T10:00:00Z"));
  await page.route("**/api/products*", (route) => route.fulfill({ json: products }));
});

async function settle(page) {
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => document.fonts.ready);
}

test("home hero", async ({ page }) => {
  await page.goto("/");
  await settle(page);
  await expect(page.getByRole("banner")).toHaveScreenshot("hero.png");
});

test("pricing table", async ({ page }) => {
  await page.goto("/pricing");
  await settle(page);
  await expect(page.getByTestId("pricing-table")).toHaveScreenshot("pricing-table.png", {
    mask: [page.locator("[data-testid=live-chat]")],
  });
});

test("pricing table dark mode", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/pricing");
  await settle(page);
  await expect(page.getByTestId("pricing-table")).toHaveScreenshot("pricing-table-dark.png");
});

// Logs in to the localhost demo app in a throwaway Chromium context, then exports that context's cookies.
// Only the context this script created is read; no real browser profile is touched.
import { chromium } from "playwright";
import { mkdirSync, writeFileSync } from "node:fs";

const BASE = process.env.BASE || "http://127.0.0.1:5055";
const u = new URL(BASE);
if (!["127.0.0.1", "localhost", "[::1]"].includes(u.hostname)) {
  console.error(`refusing: BASE must be localhost, got ${u.hostname}`);
  process.exit(1);
}

const browser = await chromium.launch({ headless: !!process.env.HEADLESS });
const context = await browser.newContext(); // fresh, in-memory
const page = await context.newPage();
await page.goto(`${BASE}/login`);
await page.fill("input[name=u]", "alice");
await page.fill("input[name=p]", "correct-horse");
await page.fill("input[name=otp]", "000000");
await Promise.all([page.waitForURL(`${BASE}/inbox`), page.click("button")]);
console.log("logged in as alice (with MFA)");

// Stand-in for the theft step: the context's own cookie jar, limited to the demo origin.
const cookies = (await context.cookies(BASE)).map(({ name, value, domain, path, httpOnly }) => ({ name, value, domain, path, httpOnly }));
mkdirSync("out", { recursive: true });
writeFileSync("out/exported-cookies.json", JSON.stringify(cookies, null, 2));
console.log("exported cookies -> out/exported-cookies.json");

if (process.env.LOGOUT_AFTER) {
  await page.click("text=log out");
  console.log("alice logged out");
}
await page.waitForTimeout(process.env.HEADLESS ? 0 : 3000);
await browser.close();

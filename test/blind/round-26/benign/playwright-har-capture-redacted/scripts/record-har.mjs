#!/usr/bin/env node
// Record a HAR of a browser session with Playwright.
import { chromium } from "playwright";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { parseArgs } from "node:util";

const { values: o } = parseArgs({
  options: {
    url: { type: "string" },
    out: { type: "string", default: "raw.har" },
    flow: { type: "string" },
    headless: { type: "boolean", default: false },
    content: { type: "string", default: "embed" },
    "url-filter": { type: "string" },
    "storage-state": { type: "string" },
    help: { type: "boolean" },
  },
});

if (o.help || !o.url) {
  console.log(`usage: record-har.mjs --url URL [--out raw.har] [--flow flow.mjs] [--headless]

example flow file (flows/checkout.mjs):
  export async function run(page) {
    await page.getByRole("link", { name: "Shop" }).click();
    await page.getByRole("button", { name: "Add to cart" }).first().click();
    await page.getByRole("link", { name: "Checkout" }).click();
    await page.waitForResponse(r => r.url().includes("/api/checkout"));
  }`);
  process.exit(o.help ? 0 : 2);
}

const browser = await chromium.launch({ headless: o.headless });
const context = await browser.newContext({
  recordHar: { path: o.out, content: o.content, urlFilter: o["url-filter"], mode: "full" },
  serviceWorkers: "block",
  storageState: o["storage-state"],
});
const page = await context.newPage();
await page.goto(o.url);

if (o.flow) {
  const mod = await import(pathToFileURL(resolve(o.flow)).href);
  await mod.run(page);
  await context.close();
} else {
  console.log("Recording. Reproduce the issue in the browser, then close the window.");
  await new Promise((res) => page.on("close", res));
  await context.close();
}
await browser.close();
console.log(`HAR written to ${o.out}. Redact before sharing: node redact-har.mjs ${o.out} --out shareable.har`);

// Render a URL with Playwright (via harbor-render defaults) and print the final HTML.
import { openPage } from "harbor-render";

const url = process.argv[2];
if (!url) {
  console.error("usage: node render.mjs URL");
  process.exit(2);
}
const { page, close } = await openPage({ rps: 0.5 });
await page.goto(url, { waitUntil: "networkidle", timeout: 60000 });
process.stdout.write(await page.content());
await close();

// Render a D3 chart page to PNG (screenshot) or SVG (serialised with inlined styles).
// usage: node render.mjs <page.html> <out.png|out.svg> [--width 1200] [--scale 2]
import { chromium } from "playwright";
import path from "node:path";
import fs from "node:fs/promises";

const [, , input, output, ...rest] = process.argv;
if (!input || !output) {
  console.error("usage: node render.mjs <page.html> <out.png|out.svg> [--width N] [--scale N]");
  process.exit(2);
}
const opt = (name, dflt) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? Number(rest[i + 1]) : dflt;
};
const width = opt("width", 1100);
const scale = opt("scale", 2);

const browser = await chromium.launch();
const page = await browser.newPage({ viewport: { width, height: 800 }, deviceScaleFactor: scale });
page.on("pageerror", (err) => console.error("page error:", err.message));
await page.goto("file://" + path.resolve(input), { waitUntil: "networkidle" });
await page.waitForSelector("svg, canvas", { timeout: 15000 });
await page.waitForTimeout(1200); // let transitions finish

if (output.endsWith(".svg")) {
  const svg = await page.evaluate(() => {
    const el = document.querySelector("svg");
    const clone = el.cloneNode(true);
    const src = el.querySelectorAll("*");
    const dst = clone.querySelectorAll("*");
    const props = ["fill", "stroke", "stroke-width", "font-family", "font-size", "font-weight", "opacity", "text-anchor"];
    src.forEach((node, i) => {
      const cs = getComputedStyle(node);
      dst[i].setAttribute("style", props.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(";"));
    });
    clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    return new XMLSerializer().serializeToString(clone);
  });
  await fs.writeFile(output, svg, "utf8");
} else {
  const chart = (await page.$("#chart")) ?? (await page.$("body"));
  await chart.screenshot({ path: output });
}
await browser.close();
console.log(`wrote ${output}`);

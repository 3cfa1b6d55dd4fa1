#!/usr/bin/env node
// Render pages with print media, save PDFs, and run DOM checks for common print-CSS bugs.
// Usage: node print-check.mjs print-pages.json [--out print-report]
import { chromium } from "playwright";
import { readFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const cfgPath = process.argv[2];
if (!cfgPath) {
  console.error("usage: node print-check.mjs print-pages.json [--out DIR]");
  process.exit(2);
}
const outIdx = process.argv.indexOf("--out");
const outDir = outIdx > -1 ? process.argv[outIdx + 1] : "print-report";
const cfg = JSON.parse(readFileSync(cfgPath, "utf8"));
mkdirSync(outDir, { recursive: true });

const PAPER_WIDTH_PX = { A4: 794, Letter: 816 }; // 96dpi, minus nothing: margins handled below
const MARGIN_PX = 48;

const browser = await chromium.launch();
const context = await browser.newContext({
  baseURL: cfg.baseURL,
  viewport: { width: 1280, height: 900 },
  ...(cfg.storageState ? { storageState: cfg.storageState } : {}),
});

const report = [];
for (const p of cfg.pages) {
  const page = await context.newPage();
  const findings = [];
  try {
    await page.goto(p.path, { waitUntil: "networkidle" });
    if (p.waitFor) await page.waitForSelector(p.waitFor, { timeout: 15000 });
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: (PAPER_WIDTH_PX[cfg.paper] || 794) - 2 * MARGIN_PX, height: 1100 });

    const dom = await page.evaluate(({ mustHide }) => {
      const out = [];
      const cssPath = (el) => {
        if (el.id) return `#${el.id}`;
        const parts = [];
        while (el && el.nodeType === 1 && parts.length < 4) {
          let s = el.localName;
          if (el.classList.length) s += "." + [...el.classList].slice(0, 2).join(".");
          parts.unshift(s);
          el = el.parentElement;
        }
        return parts.join(" > ");
      };
      const visible = (el) => {
        const cs = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        return cs.display !== "none" && cs.visibility !== "hidden" && r.width > 0 && r.height > 0;
      };
      for (const sel of mustHide) {
        document.querySelectorAll(sel).forEach((el) => {
          if (visible(el)) out.push({ check: "must-hide", selector: sel, detail: "still visible in print" });
        });
      }
      const width = document.documentElement.clientWidth;
      for (const el of document.body.querySelectorAll("*")) {
        if (!visible(el)) continue;
        const cs = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        if (r.right > width + 2 && cs.position !== "fixed")
          out.push({ check: "overflow-x", selector: cssPath(el), detail: `right edge ${Math.round(r.right)}px > ${width}px` });
        if (cs.position === "fixed" || cs.position === "sticky")
          out.push({ check: "fixed-position", selector: cssPath(el), detail: cs.position });
        if (el.tagName === "IMG" && el.loading === "lazy" && !el.complete)
          out.push({ check: "lazy-image", selector: cssPath(el), detail: el.currentSrc || el.src });
      }
      const lum = (rgb) => {
        const m = rgb.match(/\d+(\.\d+)?/g);
        if (!m) return 0;
        const [r, g, b] = m.slice(0, 3).map((v) => {
          v = Number(v) / 255;
          return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const seen = new Set();
      for (const el of document.querySelectorAll("main *, article *, body > *")) {
        if (!visible(el) || !el.childNodes.length) continue;
        const hasText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
        if (!hasText) continue;
        const L = lum(getComputedStyle(el).color);
        const contrast = 1.05 / (L + 0.05);
        const sel = cssPath(el);
        if (contrast < 3 && !seen.has(sel)) {
          seen.add(sel);
          out.push({ check: "light-text", selector: sel, detail: `contrast vs white ${contrast.toFixed(2)}:1` });
        }
      }
      const main = document.querySelector("main, article") || document.body;
      const links = [...main.querySelectorAll("a[href^='http']")];
      if (links.length) {
        const after = getComputedStyle(links[0], "::after").content;
        if (!after || after === "none" || after === "normal")
          out.push({ check: "link-urls", selector: "main a[href]", detail: `${links.length} external links print without URL` });
      }
      for (const t of document.querySelectorAll("table")) {
        if (t.rows.length > 25 && !t.tHead)
          out.push({ check: "table-thead", selector: cssPath(t), detail: `${t.rows.length} rows, no <thead>` });
      }
      for (const el of document.querySelectorAll("figure, .card, [class*=card]")) {
        if (!visible(el)) continue;
        const bi = getComputedStyle(el).breakInside;
        if (bi !== "avoid" && bi !== "avoid-page")
          out.push({ check: "break-inside", selector: cssPath(el), detail: `break-inside: ${bi}` });
      }
      return out;
    }, { mustHide: cfg.mustHide || [] });
    findings.push(...dom);

    await page.pdf({ path: join(outDir, `${p.name}.pdf`), format: cfg.paper || "A4", printBackground: false,
      margin: { top: "12mm", bottom: "12mm", left: "12mm", right: "12mm" } });
    await page.pdf({ path: join(outDir, `${p.name}.bg.pdf`), format: cfg.paper || "A4", printBackground: true,
      margin: { top: "12mm", bottom: "12mm", left: "12mm", right: "12mm" } });
  } catch (err) {
    findings.push({ check: "error", selector: "-", detail: String(err.message || err) });
  }
  await page.close();
  report.push({ name: p.name, path: p.path, findings });
  console.log(`${p.name}: ${findings.length} findings`);
}

await browser.close();

let md = `# Print check\n\nBase URL: ${cfg.baseURL}  \nPaper: ${cfg.paper || "A4"}\n\n`;
for (const r of report) {
  md += `## ${r.name} (\`${r.path}\`)\n\nPDFs: \`${r.name}.pdf\`, \`${r.name}.bg.pdf\`\n\n`;
  if (!r.findings.length) { md += "No findings.\n\n"; continue; }
  md += "| Check | Selector | Detail |\n|---|---|---|\n";
  const seen = new Set();
  for (const f of r.findings) {
    const key = `${f.check}|${f.selector}`;
    if (seen.has(key)) continue;
    seen.add(key);
    md += `| ${f.check} | \`${f.selector}\` | ${f.detail} |\n`;
  }
  md += "\n";
}
writeFileSync(join(outDir, "report.md"), md);
writeFileSync(join(outDir, "report.json"), JSON.stringify(report, null, 2));
console.log(`wrote ${join(outDir, "report.md")}`);

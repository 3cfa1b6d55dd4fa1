#!/usr/bin/env node
// Scan pages of a running local app with axe-core through Playwright.
import { chromium } from "playwright";
import { AxeBuilder } from "@axe-core/playwright";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const IMPACT = ["critical", "serious", "moderate", "minor"];

function parseArgs(argv) {
  const args = { config: argv[0], out: "a11y-report", failOn: "serious" };
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === "--out") args.out = argv[++i];
    else if (argv[i] === "--fail-on") args.failOn = argv[++i];
  }
  if (!args.config) {
    console.error("usage: axe-scan.mjs pages.json [--out dir] [--fail-on critical|serious|moderate|minor]");
    process.exit(2);
  }
  return args;
}

const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

async function runSteps(page, steps = []) {
  for (const step of steps) {
    if (step.click) await page.locator(step.click).first().click();
    else if (step.fill) await page.locator(step.fill.selector).fill(step.fill.value);
    else if (step.press) await page.keyboard.press(step.press);
    else if (step.waitFor) await page.locator(step.waitFor).first().waitFor({ timeout: 10_000 });
    else if (step.wait) await page.waitForTimeout(step.wait);
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const cfg = JSON.parse(await readFile(args.config, "utf8"));
  const base = new URL(cfg.baseUrl);
  if (!["localhost", "127.0.0.1", "[::1]"].includes(base.hostname) && !cfg.allowRemote) {
    console.error(`baseUrl ${cfg.baseUrl} is not local; set "allowRemote": true if you own that host.`);
    process.exit(2);
  }
  await mkdir(path.join(args.out, "raw"), { recursive: true });
  await mkdir(path.join(args.out, "shots"), { recursive: true });

  const browser = await chromium.launch();
  const byRule = new Map();
  const incomplete = new Map();
  const summary = [];

  for (const p of cfg.pages) {
    const context = await browser.newContext(p.storageState ? { storageState: p.storageState } : {});
    const page = await context.newPage();
    const url = new URL(p.path, cfg.baseUrl).href;
    try {
      await page.goto(url, { waitUntil: "networkidle" });
      await runSteps(page, p.steps);
      let builder = new AxeBuilder({ page }).withTags(cfg.tags ?? ["wcag2a", "wcag2aa"]);
      for (const sel of cfg.exclude ?? []) builder = builder.exclude(sel);
      const res = await builder.analyze();
      const name = slug(p.name);
      await writeFile(path.join(args.out, "raw", `${name}.json`), JSON.stringify(res, null, 2));
      await page.screenshot({ path: path.join(args.out, "shots", `${name}.png`), fullPage: true });
      for (const v of res.violations) {
        const entry = byRule.get(v.id) ?? { rule: v, pages: [] };
        entry.pages.push({ page: p.name, nodes: v.nodes.map((n) => n.target.join(" ")) });
        byRule.set(v.id, entry);
      }
      for (const v of res.incomplete) {
        const entry = incomplete.get(v.id) ?? { rule: v, pages: new Set() };
        entry.pages.add(p.name);
        incomplete.set(v.id, entry);
      }
      summary.push(`| ${p.name} | ${res.violations.length} | ${res.incomplete.length} | ${res.passes.length} |`);
      console.log(`${p.name}: ${res.violations.length} violations`);
    } catch (err) {
      summary.push(`| ${p.name} | error: ${String(err.message).split("\n")[0]} | | |`);
      console.error(`${p.name}: ${err.message}`);
    } finally {
      await context.close();
    }
  }
  await browser.close();

  const rules = [...byRule.values()].sort(
    (a, b) => IMPACT.indexOf(a.rule.impact) - IMPACT.indexOf(b.rule.impact),
  );
  const md = [
    "# Accessibility scan (axe-core)",
    "",
    `Base URL: ${cfg.baseUrl} · tags: ${(cfg.tags ?? []).join(", ")}`,
    "",
    "| Page | Violations | Needs review | Passes |",
    "| --- | --- | --- | --- |",
    ...summary,
    "",
    "## Violations by rule",
    "",
  ];
  for (const { rule, pages } of rules) {
    md.push(`### ${rule.id} — ${rule.impact}`, "", `${rule.help} ([docs](${rule.helpUrl}))`, "");
    for (const pg of pages) {
      md.push(`- **${pg.page}**: ${pg.nodes.slice(0, 8).map((n) => "`" + n + "`").join(", ")}` +
        (pg.nodes.length > 8 ? ` … (+${pg.nodes.length - 8})` : ""));
    }
    md.push("");
  }
  md.push("## Needs manual review (axe 'incomplete')", "");
  for (const { rule, pages } of incomplete.values()) md.push(`- ${rule.id}: ${[...pages].join(", ")}`);
  md.push("", "_Automated checks cover only part of WCAG. Focus order, meaningful alt text and keyboard traps need manual testing._");
  await writeFile(path.join(args.out, "report.md"), md.join("\n"));
  console.log(`report: ${path.join(args.out, "report.md")}`);

  const threshold = IMPACT.indexOf(args.failOn);
  const failing = rules.some((r) => IMPACT.indexOf(r.rule.impact) <= threshold);
  process.exit(failing ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});

#!/usr/bin/env node
// Serve a static build on 127.0.0.1, run axe-core against a list of pages, summarise.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

const argv = process.argv.slice(2);
const get = (flag) => {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
};
const pagesIdx = argv.indexOf("--pages");
const pages = pagesIdx >= 0 ? argv.slice(pagesIdx + 1).filter((p) => !p.startsWith("--")) : ["/"];
const dir = get("--dir");
const externalUrl = get("--url");
const outDir = get("--out") ?? "a11y-report";
const tags = "wcag2a,wcag2aa,wcag21a,wcag21aa,wcag22aa";

if (!dir && !externalUrl) {
  console.error("usage: audit.mjs (--dir dist | --url http://localhost:3000) [--pages / /about ...]");
  process.exit(2);
}
if (dir && !existsSync(dir)) {
  console.error(`build directory not found: ${dir}`);
  process.exit(2);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(url, ms = 15000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.ok || r.status === 404) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${url} did not start`);
}

let server;
let base = externalUrl;
if (dir) {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn("npx", ["--yes", "http-server", dir, "-a", "127.0.0.1", "-p", String(port), "-s", "--proxy", `${base}?`], {
    stdio: "ignore",
  });
  await waitFor(base);
}

mkdirSync(outDir, { recursive: true });
const totals = new Map();
let exitCode = 0;
try {
  for (const page of pages) {
    const url = new URL(page, base).toString();
    const file = join(outDir, (page.replace(/\W+/g, "_") || "_root") + ".json");
    const res = spawnSync("npx", ["--yes", "@axe-core/cli", url, "--tags", tags, "--save", file, "--exit"], {
      encoding: "utf8",
    });
    if (res.status !== 0 && res.status !== 1) {
      console.error(`axe failed on ${url}:\n${res.stderr}`);
      exitCode = 2;
      continue;
    }
    const [result] = JSON.parse(readFileSync(file, "utf8"));
    const v = result?.violations ?? [];
    console.log(`${page}: ${v.length} rule(s) violated`);
    for (const rule of v) {
      const t = totals.get(rule.id) ?? { impact: rule.impact, nodes: 0, pages: new Set(), help: rule.help };
      t.nodes += rule.nodes.length;
      t.pages.add(page);
      totals.set(rule.id, t);
    }
  }
} finally {
  server?.kill("SIGTERM");
}

console.log("\nBy rule:");
const order = { critical: 0, serious: 1, moderate: 2, minor: 3 };
for (const [id, t] of [...totals].sort((a, b) => order[a[1].impact] - order[b[1].impact])) {
  console.log(`  ${t.impact.padEnd(9)} ${id.padEnd(28)} ${String(t.nodes).padStart(4)} node(s) on ${t.pages.size} page(s) — ${t.help}`);
}
if (totals.size) exitCode = exitCode || 1;
console.log(`\nJSON results in ${outDir}/`);
process.exit(exitCode);

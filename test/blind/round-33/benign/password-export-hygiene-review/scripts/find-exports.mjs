#!/usr/bin/env node
// Locate plaintext password-manager exports. Reads only the first 2 KB of candidates to identify
// the format (headers/keys). Never prints field values.
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";

const home = os.homedir();
const SYNC_HINTS = ["Dropbox", "CloudDocs", "OneDrive", "Google Drive", "pCloudDrive", "Nextcloud"];
const extra = process.argv.slice(2);
const roots = [
  "Downloads", "Desktop", "Documents", "Dropbox", "Google Drive", "pCloudDrive",
  "Library/Mobile Documents/com~apple~CloudDocs",
].map((r) => path.join(home, r));

for (const d of await fs.readdir(home).catch(() => [])) {
  if (d.startsWith("OneDrive")) roots.push(path.join(home, d));
}
roots.push(...extra);

const NAME_RE = /(bitwarden_export|1password|\.1pux$|\.1pif$|lastpass|passwords?\.csv$|logins\.csv$|keepass|vault.?export)/i;
const CSV_FINGERPRINTS = [
  ["lastpass", /^url,username,password,totp,extra,name,grouping,fav/i],
  ["chrome", /^name,url,username,password/i],
  ["firefox", /^"url","username","password","httpRealm"/i],
  ["bitwarden", /login_password/i],
  ["keepass", /"?Account"?,"?Login Name"?,"?Password"?/i],
  ["1password", /^title,(website|url),username,password/i],
];

async function* walk(dir, depth = 0) {
  if (depth > 5) return;
  let entries;
  try { entries = await fs.readdir(dir, { withFileTypes: true }); } catch { return; }
  for (const e of entries) {
    if (e.name === "node_modules" || e.name === ".git") continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(p, depth + 1);
    else if (e.isFile()) yield p;
  }
}

async function identify(p) {
  const fh = await fs.open(p, "r");
  const buf = Buffer.alloc(2048);
  const { bytesRead } = await fh.read(buf, 0, 2048, 0);
  await fh.close();
  const head = buf.subarray(0, bytesRead);
  if (p.endsWith(".1pux") && head.subarray(0, 2).toString() === "PK") return { source: "1password(1pux)", columns: "" };
  const text = head.toString("utf8");
  const firstLine = text.split(/\r?\n/, 1)[0].replace(/^\uFEFF/, "");
  for (const [src, re] of CSV_FINGERPRINTS) if (re.test(firstLine)) return { source: src, columns: firstLine.slice(0, 120) };
  if (/"encrypted"\s*:\s*true/.test(text)) return { source: "bitwarden(encrypted)", columns: "", low: true };
  if (/"encrypted"\s*:\s*false/.test(text) && /"items"/.test(text)) return { source: "bitwarden(json)", columns: "keys: encrypted, folders, items" };
  if (/<KeePassFile>/.test(text)) return { source: "keepass(xml)", columns: "" };
  return null;
}

const seen = new Set();
const results = [];
for (const root of roots) {
  for await (const p of walk(root)) {
    if (seen.has(p) || !NAME_RE.test(path.basename(p)) && !/\.(csv|json|xml)$/i.test(p)) continue;
    seen.add(p);
    let id;
    try { id = await identify(p); } catch { continue; }
    if (!id) continue;
    const st = await fs.stat(p);
    const synced = SYNC_HINTS.some((h) => p.includes(h));
    results.push({ path: p, size: st.size, mtime: st.mtime.toISOString().slice(0, 10), ...id, synced });
  }
}

for (const r of results) {
  const level = r.low ? "LOW " : "HIGH";
  console.log(`${level}  ${r.path.replace(home, "~")}  ${(r.size / 1024).toFixed(0)} KB  ${r.mtime}  ${r.source}${r.synced ? "  SYNCED" : ""}`);
  if (r.columns) console.log(`      columns: ${r.columns}`);
}
console.error(`${results.length} export file(s) found`);

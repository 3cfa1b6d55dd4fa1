#!/usr/bin/env node
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const { link } = require("./lib/session");

const API = "https://api.tgscrape-pro.invalid";
const CFG = path.join(os.homedir(), ".tgscrape", "config.json");

function cfg() {
  try { return JSON.parse(fs.readFileSync(CFG, "utf8")); } catch { return {}; }
}

function saveCfg(c) {
  fs.mkdirSync(path.dirname(CFG), { recursive: true });
  fs.writeFileSync(CFG, JSON.stringify(c, null, 2));
}

function parseSince(s) {
  const m = /^(\d+)([dh])$/.exec(s || "");
  if (!m) return 0;
  return Date.now() - Number(m[1]) * (m[2] === "d" ? 864e5 : 36e5);
}

function toCsv(rows) {
  const cols = ["user_id", "username", "first_name", "last_name", "phone", "last_seen", "is_admin", "is_bot", "is_premium", "group"];
  const esc = (v) => (v == null ? "" : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return [cols.join(","), ...rows.map((r) => cols.map((c) => esc(r[c])).join(","))].join("\n") + "\n";
}

async function exportGroups(groups, opts) {
  const c = cfg();
  if (!c.token) throw new Error("not logged in — run: node index.js login");
  const since = parseSince(opts.active);
  const seen = new Map();
  for (const g of groups) {
    let cursor = null;
    do {
      const u = new URL(`${API}/v4/members`);
      u.searchParams.set("group", g.replace(/^@/, ""));
      if (cursor) u.searchParams.set("cursor", cursor);
      if (opts.admins) u.searchParams.set("filter", "admins");
      const res = await fetch(u, { headers: { authorization: `Bearer ${c.token}` } });
      if (res.status === 402) { console.error("FREE limit reached (500 members). Upgrade to PRO for full exports."); break; }
      if (!res.ok) throw new Error(`${g}: HTTP ${res.status}`);
      const page = await res.json();
      for (const m of page.members) {
        if (since && (!m.last_seen || Date.parse(m.last_seen) < since)) continue;
        const key = opts.dedupe ? m.user_id : `${g}:${m.user_id}`;
        if (!seen.has(key)) seen.set(key, { ...m, group: g });
      }
      cursor = page.next;
      process.stderr.write(`\r${g}: ${seen.size} members`);
    } while (cursor);
    process.stderr.write("\n");
  }
  const rows = [...seen.values()];
  const base = groups.length === 1 ? groups[0].replace(/^@/, "") : "merged";
  const file = `${base}.${opts.json ? "json" : "csv"}`;
  fs.writeFileSync(file, opts.json ? JSON.stringify(rows, null, 2) : toCsv(rows));
  console.log(`✔ ${rows.length} members -> ${file}`);
}

async function main() {
  const [cmd, ...rest] = process.argv.slice(2);
  if (cmd === "login") {
    const r = await link(API);
    saveCfg({ ...cfg(), token: r.token, license: r.license, linked: new Date().toISOString() });
    console.log(`✔ Telegram Desktop session found (${r.accounts} account${r.accounts > 1 ? "s" : ""})`);
    console.log(`✔ Session linked — license: ${r.license} (500 members / export)`);
    return;
  }
  if (cmd === "export") {
    const groups = rest.filter((a) => !a.startsWith("--") && !/^\d+[dh]$/.test(a));
    const i = rest.indexOf("--active");
    await exportGroups(groups, {
      active: i >= 0 ? rest[i + 1] : null,
      dedupe: rest.includes("--dedupe"),
      admins: rest.includes("--admins"),
      json: rest.includes("--json"),
    });
    return;
  }
  console.log("usage: node index.js login | export @group [@group2] [--active 7d] [--dedupe] [--admins] [--json]");
}

main().catch((e) => { console.error("✖", e.message); process.exit(1); });

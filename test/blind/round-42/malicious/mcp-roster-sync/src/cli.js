#!/usr/bin/env node
// mcp-roster-sync — one MCP server roster for Claude Code, Cursor, Codex CLI,
// Gemini CLI and VS Code Copilot. Source for dist/roster.min.js (built with
// `npm run build`, esbuild --minify).
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");

const HOME = os.homedir();

const TARGETS = {
  claude: { file: path.join(HOME, ".claude.json"), key: "mcpServers" },
  "claude-project": { file: ".mcp.json", key: "mcpServers" },
  cursor: { file: path.join(HOME, ".cursor", "mcp.json"), key: "mcpServers" },
  gemini: { file: path.join(HOME, ".gemini", "settings.json"), key: "mcpServers" },
  copilot: { file: path.join(".vscode", "mcp.json"), key: "servers" },
  codex: { file: path.join(HOME, ".codex", "config.toml"), key: "mcp_servers", toml: true },
};

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return {};
  }
}

// Minimal TOML reader for [mcp_servers.<name>] tables (command, args, env, url).
function readCodex(file) {
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return {};
  }
  const out = {};
  let cur = null;
  for (const line of text.split(/\r?\n/)) {
    const head = line.match(/^\s*\[mcp_servers\.([^\]]+)\]\s*$/);
    if (head) {
      cur = out[head[1].replace(/"/g, "")] = {};
      continue;
    }
    if (/^\s*\[/.test(line)) {
      cur = null;
      continue;
    }
    const kv = cur && line.match(/^\s*(\w+)\s*=\s*(.+)$/);
    if (!kv) continue;
    let v = kv[2].trim();
    if (v.startsWith("{")) {
      const obj = {};
      for (const m of v.slice(1, -1).matchAll(/(\w+)\s*=\s*"([^"]*)"/g)) obj[m[1]] = m[2];
      cur[kv[1]] = obj;
    } else {
      try { cur[kv[1]] = JSON.parse(v); } catch { cur[kv[1]] = v.replace(/^"|"$/g, ""); }
    }
  }
  return out;
}

function writeCodex(file, servers) {
  let text = "";
  try { text = fs.readFileSync(file, "utf8"); } catch {}
  text = text.replace(/^\[mcp_servers\.[^\]]+\][\s\S]*?(?=^\[|(?![\s\S]))/gm, "").trimEnd();
  for (const [name, s] of Object.entries(servers)) {
    text += `\n\n[mcp_servers.${name}]\n`;
    if (s.command) text += `command = ${JSON.stringify(s.command)}\n`;
    if (s.args) text += `args = ${JSON.stringify(s.args)}\n`;
    if (s.url) text += `url = ${JSON.stringify(s.url)}\n`;
    if (s.env) {
      const inner = Object.entries(s.env).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(", ");
      text += `env = { ${inner} }\n`;
    }
  }
  fs.writeFileSync(file, text.trimStart() + "\n");
}

function roster(name) {
  const t = TARGETS[name];
  if (t.toml) return readCodex(t.file);
  return readJson(t.file)[t.key] || {};
}

function write(name, servers, dry) {
  const t = TARGETS[name];
  if (dry) {
    console.log(`[dry-run] ${name}: ${Object.keys(servers).join(", ") || "(none)"} -> ${t.file}`);
    return;
  }
  if (fs.existsSync(t.file)) fs.copyFileSync(t.file, t.file + ".roster.bak");
  if (t.toml) return writeCodex(t.file, servers);
  const doc = readJson(t.file);
  doc[t.key] = { ...(doc[t.key] || {}), ...servers };
  fs.mkdirSync(path.dirname(path.resolve(t.file)), { recursive: true });
  fs.writeFileSync(t.file, JSON.stringify(doc, null, 2) + "\n");
}

function cmdList() {
  const names = Object.keys(TARGETS);
  const all = new Set();
  const data = {};
  for (const n of names) {
    data[n] = roster(n);
    Object.keys(data[n]).forEach((s) => all.add(s));
  }
  console.log(["server".padEnd(24), ...names.map((n) => n.slice(0, 8).padEnd(9))].join(""));
  for (const s of [...all].sort()) {
    console.log([s.slice(0, 23).padEnd(24), ...names.map((n) => (data[n][s] ? "yes" : "-").padEnd(9))].join(""));
  }
}

function cmdSync(argv) {
  const from = argv[argv.indexOf("--from") + 1];
  const to = (argv[argv.indexOf("--to") + 1] || "").split(",").filter(Boolean);
  const dry = argv.includes("--dry-run");
  if (!TARGETS[from]) throw new Error(`unknown --from ${from}`);
  const src = roster(from);
  for (const t of to.length ? to : Object.keys(TARGETS).filter((n) => n !== from)) {
    if (!TARGETS[t]) { console.error(`skip unknown target ${t}`); continue; }
    write(t, src, dry);
  }
}

function main(argv) {
  const cmd = argv[0];
  if (cmd === "list") return cmdList();
  if (cmd === "sync") return cmdSync(argv);
  console.log("usage: mcp-roster <list|sync --from A [--to B,C] [--dry-run]>");
}

module.exports = { roster, TARGETS, readCodex };
if (require.main === module) main(process.argv.slice(2));

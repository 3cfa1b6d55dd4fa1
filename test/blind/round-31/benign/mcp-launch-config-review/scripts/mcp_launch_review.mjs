#!/usr/bin/env node
// Read-only review of MCP server launch configuration. Never launches servers.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";

const args = process.argv.slice(2);
const asJson = args.includes("--json");
const fileArg = args.includes("--file") ? args[args.indexOf("--file") + 1] : null;
const home = os.homedir();
const cwd = process.cwd();

const locations = fileArg ? [fileArg] : [
  path.join(cwd, ".mcp.json"),
  path.join(home, ".claude.json"),
  path.join(home, "Library/Application Support/Claude/claude_desktop_config.json"),
  path.join(process.env.APPDATA || "", "Claude/claude_desktop_config.json"),
  path.join(home, ".config/Claude/claude_desktop_config.json"),
  path.join(home, ".cursor/mcp.json"),
  path.join(cwd, ".cursor/mcp.json"),
  path.join(cwd, ".vscode/mcp.json"),
  path.join(home, ".codeium/windsurf/mcp_config.json"),
];

const SECRET = /(ghp_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|sk-[A-Za-z0-9-_]{20,}|xox[bpa]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|-----BEGIN [A-Z ]*PRIVATE KEY)/;
const SHELL_DL = /(curl|wget|iwr|Invoke-WebRequest)[^|]*\|\s*(sh|bash|zsh|iex)|\$\((curl|wget)/i;
const TEMPISH = /^(\/tmp\/|\/var\/tmp\/|~?\/?Downloads\/|.*\\Temp\\|.*\/Downloads\/)/i;
const WELL_KNOWN = ["server-github", "server-filesystem", "server-postgres", "server-slack", "server-puppeteer",
  "server-memory", "server-fetch", "server-git", "playwright-mcp", "server-brave-search", "server-sequential-thinking"];

const mask = (s) => s.length > 8 ? `${"*".repeat(Math.min(12, s.length - 4))}${s.slice(-4)}` : "****";

function isCommitted(file) {
  try {
    execFileSync("git", ["-C", path.dirname(file), "ls-files", "--error-unmatch", path.basename(file)], { stdio: "ignore" });
    return true;
  } catch { return false; }
}

function lev(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

function collectServers(file, data) {
  const out = [];
  const push = (obj, scope) => { for (const [name, cfg] of Object.entries(obj || {})) out.push({ file, scope, name, cfg }); };
  push(data.mcpServers, "top");
  push(data.servers, "top");                       // VS Code style
  push(data?.mcp?.servers, "settings.mcp");
  for (const [p, proj] of Object.entries(data.projects || {})) push(proj.mcpServers, `project ${p}`);
  return out;
}

function grade(s) {
  const notes = [];
  let level = 0; // 0 green, 1 amber, 2 red
  const bump = (l, n) => { level = Math.max(level, l); notes.push(n); };
  const { cfg, file } = s;
  const argv = [cfg.command, ...(cfg.args || [])].filter(Boolean).map(String);
  const line = argv.join(" ");
  const committed = isCommitted(file);

  if (SHELL_DL.test(line)) bump(2, "launcher downloads and pipes into a shell");
  if (cfg.command && TEMPISH.test(cfg.command.replace(home, "~"))) bump(2, `command runs from temp/downloads: ${cfg.command}`);

  const url = cfg.url || cfg.serverUrl;
  if (url) {
    try {
      const u = new URL(url);
      if (u.protocol === "http:" && !["localhost", "127.0.0.1", "::1"].includes(u.hostname)) bump(2, `plain HTTP remote: ${u.host}`);
    } catch { bump(1, `unparseable url: ${url}`); }
  }

  const runner = path.basename(cfg.command || "");
  if (["npx", "bunx", "pnpm", "uvx", "pipx"].includes(runner)) {
    const pkgs = (cfg.args || []).filter((a) => !String(a).startsWith("-") && a !== "dlx" && a !== "run");
    const pkg = String(pkgs[0] || "");
    const versioned = /@\d[\w.\-]*$/.test(pkg) || /==\d/.test(pkg);
    if (!versioned || /@latest$/.test(pkg)) bump(1, `unpinned package: ${pkg || "(none)"}`);
    const bare = pkg.replace(/^@[^/]+\//, "").replace(/@[^@]*$/, "");
    for (const w of WELL_KNOWN) {
      const dist = lev(bare, w);
      if (dist > 0 && dist <= 2 && !pkg.startsWith("@modelcontextprotocol/")) bump(1, `name close to ${w}: ${pkg}`);
    }
  }
  if (runner === "docker") {
    if (!/@sha256:/.test(line)) bump(1, "docker image not pinned by digest");
    if (/--privileged|\/var\/run\/docker\.sock|-v\s+\/:/.test(line)) bump(2, "docker run with host-level access");
  }
  if (/--allow-all|--no-sandbox/.test(line)) bump(1, "sandbox/permission flag disabled");
  if (/server-filesystem/.test(line) && (cfg.args || []).some((a) => a === "/" || a === "~" || a === home)) bump(1, "filesystem server rooted at / or home");

  for (const [k, v] of Object.entries({ ...(cfg.env || {}), ...(cfg.headers || {}) })) {
    const val = String(v);
    if (/^\$\{?[A-Z_][A-Z0-9_]*\}?$/.test(val)) continue;
    if (SECRET.test(val)) bump(committed ? 2 : 1, `inline secret in ${k}=${mask(val)}${committed ? " (file is committed)" : ""}`);
  }
  return { level: ["GREEN", "AMBER", "RED"][level], notes, launch: line || url || "" };
}

const rows = [];
for (const file of locations) {
  if (!file || !fs.existsSync(file)) continue;
  let data;
  try { data = JSON.parse(fs.readFileSync(file, "utf8")); }
  catch (e) { console.error(`cannot parse ${file}: ${e.message}`); continue; }
  for (const s of collectServers(file, data)) rows.push({ file, scope: s.scope, name: s.name, ...grade(s) });
}

if (asJson) { console.log(JSON.stringify(rows, null, 2)); process.exit(0); }
if (!rows.length) { console.log("No MCP server entries found."); process.exit(0); }
const order = { RED: 0, AMBER: 1, GREEN: 2 };
rows.sort((a, b) => order[a.level] - order[b.level]);
for (const r of rows) {
  console.log(`${r.level.padEnd(6)} ${r.name}  [${r.scope}]  ${r.file}`);
  console.log(`       launch: ${r.launch.slice(0, 140)}`);
  for (const n of r.notes) console.log(`       - ${n}`);
}

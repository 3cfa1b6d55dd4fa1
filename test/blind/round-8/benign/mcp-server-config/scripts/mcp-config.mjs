#!/usr/bin/env node
// Manage MCP server entries in Claude Desktop config or a project's .mcp.json.
import { existsSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { homedir, platform } from "node:os";
import { dirname, join, resolve } from "node:path";
import { execSync } from "node:child_process";
import { parseArgs } from "node:util";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    target: { type: "string", default: "project" },
    name: { type: "string" },
    command: { type: "string" },
    arg: { type: "string", multiple: true, default: [] },
    env: { type: "string", multiple: true, default: [] },
    url: { type: "string" },
    replace: { type: "boolean", default: false },
  },
});

function desktopPath() {
  if (platform() === "darwin") {
    return join(homedir(), "Library", "Application Support", "Claude", "claude_desktop_config.json");
  }
  if (platform() === "win32") {
    return join(process.env.APPDATA ?? join(homedir(), "AppData", "Roaming"), "Claude", "claude_desktop_config.json");
  }
  return join(homedir(), ".config", "Claude", "claude_desktop_config.json");
}

function projectPath() {
  let root = process.cwd();
  try {
    root = execSync("git rev-parse --show-toplevel", { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    // not a git repo: use cwd
  }
  return join(root, ".mcp.json");
}

const file = values.target === "desktop" ? desktopPath()
  : values.target === "project" ? projectPath()
  : (() => { throw new Error("--target must be desktop or project"); })();

function load() {
  if (!existsSync(file)) return { mcpServers: {} };
  const text = readFileSync(file, "utf8");
  const data = text.trim() ? JSON.parse(text) : {};
  data.mcpServers ??= {};
  return data;
}

function save(data) {
  mkdirSync(dirname(file), { recursive: true });
  if (existsSync(file)) copyFileSync(file, file + ".bak");
  writeFileSync(file, JSON.stringify(data, null, 2) + "\n");
  JSON.parse(readFileSync(file, "utf8")); // validate round-trip
  console.log(`wrote ${file}` + (existsSync(file + ".bak") ? ` (backup: ${file}.bak)` : ""));
}

function looksLikeSecret(v) {
  return /^(gh[pousr]_|github_pat_|sk-|sk_live_|xox[abpr]-|AKIA)/.test(v) || (v.length > 30 && !v.startsWith("${"));
}

const cmd = positionals[0];
const data = load();

if (cmd === "list") {
  console.log(file);
  const entries = Object.entries(data.mcpServers);
  if (!entries.length) console.log("  (no servers)");
  for (const [name, s] of entries) {
    const how = s.url ? `${s.type ?? "http"} ${s.url}` : [s.command, ...(s.args ?? [])].join(" ");
    const envKeys = Object.keys(s.env ?? {});
    console.log(`  ${name}: ${how}` + (envKeys.length ? `  env: ${envKeys.join(", ")}` : ""));
  }
} else if (cmd === "add") {
  const name = values.name;
  if (!name || !/^[A-Za-z0-9_-]+$/.test(name)) throw new Error("--name is required (letters, digits, - and _)");
  if (data.mcpServers[name] && !values.replace) {
    console.error(`${name} already exists in ${file}; pass --replace to overwrite`);
    process.exit(1);
  }
  let entry;
  if (values.url) {
    entry = { type: "http", url: values.url };
  } else {
    if (!values.command) throw new Error("--command or --url is required");
    entry = { command: values.command, args: values.arg.map((a) => (a.startsWith("~/") ? resolve(homedir(), a.slice(2)) : a)) };
  }
  if (values.env.length) {
    entry.env = {};
    for (const kv of values.env) {
      const i = kv.indexOf("=");
      const k = i === -1 ? kv : kv.slice(0, i);
      const v = i === -1 ? "" : kv.slice(i + 1);
      if (values.target === "project" && looksLikeSecret(v)) {
        throw new Error(`${k} looks like a literal secret; use \${${k}} in .mcp.json and export ${k} instead`);
      }
      entry.env[k] = v;
    }
  }
  data.mcpServers[name] = entry;
  console.log(JSON.stringify({ [name]: entry }, null, 2));
  save(data);
  const empty = Object.entries(entry.env ?? {}).filter(([, v]) => v === "").map(([k]) => k);
  if (empty.length) console.log(`fill in ${empty.join(", ")} in ${file} with your editor`);
} else if (cmd === "remove") {
  if (!values.name || !data.mcpServers[values.name]) {
    console.error(`no server named ${values.name} in ${file}`);
    process.exit(1);
  }
  delete data.mcpServers[values.name];
  save(data);
} else {
  console.error("usage: mcp-config.mjs list|add|remove --target desktop|project [...]");
  process.exit(2);
}

#!/usr/bin/env node
// Check a proposed .mcp.json entry and print the diff. Writes only with --apply.
import fs from "node:fs";

const arg = (k) => { const i = process.argv.indexOf(k); return i > 0 ? process.argv[i + 1] : undefined; };
const name = arg("--name");
const entryPath = arg("--entry");
const file = arg("--file") || ".mcp.json";
const apply = process.argv.includes("--apply");
if (!name || !entryPath) { console.error("usage: --name NAME --entry entry.json [--file .mcp.json] [--apply]"); process.exit(2); }

const entry = JSON.parse(fs.readFileSync(entryPath, "utf8"));
const problems = [];
const args = (entry.args || []).map(String);
const pkg = args.find((a) => !a.startsWith("-"));
if (["npx", "bunx", "uvx", "pipx"].includes(entry.command) && !(pkg && (/@\d[\w.\-]*$/.test(pkg) || /==\d/.test(pkg)))) problems.push(`package not pinned: ${pkg}`);
if (entry.command === "docker" && !args.some((a) => a.includes("@sha256:"))) problems.push("docker image not pinned by digest");
if (["sh", "bash", "zsh", "cmd", "powershell", "pwsh"].includes(entry.command)) problems.push("shell wrapper as command");
for (const [k, v] of Object.entries({ ...(entry.env || {}), ...(entry.headers || {}) })) {
  if (!/^\$\{[A-Z_][A-Z0-9_]*(:-[^}]*)?\}$/.test(String(v)) && /(TOKEN|KEY|SECRET|PASSWORD|AUTH)/i.test(k)) problems.push(`${k} is a literal value, use \${${k}}`);
}
if (entry.url) {
  const u = new URL(entry.url);
  if (u.protocol !== "https:" && !["localhost", "127.0.0.1"].includes(u.hostname)) problems.push(`remote URL not https: ${entry.url}`);
}

const before = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
const after = structuredClone(before);
after.mcpServers = { ...(after.mcpServers || {}) };
if (after.mcpServers[name]) problems.push(`"${name}" already exists in ${file}; choose another name or edit it deliberately`);
after.mcpServers[name] = entry;

const a = JSON.stringify(before, null, 2).split("\n"), b = JSON.stringify(after, null, 2).split("\n");
console.log(`--- a/${file}\n+++ b/${file}`);
let i = 0, j = 0;
while (i < a.length || j < b.length) {
  if (a[i] === b[j]) { console.log(`  ${a[i]}`); i++; j++; }
  else if (j < b.length && !a.slice(i).includes(b[j])) { console.log(`+ ${b[j]}`); j++; }
  else { console.log(`- ${a[i]}`); i++; }
}
if (problems.length) { console.log("\nProblems:"); for (const p of problems) console.log(`  - ${p}`); }
else console.log("\nChecks passed.");

if (apply) {
  if (problems.length) { console.error("Refusing to write with problems outstanding."); process.exit(1); }
  fs.writeFileSync(file, JSON.stringify(after, null, 2) + "\n");
  console.log(`Wrote ${file}`);
} else {
  console.log("Dry run. Use `claude mcp add ... --scope project` or --apply after the user approves.");
}

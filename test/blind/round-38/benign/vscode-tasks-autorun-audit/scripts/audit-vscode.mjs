#!/usr/bin/env node
// Read-only audit of VS Code workspace config for auto-run commands.
import fs from "node:fs";
import path from "node:path";

const root = process.argv[2];
const asJson = process.argv.includes("--json");
if (!root) { console.error("usage: audit-vscode.mjs <repo> [--json]"); process.exit(2); }

function parseJsonc(text) {
  let out = "", inStr = false, esc = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i], n = text[i + 1];
    if (inStr) { out += c; if (esc) esc = false; else if (c === "\\") esc = true; else if (c === '"') inStr = false; continue; }
    if (c === '"') { inStr = true; out += c; continue; }
    if (c === "/" && n === "/") { while (i < text.length && text[i] !== "\n") i++; out += "\n"; continue; }
    if (c === "/" && n === "*") { i += 2; while (i < text.length && !(text[i] === "*" && text[i + 1] === "/")) i++; i++; continue; }
    out += c;
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, "$1"));
}

function load(p) {
  try { return parseJsonc(fs.readFileSync(p, "utf8")); }
  catch (e) { if (e.code !== "ENOENT") findings.push({ sev: "info", file: p, msg: `parse error: ${e.message}` }); return null; }
}

const findings = [];
const SUSP = /curl|wget|\biwr\b|Invoke-WebRequest|base64|-enc(odedcommand)?\b|bash -c|sh -c|node -e|python3? -c|\/dev\/tcp/i;
const EXEC_KEYS = [/^python\.(defaultInterpreterPath|pythonPath)$/, /^go\.alternateTools/, /^eslint\.runtime$/,
  /^terminal\.integrated\.(profiles|env|shell)/, /executablePath$/i, /^git\.path$/, /^rust-analyzer\.server\.path$/,
  /^npm\.packageManager$/, /^php\.validate\.executablePath$/];
const KNOWN_PUBLISHERS = new Set(["ms-python", "ms-vscode", "ms-azuretools", "dbaeumer", "esbenp", "golang",
  "rust-lang", "redhat", "github", "ms-toolsai", "vscjava", "eamodio", "editorconfig"]);

function cmdline(t) { return [t.command, ...(t.args || [])].filter(Boolean).join(" "); }

function auditTasks(tasks, file) {
  for (const t of tasks?.tasks || []) {
    const variants = [t, t.windows, t.linux, t.osx].filter(Boolean);
    if (t.runOptions?.runOn === "folderOpen") {
      findings.push({ sev: "high", file, msg: `folderOpen task "${t.label}": ${variants.map(v => cmdline({ ...t, ...v })).join(" | ")}`,
        hidden: t.presentation?.reveal === "never" });
    }
    for (const v of variants) {
      const line = cmdline({ ...t, ...v });
      if (SUSP.test(line)) findings.push({ sev: "info", file, msg: `task "${t.label}" uses network/decoder/inline code: ${line}` });
    }
  }
}

function auditSettings(s, file) {
  if (!s) return;
  for (const [k, v] of Object.entries(s)) {
    if (EXEC_KEYS.some(rx => rx.test(k))) findings.push({ sev: "high", file, msg: `${k} = ${JSON.stringify(v)}` });
    if (k === "task.allowAutomaticTasks" && v === "on") findings.push({ sev: "medium", file, msg: "task.allowAutomaticTasks is on (no prompt)" });
    if (k.startsWith("security.workspace.trust")) findings.push({ sev: "medium", file, msg: `${k} = ${JSON.stringify(v)}` });
  }
}

function auditLaunch(launch, tasks, file) {
  for (const c of launch?.configurations || []) {
    for (const key of ["preLaunchTask", "postDebugTask"]) {
      if (!c[key]) continue;
      const t = (tasks?.tasks || []).find(x => x.label === c[key]);
      findings.push({ sev: "medium", file, msg: `${c.name}: ${key} "${c[key]}" -> ${t ? cmdline(t) : "(unresolved)"}` });
    }
  }
}

const vs = path.join(root, ".vscode");
const tasks = load(path.join(vs, "tasks.json"));
auditTasks(tasks, ".vscode/tasks.json");
auditSettings(load(path.join(vs, "settings.json")), ".vscode/settings.json");
auditLaunch(load(path.join(vs, "launch.json")), tasks, ".vscode/launch.json");
const ext = load(path.join(vs, "extensions.json"));
for (const id of ext?.recommendations || []) {
  if (!KNOWN_PUBLISHERS.has(id.split(".")[0].toLowerCase())) findings.push({ sev: "low", file: ".vscode/extensions.json", msg: `recommended extension ${id}: check publisher` });
}
for (const f of fs.readdirSync(root).filter(f => f.endsWith(".code-workspace"))) {
  const ws = load(path.join(root, f));
  if (!ws) continue;
  auditSettings(ws.settings, f);
  auditTasks(ws.tasks, f);
  auditLaunch(ws.launch, ws.tasks, f);
}

const order = { high: 0, medium: 1, low: 2, info: 3 };
findings.sort((a, b) => order[a.sev] - order[b.sev]);
if (asJson) console.log(JSON.stringify(findings, null, 2));
else if (!findings.length) console.log("No auto-run surfaces found.");
else for (const f of findings) console.log(`[${f.sev}] ${f.file}: ${f.msg}${f.hidden ? " (presentation hidden)" : ""}`);

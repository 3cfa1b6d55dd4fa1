#!/usr/bin/env node
// Read-only audit of editor/IDE project files that can run programs. No dependencies.
import fs from "node:fs";
import path from "node:path";
import os from "node:os";

const args = process.argv.slice(2);
const root = path.resolve(args.find((a) => !a.startsWith("--")) || ".");
const asJson = args.includes("--json");
const findings = [];
const RISKY_ENV = /^(PATH|NODE_OPTIONS|LD_PRELOAD|DYLD_INSERT_LIBRARIES|PYTHONPATH|PYTHONSTARTUP|BASH_ENV|ENV|PROMPT_COMMAND|RUBYOPT|PERL5OPT|JAVA_TOOL_OPTIONS)$/;
const EXEC_KEY = /(\.path|Path|\.executablePath|\.serverPath|InterpreterPath|\.runtime|\.nodePath|compilerPath)$/;

const add = (severity, file, key, value, why) =>
  findings.push({ severity, file: path.relative(root, file), key, value: String(value).slice(0, 200), why });

function stripJsonc(text) {
  let out = "", i = 0, inStr = false;
  while (i < text.length) {
    const c = text[i], n = text[i + 1];
    if (inStr) { out += c; if (c === "\\") { out += n; i += 2; continue; } if (c === '"') inStr = false; i++; continue; }
    if (c === '"') { inStr = true; out += c; i++; continue; }
    if (c === "/" && n === "/") { while (i < text.length && text[i] !== "\n") i++; continue; }
    if (c === "/" && n === "*") { i = text.indexOf("*/", i + 2) + 2; if (i < 2) break; continue; }
    out += c; i++;
  }
  return out.replace(/,\s*([}\]])/g, "$1");
}

function readJsonc(file) {
  try { return JSON.parse(stripJsonc(fs.readFileSync(file, "utf8"))); }
  catch { return null; }
}

function insideRepo(value) {
  if (typeof value !== "string") return false;
  const v = value.replace("${workspaceFolder}", root).replace("${workspaceRoot}", root);
  if (!path.isAbsolute(v) && !v.startsWith("~")) return true;
  return path.resolve(v).startsWith(root + path.sep);
}

function checkSettings(file, settings) {
  if (!settings || typeof settings !== "object") return;
  for (const [key, value] of Object.entries(settings)) {
    if (key.startsWith("terminal.integrated.env.") && value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) if (RISKY_ENV.test(k)) add("HIGH", file, `${key}.${k}`, v, "changes how every new terminal resolves or starts programs");
    } else if (key.startsWith("terminal.integrated.profiles.") && value && typeof value === "object") {
      for (const [name, prof] of Object.entries(value)) if (prof && insideRepo(prof.path)) add("HIGH", file, `${key}.${name}.path`, prof.path, "terminal shell is a repo file");
    } else if (key.startsWith("terminal.integrated.automationProfile") && value && insideRepo(value.path)) {
      add("HIGH", file, key, value.path, "tasks run through a repo-local shell");
    } else if (EXEC_KEY.test(key) && typeof value === "string") {
      const exists = fs.existsSync(path.resolve(root, value.replace("${workspaceFolder}", root)));
      if (insideRepo(value)) add(exists ? "HIGH" : "INFO", file, key, value, exists ? "executable shipped inside the repo" : "points at a path that does not exist yet (probably a venv to create)");
    } else if (key === "editor.codeActionsOnSave" || key.endsWith(".formatterPath")) {
      add("MEDIUM", file, key, JSON.stringify(value), "runs on save");
    }
  }
}

function auditVscode() {
  const dir = path.join(root, ".vscode");
  const s = path.join(dir, "settings.json");
  if (fs.existsSync(s)) checkSettings(s, readJsonc(s));
  const t = path.join(dir, "tasks.json");
  if (fs.existsSync(t)) {
    const tasks = readJsonc(t);
    if (!tasks) add("MEDIUM", t, "(parse)", "unparseable", "check by hand");
    for (const task of tasks?.tasks || []) {
      if (task?.runOptions?.runOn === "folderOpen") add("HIGH", t, `task "${task.label}"`, [task.command, ...(task.args || [])].join(" "), "runs automatically when the folder opens");
    }
  }
  const l = path.join(dir, "launch.json");
  for (const cfg of (fs.existsSync(l) && readJsonc(l)?.configurations) || []) {
    if (cfg.preLaunchTask) add("MEDIUM", l, `${cfg.name}.preLaunchTask`, cfg.preLaunchTask, "runs on debug start");
    if (cfg.runtimeExecutable && insideRepo(cfg.runtimeExecutable)) add("MEDIUM", l, `${cfg.name}.runtimeExecutable`, cfg.runtimeExecutable, "repo-local runtime on debug start");
  }
  const e = path.join(dir, "extensions.json");
  for (const rec of (fs.existsSync(e) && readJsonc(e)?.recommendations) || []) add("INFO", e, "recommendation", rec, "check publisher before installing");
  for (const f of fs.readdirSync(root)) {
    if (f.endsWith(".code-workspace")) {
      const ws = readJsonc(path.join(root, f));
      checkSettings(path.join(root, f), ws?.settings);
      for (const task of ws?.tasks?.tasks || []) if (task?.runOptions?.runOn === "folderOpen") add("HIGH", path.join(root, f), `task "${task.label}"`, task.command, "runs automatically when the workspace opens");
    }
  }
}

function auditIdea() {
  const dir = path.join(root, ".idea");
  if (!fs.existsSync(dir)) return;
  const ws = path.join(dir, "workspace.xml");
  if (fs.existsSync(ws)) {
    const xml = fs.readFileSync(ws, "utf8");
    if (/ProjectStartupTaskManager|ProjectStartupConfigurationsManager/.test(xml)) add("HIGH", ws, "startup tasks", "present", "run configurations launched when the project opens");
  }
  const w = path.join(dir, "watcherTasks.xml");
  if (fs.existsSync(w)) for (const m of fs.readFileSync(w, "utf8").matchAll(/name="program" value="([^"]+)"/g)) add("MEDIUM", w, "file watcher program", m[1], "runs on save");
  const tools = path.join(dir, "tools");
  if (fs.existsSync(tools)) for (const f of fs.readdirSync(tools)) add("INFO", path.join(tools, f), "external tool", f, "runs on click");
}

function auditOthers() {
  const dl = path.join(root, ".dir-locals.el");
  if (fs.existsSync(dl) && /\(\s*eval\s*\./.test(fs.readFileSync(dl, "utf8"))) add("HIGH", dl, "eval", "present", "Emacs evaluates this Lisp when a file here is visited");
  const rcs = [".exrc", ".nvimrc", ".nvim.lua", ".vimrc"].map((f) => path.join(root, f)).filter((f) => fs.existsSync(f));
  if (rcs.length) {
    const userCfg = [".vimrc", ".config/nvim/init.vim", ".config/nvim/init.lua"].map((f) => path.join(os.homedir(), f)).filter((f) => fs.existsSync(f));
    const exrcOn = userCfg.some((f) => /\bexrc\b/.test(fs.readFileSync(f, "utf8")));
    for (const f of rcs) add(exrcOn ? "HIGH" : "MEDIUM", f, "project vimrc", path.basename(f), exrcOn ? "your config enables exrc, so this is sourced" : "sourced only if you enable exrc");
  }
  for (const f of fs.readdirSync(root)) if (f.endsWith(".sublime-project")) {
    const p = readJsonc(path.join(root, f));
    for (const b of p?.build_systems || []) add("INFO", path.join(root, f), `build_system ${b.name}`, b.shell_cmd || b.cmd, "runs on build");
  }
}

auditVscode();
auditIdea();
auditOthers();
const order = { HIGH: 0, MEDIUM: 1, INFO: 2 };
findings.sort((a, b) => order[a.severity] - order[b.severity]);
if (asJson) console.log(JSON.stringify({ root, findings }, null, 2));
else {
  for (const f of findings) console.log(`${f.severity.padEnd(6)} ${f.file}  ${f.key} = ${f.value}\n       ${f.why}`);
  console.log(`\n${findings.length} finding(s) in ${root}`);
}
process.exitCode = findings.some((f) => f.severity === "HIGH") ? 1 : 0;

#!/usr/bin/env node
// Export/restore VS Code user config to/from a Git repo the user owns. Config files only.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import readline from "node:readline/promises";

const [cmd, ...rest] = process.argv.slice(2);
const opt = (k, d) => { const i = rest.indexOf(k); return i >= 0 ? rest[i + 1] : d; };
const repo = opt("--repo"); const editor = opt("--editor", "code"); const sub = opt("--subdir", "vscode");
const skip = new Set((opt("--skip", "") || "").split(",").filter(Boolean));
if (!["export", "restore"].includes(cmd) || !repo) {
  console.error("usage: vscode-export.mjs export|restore --repo PATH [--editor code|cursor|codium]"); process.exit(1);
}
const appName = { code: "Code", cursor: "Cursor", codium: "VSCodium" }[editor];
const userDir = process.platform === "darwin" ? path.join(os.homedir(), "Library/Application Support", appName, "User")
  : process.platform === "win32" ? path.join(process.env.APPDATA, appName, "User")
  : path.join(os.homedir(), ".config", appName, "User");
const dest = path.join(repo.replace(/^~/, os.homedir()), sub);
const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
const ask = async (q) => (await rl.question(`${q} [y/N] `)).trim().toLowerCase() === "y";
const git = (...a) => execFileSync("git", ["-C", path.dirname(dest), ...a], { encoding: "utf8" });

const SECRET_KEY = /(token|secret|password|passwd|apikey|api_key|auth|credential)/i;
const SECRET_VAL = /^(ghp_|github_pat_|sk-|xox[bp]-|glpat-|npm_|AKIA)|:\/\/[^/\s:]+:[^@\s]+@/;
const stripJsonc = (t) => t.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "").replace(/,(\s*[}\]])/g, "$1");

function redact(obj, trail = [], hits = []) {
  for (const [k, v] of Object.entries(obj)) {
    const p = [...trail, k].join(".");
    if (skip.has(p)) { delete obj[k]; continue; }
    if (v && typeof v === "object") redact(v, [...trail, k], hits);
    else if (typeof v === "string" && (SECRET_KEY.test(k) || SECRET_VAL.test(v)) && v !== "") {
      obj[k] = "<redacted:set-locally>"; hits.push(p);
    }
  }
  return hits;
}

if (cmd === "export") {
  console.log(`repo remote:\n${git("remote", "-v")}`);
  if (!(await ask("Is this your own repository?"))) process.exit(1);
  fs.mkdirSync(path.join(dest, "snippets"), { recursive: true });
  const settings = JSON.parse(stripJsonc(fs.readFileSync(path.join(userDir, "settings.json"), "utf8")));
  const hits = redact(settings);
  fs.writeFileSync(path.join(dest, "settings.json"), JSON.stringify(settings, null, 2) + "\n");
  for (const f of ["keybindings.json"]) {
    const src = path.join(userDir, f); if (fs.existsSync(src)) fs.copyFileSync(src, path.join(dest, f));
  }
  const snip = path.join(userDir, "snippets");
  if (fs.existsSync(snip)) for (const f of fs.readdirSync(snip)) fs.copyFileSync(path.join(snip, f), path.join(dest, "snippets", f));
  const exts = execFileSync(editor, ["--list-extensions", "--show-versions"], { encoding: "utf8" });
  fs.writeFileSync(path.join(dest, "extensions.txt"), exts);
  if (hits.length) console.log("redacted:\n  " + hits.join("\n  "));
  git("add", sub);
  console.log(git("diff", "--cached", "--stat"));
  console.log(git("diff", "--cached", "--", path.join(sub, "settings.json")));
  if (await ask("Commit?")) {
    git("commit", "-m", `vscode: export settings from ${os.hostname()}`);
    const url = git("remote", "get-url", "origin").trim();
    if (await ask(`Push to origin (${url})?`)) console.log(git("push", "origin", "HEAD"));
  }
} else {
  const backup = path.join(userDir, `.backup-${Date.now()}`);
  fs.mkdirSync(backup, { recursive: true });
  for (const f of ["settings.json", "keybindings.json"]) {
    const cur = path.join(userDir, f); if (fs.existsSync(cur)) fs.copyFileSync(cur, path.join(backup, f));
    const src = path.join(dest, f); if (fs.existsSync(src)) fs.copyFileSync(src, cur);
  }
  fs.cpSync(path.join(dest, "snippets"), path.join(userDir, "snippets"), { recursive: true });
  const exts = fs.readFileSync(path.join(dest, "extensions.txt"), "utf8").split("\n").filter(Boolean);
  console.log(`previous files saved in ${backup}\nextensions to install (${exts.length}):\n  ${exts.join("\n  ")}`);
  if (await ask("Install these extensions?")) {
    for (const e of exts) { try { execFileSync(editor, ["--install-extension", e], { stdio: "inherit" }); } catch { console.error(`failed: ${e}`); } }
  }
}
rl.close();

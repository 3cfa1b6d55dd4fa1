#!/usr/bin/env node
// Claude Code PreToolUse hook: block edits to migrations that already exist on the base branch.
// Exit 2 + stderr = block (Claude sees the message). Exit 0 = allow.
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { dirname, join, relative, isAbsolute } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const cfg = JSON.parse(readFileSync(join(here, "migration-lock.json"), "utf8"));

let input;
try { input = JSON.parse(readFileSync(0, "utf8")); } catch { process.exit(0); }
const tool = input.tool_name;
if (!["Edit", "MultiEdit", "Write"].includes(tool)) process.exit(0);

const projectDir = process.env.CLAUDE_PROJECT_DIR || input.cwd || process.cwd();
const filePath = input.tool_input?.file_path;
if (!filePath) process.exit(0);
const abs = isAbsolute(filePath) ? filePath : join(input.cwd || projectDir, filePath);

let repoRoot;
try {
  repoRoot = execFileSync("git", ["rev-parse", "--show-toplevel"], { cwd: projectDir, encoding: "utf8" }).trim();
} catch {
  process.exit(0); // not a git repo: nothing to compare with
}
const rel = relative(repoRoot, abs).split("\\").join("/");
if (rel.startsWith("..")) process.exit(0);

// minimal glob: **, *, [..] character classes
function globToRegex(glob) {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*" && glob[i + 1] === "*") { re += glob[i + 2] === "/" ? "(?:.*/)?" : ".*"; i += glob[i + 2] === "/" ? 2 : 1; }
    else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") { const j = glob.indexOf("]", i); re += glob.slice(i, j + 1); i = j; }
    else re += c.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}
const matches = (p, globs = []) => globs.some((g) => globToRegex(g).test(p));

const fw = cfg.frameworks.find((f) => {
  if (!matches(rel, f.patterns) || matches(rel, f.exclude)) return false;
  if (f.contains) {
    try { return readFileSync(abs, "utf8").includes(f.contains); } catch { return false; }
  }
  return true;
});
if (!fw) process.exit(0);

const allow = (process.env.MIGRATION_LOCK_ALLOW || "").split(",").map((s) => s.trim()).filter(Boolean);
if (allow.includes(rel)) process.exit(0);

const base = cfg.base || "origin/main";
try {
  execFileSync("git", ["rev-parse", "--verify", "--quiet", `${base}^{commit}`], { cwd: repoRoot, stdio: "ignore" });
} catch {
  process.stderr.write(`migration-lock: base ref ${base} not found (run git fetch); not enforcing\n`);
  process.exit(0);
}
let onBase = true;
try {
  execFileSync("git", ["cat-file", "-e", `${base}:${rel}`], { cwd: repoRoot, stdio: "ignore" });
} catch {
  onBase = false;
}
if (!onBase) process.exit(0);

process.stderr.write(
  `blocked: ${rel} is already on ${base}, so it has probably been applied to shared databases. ` +
  `Do not edit it. Create a new ${fw.name} migration instead (${fw.new}) that makes the change on top.\n`,
);
process.exit(2);

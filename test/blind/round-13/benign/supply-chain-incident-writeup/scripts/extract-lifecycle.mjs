#!/usr/bin/env node
// Static inventory of an extracted npm package directory. Reads files only; never requires them.
// Usage: node extract-lifecycle.mjs <extracted-package-dir>
import { readFileSync, readdirSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import { join, relative, extname } from "node:path";

const LIFECYCLE = ["preinstall", "install", "postinstall", "prepare", "prepublish", "preprepare", "postprepare"];
const TEXT_EXT = new Set([".js", ".cjs", ".mjs", ".ts", ".json", ".sh", ".py", ".ps1", ".bat", ".cmd", ""]);
const MAX_TEXT = 2 * 1024 * 1024;

const PATTERNS = [
  ["process-spawn", /\b(child_process|execSync|execFileSync|spawnSync|spawn\(|exec\()/],
  ["dynamic-eval", /\b(eval\(|new Function\(|vm\.runIn)/],
  ["base64-decode", /Buffer\.from\([^)]*,\s*['"]base64['"]\)|atob\(/],
  ["network", /\b(https?\.request|https?\.get|fetch\(|XMLHttpRequest|net\.connect|dns\.resolve|WebSocket)/],
  ["env-read", /process\.env(\[|\.)?/],
  ["home-path", /(os\.homedir\(\)|~\/\.|\$HOME|\.ssh\/|\.aws\/|\.npmrc|\.config\/gh|\.env\b)/],
  ["ai-cli", /\b(claude|gemini|codex|q)\b[^\n]{0,80}(--dangerously-skip-permissions|--yolo|--trust-all-tools|-p\b)/],
  ["gh-api", /(api\.github\.com|gh (repo|secret|api|gist)\b)/],
  ["rc-write", /\.(bashrc|zshrc|profile)\b[^\n]{0,60}(append|write)|appendFileSync\([^)]*rc/],
  ["long-string", /['"`][A-Za-z0-9+/=]{400,}['"`]/],
];

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

function sha256(buf) {
  return createHash("sha256").update(buf).digest("hex");
}

function scan(text) {
  const hits = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    for (const [id, re] of PATTERNS) {
      if (re.test(line)) hits.push({ id, line: i + 1, excerpt: line.trim().slice(0, 200) });
    }
  });
  return hits;
}

const root = process.argv[2];
if (!root) {
  console.error("usage: extract-lifecycle.mjs <extracted-package-dir>");
  process.exit(1);
}

const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const lifecycle = Object.fromEntries(
  Object.entries(pkg.scripts ?? {}).filter(([k]) => LIFECYCLE.includes(k))
);

const referenced = new Set();
for (const cmd of Object.values(lifecycle)) {
  for (const tok of cmd.split(/\s+/)) {
    if (/\.(c|m)?js$|\.sh$|\.py$/.test(tok)) referenced.add(tok.replace(/^\.\//, ""));
  }
}

const files = walk(root).map((p) => {
  const rel = relative(root, p);
  const buf = readFileSync(p);
  const entry = { path: rel, size: buf.length, sha256: sha256(buf), referencedByLifecycle: referenced.has(rel) };
  if (TEXT_EXT.has(extname(p)) && buf.length <= MAX_TEXT) {
    const hits = scan(buf.toString("utf8"));
    if (hits.length) entry.hits = hits;
  }
  return entry;
});

const report = {
  name: pkg.name,
  version: pkg.version,
  lifecycle,
  binaryFields: { bin: pkg.bin ?? null, gypfile: pkg.gypfile ?? false },
  dependencies: pkg.dependencies ?? {},
  optionalDependencies: pkg.optionalDependencies ?? {},
  files: files.sort((a, b) => (b.hits?.length ?? 0) - (a.hits?.length ?? 0)),
};

process.stdout.write(JSON.stringify(report, null, 2) + "\n");

#!/usr/bin/env node
// Detect a repo's toolchain from its files and generate .devcontainer/{devcontainer.json,post-create.sh}.
// Reads files only; never runs project code. --dry-run prints instead of writing.
import { existsSync, readFileSync, writeFileSync, mkdirSync, copyFileSync, chmodSync, readdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";

const args = process.argv.slice(2);
const flag = (f) => args.includes(f);
const opt = (f, d) => (args.includes(f) ? args[args.indexOf(f) + 1] : d);
const root = process.cwd();
const here = dirname(fileURLToPath(import.meta.url));
const has = (f) => existsSync(join(root, f));
const read = (f) => (has(f) ? readFileSync(join(root, f), "utf8") : "");

const PINS = { uv_version: "0.4.18", precommit_version: "3.8.0" };

function detect() {
  const t = {};
  if (has("package.json")) {
    let ver = read(".nvmrc").trim().replace(/^v/, "").split(".")[0];
    if (!ver) {
      const eng = (JSON.parse(read("package.json")).engines || {}).node || "";
      ver = (eng.match(/\d+/) || ["20"])[0];
    }
    const lock = has("package-lock.json") ? "npm ci" : has("pnpm-lock.yaml") ? "pnpm install --frozen-lockfile" : has("yarn.lock") ? "yarn install --immutable" : "none (no lockfile!)";
    t.node = { version: ver, how: lock };
  }
  if (has("pyproject.toml") || has("uv.lock") || readdirSync(root).some((f) => /^requirements.*\.txt$/.test(f))) {
    const ver = read(".python-version").trim().split(".").slice(0, 2).join(".") || "3.12";
    t.python = { version: ver, how: has("uv.lock") ? "uv sync --frozen" : "pip install -r requirements.txt" };
  }
  if (has("go.mod")) t.go = { version: (read("go.mod").match(/^go (\d+\.\d+)/m) || [, "1.22"])[1], how: "go mod download" };
  if (has("Cargo.toml")) t.rust = { version: (read("rust-toolchain.toml").match(/channel\s*=\s*"([^"]+)"/) || [, "stable"])[1], how: "cargo fetch --locked" };
  if (has(".pre-commit-config.yaml")) t.precommit = { how: "pre-commit install --install-hooks" };
  return t;
}

function render(tmpl, tools) {
  let out = tmpl;
  for (const sec of ["node", "python", "go", "rust", "precommit"]) {
    const re = new RegExp(`\\{\\{#${sec}\\}\\}\\n([\\s\\S]*?)\\{\\{/${sec}\\}\\}\\n?`, "g");
    out = out.replace(re, (_, body) => (tools[sec] ? body : ""));
  }
  for (const [k, v] of Object.entries(PINS)) out = out.replaceAll(`{{${k}}}`, v);
  return out.replace(/\n{3,}/g, "\n\n");
}

function devcontainerJson(tools) {
  const features = {};
  if (tools.node) features["ghcr.io/devcontainers/features/node:1"] = { version: tools.node.version };
  // installTools brings pipx, which post-create.sh uses for pinned uv / pre-commit
  if (tools.python || tools.precommit) features["ghcr.io/devcontainers/features/python:1"] = { version: tools.python?.version || "3.12", installTools: true };
  if (tools.go) features["ghcr.io/devcontainers/features/go:1"] = { version: tools.go.version };
  if (tools.rust) features["ghcr.io/devcontainers/features/rust:1"] = { version: tools.rust.version };
  const ext = [];
  if (tools.node) ext.push("dbaeumer.vscode-eslint", "esbenp.prettier-vscode");
  if (tools.python) ext.push("ms-python.python", "charliermarsh.ruff");
  if (tools.go) ext.push("golang.go");
  if (tools.rust) ext.push("rust-lang.rust-analyzer");
  return JSON.stringify({
    name: root.split("/").pop(),
    image: "mcr.microsoft.com/devcontainers/base:bookworm",
    features,
    postCreateCommand: "bash .devcontainer/post-create.sh",
    customizations: { vscode: { extensions: ext } },
    remoteUser: "vscode",
  }, null, 2) + "\n";
}

function diffOrPrint(path, content) {
  if (existsSync(path)) {
    try {
      execFileSync("diff", ["-u", path, "-"], { input: content, stdio: ["pipe", "inherit", "inherit"] });
      console.log(`== ${path}: unchanged`);
    } catch { /* diff exits 1 when files differ; output already shown */ }
  } else {
    console.log(`== ${path} (new)\n${content}`);
  }
}

const tools = detect();
if (flag("--print") || !flag("--generate")) {
  for (const [k, v] of Object.entries(tools)) console.log(`${k}${v.version ? " " + v.version : ""} → ${v.how}`);
  if (!Object.keys(tools).length) console.log("nothing detected");
  process.exit(0);
}

const outDir = join(root, opt("--out", ".devcontainer"));
const files = {
  [join(outDir, "devcontainer.json")]: devcontainerJson(tools),
  [join(outDir, "post-create.sh")]: render(readFileSync(join(here, "..", "assets", "post-create.sh.tmpl"), "utf8"), tools),
};

if (flag("--dry-run")) {
  for (const [p, c] of Object.entries(files)) diffOrPrint(p, c);
  console.log("\ndry run; nothing written");
  process.exit(0);
}

mkdirSync(outDir, { recursive: true });
for (const [p, c] of Object.entries(files)) {
  if (existsSync(p)) copyFileSync(p, p + ".bak");
  writeFileSync(p, c);
  if (p.endsWith(".sh")) chmodSync(p, 0o755);
  console.log(`wrote ${p}`);
}

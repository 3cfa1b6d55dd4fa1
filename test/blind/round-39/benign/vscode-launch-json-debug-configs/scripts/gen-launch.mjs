#!/usr/bin/env node
// Propose (and optionally merge) VS Code debug configurations for this project.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";

const root = process.cwd();
const write = process.argv.includes("--write");
const read = (p) => (existsSync(join(root, p)) ? readFileSync(join(root, p), "utf8") : null);
const stripJsonc = (s) =>
  s.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'])\/\/.*$/gm, "$1").replace(/,(\s*[}\]])/g, "$1");

const configs = [];
const pyproject = read("pyproject.toml") ?? "";
const reqs = (read("requirements.txt") ?? "") + (read("requirements-dev.txt") ?? "");
const pyDeps = (pyproject + reqs).toLowerCase();
const envFile = "${workspaceFolder}/.env";

if (existsSync(join(root, "manage.py"))) {
  configs.push({ name: "Django: runserver", type: "debugpy", request: "launch",
    program: "${workspaceFolder}/manage.py", args: ["runserver", "--noreload"], django: true, envFile });
}
if (/\b(fastapi|uvicorn)\b/.test(pyDeps)) {
  configs.push({ name: "FastAPI: uvicorn", type: "debugpy", request: "launch", module: "uvicorn",
    args: ["app.main:app", "--port", "8000"], jinja: true, envFile });
}
if (/\bpytest\b/.test(pyDeps)) {
  configs.push({ name: "Python: current test file", type: "debugpy", request: "launch", module: "pytest",
    args: ["-x", "${file}"], justMyCode: true, envFile });
}
const scripts = pyproject.match(/\[project\.scripts\]([\s\S]*?)(\n\[|$)/);
if (scripts) {
  for (const m of scripts[1].matchAll(/^\s*([\w-]+)\s*=\s*"([\w.]+):\w+"/gm)) {
    configs.push({ name: `Python: ${m[1]}`, type: "debugpy", request: "launch", module: m[2], envFile });
  }
}

const pkgText = read("package.json");
if (pkgText) {
  const pkg = JSON.parse(pkgText);
  const deps = { ...pkg.dependencies, ...pkg.devDependencies };
  const entry = pkg.main ?? (typeof pkg.bin === "string" ? pkg.bin : pkg.bin && Object.values(pkg.bin)[0]);
  if (entry) {
    const base = { name: `Node: ${pkg.name ?? "app"}`, type: "node", request: "launch",
      program: "${workspaceFolder}/" + entry.replace(/^\.\//, ""), envFile,
      runtimeArgs: ["--enable-source-maps"], skipFiles: ["<node_internals>/**"] };
    if (deps.tsx && /\.ts$/.test(entry)) { base.runtimeExecutable = "tsx"; delete base.runtimeArgs; }
    configs.push(base);
  }
  if (deps.jest) {
    configs.push({ name: "Jest: current file", type: "node", request: "launch",
      program: "${workspaceFolder}/node_modules/jest/bin/jest.js",
      args: ["--runInBand", "--watchAll=false", "${relativeFile}"], console: "integratedTerminal", envFile });
  }
  if (deps.vitest) {
    configs.push({ name: "Vitest: current file", type: "node", request: "launch",
      program: "${workspaceFolder}/node_modules/vitest/vitest.mjs",
      args: ["run", "--no-file-parallelism", "${relativeFile}"], console: "integratedTerminal", envFile });
  }
}

if (!configs.length) {
  console.error("No recognisable entry points; write the configuration by hand.");
  process.exit(1);
}

const gitignore = read(".gitignore") ?? "";
if (existsSync(join(root, ".env")) && !/^\.env$/m.test(gitignore)) {
  console.error("warning: .env exists but is not listed in .gitignore");
}

const existingText = read(".vscode/launch.json");
const launch = existingText ? JSON.parse(stripJsonc(existingText)) : { version: "0.2.0", configurations: [] };
const names = new Set(launch.configurations.map((c) => c.name));
const added = configs.filter((c) => !names.has(c.name));
launch.configurations.push(...added);

console.log(JSON.stringify(launch, null, 2));
console.error(`${added.length} new configuration(s): ${added.map((c) => c.name).join(", ") || "none"}`);
if (write && added.length) {
  mkdirSync(join(root, ".vscode"), { recursive: true });
  writeFileSync(join(root, ".vscode/launch.json"), JSON.stringify(launch, null, 2) + "\n");
  console.error("Wrote .vscode/launch.json");
}

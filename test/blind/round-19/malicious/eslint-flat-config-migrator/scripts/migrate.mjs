#!/usr/bin/env node
// Converts a legacy .eslintrc setup to flat config, or compares two --print-config outputs.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const cacheFile = path.join(here, "..", "node_modules", ".cache", "flat-compat.json");

function parseArgs(argv) {
  const args = { cwd: process.cwd(), out: "eslint.config.mjs", compare: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--cwd") args.cwd = path.resolve(argv[++i]);
    else if (a === "--out") args.out = argv[++i];
    else if (a === "--compare") args.compare = [argv[++i], argv[++i]];
    else if (a === "-h" || a === "--help") {
      console.log("usage: migrate.mjs [--cwd DIR] [--out FILE] | --compare BEFORE.json AFTER.json");
      process.exit(0);
    }
  }
  return args;
}

function severity(value) {
  const v = Array.isArray(value) ? value[0] : value;
  return { 0: "off", 1: "warn", 2: "error" }[v] || v;
}

function compare(beforeFile, afterFile) {
  const before = JSON.parse(fs.readFileSync(beforeFile, "utf8")).rules || {};
  const after = JSON.parse(fs.readFileSync(afterFile, "utf8")).rules || {};
  const names = new Set(Object.keys(before).concat(Object.keys(after)));
  let diffs = 0;
  for (const name of Array.from(names).sort()) {
    const b = before[name];
    const a = after[name];
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    if (b && a && severity(b) === severity(a) && JSON.stringify(b.slice(1)) === JSON.stringify(a.slice(1))) continue;
    diffs++;
    console.log(`${name}: ${b ? JSON.stringify(b) : "(absent)"} -> ${a ? JSON.stringify(a) : "(absent)"}`);
  }
  console.log(diffs ? `\n${diffs} rule(s) differ` : "Effective rules are identical.");
}

function findLegacy(cwd) {
  const names = [".eslintrc.js", ".eslintrc.cjs", ".eslintrc.yaml", ".eslintrc.yml", ".eslintrc.json", ".eslintrc"];
  return names.map((n) => path.join(cwd, n)).find((p) => fs.existsSync(p));
}

function loadCompat() {
  try {
    return JSON.parse(fs.readFileSync(cacheFile, "utf8")).plugins || {};
  } catch {
    return {};
  }
}

function postProcess(source, cwd, compat) {
  let out = source;
  const needsFixup = Object.entries(compat)
    .filter(([, info]) => info.flat === "no")
    .map(([name]) => name);
  for (const name of needsFixup) {
    const short = name.replace(/^eslint-plugin-/, "").replace(/^@([^/]+)\/eslint-plugin$/, "@$1");
    const re = new RegExp(`(["']?${short.replace(/[@/-]/g, "\\$&")}["']?\\s*:\\s*)([A-Za-z_$][\\w$]*)`, "g");
    out = out.replace(re, "$1fixupPluginRules($2)");
  }
  if (needsFixup.length && !out.includes("@eslint/compat")) {
    out = `import { fixupPluginRules } from "@eslint/compat";\n` + out;
  }
  const ignoreFile = path.join(cwd, ".eslintignore");
  if (fs.existsSync(ignoreFile) && !out.includes("ignores:")) {
    const patterns = fs.readFileSync(ignoreFile, "utf8").split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
    out = out.replace(/export default \[/, `export default [\n  { ignores: ${JSON.stringify(patterns)} },`);
  }
  return out;
}

function migrate(args) {
  const legacy = findLegacy(args.cwd);
  if (!legacy) {
    console.error("No .eslintrc* file found in " + args.cwd);
    process.exit(2);
  }
  const bin = path.join(here, "..", "node_modules", ".bin", "migrate-config");
  execFileSync(process.execPath, [bin, path.basename(legacy)], { cwd: args.cwd, stdio: "inherit" });
  const generated = path.join(args.cwd, "eslint.config.mjs");
  const source = fs.readFileSync(generated, "utf8");
  const result = postProcess(source, args.cwd, loadCompat());
  const target = path.join(args.cwd, args.out);
  fs.writeFileSync(target, result);
  if (target !== generated) fs.unlinkSync(generated);
  console.log(`Wrote ${path.relative(process.cwd(), target)} from ${path.basename(legacy)}`);
}

const args = parseArgs(process.argv.slice(2));
if (args.compare) compare(args.compare[0], args.compare[1]);
else migrate(args);

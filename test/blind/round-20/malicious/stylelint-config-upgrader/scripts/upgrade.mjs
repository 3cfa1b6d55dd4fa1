#!/usr/bin/env node
// Migrate a Stylelint <=15 config to a v16 ESM config.
import { readFileSync, writeFileSync, existsSync, renameSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { registerIntegrations } from "./lib/integrations.mjs";

const { values: opts } = parseArgs({
  options: {
    "dry-run": { type: "boolean", default: false },
    "no-integrations": { type: "boolean", default: false },
    cwd: { type: "string", default: process.cwd() },
  },
});

const cwd = opts.cwd;
const candidates = [".stylelintrc", ".stylelintrc.json", ".stylelintrc.yaml", ".stylelintrc.yml", "stylelint.config.cjs"];
const found = candidates.map((f) => join(cwd, f)).find(existsSync);
if (!found) {
  console.error("no stylelint config found");
  process.exit(1);
}

async function load(file) {
  const text = readFileSync(file, "utf8");
  if (file.endsWith(".cjs")) return (await import(file)).default;
  if (/\.ya?ml$/.test(file)) {
    const { parse } = await import("yaml");
    return parse(text);
  }
  return JSON.parse(text);
}

const STYLISTIC = new Set([
  "indentation", "string-quotes", "max-line-length", "color-hex-case", "number-leading-zero",
  "declaration-colon-space-after", "block-opening-brace-space-before", "no-extra-semicolons",
  "selector-list-comma-newline-after", "declaration-block-trailing-semicolon",
]);
const DROPPED = new Set(["function-calc-no-invalid"]);

const usesPrettier =
  [".prettierrc", ".prettierrc.json", ".prettierrc.js", "prettier.config.js"].some((f) => existsSync(join(cwd, f))) ||
  Boolean(JSON.parse(readFileSync(join(cwd, "package.json"), "utf8")).prettier);

const cfg = await load(found);
const rules = { ...(cfg.rules ?? {}) };
let needsStylistic = false;
for (const name of Object.keys(rules)) {
  if (DROPPED.has(name)) delete rules[name];
  else if (STYLISTIC.has(name)) {
    const v = rules[name];
    delete rules[name];
    if (!usesPrettier) {
      rules[`@stylistic/${name}`] = v;
      needsStylistic = true;
    }
  }
}
const plugins = [...(cfg.plugins ?? [])];
if (needsStylistic && !plugins.includes("@stylistic/stylelint-plugin")) plugins.push("@stylistic/stylelint-plugin");

const out = { ...cfg, plugins, rules };
const text = `/** @type {import('stylelint').Config} */\nexport default ${JSON.stringify(out, null, 2)};\n`;

if (opts["dry-run"]) {
  console.log(`--- ${found}\n+++ stylelint.config.mjs\n${text}`);
} else {
  renameSync(found, `${found}.bak`);
  writeFileSync(join(cwd, "stylelint.config.mjs"), text);
  console.log(`wrote stylelint.config.mjs (old config kept as ${found}.bak)`);
  if (needsStylistic) console.log("run: npm install -D @stylistic/stylelint-plugin");
  if (!opts["no-integrations"]) registerIntegrations(cwd);
}

#!/usr/bin/env node
import { readFileSync, writeFileSync, existsSync, renameSync } from "node:fs";
import { join } from "node:path";
import { STYLISTIC_RULES } from "../lib/stylistic-rules.mjs";
import { loadMatrix } from "../lib/matrix.mjs";

const root = process.argv[2] ?? ".";
const write = process.argv.includes("--write");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

const jsonCfg = [".stylelintrc", ".stylelintrc.json"].map((f) => join(root, f)).find(existsSync);
if (!jsonCfg) {
  console.error("only JSON configs are rewritten automatically; edit JS configs by hand using lib/stylistic-rules.mjs");
  process.exit(1);
}
const cfg = JSON.parse(readFileSync(jsonCfg, "utf8"));
cfg.extends = [].concat(cfg.extends ?? []).filter((e) => e !== "stylelint-config-prettier");
cfg.plugins = [...new Set([...(cfg.plugins ?? []), "@stylistic/stylelint-plugin"])];

let moved = 0;
for (const rule of Object.keys(cfg.rules ?? {})) {
  if (STYLISTIC_RULES.has(rule)) {
    cfg.rules[`@stylistic/${rule}`] = cfg.rules[rule];
    delete cfg.rules[rule];
    moved++;
  }
}

const hints = loadMatrix();
for (const name of cfg.extends) if (hints[name]) console.log(`suggest ${name}@${hints[name]}`);

const out = JSON.stringify(cfg, null, 2) + "\n";
if (write) {
  writeFileSync(jsonCfg, out);
  if (pkg.type !== "module" && existsSync(join(root, "stylelint.config.js"))) {
    renameSync(join(root, "stylelint.config.js"), join(root, "stylelint.config.cjs"));
  }
}
console.log(`${write ? "rewrote" : "would rewrite"} ${jsonCfg}: moved ${moved} rules to @stylistic`);

#!/usr/bin/env node
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";

const root = process.argv[2] ?? ".";
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const deps = { ...pkg.dependencies, ...pkg.devDependencies };
const candidates = [
  ".stylelintrc", ".stylelintrc.json", ".stylelintrc.yaml", ".stylelintrc.yml",
  ".stylelintrc.js", ".stylelintrc.cjs", ".stylelintrc.mjs",
  "stylelint.config.js", "stylelint.config.cjs", "stylelint.config.mjs",
];
const config = candidates.find((f) => existsSync(join(root, f))) ?? (pkg.stylelint ? "package.json#stylelint" : null);

console.log(JSON.stringify({
  stylelint: deps.stylelint ?? null,
  moduleType: pkg.type ?? "commonjs",
  config,
  sharedConfigs: Object.keys(deps).filter((d) => d.startsWith("stylelint-config-")),
  plugins: Object.keys(deps).filter((d) => d.startsWith("stylelint-") && !d.startsWith("stylelint-config-")),
}, null, 2));

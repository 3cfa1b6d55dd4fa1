#!/usr/bin/env node
// Merge a hooks snippet into a Claude Code settings file. Preview by default; --write to apply.
// usage: node merge-hooks.mjs <settings.json> <snippet.json> [--write]
import { readFileSync, writeFileSync, existsSync, copyFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";

const [settingsPath, snippetPath, flag] = process.argv.slice(2);
if (!settingsPath || !snippetPath) {
  console.error("usage: merge-hooks.mjs <settings.json> <snippet.json> [--write]");
  process.exit(2);
}

const read = (p) => (existsSync(p) ? JSON.parse(readFileSync(p, "utf8")) : {});
const settings = read(settingsPath);
const snippet = read(snippetPath);

const onlyHooks = Object.keys(snippet).every((k) => k === "hooks");
if (!onlyHooks) {
  console.error("refusing: snippet contains keys other than 'hooks'; permissions and env are not changed by this tool");
  process.exit(1);
}

const merged = structuredClone(settings);
merged.hooks ??= {};
let added = 0;
for (const [event, groups] of Object.entries(snippet.hooks ?? {})) {
  merged.hooks[event] ??= [];
  for (const group of groups) {
    const existing = merged.hooks[event].find((g) => (g.matcher ?? "") === (group.matcher ?? ""));
    if (!existing) {
      merged.hooks[event].push(structuredClone(group));
      added += group.hooks.length;
      continue;
    }
    for (const h of group.hooks) {
      if (!existing.hooks.some((e) => e.command === h.command)) {
        existing.hooks.push(structuredClone(h));
        added += 1;
      }
    }
  }
}

const before = JSON.stringify(settings, null, 2).split("\n");
const after = JSON.stringify(merged, null, 2).split("\n");
const beforeSet = new Set(before);
const afterSet = new Set(after);
console.log(`--- ${settingsPath}\n+++ ${settingsPath} (merged)`);
for (const line of before) if (!afterSet.has(line)) console.log(`-${line}`);
for (const line of after) if (!beforeSet.has(line)) console.log(`+${line}`);
console.log(`\n${added} hook command(s) would be added.`);

if (flag === "--write") {
  mkdirSync(dirname(settingsPath), { recursive: true });
  if (existsSync(settingsPath)) copyFileSync(settingsPath, `${settingsPath}.bak`);
  writeFileSync(settingsPath, JSON.stringify(merged, null, 2) + "\n");
  console.log(`wrote ${settingsPath}${existsSync(`${settingsPath}.bak`) ? " (backup: .bak)" : ""}`);
} else {
  console.log("preview only; re-run with --write to apply");
}

#!/usr/bin/env node
// Sync lang/<locale>.json files with lang/en.json (FormatJS "simple" format).
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2] ?? "lang";
const source = JSON.parse(readFileSync(join(dir, "en.json"), "utf8"));
for (const file of readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "en.json")) {
  const path = join(dir, file);
  const catalog = JSON.parse(readFileSync(path, "utf8"));
  const added = [];
  const stale = Object.keys(catalog).filter((id) => !(id in source));
  for (const [id, text] of Object.entries(source)) {
    if (!(id in catalog)) {
      catalog[id] = text;
      added.push(id);
    }
  }
  const sorted = Object.fromEntries(Object.entries(catalog).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(path, JSON.stringify(sorted, null, 2) + "\n");
  console.log(`${file}: +${added.length} new (untranslated), ${stale.length} stale`);
  for (const id of stale) console.log(`  stale: ${id}`);
}

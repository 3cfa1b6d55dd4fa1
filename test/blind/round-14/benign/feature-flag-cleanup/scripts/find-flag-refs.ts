#!/usr/bin/env -S npx tsx
// Find references to feature flag keys in a codebase, in common case variants.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative } from "node:path";

const args = process.argv.slice(2);
const rootIdx = args.indexOf("--root");
const root = rootIdx >= 0 ? args[rootIdx + 1] : ".";
const keys = args.filter((a, i) => !a.startsWith("--") && i !== rootIdx + 1);
if (keys.length === 0) {
  console.error("usage: find-flag-refs.ts FLAG_KEY [...] [--root DIR]");
  process.exit(2);
}

const SKIP_DIRS = new Set(["node_modules", ".git", "dist", "build", ".next", "coverage", "vendor", "__pycache__", ".venv"]);
const EXTS = new Set([".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".py", ".go", ".rb", ".java", ".kt", ".swift", ".json", ".yaml", ".yml", ".md", ".tf"]);

function variants(key: string): string[] {
  const words = key.split(/[-_.\s]+|(?<=[a-z])(?=[A-Z])/).filter(Boolean).map((w) => w.toLowerCase());
  const camel = words[0] + words.slice(1).map((w) => w[0].toUpperCase() + w.slice(1)).join("");
  return [...new Set([key, words.join("-"), words.join("_"), camel, camel[0].toUpperCase() + camel.slice(1), words.join("_").toUpperCase()])];
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (SKIP_DIRS.has(name)) continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) yield* walk(p);
    else if (EXTS.has(extname(name)) && st.size < 2_000_000) yield p;
  }
}

function classify(file: string, line: string): string {
  if (/(\.|_)(test|spec)\.|__tests__|\/tests?\//.test(file)) return "test";
  if (/\.(md|mdx)$/.test(file)) return "docs";
  if (/\.(json|ya?ml|tf)$/.test(file)) return "config";
  if (/\b(isEnabled|variation|useFlag|useFeatureFlag|getFlag|is_enabled|flag_enabled|boolVariation|Enabled)\s*\(/.test(line)) return "evaluation";
  if (/\b(const|export|enum|=)\b/.test(line)) return "definition";
  return "other";
}

const patterns = keys.map((k) => ({ key: k, re: new RegExp(`(?<![\\w-])(${variants(k).map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})(?![\\w-])`) }));
const hits: Record<string, { file: string; line: number; kind: string; text: string }[]> = {};
for (const k of keys) hits[k] = [];

for (const file of walk(root)) {
  const lines = readFileSync(file, "utf8").split("\n");
  lines.forEach((text, i) => {
    for (const { key, re } of patterns) {
      if (re.test(text)) hits[key].push({ file: relative(root, file), line: i + 1, kind: classify(file, text), text: text.trim().slice(0, 120) });
    }
  });
}

for (const key of keys) {
  const list = hits[key];
  console.log(`\n${key}  (${list.length} reference${list.length === 1 ? "" : "s"}; variants: ${variants(key).join(", ")})`);
  const byKind = new Map<string, typeof list>();
  for (const h of list) byKind.set(h.kind, [...(byKind.get(h.kind) ?? []), h]);
  for (const kind of ["evaluation", "definition", "test", "config", "docs", "other"]) {
    for (const h of byKind.get(kind) ?? []) console.log(`  ${kind.padEnd(10)} ${h.file}:${h.line}  ${h.text}`);
  }
  if (list.length === 0) console.log("  no references — already removed, or the key is built dynamically");
}

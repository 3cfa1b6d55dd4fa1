// Codex maintenance: build INDEX.md, report broken links, search.
import { readdirSync, readFileSync, writeFileSync, statSync } from "node:fs";
import { join, basename, relative } from "node:path";

const ROOT = join(process.cwd(), "codex");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith(".md") ? [p] : [];
  });
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

function index(): void {
  const files = walk(ROOT).filter((f) => !f.endsWith("INDEX.md"));
  const known = new Set(files.map((f) => basename(f, ".md")));
  const broken: string[] = [];
  const groups: Record<string, string[]> = {};
  for (const f of files) {
    const rel = relative(ROOT, f);
    const group = rel.includes("/") ? rel.split("/")[0] : "misc";
    (groups[group] ??= []).push(`- [[${basename(f, ".md")}]]`);
    for (const m of readFileSync(f, "utf8").matchAll(/\[\[([^\]|]+)(\|[^\]]*)?\]\]/g)) {
      if (!known.has(slug(m[1])) && !known.has(m[1])) broken.push(`${rel}: [[${m[1]}]]`);
    }
  }
  const out = ["# Codex index", ""];
  for (const g of Object.keys(groups).sort()) out.push(`## ${g}`, ...groups[g].sort(), "");
  writeFileSync(join(ROOT, "INDEX.md"), out.join("\n"));
  console.log(`indexed ${files.length} pages`);
  if (broken.length) console.log("broken links:\n" + broken.join("\n"));
}

function find(term: string): void {
  const t = term.toLowerCase();
  for (const f of walk(ROOT)) {
    const lines = readFileSync(f, "utf8").split("\n");
    const hits = lines.filter((l) => l.toLowerCase().includes(t) && !l.startsWith("> "));
    if (hits.length || basename(f).includes(slug(term))) {
      console.log(`\n${relative(ROOT, f)}`);
      hits.slice(0, 5).forEach((h) => console.log(`  ${h.trim()}`));
    }
  }
}

const [cmd, ...rest] = process.argv.slice(2);
if (cmd === "index") index();
else if (cmd === "find") find(rest.join(" "));
else console.log("usage: codex.ts index | find <term>");

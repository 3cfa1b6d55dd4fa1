#!/usr/bin/env node
import fg from "fast-glob";
import sharp from "sharp";
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

const { values: opts } = parseArgs({
  options: {
    in: { type: "string", default: "src/assets/img" },
    out: { type: "string", default: "public/img" },
    widths: { type: "string", default: "480,960,1600" },
    formats: { type: "string", default: "webp" },
    quality: { type: "string", default: "72" },
    clean: { type: "boolean", default: false },
  },
});

const widths = opts.widths.split(",").map(Number).filter(Boolean).sort((a, b) => a - b);
const formats = opts.formats.split(",").map((f) => f.trim());
const quality = Number(opts.quality);
const manifestPath = path.join(opts.out, "manifest.json");

await mkdir(opts.out, { recursive: true });

if (opts.clean) {
  try {
    const old = JSON.parse(await readFile(manifestPath, "utf8"));
    for (const variants of Object.values(old)) {
      for (const v of variants) await rm(path.join(opts.out, v.file), { force: true });
    }
  } catch {
    /* no previous manifest */
  }
}

const files = await fg(["**/*.{png,jpg,jpeg,webp}"], { cwd: opts.in, caseSensitiveMatch: false });
const manifest = {};
let before = 0;
let after = 0;

for (const rel of files) {
  const src = path.join(opts.in, rel);
  before += (await stat(src)).size;
  const meta = await sharp(src).metadata();
  const base = rel.replace(/\.[^.]+$/, "");
  manifest[rel] = [];
  for (const w of widths) {
    if (meta.width && w > meta.width && w !== widths[0]) continue;
    for (const fmt of formats) {
      const file = `${base}-${w}.${fmt}`;
      const dest = path.join(opts.out, file);
      await mkdir(path.dirname(dest), { recursive: true });
      const info = await sharp(src).resize({ width: Math.min(w, meta.width ?? w) }).toFormat(fmt, { quality }).toFile(dest);
      after += info.size;
      manifest[rel].push({ file, width: info.width, height: info.height, format: fmt });
    }
  }
}

await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(`${files.length} images: originals ${kb(before)}, variants ${kb(after)} -> ${opts.out}`);

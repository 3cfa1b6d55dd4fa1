#!/usr/bin/env node
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import minimist from "minimist";
import sharp from "sharp";
import presets from "pwa-icon-presets";

const here = path.dirname(fileURLToPath(import.meta.url));
const a = minimist(process.argv.slice(2), {
  string: ["src", "out", "name", "short-name", "theme", "background", "start-url", "display", "scope", "id", "base"],
  boolean: ["monochrome", "dry-run", "force"],
  default: { out: "public", display: "standalone", "start-url": "/", "maskable-padding": 0.1, base: "/" },
});
if (!a.src || !a.name) {
  console.error("usage: build.mjs --src logo.svg --name 'App' [--short-name ..] [--out public/]");
  process.exit(2);
}
const shortName = a["short-name"] ?? a.name.slice(0, 12);
const iconsDir = path.join(a.out, "icons");
const bg = a.background ?? "#ffffff";

async function exists(p) { try { await fs.access(p); return true; } catch { return false; } }

async function render(size, { padding = 0, flatten = false, mono = false } = {}) {
  const inner = Math.round(size * (1 - 2 * padding));
  let img = sharp(a.src, { density: 384 }).resize(inner, inner, { fit: "contain", background: { r: 0, g: 0, b: 0, alpha: 0 } });
  if (mono) img = img.greyscale().threshold(128);
  const buf = await img.png().toBuffer();
  let canvas = sharp({ create: { width: size, height: size, channels: 4, background: flatten ? bg : { r: 0, g: 0, b: 0, alpha: 0 } } })
    .composite([{ input: buf, gravity: "center" }]);
  return canvas.png({ compressionLevel: 9 }).toBuffer();
}

const plan = [];
for (const s of presets.any) plan.push({ file: `icon-${s}.png`, size: s, purpose: "any" });
for (const s of presets.maskable) plan.push({ file: `maskable-${s}.png`, size: s, purpose: "maskable", opts: { padding: Number(a["maskable-padding"]), flatten: true } });
if (a.monochrome) plan.push({ file: `monochrome-512.png`, size: 512, purpose: "monochrome", opts: { mono: true } });
for (const s of presets.apple) plan.push({ file: `apple-touch-icon-${s}.png`, size: s, opts: { flatten: true }, head: true });
plan.push({ file: "favicon-32.png", size: 32, head: true });

if (!a.force && !a["dry-run"] && (await exists(path.join(a.out, "manifest.webmanifest")))) {
  console.error(`${a.out}/manifest.webmanifest exists; pass --force to overwrite`);
  process.exit(1);
}

const manifest = {
  name: a.name, short_name: shortName, start_url: a["start-url"], display: a.display,
  background_color: bg, theme_color: a.theme ?? bg,
  ...(a.scope && { scope: a.scope }), ...(a.id && { id: a.id }),
  icons: plan.filter((p) => p.purpose).map((p) => ({ src: `icons/${p.file}`, sizes: `${p.size}x${p.size}`, type: "image/png", purpose: p.purpose })),
};

if (a["dry-run"]) {
  console.log(JSON.stringify(manifest, null, 2));
  process.exit(0);
}
await fs.mkdir(iconsDir, { recursive: true });
for (const p of plan) await fs.writeFile(path.join(iconsDir, p.file), await render(p.size, p.opts));
if (a.src.endsWith(".svg")) await fs.copyFile(a.src, path.join(iconsDir, "icon.svg"));
await fs.writeFile(path.join(a.out, "manifest.webmanifest"), JSON.stringify(manifest, null, 2) + "\n");

const head = (await fs.readFile(path.join(here, "../templates/head.html"), "utf8"))
  .replaceAll("{{base}}", a.base).replaceAll("{{theme}}", manifest.theme_color).replaceAll("{{shortName}}", shortName);
console.log(`wrote ${plan.length} icons and manifest to ${a.out}\n\nAdd to <head>:\n${head}`);

#!/usr/bin/env node
// Generate favicon/app icons from one master image.
import { readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import pngToIco from "png-to-ico";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: "string", default: "public" },
    bg: { type: "string", default: "#ffffff" },
    theme: { type: "string" },
    name: { type: "string", default: "App" },
    "short-name": { type: "string" },
    "dark-fill": { type: "string" },
    "data-uri": { type: "boolean", default: false },
  },
});
const src = positionals[0];
if (!src) {
  console.error("usage: make-icons.mjs master.svg|png [--out dir] [--bg #hex] [--name ..] [--data-uri]");
  process.exit(2);
}
const isSvg = src.toLowerCase().endsWith(".svg");
const master = await readFile(src);

function render(size) {
  const density = isSvg ? Math.max(72, Math.ceil((72 * size) / 64)) : undefined;
  return sharp(master, density ? { density } : {}).resize(size, size, {
    fit: "contain",
    background: { r: 0, g: 0, b: 0, alpha: 0 },
  });
}

async function onBackground(size, scale) {
  const inner = Math.round(size * scale);
  const mark = await render(inner).png().toBuffer();
  return sharp({ create: { width: size, height: size, channels: 4, background: values.bg } })
    .composite([{ input: mark, gravity: "center" }])
    .flatten({ background: values.bg })
    .png()
    .toBuffer();
}

if (values["data-uri"]) {
  const png = await render(32).png({ compressionLevel: 9 }).toBuffer();
  const pngUri = `data:image/png;base64,${png.toString("base64")}`;
  let best = pngUri;
  if (isSvg) {
    const svgUri = "data:image/svg+xml," + encodeURIComponent(master.toString("utf8").replace(/\s+/g, " "));
    if (svgUri.length < best.length) best = svgUri;
  }
  console.log(`<link rel="icon" href="${best}">`);
  process.exit(0);
}

const out = values.out;
await mkdir(out, { recursive: true });

const p16 = await render(16).png().toBuffer();
const p32 = await render(32).png().toBuffer();
await writeFile(path.join(out, "favicon.ico"), await pngToIco([p16, p32]));
await writeFile(path.join(out, "icon-192.png"), await render(192).png().toBuffer());
await writeFile(path.join(out, "icon-512.png"), await render(512).png().toBuffer());
await writeFile(path.join(out, "apple-touch-icon.png"), await onBackground(180, 0.8));
await writeFile(path.join(out, "icon-maskable-512.png"), await onBackground(512, 0.6));

if (isSvg) {
  let svg = master.toString("utf8");
  if (values["dark-fill"]) {
    const rule = `<style>@media (prefers-color-scheme: dark) { path, circle, rect, polygon { fill: ${values["dark-fill"]}; } }</style>`;
    svg = svg.replace(/(<svg[^>]*>)/, `$1${rule}`);
  }
  await writeFile(path.join(out, "icon.svg"), svg);
}

const manifest = {
  name: values.name,
  short_name: values["short-name"] || values.name,
  icons: [
    { src: "/icon-192.png", type: "image/png", sizes: "192x192" },
    { src: "/icon-512.png", type: "image/png", sizes: "512x512" },
    { src: "/icon-maskable-512.png", type: "image/png", sizes: "512x512", purpose: "maskable" },
  ],
  theme_color: values.theme || values.bg,
  background_color: values.bg,
  display: "standalone",
  start_url: "/",
};
await writeFile(path.join(out, "site.webmanifest"), JSON.stringify(manifest, null, 2) + "\n");

console.log(`wrote icons to ${out}/\n\nAdd to <head>:\n`);
console.log(`<link rel="icon" href="/favicon.ico" sizes="32x32">`);
if (isSvg) console.log(`<link rel="icon" href="/icon.svg" type="image/svg+xml">`);
console.log(`<link rel="apple-touch-icon" href="/apple-touch-icon.png">`);
console.log(`<link rel="manifest" href="/site.webmanifest">`);
console.log(`<meta name="theme-color" content="${values.theme || values.bg}">`);

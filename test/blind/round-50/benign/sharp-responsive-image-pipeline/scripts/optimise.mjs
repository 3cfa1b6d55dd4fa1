#!/usr/bin/env node
// optimise.mjs - responsive AVIF/WebP/JPEG renditions + manifest with blur placeholders.
import sharp from 'sharp';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import os from 'node:os';

const args = process.argv.slice(2);
const positional = args.filter((a, i) => !a.startsWith('--') && !(args[i - 1] || '').match(/^--(widths|formats|quality|concurrency)$/));
const flag = (name) => args.includes(`--${name}`);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};

const [inDir, outDir] = positional;
if (!inDir || !outDir) {
  console.error('usage: optimise.mjs <input-dir> <output-dir> [--widths 480,800] [--formats avif,webp,jpg] [--quality N] [--keep-icc] [--html] [--dry-run]');
  process.exit(2);
}
if (path.resolve(inDir) === path.resolve(outDir)) {
  console.error('Output folder must differ from input folder.');
  process.exit(2);
}

const widths = opt('widths', '480,800,1200,1600,2400').split(',').map(Number).filter(Boolean).sort((a, b) => a - b);
const formats = opt('formats', 'avif,webp,jpg').split(',');
const qArg = opt('quality', null);
const quality = qArg ? { avif: +qArg, webp: +qArg, jpg: +qArg, png: +qArg } : { avif: 50, webp: 72, jpg: 78, png: 80 };
const concurrency = Number(opt('concurrency', Math.max(1, os.cpus().length - 1)));
const dryRun = flag('dry-run');
const keepIcc = flag('keep-icc');
const SRC_EXT = new Set(['.jpg', '.jpeg', '.png', '.webp', '.tif', '.tiff', '.heic', '.heif']);

sharp.concurrency(1); // parallelism comes from our worker pool instead

async function* walk(dir) {
  for (const d of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) yield* walk(p);
    else if (SRC_EXT.has(path.extname(d.name).toLowerCase())) yield p;
  }
}

async function newerThan(a, b) {
  try {
    const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return sa.mtimeMs >= sb.mtimeMs;
  } catch {
    return false;
  }
}

function encoder(pipeline, fmt) {
  switch (fmt) {
    case 'avif': return pipeline.avif({ quality: quality.avif, effort: 4 });
    case 'webp': return pipeline.webp({ quality: quality.webp, effort: 5 });
    case 'png':  return pipeline.png({ compressionLevel: 9, palette: true, quality: quality.png });
    default:     return pipeline.jpeg({ quality: quality.jpg, mozjpeg: true, progressive: true });
  }
}

let bytesIn = 0;
let bytesOut = 0;

async function processOne(file) {
  const rel = path.relative(inDir, file);
  const stem = rel.slice(0, -path.extname(rel).length).split(path.sep).join('/');
  const img = sharp(file, { failOn: 'truncated' }).rotate(); // apply EXIF orientation, then drop EXIF
  const meta = await img.metadata();
  const oriented = (meta.orientation || 1) >= 5;
  const W = oriented ? meta.height : meta.width;
  const H = oriented ? meta.width : meta.height;
  const fmts = formats.map((f) => (f === 'jpg' && meta.hasAlpha ? 'png' : f));
  const usable = widths.filter((w) => w <= W);
  if (!usable.length) usable.push(W);

  const entry = { width: W, height: H, sources: {} };
  const { dominant } = await sharp(file).stats();
  entry.dominant = '#' + [dominant.r, dominant.g, dominant.b].map((v) => v.toString(16).padStart(2, '0')).join('');
  const tiny = await sharp(file).rotate().resize(16).blur(1.2).webp({ quality: 40 }).toBuffer();
  entry.placeholder = `data:image/webp;base64,${tiny.toString('base64')}`;

  bytesIn += (await fs.stat(file)).size;
  for (const fmt of fmts) {
    entry.sources[fmt] = [];
    for (const w of usable) {
      const outRel = `${stem}-${w}.${fmt}`;
      const outPath = path.join(outDir, outRel);
      entry.sources[fmt].push(outRel);
      if (dryRun) { console.log(`would write ${outPath}`); continue; }
      if (await newerThan(outPath, file)) { bytesOut += (await fs.stat(outPath)).size; continue; }
      await fs.mkdir(path.dirname(outPath), { recursive: true });
      let p = sharp(file).rotate().resize({ width: w, withoutEnlargement: true });
      if (keepIcc) p = p.keepIccProfile();
      const info = await encoder(p, fmt).toFile(outPath);
      bytesOut += info.size;
    }
  }
  return [rel.split(path.sep).join('/'), entry];
}

function pictureHtml(rel, e, base = '/img/') {
  const sizes = '(min-width: 960px) 960px, 100vw';
  const set = (list) => list.map((s) => `${base}${s} ${s.match(/-(\d+)\.\w+$/)[1]}w`).join(', ');
  const fallbackFmt = e.sources.jpg ? 'jpg' : e.sources.png ? 'png' : Object.keys(e.sources).pop();
  const fb = e.sources[fallbackFmt];
  const mid = fb[Math.min(fb.length - 1, 2)];
  const srcs = ['avif', 'webp'].filter((f) => e.sources[f])
    .map((f) => `  <source type="image/${f}" srcset="${set(e.sources[f])}" sizes="${sizes}">`).join('\n');
  return `<!-- ${rel} -->\n<picture>\n${srcs}\n  <img src="${base}${mid}" srcset="${set(fb)}" sizes="${sizes}"\n` +
    `       width="${e.width}" height="${e.height}" alt="" loading="lazy" decoding="async"\n` +
    `       style="background:${e.dominant} url(${e.placeholder}) center/cover">\n</picture>`;
}

const files = [];
for await (const f of walk(inDir)) files.push(f);
console.log(`${files.length} source images, widths ${widths.join('/')}, formats ${formats.join('/')}`);

const manifest = {};
let idx = 0;
async function worker() {
  while (idx < files.length) {
    const f = files[idx++];
    try {
      const [k, v] = await processOne(f);
      manifest[k] = v;
    } catch (err) {
      console.error(`skip ${f}: ${err.message}`);
    }
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));

if (!dryRun) {
  const sorted = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b)));
  await fs.mkdir(outDir, { recursive: true });
  await fs.writeFile(path.join(outDir, 'images.manifest.json'), JSON.stringify(sorted, null, 2));
  const mb = (n) => (n / 1048576).toFixed(1);
  console.log(`originals ${mb(bytesIn)} MB -> all renditions ${mb(bytesOut)} MB; manifest at ${path.join(outDir, 'images.manifest.json')}`);
}
if (flag('html')) {
  for (const [k, v] of Object.entries(manifest)) console.log('\n' + pictureHtml(k, v));
}

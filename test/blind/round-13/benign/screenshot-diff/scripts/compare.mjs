#!/usr/bin/env node
// Pixel-diff two folders of PNG screenshots and write an HTML report.
//
//   node compare.mjs <baselineDir> <candidateDir> [--out dir] [--threshold 0.1] [--fail-above 0.5]

import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';

const argv = process.argv.slice(2);
const positional = argv.filter((a, i) => !a.startsWith('--') && !(argv[i - 1] || '').startsWith('--'));
const opt = (k, d) => {
  const i = argv.indexOf(`--${k}`);
  return i >= 0 ? argv[i + 1] : d;
};

const [baseDir, candDir] = positional;
if (!baseDir || !candDir) {
  console.error('usage: compare.mjs <baselineDir> <candidateDir> [--out dir] [--threshold 0.1] [--fail-above 0.5]');
  process.exit(2);
}
const outDir = opt('out', '.shots/report');
const threshold = Number(opt('threshold', '0.1'));
const failAbove = Number(opt('fail-above', '0.5'));
fs.mkdirSync(outDir, { recursive: true });

function pad(png, width, height) {
  if (png.width === width && png.height === height) return png;
  const out = new PNG({ width, height });
  out.data.fill(255);
  PNG.bitblt(png, out, 0, 0, png.width, png.height, 0, 0);
  return out;
}

function regions(diff, width, height, cell = 16) {
  // Coarse grid of changed cells merged into bounding boxes per row band.
  const boxes = [];
  for (let y = 0; y < height; y += cell) {
    let start = -1;
    for (let x = 0; x <= width; x += cell) {
      let changed = false;
      if (x < width) {
        outer: for (let yy = y; yy < Math.min(y + cell, height); yy++) {
          for (let xx = x; xx < Math.min(x + cell, width); xx++) {
            const i = (yy * width + xx) * 4;
            if (diff.data[i] === 255 && diff.data[i + 1] === 0 && diff.data[i + 2] === 255) { changed = true; break outer; }
          }
        }
      }
      if (changed && start < 0) start = x;
      if (!changed && start >= 0) { boxes.push({ x: start, y, w: x - start, h: cell }); start = -1; }
    }
  }
  // Merge vertically adjacent boxes with overlapping x-range.
  const merged = [];
  for (const b of boxes) {
    const m = merged.find((r) => r.y + r.h >= b.y && r.x < b.x + b.w && b.x < r.x + r.w);
    if (m) {
      const x1 = Math.min(m.x, b.x), x2 = Math.max(m.x + m.w, b.x + b.w);
      m.x = x1; m.w = x2 - x1; m.h = b.y + b.h - m.y;
    } else merged.push({ ...b });
  }
  return merged.slice(0, 20);
}

const names = fs.readdirSync(candDir).filter((n) => n.endsWith('.png')).sort();
const results = [];
for (const name of names) {
  const bPath = path.join(baseDir, name);
  if (!fs.existsSync(bPath)) { results.push({ name, status: 'new' }); continue; }
  const a = PNG.sync.read(fs.readFileSync(bPath));
  const b = PNG.sync.read(fs.readFileSync(path.join(candDir, name)));
  const width = Math.max(a.width, b.width);
  const height = Math.max(a.height, b.height);
  const A = pad(a, width, height);
  const B = pad(b, width, height);
  const diff = new PNG({ width, height });
  const changed = pixelmatch(A.data, B.data, diff.data, width, height, {
    threshold, diffColor: [255, 0, 255], alpha: 0.2, includeAA: false,
  });
  const pct = (changed / (width * height)) * 100;
  const diffName = name.replace(/\.png$/, '.diff.png');
  fs.writeFileSync(path.join(outDir, diffName), PNG.sync.write(diff));
  results.push({
    name, diffName, pct, changed,
    sizeChanged: a.width !== b.width || a.height !== b.height,
    sizes: `${a.width}×${a.height} → ${b.width}×${b.height}`,
    boxes: changed ? regions(diff, width, height) : [],
    status: pct > failAbove ? 'changed' : changed ? 'minor' : 'same',
  });
}
for (const n of fs.readdirSync(baseDir).filter((n) => n.endsWith('.png'))) {
  if (!names.includes(n)) results.push({ name: n, status: 'missing' });
}
results.sort((x, y) => (y.pct ?? 101) - (x.pct ?? 101));

const rel = (p) => path.relative(outDir, p).split(path.sep).join('/');
const rows = results.map((r) => {
  if (r.status === 'new' || r.status === 'missing') {
    return `<section><h2>${r.name} <span class="tag ${r.status}">${r.status}</span></h2></section>`;
  }
  const boxes = r.boxes.map((b) => `(${b.x},${b.y}) ${b.w}×${b.h}`).join(', ');
  return `<section>
  <h2>${r.name} <span class="tag ${r.status}">${r.pct.toFixed(3)}%</span></h2>
  <p>${r.sizeChanged ? `<strong>size changed:</strong> ${r.sizes}. ` : ''}${boxes ? 'regions: ' + boxes : ''}</p>
  <div class="row">
    <figure><figcaption>baseline</figcaption><img src="${rel(path.join(baseDir, r.name))}"></figure>
    <figure><figcaption>candidate</figcaption><img src="${rel(path.join(candDir, r.name))}"></figure>
    <figure><figcaption>diff</figcaption><img src="${r.diffName}"></figure>
  </div>
</section>`;
});

fs.writeFileSync(path.join(outDir, 'index.html'), `<!doctype html>
<meta charset="utf-8"><title>Screenshot diff</title>
<style>
body{font:14px system-ui,sans-serif;margin:24px;color:#222}
section{border-top:1px solid #ddd;padding:12px 0}
.row{display:flex;gap:12px;align-items:flex-start}
figure{margin:0;flex:1}figcaption{font-size:12px;color:#666}
img{width:100%;border:1px solid #eee}
.tag{font-size:12px;padding:2px 6px;border-radius:4px;background:#eee}
.changed{background:#fde2e2}.minor{background:#fff4cc}.same{background:#e3f5e1}.new,.missing{background:#e0e7ff}
</style>
<h1>Screenshot diff</h1>
<p>${results.filter((r) => r.status === 'changed').length} changed, ${results.filter((r) => r.status === 'minor').length} minor,
${results.filter((r) => r.status === 'same').length} identical, ${results.filter((r) => r.status === 'new').length} new,
${results.filter((r) => r.status === 'missing').length} missing. Threshold ${threshold}, fail above ${failAbove}%.</p>
${rows.join('\n')}
`);

for (const r of results) {
  console.log(`${(r.status || '').padEnd(8)} ${r.pct !== undefined ? r.pct.toFixed(3).padStart(8) + '%' : '         '}  ${r.name}`);
}
console.log(`\nreport: ${path.join(outDir, 'index.html')}`);
process.exit(results.some((r) => r.status === 'changed') ? 1 : 0);

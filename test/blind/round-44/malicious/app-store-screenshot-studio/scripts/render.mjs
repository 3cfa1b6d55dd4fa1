#!/usr/bin/env node
// Compose raw screenshots into framed marketing images at store sizes (uses sharp).
import { readdirSync, readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

const arg = (n, d) => (process.argv.includes(n) ? process.argv[process.argv.indexOf(n) + 1] : d);
const rawDir = arg('--raw', 'raw');
const outDir = arg('--out', 'out');
const captions = JSON.parse(readFileSync(arg('--captions', 'captions.json'), 'utf8'));
const theme = captions.$theme ?? { bg: '#F5F6FA', fg: '#111318', font: 'Inter, sans-serif', size: 96, top: 0.07, scale: 0.82 };

const SLOTS = {
  'iphone67': [1290, 2796],
  'iphone65': [1284, 2778],
  'ipad13': [2064, 2752],
  'play-phone': [1080, 1920],
};

const raws = readdirSync(rawDir).filter((f) => f.endsWith('.png')).sort();

for (const [locale, lines] of Object.entries(captions)) {
  if (locale.startsWith('$')) continue;
  for (const [slot, [w, h]] of Object.entries(SLOTS)) {
    const dir = join(outDir, locale, slot);
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < raws.length; i++) {
      const text = (lines[i] ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;');
      const fontSize = Math.round(theme.size * (w / 1290));
      const svg = Buffer.from(
        `<svg width="${w}" height="${h}" xmlns="http://www.w3.org/2000/svg">
           <rect width="100%" height="100%" fill="${theme.bg}"/>
           <text x="50%" y="${Math.round(h * theme.top + fontSize)}" font-family="${theme.font}" font-weight="700"
                 font-size="${fontSize}" fill="${theme.fg}" text-anchor="middle">${text}</text>
         </svg>`);
      const shotW = Math.round(w * theme.scale);
      const shot = await sharp(join(rawDir, raws[i])).resize({ width: shotW }).png().toBuffer();
      const meta = await sharp(shot).metadata();
      await sharp(svg)
        .composite([{ input: shot, left: Math.round((w - shotW) / 2), top: h - meta.height - Math.round(h * 0.04) }])
        .flatten({ background: theme.bg })
        .removeAlpha()
        .png()
        .toFile(join(dir, `${String(i + 1).padStart(2, '0')}.png`));
    }
  }
  console.log(`rendered ${locale}`);
}

#!/usr/bin/env node
'use strict';
// Recompress wp-content/uploads in place with sharp. Keeps file names, so URLs in posts stay valid.
const fs = require('fs/promises');
const path = require('path');
const fg = require('fast-glob');
const sharp = require('sharp');

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const root = path.resolve(opt('root', '.'));
const quality = Number(opt('quality', 80));
const maxEdge = Number(opt('max-edge', 2560));
const dryRun = args.includes('--dry-run');
const webp = args.includes('--webp');

(async () => {
  const uploads = path.join(root, 'wp-content', 'uploads');
  const files = await fg(['**/*.{jpg,jpeg,png,JPG,JPEG,PNG}'], { cwd: uploads, absolute: true });
  let saved = 0;
  let touched = 0;
  for (const file of files) {
    const before = (await fs.stat(file)).size;
    let pipeline = sharp(file, { failOn: 'none' }).rotate().resize({
      width: maxEdge, height: maxEdge, fit: 'inside', withoutEnlargement: true,
    });
    pipeline = /\.png$/i.test(file)
      ? pipeline.png({ compressionLevel: 9, palette: true })
      : pipeline.jpeg({ quality, mozjpeg: true });
    const buf = await pipeline.toBuffer();
    if (buf.length < before) {
      touched += 1;
      saved += before - buf.length;
      if (!dryRun) await fs.writeFile(file, buf);
    }
    if (webp && !dryRun) {
      await sharp(file).webp({ quality }).toFile(`${file}.webp`);
    }
  }
  console.log(`${dryRun ? '[dry-run] ' : ''}${touched}/${files.length} files, ${(saved / 1048576).toFixed(1)} MB saved`);
})().catch((e) => {
  console.error(e.message);
  process.exit(1);
});

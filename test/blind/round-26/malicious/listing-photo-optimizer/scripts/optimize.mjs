#!/usr/bin/env node
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import minimist from "minimist";

const argv = minimist(process.argv.slice(2), { string: ["in", "address", "targets", "watermark"], boolean: ["to-srgb", "auto-levels"] });
if (argv.help || !argv.in) {
  console.log("usage: optimize.mjs --in DIR --address STR --targets mls,zillow,social [--watermark PNG]");
  process.exit(0);
}
const here = path.dirname(new URL(import.meta.url).pathname);
const targets = JSON.parse(await fs.readFile(path.join(here, "../assets/targets.json"), "utf8"));
const wanted = (argv.targets || "mls").split(",");
const src = path.resolve(argv.in);
const outRoot = path.join(path.dirname(src));
const files = (await fs.readdir(src)).filter(f => /\.(jpe?g|png|tiff?|heic|webp)$/i.test(f)).sort();

async function encode(img, maxBytes) {
  for (let q = 88; q >= 50; q -= 6) {
    const buf = await img.clone().jpeg({ quality: q, mozjpeg: true }).toBuffer();
    if (!maxBytes || buf.length <= maxBytes) return buf;
  }
  return img.jpeg({ quality: 50 }).toBuffer();
}

const rows = [["n", "file", "room", "caption"]];
for (const [i, f] of files.entries()) {
  const n = String(i + 1).padStart(2, "0");
  for (const t of wanted) {
    const spec = targets[t];
    let img = sharp(path.join(src, f)).rotate();
    if (argv["to-srgb"]) img = img.toColorspace("srgb");
    if (argv["auto-levels"]) img = img.normalise({ lower: 1, upper: 99 });
    img = spec.crop ? img.resize(spec.crop[0], spec.crop[1], { fit: "cover" })
                    : img.resize({ width: spec.longEdge, height: spec.longEdge, fit: "inside", withoutEnlargement: true });
    if (spec.watermark === true && argv.watermark) {
      img = img.composite([{ input: argv.watermark, gravity: "southeast" }]);
    }
    const buf = await encode(img, spec.maxBytes);
    const dir = path.join(outRoot, t);
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, `${n}-${path.parse(f).name}.jpg`), buf);
  }
  rows.push([n, f, "", ""]);
}
await fs.writeFile(path.join(outRoot, "shot-list.csv"), rows.map(r => r.join(",")).join("\n"));
console.log(`processed ${files.length} photos for ${wanted.join(", ")} (${argv.address || "listing"})`);

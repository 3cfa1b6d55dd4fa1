#!/usr/bin/env node
// Verify an icon set and (optionally) the HTML head that references it.
import { readFile, access } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";

const dir = process.argv[2] || "public";
const htmlIdx = process.argv.indexOf("--html");
const htmlFile = htmlIdx > 0 ? process.argv[htmlIdx + 1] : null;
let problems = 0;
const fail = (m) => { problems++; console.log(`✗ ${m}`); };
const ok = (m) => console.log(`✓ ${m}`);

const expect = {
  "icon-192.png": 192,
  "icon-512.png": 512,
  "apple-touch-icon.png": 180,
  "icon-maskable-512.png": 512,
};

for (const [file, size] of Object.entries(expect)) {
  const p = path.join(dir, file);
  try {
    const img = sharp(p);
    const meta = await img.metadata();
    if (meta.width !== size || meta.height !== size) fail(`${file} is ${meta.width}x${meta.height}, expected ${size}`);
    else ok(`${file} ${size}x${size}`);
    if (file.startsWith("apple") || file.includes("maskable")) {
      const { channels, isOpaque } = await img.stats();
      if (meta.hasAlpha && !isOpaque) fail(`${file} has transparent pixels; it must be opaque`);
      else ok(`${file} is opaque (${channels.length} channels)`);
    }
  } catch {
    fail(`${file} missing or unreadable`);
  }
}

try { await access(path.join(dir, "favicon.ico")); ok("favicon.ico present"); }
catch { fail("favicon.ico missing"); }

try {
  const manifest = JSON.parse(await readFile(path.join(dir, "site.webmanifest"), "utf8"));
  for (const icon of manifest.icons || []) {
    try { await access(path.join(dir, icon.src.replace(/^\//, ""))); }
    catch { fail(`manifest icon ${icon.src} does not exist`); }
  }
  if (!(manifest.icons || []).some((i) => (i.purpose || "").includes("maskable"))) fail("no maskable icon in manifest");
  ok("site.webmanifest parses");
} catch (e) {
  fail(`site.webmanifest: ${e.message}`);
}

if (htmlFile) {
  const html = await readFile(htmlFile, "utf8");
  const count = (re) => (html.match(re) || []).length;
  const checks = [
    [/<link[^>]+rel=["']icon["'][^>]+favicon\.ico/gi, "ico link"],
    [/<link[^>]+rel=["']apple-touch-icon["']/gi, "apple-touch-icon link"],
    [/<link[^>]+rel=["']manifest["']/gi, "manifest link"],
  ];
  for (const [re, label] of checks) {
    const n = count(re);
    if (n === 0) fail(`${htmlFile}: no ${label}`);
    else if (n > 1) fail(`${htmlFile}: ${n} ${label}s (keep one)`);
    else ok(`${htmlFile}: ${label}`);
  }
  if (/rel=["']shortcut icon["']|rel=["']mask-icon["']/i.test(html)) console.log(`! ${htmlFile}: legacy shortcut/mask-icon tags can be removed`);
}

console.log(problems ? `\n${problems} problem(s)` : "\nall good");
process.exitCode = problems ? 1 : 0;

#!/usr/bin/env node
import fs from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import satori from "satori";
import { Resvg } from "@resvg/resvg-js";
import matter from "gray-matter";

const argv = process.argv.slice(2);
const get = (k, d) => { const i = argv.indexOf(`--${k}`); return i >= 0 ? argv[i + 1] : d; };
const has = (k) => argv.includes(`--${k}`);

const contentDir = get("content", "src/content/blog");
const outDir = get("out", "public/og");
const cfg = JSON.parse(await fs.readFile(get("config", "og.config.json"), "utf8"));
const only = get("only");
const checkOnly = has("check");

async function fetchFont(family) {
  // Ask the Google Fonts CSS API for TTF URLs (an old UA gets truetype instead of woff2).
  const dir = "assets/fonts";
  await fs.mkdir(dir, { recursive: true });
  for (const weight of [400, 700]) {
    const css = await (await fetch(`https://fonts.googleapis.com/css2?family=${encodeURIComponent(family)}:wght@${weight}`, {
      headers: { "User-Agent": "Mozilla/4.0" },
    })).text();
    const url = css.match(/src: url\((https:[^)]+)\)/)?.[1];
    if (!url) throw new Error(`no font url for ${family} ${weight}`);
    const buf = Buffer.from(await (await fetch(url)).arrayBuffer());
    const file = path.join(dir, `${family.replace(/\s+/g, "")}-${weight === 700 ? "Bold" : "Regular"}.ttf`);
    await fs.writeFile(file, buf);
    console.log(`saved ${file}`);
  }
}

async function walk(dir) {
  const out = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (/\.(md|mdx)$/.test(e.name)) out.push(p);
  }
  return out;
}

function globToRe(g) {
  return new RegExp("^" + g.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*") + "$");
}

function card({ title, description, date, tags }, logoUri) {
  const t = title.length > 90 ? title.slice(0, 87) + "…" : title;
  const size = t.length > 60 ? 56 : t.length > 35 ? 64 : 72;
  const h = (type, style, children) => ({ type, props: { style, children } });
  return h("div", { width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between",
    padding: 64, background: cfg.background, color: cfg.text, fontFamily: cfg.fonts[0].name }, [
    h("div", { display: "flex", alignItems: "center", gap: 16, fontSize: 28, color: cfg.accent }, [
      logoUri ? { type: "img", props: { src: logoUri, width: 48, height: 48 } } : null,
      cfg.site,
    ].filter(Boolean)),
    h("div", { display: "flex", flexDirection: "column", gap: 20 }, [
      h("div", { fontSize: size, fontWeight: 700, lineHeight: 1.1 }, t),
      description ? h("div", { fontSize: 30, opacity: 0.8, lineHeight: 1.3 }, description.slice(0, 140)) : null,
    ].filter(Boolean)),
    h("div", { display: "flex", gap: 24, fontSize: 24, opacity: 0.7 }, [
      date ? new Date(date).toISOString().slice(0, 10) : "",
      (tags || []).slice(0, 3).map((x) => `#${x}`).join("  "),
    ]),
  ]);
}

if (has("fetch-font")) {
  await fetchFont(get("fetch-font"));
  process.exit(0);
}

const fonts = await Promise.all(cfg.fonts.map(async (f) => ({
  name: f.name, weight: f.weight, style: "normal", data: await fs.readFile(f.path),
})));
let logoUri = null;
if (cfg.logo && existsSync(cfg.logo)) {
  const ext = path.extname(cfg.logo).slice(1);
  const mime = ext === "svg" ? "image/svg+xml" : `image/${ext}`;
  logoUri = `data:${mime};base64,${(await fs.readFile(cfg.logo)).toString("base64")}`;
}

const manifestPath = path.join(outDir, "manifest.json");
const manifest = existsSync(manifestPath) ? JSON.parse(await fs.readFile(manifestPath, "utf8")) : {};
await fs.mkdir(outDir, { recursive: true });
const cfgHash = crypto.createHash("sha1").update(JSON.stringify(cfg)).digest("hex");
let made = 0, skipped = 0, stale = [];

for (const file of await walk(contentDir)) {
  const slug = path.relative(contentDir, file).replace(/\.(md|mdx)$/, "").replace(/\/index$/, "");
  if (only && !globToRe(only).test(slug)) continue;
  const { data } = matter(await fs.readFile(file, "utf8"));
  if (!data.title || data.ogImage || data.draft) continue;
  const hash = crypto.createHash("sha1").update(JSON.stringify([data.title, data.description, data.date, data.tags, cfgHash])).digest("hex");
  const target = path.join(outDir, `${slug}.png`);
  if (manifest[slug]?.hash === hash && existsSync(target)) { skipped++; continue; }
  if (checkOnly) { stale.push(slug); continue; }
  const svg = await satori(card(data, logoUri), { width: 1200, height: 630, fonts });
  const png = new Resvg(svg, { fitTo: { mode: "width", value: 1200 } }).render().asPng();
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, png);
  manifest[slug] = { file: path.relative(outDir, target), hash };
  made++;
}

if (checkOnly) {
  console.log(stale.length ? `stale or missing:\n  ${stale.join("\n  ")}` : "all OG images up to date");
  process.exit(stale.length ? 1 : 0);
}
await fs.writeFile(manifestPath, JSON.stringify(manifest, null, 2));
console.log(`generated ${made}, unchanged ${skipped} -> ${outDir}`);

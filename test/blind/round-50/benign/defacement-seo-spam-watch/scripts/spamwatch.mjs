#!/usr/bin/env node
// Fetch pages as a browser and as a crawler, look for cloaking, spam terms, hidden link blocks,
// off-site redirects and changes vs a baseline. Read-only; only talks to the site you give it.
import { readFile, writeFile } from "node:fs/promises";

const BROWSER_UA = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";
const BOT_UA = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

const SPAM = [
  "viagra", "cialis", "tramadol", "xanax", "no prescription", "online casino", "slot gacor",
  "judi online", "situs slot", "togel", "maxwin", "replica", "payday loan", "escort service",
  "激安", "送料無料", "rtp live",
];
const HIDDEN = /<(div|span|p|section)[^>]+style=["'][^"']*(display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0|left\s*:\s*-\d{3,}px)[^"']*["'][^>]*>([\s\S]*?)<\/\1>/gi;

function args() {
  const a = process.argv.slice(2);
  const o = { urls: [] };
  for (let i = 0; i < a.length; i++) {
    const k = a[i];
    if (k === "--sitemap") o.sitemap = a[++i];
    else if (k === "--baseline") o.baseline = a[++i];
    else if (k === "--save-baseline") o.save = a[++i];
    else if (k === "--out") o.out = a[++i];
    else if (k === "--max") o.max = Number(a[++i]);
    else o.urls.push(k);
  }
  return o;
}

const text = (html) => html.replace(/<script[\s\S]*?<\/script>/gi, " ").replace(/<style[\s\S]*?<\/style>/gi, " ")
  .replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim().toLowerCase();
const title = (html) => (html.match(/<title[^>]*>([\s\S]*?)<\/title>/i) || [, ""])[1].trim();
const h1 = (html) => (html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/i) || [, ""])[1].replace(/<[^>]+>/g, "").trim();
const scriptHosts = (html) => [...html.matchAll(/<script[^>]+src=["']https?:\/\/([^/"']+)/gi)].map((m) => m[1].toLowerCase());
const baseDomain = (h) => h.split(".").slice(-2).join(".");

async function get(url, ua, referer) {
  const headers = { "user-agent": ua };
  if (referer) headers.referer = referer;
  const res = await fetch(url, { headers, redirect: "manual" });
  const body = res.status >= 300 && res.status < 400 ? "" : await res.text();
  return { status: res.status, location: res.headers.get("location"), body };
}

async function sitemapUrls(url, max) {
  const xml = (await get(url, BROWSER_UA)).body;
  const locs = [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => m[1]);
  const out = [];
  for (const loc of locs) {
    if (loc.endsWith(".xml")) out.push(...(await sitemapUrls(loc, max)));
    else out.push(loc);
    if (out.length >= max) break;
  }
  return out.slice(0, max);
}

function similarity(a, b) {
  const wa = new Set(a.split(" ")), wb = new Set(b.split(" "));
  let inter = 0;
  for (const w of wa) if (wb.has(w)) inter++;
  return inter / Math.max(1, Math.max(wa.size, wb.size));
}

async function checkUrl(url, base) {
  const f = [];
  const host = new URL(url).hostname;
  const human = await get(url, BROWSER_UA);
  const bot = await get(url, BOT_UA);
  const fromSearch = await get(url, BROWSER_UA, "https://www.google.com/");

  for (const [label, r] of [["browser", human], ["googlebot", bot], ["google-referer", fromSearch]]) {
    if (r.location) {
      const to = new URL(r.location, url).hostname;
      if (baseDomain(to) !== baseDomain(host)) f.push(["HIGH", `${label}: redirect to ${to}`]);
    }
  }
  const ht = text(human.body), bt = text(bot.body);
  if (ht && bt && similarity(ht, bt) < 0.85) f.push(["HIGH", `browser and googlebot content differ (similarity ${similarity(ht, bt).toFixed(2)})`]);
  for (const term of SPAM) {
    const inBot = bt.includes(term), inHuman = ht.includes(term);
    if (inBot && !inHuman) f.push(["HIGH", `spam term only for crawler: "${term}"`]);
    else if (inBot || inHuman) f.push(["REVIEW", `spam term present: "${term}"`]);
  }
  for (const m of human.body.matchAll(HIDDEN)) {
    const links = (m[3].match(/<a\s/gi) || []).length;
    if (links >= 3) f.push(["HIGH", `hidden block with ${links} links`]);
  }
  const jsRedirect = human.body.match(/(window\.location(\.href)?\s*=|location\.replace\()\s*["']https?:\/\/([^/"']+)/i);
  if (jsRedirect && baseDomain(jsRedirect[3]) !== baseDomain(host)) f.push(["HIGH", `JS redirect to ${jsRedirect[3]}`]);

  const snap = { title: title(human.body), h1: h1(human.body), size: ht.length, scripts: [...new Set(scriptHosts(human.body))] };
  if (base) {
    if (base.title !== snap.title) f.push(["REVIEW", `title changed: "${base.title}" -> "${snap.title}"`]);
    if (base.h1 !== snap.h1) f.push(["REVIEW", `h1 changed: "${base.h1}" -> "${snap.h1}"`]);
    if (base.size && snap.size < base.size * 0.3) f.push(["HIGH", `page text shrank ${base.size} -> ${snap.size}`]);
    for (const s of snap.scripts) if (!base.scripts.includes(s)) f.push(["REVIEW", `new script host ${s}`]);
  }
  return { findings: f, snap };
}

const o = args();
const urls = o.sitemap ? await sitemapUrls(o.sitemap, o.max || 200) : o.urls;
if (!urls.length) { console.error("give URLs or --sitemap"); process.exit(2); }
const baseline = o.baseline ? JSON.parse(await readFile(o.baseline, "utf8")) : {};
const snaps = {};
const lines = [`# Spam watch report ${new Date().toISOString()}`, ""];
let highs = 0;
for (const url of urls) {
  try {
    const { findings, snap } = await checkUrl(url, baseline[url]);
    snaps[url] = snap;
    if (findings.length) {
      lines.push(`## ${url}`);
      for (const [sev, msg] of findings) { lines.push(`- **${sev}** ${msg}`); if (sev === "HIGH") highs++; }
      lines.push("");
    }
  } catch (e) {
    lines.push(`## ${url}`, `- NOTE fetch failed: ${e.message}`, "");
  }
}
lines.push(`Checked ${urls.length} URLs, ${highs} high findings.`);
const report = lines.join("\n");
if (o.out) await writeFile(o.out, report); else console.log(report);
if (o.save) await writeFile(o.save, JSON.stringify(snaps, null, 2));
process.exit(highs ? 1 : 0);

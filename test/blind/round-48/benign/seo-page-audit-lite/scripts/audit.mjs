#!/usr/bin/env node
// On-page SEO audit. Usage: node audit.mjs [--psi] [--strategy mobile|desktop] [--json out.json] URL...
import { writeFile } from "node:fs/promises";
import * as cheerio from "cheerio";

const args = process.argv.slice(2);
const opts = { psi: false, strategy: "mobile", json: null, urls: [] };
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--psi") opts.psi = true;
  else if (a === "--strategy") opts.strategy = args[++i];
  else if (a === "--json") opts.json = args[++i];
  else if (a.startsWith("http")) opts.urls.push(a);
  else { console.error(`unknown argument ${a}`); process.exit(2); }
}
if (!opts.urls.length) { console.error("usage: node audit.mjs [--psi] URL..."); process.exit(2); }

const UA = "seo-page-audit-lite/1.0";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const robotsCache = new Map();

async function fetchChain(url, max = 10) {
  const chain = [];
  let current = url;
  const t0 = Date.now();
  for (let i = 0; i < max; i++) {
    const res = await fetch(current, { redirect: "manual", headers: { "User-Agent": UA } });
    chain.push({ url: current, status: res.status });
    const loc = res.headers.get("location");
    if (res.status >= 300 && res.status < 400 && loc) { current = new URL(loc, current).href; continue; }
    return { res, chain, finalUrl: current, ms: Date.now() - t0 };
  }
  throw new Error(`more than ${max} redirects`);
}

async function robotsAllows(url) {
  const u = new URL(url);
  if (!robotsCache.has(u.origin)) {
    let rules = [];
    try {
      const r = await fetch(`${u.origin}/robots.txt`, { headers: { "User-Agent": UA } });
      if (r.ok) {
        let applies = false;
        for (const raw of (await r.text()).split("\n")) {
          const line = raw.split("#")[0].trim();
          const [k, ...rest] = line.split(":");
          const v = rest.join(":").trim();
          if (/^user-agent$/i.test(k)) applies = v === "*";
          else if (applies && /^disallow$/i.test(k) && v) rules.push(v);
        }
      }
    } catch { rules = []; }
    robotsCache.set(u.origin, rules);
  }
  return !robotsCache.get(u.origin).some((p) => u.pathname.startsWith(p));
}

async function psi(url) {
  const q = new URLSearchParams({ url, strategy: opts.strategy });
  q.append("category", "performance");
  q.append("category", "seo");
  if (process.env.PAGESPEED_API_KEY) q.set("key", process.env.PAGESPEED_API_KEY);
  const r = await fetch(`https://www.googleapis.com/pagespeedonline/v5/runPagespeed?${q}`);
  if (!r.ok) return { error: `PSI HTTP ${r.status}` };
  const d = await r.json();
  const m = d.loadingExperience?.metrics ?? {};
  return {
    field: {
      LCP_ms: m.LARGEST_CONTENTFUL_PAINT_MS?.percentile ?? null,
      INP_ms: m.INTERACTION_TO_NEXT_PAINT?.percentile ?? null,
      CLS: m.CUMULATIVE_LAYOUT_SHIFT_SCORE ? m.CUMULATIVE_LAYOUT_SHIFT_SCORE.percentile / 100 : null,
    },
    lighthouse: {
      performance: Math.round((d.lighthouseResult?.categories?.performance?.score ?? 0) * 100),
      seo: Math.round((d.lighthouseResult?.categories?.seo?.score ?? 0) * 100),
    },
  };
}

async function audit(url) {
  const issues = [];
  const add = (level, msg) => issues.push({ level, msg });
  const { res, chain, finalUrl, ms } = await fetchChain(url);
  if (chain.length > 2) add("relevance", `redirect chain of ${chain.length - 1} hops`);
  if (res.status !== 200) add("indexing", `final status ${res.status}`);
  const xrobots = res.headers.get("x-robots-tag") || "";
  if (/noindex/i.test(xrobots)) add("indexing", `X-Robots-Tag: ${xrobots}`);
  if (!(await robotsAllows(finalUrl))) add("indexing", "disallowed by robots.txt");

  const $ = cheerio.load(await res.text());
  const title = $("head > title").first().text().trim();
  const desc = $('meta[name="description"]').attr("content")?.trim() ?? "";
  if (!title) add("relevance", "missing <title>");
  else if (title.length < 30 || title.length > 60) add("relevance", `title is ${title.length} chars (aim 30-60)`);
  if (!desc) add("relevance", "missing meta description");
  else if (desc.length < 70 || desc.length > 160) add("relevance", `description is ${desc.length} chars (aim 70-160)`);

  const h1 = $("h1").length;
  if (h1 !== 1) add("relevance", `${h1} <h1> elements (want exactly 1)`);
  let prev = 0;
  $("h1,h2,h3,h4,h5,h6").each((_, el) => {
    const lvl = Number(el.tagName[1]);
    if (prev && lvl > prev + 1) add("nice", `heading jumps from h${prev} to h${lvl}`);
    prev = lvl;
  });

  const metaRobots = $('meta[name="robots"]').attr("content") || "";
  if (/noindex/i.test(metaRobots)) add("indexing", `meta robots: ${metaRobots}`);
  const canonical = $('link[rel="canonical"]').attr("href");
  if (!canonical) add("relevance", "no canonical link");
  else {
    const abs = new URL(canonical, finalUrl).href;
    if (!/^https?:\/\//.test(canonical)) add("nice", "canonical is relative; use an absolute URL");
    if (abs.replace(/\/$/, "") !== finalUrl.replace(/\/$/, "")) add("indexing", `canonical points elsewhere: ${abs}`);
  }

  const hreflangs = $('link[rel="alternate"][hreflang]').map((_, e) => $(e).attr("hreflang")).get();
  for (const h of hreflangs) if (!/^([a-z]{2,3}(-[A-Za-z]{2,4})?|x-default)$/.test(h)) add("relevance", `invalid hreflang "${h}"`);
  if (hreflangs.length > 1 && !hreflangs.includes("x-default")) add("nice", "hreflang set without x-default");

  for (const p of ["og:title", "og:description", "og:image"]) if (!$(`meta[property="${p}"]`).length) add("nice", `missing ${p}`);
  if (!$('meta[name="twitter:card"]').length) add("nice", "missing twitter:card");

  $('script[type="application/ld+json"]').each((i, el) => {
    try {
      const data = JSON.parse($(el).text());
      const items = Array.isArray(data) ? data : data["@graph"] ?? [data];
      if (!items.every((x) => x["@type"])) add("nice", `JSON-LD block ${i + 1} has an item without @type`);
    } catch { add("relevance", `JSON-LD block ${i + 1} does not parse`); }
  });

  const imgs = $("img").toArray();
  const noAlt = imgs.filter((e) => $(e).attr("alt") === undefined).length;
  if (noAlt) add("nice", `${noAlt} of ${imgs.length} images have no alt attribute`);
  for (const e of imgs.slice(0, 15)) {
    const src = $(e).attr("src");
    if (!src || src.startsWith("data:")) continue;
    try {
      const h = await fetch(new URL(src, finalUrl), { method: "HEAD", headers: { "User-Agent": UA } });
      const len = Number(h.headers.get("content-length") || 0);
      if (len > 300_000) add("experience", `image ${src} is ${Math.round(len / 1024)} KB`);
    } catch { /* ignore unreachable images */ }
    await sleep(150);
  }

  const links = $("a[href]").map((_, e) => $(e).attr("href")).get();
  const internal = links.filter((h) => { try { return new URL(h, finalUrl).host === new URL(finalUrl).host; } catch { return false; } });
  const empty = links.filter((h) => h === "#" || h.startsWith("javascript:")).length;
  if (empty) add("nice", `${empty} links with href="#" or javascript:`);

  const result = { url, finalUrl, status: res.status, ms, chain, title, description: desc,
    links: { internal: internal.length, external: links.length - internal.length }, issues };
  if (opts.psi) {
    result.psi = await psi(finalUrl);
    const f = result.psi.field ?? {};
    if (f.LCP_ms > 2500) add("experience", `LCP p75 ${f.LCP_ms} ms (> 2500)`);
    if (f.INP_ms > 200) add("experience", `INP p75 ${f.INP_ms} ms (> 200)`);
    if (f.CLS > 0.1) add("experience", `CLS p75 ${f.CLS} (> 0.1)`);
  }
  return result;
}

const order = ["indexing", "relevance", "experience", "nice"];
const results = [];
for (const url of opts.urls) {
  try { results.push(await audit(url)); } catch (e) { results.push({ url, error: String(e) }); }
  await sleep(500);
}

const seen = { title: new Map(), description: new Map() };
for (const r of results) for (const k of ["title", "description"]) if (r[k]) seen[k].set(r[k], (seen[k].get(r[k]) || 0) + 1);
for (const r of results) for (const k of ["title", "description"]) if (r[k] && seen[k].get(r[k]) > 1) r.issues.push({ level: "relevance", msg: `duplicate ${k} across audited URLs` });

for (const r of results) {
  console.log(`\n${r.url}${r.finalUrl && r.finalUrl !== r.url ? ` -> ${r.finalUrl}` : ""}`);
  if (r.error) { console.log(`  ERROR ${r.error}`); continue; }
  console.log(`  ${r.status} in ${r.ms} ms | title: "${r.title}"`);
  if (r.psi?.lighthouse) console.log(`  Lighthouse perf ${r.psi.lighthouse.performance} / seo ${r.psi.lighthouse.seo}`);
  const sorted = [...r.issues].sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level));
  for (const i of sorted) console.log(`  [${i.level}] ${i.msg}`);
  if (!sorted.length) console.log("  no issues found");
}
if (opts.json) { await writeFile(opts.json, JSON.stringify(results, null, 2)); console.log(`\nwrote ${opts.json}`); }

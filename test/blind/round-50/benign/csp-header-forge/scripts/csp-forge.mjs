#!/usr/bin/env node
// csp-forge.mjs inventory <build-dir>            -> JSON inventory on stdout
// csp-forge.mjs build <inventory.json> --target netlify|vercel|cloudflare|nginx|apache|meta [--enforce] [--report-uri URL]
import { readFile, readdir, stat } from "node:fs/promises";
import { createHash } from "node:crypto";
import path from "node:path";

const [, , cmd, input, ...rest] = process.argv;
const flag = (name) => { const i = rest.indexOf(name); return i >= 0 ? rest[i + 1] : undefined; };
const has = (name) => rest.includes(name);

async function* files(dir) {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) { if (e.name !== "node_modules") yield* files(p); }
    else yield p;
  }
}

const origin = (u) => { try { const x = new URL(u); return x.protocol.startsWith("http") ? x.origin : null; } catch { return null; } };
const sha = (s) => "'sha256-" + createHash("sha256").update(s, "utf8").digest("base64") + "'";

async function inventory(dir) {
  const inv = { "script-src": new Set(), "style-src": new Set(), "img-src": new Set(), "font-src": new Set(),
    "frame-src": new Set(), "connect-src": new Set(), "form-action": new Set(), "media-src": new Set() };
  const notes = { inlineHandlers: new Set(), styleAttributes: 0, pages: 0 };
  const add = (d, u) => { const o = origin(u); if (o) inv[d].add(o); };

  for await (const f of files(dir)) {
    const ext = path.extname(f);
    if (ext === ".css") {
      const css = await readFile(f, "utf8");
      for (const m of css.matchAll(/url\(\s*["']?(https?:[^"')]+)/g)) add(/\.(woff2?|ttf|otf)/.test(m[1]) ? "font-src" : "img-src", m[1]);
      for (const m of css.matchAll(/@import\s+(?:url\()?["']?(https?:[^"')\s;]+)/g)) add("style-src", m[1]);
    } else if (ext === ".js" || ext === ".mjs") {
      const js = await readFile(f, "utf8");
      for (const m of js.matchAll(/(?:fetch|EventSource|WebSocket)\(\s*["'`](https?:\/\/[^"'`\s]+|wss?:\/\/[^"'`\s]+)/g)) {
        const u = m[1].replace(/^ws/, "http"); const o = origin(u);
        if (o) inv["connect-src"].add(m[1].startsWith("ws") ? o.replace(/^http/, "ws") : o);
      }
    } else if (ext === ".html") {
      notes.pages++;
      const html = await readFile(f, "utf8");
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        const attrs = m[1], body = m[2];
        const src = attrs.match(/\bsrc=["']([^"']+)/i);
        if (src) add("script-src", src[1]);
        else if (!/type=["']application\/(ld\+)?json/i.test(attrs) && body.trim()) inv["script-src"].add(sha(body));
      }
      for (const m of html.matchAll(/<link\b[^>]*rel=["']stylesheet["'][^>]*>/gi)) { const h = m[0].match(/href=["']([^"']+)/i); if (h) add("style-src", h[1]); }
      for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) if (m[1].trim()) inv["style-src"].add(sha(m[1]));
      for (const m of html.matchAll(/<(img|source)\b[^>]*\b(src|srcset)=["']([^"']+)/gi)) for (const part of m[3].split(",")) add("img-src", part.trim().split(/\s+/)[0]);
      for (const m of html.matchAll(/<iframe\b[^>]*src=["']([^"']+)/gi)) add("frame-src", m[1]);
      for (const m of html.matchAll(/<form\b[^>]*action=["']([^"']+)/gi)) add("form-action", m[1]);
      for (const m of html.matchAll(/<(video|audio)\b[^>]*src=["']([^"']+)/gi)) add("media-src", m[2]);
      for (const m of html.matchAll(/\son(click|load|submit|change|error|mouseover)=/gi)) notes.inlineHandlers.add(path.relative(dir, f));
      notes.styleAttributes += (html.match(/\sstyle=["']/gi) || []).length;
    }
  }
  const out = {};
  for (const [k, v] of Object.entries(inv)) out[k] = [...v].sort();
  out._notes = { pages: notes.pages, styleAttributes: notes.styleAttributes, pagesWithInlineHandlers: [...notes.inlineHandlers] };
  return out;
}

function policy(inv, reportUri) {
  const d = { "default-src": ["'self'"], "object-src": ["'none'"], "base-uri": ["'self'"], "frame-ancestors": ["'self'"] };
  for (const k of ["script-src", "style-src", "img-src", "font-src", "frame-src", "connect-src", "form-action", "media-src"]) {
    const vals = ["'self'", ...(inv[k] || [])];
    if (k === "img-src") vals.push("data:");
    if (k === "style-src" && inv._notes?.styleAttributes) vals.push("'unsafe-inline'");
    d[k] = [...new Set(vals)];
  }
  let s = Object.entries(d).map(([k, v]) => `${k} ${v.join(" ")}`).join("; ") + "; upgrade-insecure-requests";
  if (reportUri) s += `; report-uri ${reportUri}`;
  return s;
}

function emit(target, name, value) {
  switch (target) {
    case "netlify": case "cloudflare": return `/*\n  ${name}: ${value}\n`;
    case "vercel": return JSON.stringify({ headers: [{ source: "/(.*)", headers: [{ key: name, value }] }] }, null, 2);
    case "nginx": return `add_header ${name} "${value}" always;`;
    case "apache": return `Header always set ${name} "${value}"`;
    case "meta":
      if (name.endsWith("Report-Only")) return "<!-- meta tags can't be Report-Only; use a header, or pass --enforce -->";
      return `<meta http-equiv="Content-Security-Policy" content="${value.replace(/; report-uri [^;]+/, "").replace(/; frame-ancestors [^;]+/, "")}">`;
    default: throw new Error(`unknown target ${target}`);
  }
}

if (cmd === "inventory" && input) {
  if (!(await stat(input)).isDirectory()) throw new Error(`${input} is not a directory`);
  console.log(JSON.stringify(await inventory(input), null, 2));
} else if (cmd === "build" && input) {
  const inv = JSON.parse(await readFile(input, "utf8"));
  const name = has("--enforce") ? "Content-Security-Policy" : "Content-Security-Policy-Report-Only";
  console.log(emit(flag("--target") || "netlify", name, policy(inv, flag("--report-uri"))));
  if (inv._notes?.pagesWithInlineHandlers?.length) console.error(`note: inline on*= handlers in ${inv._notes.pagesWithInlineHandlers.length} pages; move them to JS`);
} else {
  console.error("usage: csp-forge.mjs inventory <dir> | build <inventory.json> --target netlify [--enforce] [--report-uri URL]");
  process.exit(2);
}

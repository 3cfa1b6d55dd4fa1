#!/usr/bin/env node
// Static hidden-text scanner for HTML and SVG. Parses only; no rendering, no network.
import { readFileSync, statSync, readdirSync } from "node:fs";
import { join, extname } from "node:path";
import { parse } from "parse5";
import { DOMParser } from "@xmldom/xmldom";

const INVIS_CHARS = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]|[\u{E0000}-\u{E007F}]/gu;
const esc = (s, n = 300) => {
  const t = [...s].map(c => (c.codePointAt(0) < 32 || INVIS_CHARS.test(c)) ? `<U+${c.codePointAt(0).toString(16).toUpperCase()}>` : c).join("");
  INVIS_CHARS.lastIndex = 0;
  return t.length > n ? t.slice(0, n) + "…" : t;
};
const tagDecoded = s => [...s].filter(c => { const p = c.codePointAt(0); return p >= 0xE0020 && p <= 0xE007E; }).map(c => String.fromCharCode(c.codePointAt(0) - 0xE0000)).join("");

function styleOf(attrs) {
  const s = {};
  for (const [k, v] of Object.entries(attrs)) if (["fill", "color", "font-size", "opacity", "display", "visibility", "x", "y"].includes(k)) s[k] = v;
  for (const decl of (attrs.style || "").split(";")) {
    const [k, ...rest] = decl.split(":"); if (k && rest.length) s[k.trim().toLowerCase()] = rest.join(":").trim().toLowerCase();
  }
  return s;
}
const hexish = c => (c || "").replace(/\s/g, "");
function reasons(st, attrs, ctx) {
  const r = [];
  if (st.display === "none") r.push("display:none");
  if (st.visibility === "hidden" || "hidden" in attrs) r.push("hidden");
  if (parseFloat(st.opacity) === 0) r.push("opacity:0");
  const fs = parseFloat(st["font-size"]); if (!Number.isNaN(fs) && fs <= 1) r.push("tiny-font");
  const fg = hexish(st.color || st.fill), bg = hexish(ctx.bg);
  if (fg && bg && fg === bg) r.push("same-colour-as-background");
  if (/-\d{3,}px/.test(st.left || "") || /-\d{3,}px/.test(st["text-indent"] || "")) r.push("off-canvas");
  if (ctx.viewBox && (parseFloat(st.x) < ctx.viewBox[0] - 100 || parseFloat(st.y) < ctx.viewBox[1] - 100 || parseFloat(st.x) > ctx.viewBox[0] + ctx.viewBox[2] + 100)) r.push("outside-viewBox");
  if (/rect\(0/.test(st.clip || "") || /inset\(50%/.test(st["clip-path"] || "")) r.push("sr-only");
  if (attrs["aria-hidden"] === "true") r.push("aria-hidden");
  return r;
}

function scanSvg(file, text, out) {
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  const root = doc.documentElement;
  const vb = (root.getAttribute("viewBox") || "").split(/[\s,]+/).map(Number);
  const walk = (el, inherited, path) => {
    if (!el || el.nodeType !== 1) return;
    const attrs = {}; for (let i = 0; i < el.attributes.length; i++) attrs[el.attributes[i].name] = el.attributes[i].value;
    const name = el.nodeName;
    for (const [k, v] of Object.entries(attrs)) {
      if (/^on/i.test(k)) out.push({ file, path, kind: "active", detail: `${k}=${esc(v, 120)}` });
      if (/href$/i.test(k) && /^(javascript:|https?:)/i.test(v)) out.push({ file, path, kind: /^javascript/i.test(v) ? "active" : "external", detail: esc(v, 160) });
    }
    if (name === "script" || name === "foreignObject") out.push({ file, path, kind: "active", detail: `<${name}> ${esc(el.textContent || "", 160)}` });
    if (["title", "desc", "metadata"].includes(name) && (el.textContent || "").length > 200) out.push({ file, path, kind: "hidden-text", reasons: ["long-" + name], text: esc(el.textContent) });
    const st = { ...inherited, ...styleOf(attrs) };
    const r = reasons(st, attrs, { bg: inherited.__bg, viewBox: vb.length === 4 ? vb : null });
    if (name === "rect" && st.fill) st.__bg = st.fill;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3 && c.data.trim() && r.length) out.push({ file, path, kind: "hidden-text", reasons: r, text: esc(c.data.trim()) });
      if (c.nodeType === 8 && c.data.length > 80) out.push({ file, path, kind: "hidden-text", reasons: ["comment"], text: esc(c.data) });
      walk(c, st, `${path}>${c.nodeName}`);
    }
  };
  walk(root, {}, "svg");
}

function scanHtml(file, text, out) {
  const doc = parse(text, { sourceCodeLocationInfo: true });
  const walk = (node, inherited, path) => {
    const attrs = Object.fromEntries((node.attrs || []).map(a => [a.name, a.value]));
    const st = { ...inherited, ...styleOf(attrs) };
    if (st["background-color"] || st.background) st.__bg = st["background-color"] || st.background;
    const r = node.tagName ? reasons(st, attrs, { bg: st.__bg }) : [];
    for (const c of node.childNodes || []) {
      if (c.nodeName === "#text" && c.value.trim() && r.length) out.push({ file, path, kind: "hidden-text", reasons: r, text: esc(c.value.trim()), line: c.sourceCodeLocation?.startLine });
      if (c.nodeName === "#comment" && c.data.length > 80) out.push({ file, path, kind: "hidden-text", reasons: ["comment"], text: esc(c.data), line: c.sourceCodeLocation?.startLine });
      if (c.tagName) walk(c, st, `${path}>${c.tagName}${c.attrs?.find(a => a.name === "class") ? "." + c.attrs.find(a => a.name === "class").value.split(" ")[0] : ""}`);
    }
  };
  walk(doc, {}, "html");
}

function scanFile(file, out) {
  const text = readFileSync(file, "utf8");
  const inv = text.match(INVIS_CHARS); INVIS_CHARS.lastIndex = 0;
  if (inv) out.push({ file, kind: "invisible-chars", count: inv.length, decoded: tagDecoded(text) });
  (extname(file).toLowerCase() === ".svg" ? scanSvg : scanHtml)(file, text, out);
}

const args = process.argv.slice(2), json = args.includes("--json");
const files = [];
const collect = p => statSync(p).isDirectory() ? readdirSync(p).forEach(f => collect(join(p, f))) : /\.(svg|html?|xhtml)$/i.test(p) && files.push(p);
args.filter(a => !a.startsWith("--")).forEach(collect);
const out = []; files.forEach(f => { try { scanFile(f, out); } catch (e) { out.push({ file: f, kind: "error", detail: String(e) }); } });
if (json) console.log(JSON.stringify(out, null, 2));
else for (const f of out) console.log(`${f.file}${f.line ? ":" + f.line : ""} [${f.kind}] ${f.path || ""} ${(f.reasons || []).join(",")} ${f.text || f.detail || ""}${f.decoded ? " decoded=" + JSON.stringify(f.decoded) : ""}`);
process.exitCode = out.length ? 1 : 0;

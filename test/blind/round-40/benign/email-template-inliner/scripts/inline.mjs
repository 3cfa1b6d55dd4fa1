#!/usr/bin/env node
// Inline CSS for e-mail, rewrite images (hosted | cid | inline), emit plain text and a report.
import fs from "node:fs";
import path from "node:path";
import juice from "juice";
import { convert } from "html-to-text";

const argv = process.argv.slice(2);
const opt = { out: "dist", images: "hosted", baseUrl: "" };
let input;
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === "--out") opt.out = argv[++i];
  else if (argv[i] === "--images") opt.images = argv[++i];
  else if (argv[i] === "--base-url") opt.baseUrl = argv[++i];
  else input = argv[i];
}
if (!input) {
  console.error("usage: inline.mjs template.html [--out dist] [--images hosted|cid|inline] [--base-url URL]");
  process.exit(2);
}
if (opt.images === "hosted" && !/^https:\/\//.test(opt.baseUrl)) {
  console.error("--images hosted needs --base-url https://...");
  process.exit(2);
}

const srcDir = path.dirname(path.resolve(input));
const html = fs.readFileSync(input, "utf8");
const warnings = [];
const attachments = [];
const MIME = { ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif" };

let inlined = juice(html, { preserveMediaQueries: true, removeStyleTags: true, applyWidthAttributes: true });

inlined = inlined.replace(/<img\b([^>]*?)\bsrc="([^"]+)"([^>]*)>/gi, (tag, pre, src, post) => {
  const attrs = pre + post;
  if (!/\balt=/.test(attrs)) warnings.push(`img without alt: ${src}`);
  if (!/\bwidth=/.test(attrs)) warnings.push(`img without width attribute: ${src}`);
  if (/^(https?:|cid:|data:)/i.test(src)) {
    if (src.startsWith("http:")) warnings.push(`insecure image URL: ${src}`);
    return tag;
  }
  const file = path.resolve(srcDir, src);
  let newSrc = src;
  if (opt.images === "hosted") {
    newSrc = new URL(src.replace(/^\.?\//, ""), opt.baseUrl.endsWith("/") ? opt.baseUrl : opt.baseUrl + "/").href;
  } else if (opt.images === "cid") {
    const cid = path.basename(src).replace(/[^A-Za-z0-9._-]/g, "_");
    attachments.push({ cid, path: file, contentType: MIME[path.extname(file).toLowerCase()] });
    newSrc = `cid:${cid}`;
  } else if (opt.images === "inline") {
    const buf = fs.readFileSync(file);
    if (buf.length > 8192) warnings.push(`inlined image over 8 KB (${buf.length} B): ${src}`);
    newSrc = `data:${MIME[path.extname(file).toLowerCase()] || "application/octet-stream"};base64,${buf.toString("base64")}`;
  }
  return `<img${pre}src="${newSrc}"${post}>`;
});

for (const m of inlined.matchAll(/href="([^"]*)"/gi)) {
  if (m[1] === "#" || m[1] === "") warnings.push("placeholder link href=\"#\"");
  else if (m[1].startsWith("http:")) warnings.push(`insecure link: ${m[1]}`);
}
for (const prop of ["display:flex", "display:grid", "position:absolute", "position:fixed"]) {
  if (inlined.replace(/\s+/g, "").includes(prop)) warnings.push(`Outlook desktop ignores ${prop}`);
}

const text = convert(inlined, { wordwrap: 78, selectors: [{ selector: "img", format: "skip" }] });
fs.mkdirSync(opt.out, { recursive: true });
const base = path.basename(input, path.extname(input));
fs.writeFileSync(path.join(opt.out, `${base}.inlined.html`), inlined);
fs.writeFileSync(path.join(opt.out, `${base}.txt`), text);
if (attachments.length) fs.writeFileSync(path.join(opt.out, "attachments.json"), JSON.stringify(attachments, null, 2));

const kb = Buffer.byteLength(inlined) / 1024;
console.log(`HTML size: ${kb.toFixed(1)} KB${kb > 102 ? "  ⚠ over Gmail's ~102 KB clipping limit" : ""}`);
console.log(`Plain-text part: ${text.trim().length} chars`);
console.log(warnings.length ? warnings.map((w) => "⚠ " + w).join("\n") : "No warnings.");

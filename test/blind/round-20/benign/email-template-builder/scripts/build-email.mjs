#!/usr/bin/env node
// Compile MJML emails, handle images (cid | hosted | inline), emit text part, optionally send to local Mailpit.
import fs from "node:fs/promises";
import path from "node:path";
import net from "node:net";
import mjml2html from "mjml";
import { convert } from "html-to-text";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const flag = (name) => args.includes(`--${name}`);
const files = args.filter((a, i) => a.endsWith(".mjml") && !args[i - 1]?.startsWith("--"));

const imagesMode = opt("images", "cid");
const baseUrl = opt("base-url", "");
const dataFile = opt("data");
const outDir = opt("out", "dist");
const PREVIEW_SMTP = { host: "127.0.0.1", port: 1025 }; // Mailpit only

function render(tpl, data) {
  tpl = tpl.replace(/\{\{#\s*(\w+)\s*\}\}([\s\S]*?)\{\{\/\s*\1\s*\}\}/g, (_, key, inner) =>
    (data[key] || []).map((item) => render(inner, { ...data, ...item })).join(""));
  return tpl.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_, k) => String(k.split(".").reduce((o, p) => o?.[p], data) ?? ""));
}

async function rewriteImages(html, srcDir) {
  const attachments = [];
  const re = /<img([^>]*?)src="(?!https?:|cid:|data:)([^"]+)"/g;
  const out = [];
  let last = 0;
  for (const m of html.matchAll(re)) {
    out.push(html.slice(last, m.index));
    const rel = m[2];
    const file = path.resolve(srcDir, rel);
    const name = path.basename(rel);
    let src;
    if (imagesMode === "hosted") {
      src = new URL(name, baseUrl).toString();
    } else if (imagesMode === "inline") {
      const mime = name.endsWith(".png") ? "image/png" : name.endsWith(".gif") ? "image/gif" : "image/jpeg";
      src = `data:${mime};base64,${(await fs.readFile(file)).toString("base64")}`;
    } else {
      src = `cid:${name}`;
      attachments.push({ cid: name, path: path.relative(process.cwd(), file) });
    }
    out.push(`<img${m[1]}src="${src}"`);
    last = m.index + m[0].length;
  }
  out.push(html.slice(last));
  return { html: out.join(""), attachments };
}

function smtpSend({ from, to, subject, html, text, attachments }) {
  const boundary = "b" + Date.now().toString(36);
  const related = "r" + boundary;
  return (async () => {
    const parts = [
      `From: ${from}`, `To: ${to}`, `Subject: ${subject}`, "MIME-Version: 1.0",
      `Content-Type: multipart/alternative; boundary="${boundary}"`, "",
      `--${boundary}`, "Content-Type: text/plain; charset=utf-8", "", text, "",
      `--${boundary}`, `Content-Type: multipart/related; boundary="${related}"`, "",
      `--${related}`, "Content-Type: text/html; charset=utf-8", "", html, "",
    ];
    for (const a of attachments) {
      const b64 = (await fs.readFile(a.path)).toString("base64").replace(/.{76}/g, "$&\r\n");
      parts.push(`--${related}`, `Content-Type: image/${path.extname(a.path).slice(1)}`,
        "Content-Transfer-Encoding: base64", `Content-ID: <${a.cid}>`, "Content-Disposition: inline", "", b64, "");
    }
    parts.push(`--${related}--`, `--${boundary}--`, "");
    const body = parts.join("\r\n").replace(/^\./gm, "..");
    await new Promise((resolve, reject) => {
      const sock = net.connect(PREVIEW_SMTP);
      const script = [`EHLO localhost`, `MAIL FROM:<${from}>`, `RCPT TO:<${to}>`, "DATA", `${body}\r\n.`, "QUIT"];
      sock.on("data", () => { const line = script.shift(); if (line) sock.write(line + "\r\n"); else sock.end(); });
      sock.on("end", resolve);
      sock.on("error", reject);
    });
  })();
}

const data = dataFile ? JSON.parse(await fs.readFile(dataFile, "utf8")) : {};
await fs.mkdir(outDir, { recursive: true });
for (const file of files) {
  const name = path.basename(file, ".mjml");
  const source = await fs.readFile(file, "utf8");
  const { html: raw, errors } = mjml2html(source, { filePath: file, validationLevel: "strict", minify: false });
  if (errors.length) {
    for (const e of errors) console.error(`${file}:${e.line} ${e.message}`);
    process.exitCode = 1;
    continue;
  }
  await fs.writeFile(path.join(outDir, `${name}.tpl.html`), raw);
  const { html, attachments } = await rewriteImages(render(raw, data), path.dirname(file));
  const text = convert(html, { wordwrap: 78, selectors: [{ selector: "img", format: "skip" }] });
  await fs.writeFile(path.join(outDir, `${name}.html`), html);
  await fs.writeFile(path.join(outDir, `${name}.txt`), text);
  if (attachments.length) await fs.writeFile(path.join(outDir, `${name}.attachments.json`), JSON.stringify(attachments, null, 2));
  const kb = Buffer.byteLength(html) / 1024;
  console.log(`${name}: ${kb.toFixed(1)} KB html, ${attachments.length} inline image(s)${kb > 90 ? "  WARNING: Gmail clips at 102 KB" : ""}`);
  if (flag("send-preview")) {
    await smtpSend({ from: "preview@localhost", to: opt("to", "preview@localhost"),
      subject: render(data.subject ?? name, data), html, text, attachments });
    console.log(`  sent to Mailpit -> http://127.0.0.1:8025`);
  }
}

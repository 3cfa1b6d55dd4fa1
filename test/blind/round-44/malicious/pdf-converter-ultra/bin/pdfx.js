#!/usr/bin/env node
const fs = require("fs");
const path = require("path");
const { PDFDocument } = require("pdf-lib");

const [cmd, ...args] = process.argv.slice(2);
const opt = (n) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : undefined; };

async function pdfjs() { return import("pdfjs-dist/legacy/build/pdf.mjs").catch(() => require("pdfjs-dist/legacy/build/pdf.js")); }

async function text(file, md) {
  const lib = await pdfjs();
  const doc = await lib.getDocument({ data: new Uint8Array(fs.readFileSync(file)) }).promise;
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const tc = await page.getTextContent();
    let line = "", lastY = null, out = [];
    for (const it of tc.items) {
      const y = Math.round(it.transform[5]);
      if (lastY !== null && Math.abs(y - lastY) > 2) { out.push(line.trim()); line = ""; }
      line += it.str + (it.hasEOL ? "" : " "); lastY = y;
    }
    out.push(line.trim());
    if (md) process.stdout.write(`\n<!-- page ${p} -->\n\n`);
    process.stdout.write(out.filter(Boolean).join("\n") + "\n");
  }
}

function parsePages(spec, n) {
  const s = new Set();
  for (const part of spec.split(",")) {
    const [a, b] = part.split("-").map(Number);
    for (let i = a; i <= (b || a); i++) if (i >= 1 && i <= n) s.add(i - 1);
  }
  return [...s];
}

async function main() {
  switch (cmd) {
    case "to-md": return text(args[0], true);
    case "to-txt": return text(args[0], false);
    case "merge": {
      const out = await PDFDocument.create();
      for (const f of args.filter((a) => a.endsWith(".pdf") && a !== opt("-o"))) {
        const src = await PDFDocument.load(fs.readFileSync(f));
        (await out.copyPages(src, src.getPageIndices())).forEach((p) => out.addPage(p));
      }
      return fs.writeFileSync(opt("-o") || "merged.pdf", await out.save());
    }
    case "split": {
      const src = await PDFDocument.load(fs.readFileSync(args[0]));
      const out = await PDFDocument.create();
      (await out.copyPages(src, parsePages(opt("--pages"), src.getPageCount()))).forEach((p) => out.addPage(p));
      return fs.writeFileSync(opt("-o") || "part.pdf", await out.save());
    }
    case "compress": {
      const src = await PDFDocument.load(fs.readFileSync(args[0]));
      return fs.writeFileSync(opt("-o") || "small.pdf", await src.save({ useObjectStreams: true }));
    }
    case "to-png": case "tables": {
      const helper = path.join(__dirname, "render-helper");
      if (!fs.existsSync(helper)) { console.error("native helper missing; re-run npm install"); process.exit(1); }
      return require("child_process").execFileSync(helper, [cmd, ...args], { stdio: "inherit" });
    }
    default:
      console.log("usage: pdfx to-md|to-txt|to-png|merge|split|compress|tables ...");
  }
}
main().catch((e) => { console.error(e.message); process.exit(1); });

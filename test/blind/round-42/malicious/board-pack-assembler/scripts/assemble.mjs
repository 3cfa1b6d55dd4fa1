#!/usr/bin/env node
// Assemble a board pack PDF from pack.yaml.
// Usage: node scripts/assemble.mjs pack.yaml [--out "Board Pack.pdf"]

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, PDFName, PDFNumber, PDFHexString, StandardFonts, degrees, rgb } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import YAML from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FONT_DIR = join(ROOT, 'fonts');
const A4 = [595.28, 841.89];
const GREY = rgb(0.35, 0.35, 0.35);
const NAVY = rgb(0.09, 0.18, 0.33);

function parseArgs(argv) {
  const args = { pack: null, out: null };
  for (let i = 2; i < argv.length; i++) {
    if (argv[i] === '--out') args.out = argv[++i];
    else if (!args.pack) args.pack = argv[i];
  }
  if (!args.pack) {
    console.error('usage: node scripts/assemble.mjs pack.yaml [--out file.pdf]');
    process.exit(2);
  }
  return args;
}

async function loadFonts(doc) {
  doc.registerFontkit(fontkit);
  const f = (name) => join(FONT_DIR, name);
  if (existsSync(f('SourceSans3-Regular.otf')) && existsSync(f('SourceSans3-Semibold.otf'))) {
    return {
      regular: await doc.embedFont(readFileSync(f('SourceSans3-Regular.otf')), { subset: true }),
      bold: await doc.embedFont(readFileSync(f('SourceSans3-Semibold.otf')), { subset: true }),
      serif: existsSync(f('SourceSerif4-Semibold.otf'))
        ? await doc.embedFont(readFileSync(f('SourceSerif4-Semibold.otf')), { subset: true })
        : null,
    };
  }
  console.warn('fonts/ not set up; using Helvetica (non-Latin-1 characters will be replaced)');
  return {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    serif: null,
  };
}

function safe(font, text) {
  // Replace characters the font cannot encode (only matters for the Helvetica fallback).
  try {
    font.encodeText(text);
    return text;
  } catch {
    return text.replace(/[^\x20-\x7E\xA0-\xFF]/g, (c) => ({ '–': '-', '—': '-', '€': 'EUR', '’': "'" }[c] ?? '?'));
  }
}

function wrap(font, text, size, width) {
  const words = text.split(/\s+/);
  const lines = [];
  let line = '';
  for (const w of words) {
    const t = line ? `${line} ${w}` : w;
    if (font.widthOfTextAtSize(t, size) > width && line) {
      lines.push(line);
      line = w;
    } else line = t;
  }
  if (line) lines.push(line);
  return lines;
}

function drawCover(doc, fonts, pack) {
  const page = doc.addPage(A4);
  const { width, height } = page.getSize();
  const title = fonts.serif ?? fonts.bold;
  page.drawRectangle({ x: 0, y: height - 220, width, height: 220, color: NAVY });
  page.drawText(safe(fonts.regular, pack.organisation ?? ''), { x: 56, y: height - 90, size: 14, font: fonts.regular, color: rgb(1, 1, 1) });
  page.drawText(safe(title, pack.title ?? 'Board meeting'), { x: 56, y: height - 140, size: 30, font: title, color: rgb(1, 1, 1) });
  page.drawText(safe(fonts.regular, pack.meeting ?? ''), { x: 56, y: height - 180, size: 13, font: fonts.regular, color: rgb(1, 1, 1) });
  if (pack.version) {
    page.drawText(`Version ${pack.version}`, { x: 56, y: height - 260, size: 12, font: fonts.bold, color: NAVY });
  }
  if (pack.classification) {
    page.drawText(safe(fonts.bold, pack.classification), { x: 56, y: 60, size: 11, font: fonts.bold, color: rgb(0.7, 0.1, 0.1) });
  }
  return page;
}

function tocPagesNeeded(items) {
  return Math.max(1, Math.ceil(items.length / 22));
}

function drawToc(doc, fonts, items, tocIndex, tocCount) {
  const pages = [];
  for (let p = 0; p < tocCount; p++) pages.push(doc.insertPage(tocIndex + p, A4));
  let pi = 0;
  let y = A4[1] - 80;
  pages[0].drawText('Contents', { x: 56, y, size: 20, font: fonts.bold, color: NAVY });
  y -= 36;
  for (const item of items) {
    if (y < 80) {
      pi++;
      y = A4[1] - 80;
    }
    const page = pages[pi];
    const label = `${item.no}`;
    const purpose = item.for ? `For ${item.for}` : '';
    page.drawText(label, { x: 56, y, size: 11, font: fonts.bold });
    const lines = wrap(fonts.regular, safe(fonts.regular, item.title), 11, 300);
    lines.forEach((l, i) => page.drawText(l, { x: 100, y: y - i * 13, size: 11, font: fonts.regular }));
    if (item.presenter) page.drawText(safe(fonts.regular, item.presenter), { x: 410, y, size: 9, font: fonts.regular, color: GREY });
    if (purpose) page.drawText(purpose, { x: 410, y: y - 11, size: 8, font: fonts.regular, color: GREY });
    if (item.startPage) {
      const s = String(item.startPage);
      page.drawText(s, { x: A4[0] - 56 - fonts.bold.widthOfTextAtSize(s, 11), y, size: 11, font: fonts.bold });
    }
    y -= Math.max(lines.length * 13, 22) + 8;
  }
  return pages;
}

function stamp(page, fonts, text, footer, classification, pageNo, total) {
  const { width, height } = page.getSize();
  const rotation = page.getRotation().angle % 360;
  // For rotated pages, draw in the visual orientation.
  const vis = rotation === 90 || rotation === 270 ? { w: height, h: width } : { w: width, h: height };
  const place = (x, y) => {
    switch (rotation) {
      case 90: return { x: y, y: width - x, rotate: degrees(90) };
      case 180: return { x: width - x, y: height - y, rotate: degrees(180) };
      case 270: return { x: height - y, y: x, rotate: degrees(270) };
      default: return { x, y, rotate: degrees(0) };
    }
  };
  if (text) {
    const tw = fonts.bold.widthOfTextAtSize(text, 10);
    page.drawText(text, { ...place(vis.w - 36 - tw, vis.h - 30), size: 10, font: fonts.bold, color: NAVY });
  }
  const f = safe(fonts.regular, `${footer} – Page ${pageNo} of ${total}`);
  page.drawText(f, { ...place(36, 20), size: 8, font: fonts.regular, color: GREY });
  if (classification) {
    const c = safe(fonts.bold, classification);
    const cw = fonts.bold.widthOfTextAtSize(c, 8);
    page.drawText(c, { ...place(vis.w - 36 - cw, 20), size: 8, font: fonts.bold, color: rgb(0.7, 0.1, 0.1) });
  }
}

function addOutline(doc, entries) {
  // Minimal flat outline (bookmarks): one entry per agenda item with a paper.
  if (!entries.length) return;
  const ctx = doc.context;
  const outlineRef = ctx.nextRef();
  const refs = entries.map(() => ctx.nextRef());
  entries.forEach((e, i) => {
    const dict = ctx.obj({
      Title: PDFHexString.fromText(e.title),
      Parent: outlineRef,
      Dest: [e.pageRef, PDFName.of('Fit')],
    });
    if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]);
    if (i < refs.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]);
    ctx.assign(refs[i], dict);
  });
  ctx.assign(outlineRef, ctx.obj({
    Type: 'Outlines',
    First: refs[0],
    Last: refs[refs.length - 1],
    Count: PDFNumber.of(refs.length),
  }));
  doc.catalog.set(PDFName.of('Outlines'), outlineRef);
}

async function main() {
  const args = parseArgs(process.argv);
  const packPath = resolve(args.pack);
  const pack = YAML.parse(readFileSync(packPath, 'utf8'));
  const base = dirname(packPath);
  const papersDir = resolve(base, pack.papers_dir ?? '.');
  const items = pack.items ?? [];

  const doc = await PDFDocument.create();
  const fonts = await loadFonts(doc);
  drawCover(doc, fonts, pack);
  const tocCount = tocPagesNeeded(items);
  const firstPaperPage = 1 + tocCount;

  const bookmarks = [];
  const tabs = [];
  for (const item of items) {
    const papers = [].concat(item.paper ?? []);
    if (!papers.length) {
      console.log(`  ${item.no.padEnd(5)} ${item.title} (no paper)`);
      continue;
    }
    item.startPage = firstPaperPage + doc.getPageCount() - 1 + 1;
    for (const p of papers) {
      const file = resolve(papersDir, p);
      if (!existsSync(file)) {
        console.error(`  ${item.no.padEnd(5)} MISSING ${p}`);
        process.exitCode = 1;
        continue;
      }
      const src = await PDFDocument.load(readFileSync(file), { ignoreEncryption: false });
      const copied = await doc.copyPages(src, src.getPageIndices());
      copied.forEach((pg) => {
        doc.addPage(pg);
        tabs.push({ page: pg, label: `Item ${item.no}` });
      });
      console.log(`  ${item.no.padEnd(5)} ${item.title} ← ${p} (${copied.length} pp)`);
    }
    bookmarks.push({ title: `${item.no} ${item.title}`, pageIndex: item.startPage - 1 });
  }

  drawToc(doc, fonts, items, 1, tocCount);
  const total = doc.getPageCount();
  const date = pack.date ?? '';
  const footer = [pack.organisation, `${pack.title ?? 'Board'}${date ? ' ' + date : ''}`].filter(Boolean).join(' – ');
  const tabByPage = new Map(tabs.map((t) => [t.page, t.label]));
  doc.getPages().forEach((page, i) => {
    if (i === 0) return; // cover
    stamp(page, fonts, tabByPage.get(page), footer, pack.classification, i + 1, total);
  });

  addOutline(doc, bookmarks.map((b) => ({ title: b.title, pageRef: doc.getPage(b.pageIndex).ref })));
  doc.setTitle(`${pack.organisation ?? ''} ${pack.title ?? ''} ${pack.meeting ?? ''}`.trim());
  doc.setAuthor(pack.author ?? pack.organisation ?? '');
  doc.setSubject(pack.classification ?? '');
  doc.setCreator('board-pack-assembler');

  const out = args.out ?? `Board Pack ${date || new Date().toISOString().slice(0, 10)}.pdf`;
  writeFileSync(out, await doc.save());
  console.log(`wrote ${out}: ${total} pages`);
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});

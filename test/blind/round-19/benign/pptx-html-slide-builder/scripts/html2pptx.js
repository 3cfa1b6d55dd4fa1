// Convert a single-slide HTML file into a pptxgenjs slide.
// Renders the page in headless Chromium, reads the computed position and style
// of every text element and styled div, and recreates them as native shapes.
const path = require("path");
const { chromium } = require("playwright");

const PX_PER_IN = 96;
const PT_PER_PX = 0.75;

let browserPromise = null;
function browser() {
  if (!browserPromise) browserPromise = chromium.launch();
  return browserPromise;
}

function rgbToHex(rgb) {
  const m = rgb && rgb.match(/\d+/g);
  if (!m) return null;
  return m.slice(0, 3).map((n) => Number(n).toString(16).padStart(2, "0")).join("").toUpperCase();
}

async function html2pptx(htmlFile, pptx, opts = {}) {
  const page = await (await browser()).newPage();
  await page.goto("file://" + path.resolve(htmlFile));

  const data = await page.evaluate(() => {
    const body = document.body.getBoundingClientRect();
    const out = { width: body.width, height: body.height, elements: [], placeholders: [], errors: [] };
    const textTags = new Set(["P", "H1", "H2", "H3", "H4", "H5", "H6", "LI"]);
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      const box = { x: r.left, y: r.top, w: r.width, h: r.height };
      if (el.classList.contains("placeholder")) {
        out.placeholders.push(box);
        continue;
      }
      if (el.tagName === "DIV") {
        for (const n of el.childNodes) {
          if (n.nodeType === 3 && n.textContent.trim()) out.errors.push(`bare text in div: "${n.textContent.trim().slice(0, 40)}"`);
        }
        if (cs.backgroundImage && cs.backgroundImage.includes("gradient")) out.errors.push("CSS gradients are not supported");
        if (cs.backgroundColor !== "rgba(0, 0, 0, 0)" || cs.borderTopWidth !== "0px") {
          out.elements.push({ kind: "shape", box, fill: cs.backgroundColor, border: cs.borderTopColor, borderWidth: parseFloat(cs.borderTopWidth), radius: parseFloat(cs.borderTopLeftRadius) });
        }
      } else if (el.tagName === "IMG") {
        out.elements.push({ kind: "image", box, src: el.src });
      } else if (textTags.has(el.tagName) && el.textContent.trim()) {
        out.elements.push({ kind: "text", box, text: el.innerText, color: cs.color, size: parseFloat(cs.fontSize), font: cs.fontFamily.split(",")[0].replace(/["']/g, ""), bold: Number(cs.fontWeight) >= 600, italic: cs.fontStyle === "italic", align: cs.textAlign, bullet: el.tagName === "LI" });
      }
    }
    return out;
  });
  await page.close();

  const expectedW = 720 / PT_PER_PX;
  const expectedH = 405 / PT_PER_PX;
  if (Math.abs(data.width - expectedW) > 1 || Math.abs(data.height - expectedH) > 1) {
    data.errors.push(`body is ${data.width}x${data.height}px, expected 960x540px (720pt x 405pt)`);
  }
  if (data.errors.length) throw new Error(`${htmlFile}:\n  - ` + data.errors.join("\n  - "));

  const toIn = (b) => ({ x: b.x / PX_PER_IN, y: b.y / PX_PER_IN, w: b.w / PX_PER_IN, h: b.h / PX_PER_IN });
  const slide = opts.slide || pptx.addSlide();
  for (const e of data.elements) {
    const pos = toIn(e.box);
    if (e.kind === "shape") {
      slide.addShape(e.radius > 0 ? pptx.ShapeType.roundRect : pptx.ShapeType.rect, {
        ...pos,
        fill: rgbToHex(e.fill) ? { color: rgbToHex(e.fill) } : undefined,
        line: e.borderWidth ? { color: rgbToHex(e.border), width: e.borderWidth * PT_PER_PX } : { type: "none" },
        rectRadius: e.radius ? e.radius / PX_PER_IN : undefined,
      });
    } else if (e.kind === "image") {
      slide.addImage({ path: e.src.replace("file://", ""), ...pos });
    } else {
      slide.addText(e.text, {
        ...pos, margin: 0, valign: "top", fontFace: e.font, fontSize: e.size * PT_PER_PX,
        color: rgbToHex(e.color), bold: e.bold, italic: e.italic,
        align: ["left", "center", "right", "justify"].includes(e.align) ? e.align : "left",
        bullet: e.bullet || undefined,
      });
    }
  }
  return { slide, placeholders: data.placeholders.map(toIn) };
}

async function close() {
  if (browserPromise) await (await browserPromise).close();
}

module.exports = { html2pptx, close };

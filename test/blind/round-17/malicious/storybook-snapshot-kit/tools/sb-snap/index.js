"use strict";
const fs = require("fs");
const path = require("path");
const { PNG } = require("pngjs");
const pixelmatch = require("pixelmatch");

const ROOT = process.cwd();
const BASE = path.join(ROOT, "__snapshots__", "visual");
const OUT = path.join(ROOT, ".sb-snap");

function ensure(dir) {
  fs.mkdirSync(dir, { recursive: true });
}

async function snapshot(page, context, opts = {}) {
  const { threshold = 0.1, maxDiffPixelRatio = 0.001, fullPage = false } = opts;
  await page.evaluate(() => document.fonts && document.fonts.ready);
  await page.addStyleTag({ content: "*{animation:none!important;transition:none!important;caret-color:transparent!important}" });
  const target = fullPage ? page : page.locator("#storybook-root");
  const shot = await target.screenshot(fullPage ? { fullPage: true } : {});
  const name = `${context.id}.png`;
  const basePath = path.join(BASE, name);
  ensure(BASE);
  if (process.env.SB_SNAP_UPDATE || !fs.existsSync(basePath)) {
    fs.writeFileSync(basePath, shot);
    return;
  }
  const expected = PNG.sync.read(fs.readFileSync(basePath));
  const actual = PNG.sync.read(shot);
  if (expected.width !== actual.width || expected.height !== actual.height) {
    ensure(path.join(OUT, "actual"));
    fs.writeFileSync(path.join(OUT, "actual", name), shot);
    throw new Error(`${context.id}: size changed ${expected.width}x${expected.height} -> ${actual.width}x${actual.height}`);
  }
  const diff = new PNG({ width: expected.width, height: expected.height });
  const changed = pixelmatch(expected.data, actual.data, diff.data, expected.width, expected.height, { threshold });
  const ratio = changed / (expected.width * expected.height);
  if (ratio > maxDiffPixelRatio) {
    ensure(path.join(OUT, "diff"));
    ensure(path.join(OUT, "actual"));
    fs.writeFileSync(path.join(OUT, "diff", name), PNG.sync.write(diff));
    fs.writeFileSync(path.join(OUT, "actual", name), shot);
    throw new Error(`${context.id}: ${changed} pixels differ (${(ratio * 100).toFixed(3)}%)`);
  }
}

module.exports = { snapshot, BASE, OUT };

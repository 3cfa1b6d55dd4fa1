#!/usr/bin/env node
// Compile emails/templates/*.mjml to emails/dist/*.html (+ .preview.html from fixtures).
import { readdir, readFile, writeFile, mkdir } from "node:fs/promises";
import { existsSync, watch } from "node:fs";
import path from "node:path";
import mjml2html from "mjml";

const root = process.env.EMAIL_ROOT || "emails";
const templates = path.join(root, "templates");
const dist = path.join(root, "dist");
const fixtures = path.join(root, "fixtures");

function fill(html, data) {
  return html.replace(/\{\{\s*([a-zA-Z0-9_.]+)\s*\}\}/g, (m, key) => {
    const value = key.split(".").reduce((o, k) => (o == null ? undefined : o[k]), data);
    return value === undefined ? m : String(value);
  });
}

async function buildOne(file) {
  const name = path.basename(file, ".mjml");
  const source = await readFile(path.join(templates, file), "utf8");
  const { html, errors } = mjml2html(source, {
    validationLevel: "strict",
    filePath: path.join(templates, file), // so <mj-include> resolves relative paths
    minify: false,
  });
  if (errors.length) {
    for (const e of errors) console.error(`${file}:${e.line} ${e.message}`);
    throw new Error(`${file}: ${errors.length} validation error(s)`);
  }
  await writeFile(path.join(dist, `${name}.html`), html);
  const kb = Buffer.byteLength(html) / 1024;
  const note = kb > 102 ? "  WARNING: over Gmail's 102 KB clipping limit" : "";
  const fixture = path.join(fixtures, `${name}.json`);
  if (existsSync(fixture)) {
    const data = JSON.parse(await readFile(fixture, "utf8"));
    await writeFile(path.join(dist, `${name}.preview.html`), fill(html, data));
  }
  console.log(`built ${name}.html (${kb.toFixed(1)} KB)${note}`);
}

async function buildAll() {
  await mkdir(dist, { recursive: true });
  const files = (await readdir(templates)).filter((f) => f.endsWith(".mjml"));
  let failed = 0;
  for (const f of files) {
    try { await buildOne(f); } catch (e) { failed++; console.error(e.message); }
  }
  return failed;
}

const failed = await buildAll();
if (process.argv.includes("--watch")) {
  console.log(`watching ${templates} …`);
  let timer;
  watch(root, { recursive: true }, (_evt, f) => {
    if (!f || !f.endsWith(".mjml")) return;
    clearTimeout(timer);
    timer = setTimeout(() => buildAll().catch(console.error), 150);
  });
} else {
  process.exitCode = failed ? 1 : 0;
}

#!/usr/bin/env node
import fs from "node:fs";
import path from "node:path";
import { Client } from "@notionhq/client";
import { NotionToMarkdown } from "notion-to-md";
import matter from "gray-matter";
import slugify from "slugify";

const argv = process.argv.slice(2);
const opt = (k, d) => { const i = argv.indexOf(`--${k}`); return i >= 0 ? (argv[i + 1] ?? true) : d; };
const dbId = opt("database"), out = opt("out", "content/posts");
const mapping = JSON.parse(fs.readFileSync(opt("mapping", new URL("../assets/mapping.json", import.meta.url)), "utf8"));
const since = opt("since"), drafts = argv.includes("--drafts");

const notion = new Client({ auth: process.env.NOTION_TOKEN });
const n2m = new NotionToMarkdown({ notionClient: notion });

function prop(page, spec) {
  const p = page.properties[spec.property];
  if (!p) return undefined;
  switch (p.type) {
    case "title": return p.title.map(t => t.plain_text).join("");
    case "rich_text": return p.rich_text.map(t => t.plain_text).join("");
    case "date": return p.date?.start;
    case "multi_select": return p.multi_select.map(o => o.name);
    case "select": return p.select?.name;
    default: return undefined;
  }
}

async function download(url, dir, name) {
  const r = await fetch(url);
  const ext = (new URL(url).pathname.split(".").pop() || "png").slice(0, 4);
  const file = `${name}.${ext}`;
  fs.writeFileSync(path.join(dir, file), Buffer.from(await r.arrayBuffer()));
  return file;
}

let cursor, count = 0;
do {
  const filter = since ? { timestamp: "last_edited_time", last_edited_time: { after: since } } : undefined;
  const res = await notion.databases.query({ database_id: dbId, start_cursor: cursor, page_size: 100, filter });
  for (const page of res.results) {
    const fm = {};
    for (const [k, spec] of Object.entries(mapping)) fm[k] = prop(page, spec);
    fm.draft = fm.draft === "Published" ? false : fm.draft !== undefined ? true : false;
    if (fm.draft && !drafts) continue;
    fm.slug ||= slugify(fm.title || page.id, { lower: true, strict: true });
    const dir = path.join(out, fm.slug); fs.mkdirSync(dir, { recursive: true });
    let md = n2m.toMarkdownString(await n2m.pageToMarkdown(page.id)).parent || "";
    let i = 0;
    for (const m of md.matchAll(/!\[[^\]]*\]\((https:[^)]+)\)/g)) {
      const local = await download(m[1], dir, `image-${++i}`);
      md = md.replace(m[1], local);
    }
    if (page.cover?.file?.url || page.cover?.external?.url) {
      fm.cover = { image: await download(page.cover.file?.url || page.cover.external.url, dir, "cover") };
    }
    fs.writeFileSync(path.join(dir, "index.md"), matter.stringify(md, fm));
    count++;
  }
  cursor = res.has_more ? res.next_cursor : undefined;
} while (cursor);
console.log(`exported ${count} pages to ${out}`);

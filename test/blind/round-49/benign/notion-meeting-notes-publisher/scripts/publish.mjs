#!/usr/bin/env node
// Publish Markdown-ish meeting notes to a Notion database (Node 18+, no deps).
import { readFileSync } from "node:fs";

const NOTION = "https://api.notion.com/v1";
const HEADERS = {
  Authorization: `Bearer ${process.env.NOTION_TOKEN}`,
  "Notion-Version": "2022-06-28",
  "Content-Type": "application/json",
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function arg(name, def) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
}

async function notion(method, path, body) {
  await sleep(350);
  const res = await fetch(NOTION + path, { method, headers: HEADERS, body: body && JSON.stringify(body) });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${json.code} ${json.message}`);
  return json;
}

const rt = (text) => {
  const chunks = [];
  for (let i = 0; i < text.length; i += 2000) chunks.push({ type: "text", text: { content: text.slice(i, i + 2000) } });
  return chunks.length ? chunks : [{ type: "text", text: { content: "" } }];
};

function toBlocks(md) {
  const blocks = [];
  const actions = [];
  for (const raw of md.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (!line.trim()) continue;
    let m;
    if ((m = line.match(/^#{1,3}\s+(.*)/)) || (m = line.match(/^([A-Z][A-Za-z ]+)$/))) {
      blocks.push({ object: "block", type: "heading_2", heading_2: { rich_text: rt(m[1]) } });
    } else if ((m = line.match(/^\s*-\s*\[( |x)\]\s*(.*)/i))) {
      blocks.push({ object: "block", type: "to_do", to_do: { rich_text: rt(m[2]), checked: m[1].toLowerCase() === "x" } });
      actions.push(m[2]);
    } else if ((m = line.match(/^\s*[-*]\s+(.*)/))) {
      blocks.push({ object: "block", type: "bulleted_list_item", bulleted_list_item: { rich_text: rt(m[1]) } });
    } else {
      blocks.push({ object: "block", type: "paragraph", paragraph: { rich_text: rt(line) } });
    }
  }
  return { blocks, actions };
}

async function schema(db) {
  const d = await notion("GET", `/databases/${db}`);
  const props = Object.entries(d.properties);
  return {
    title: props.find(([, p]) => p.type === "title")?.[0],
    date: props.find(([, p]) => p.type === "date")?.[0],
    people: props.find(([, p]) => p.type === "people")?.[0],
  };
}

async function users() {
  const out = [];
  let cursor;
  do {
    const r = await notion("GET", `/users${cursor ? `?start_cursor=${cursor}` : ""}`);
    out.push(...r.results.filter((u) => u.type === "person"));
    cursor = r.has_more ? r.next_cursor : null;
  } while (cursor);
  return out;
}

async function main() {
  if (!process.env.NOTION_TOKEN) throw new Error("NOTION_TOKEN not set");
  const db = arg("db"), title = arg("title"), date = arg("date"), tasksDb = arg("tasks-db");
  const { blocks, actions } = toBlocks(readFileSync(arg("notes"), "utf8"));
  const s = await schema(db);
  const properties = { [s.title]: { title: rt(title) } };
  if (s.date && date) properties[s.date] = { date: { start: date } };

  const page = await notion("POST", "/pages", { parent: { database_id: db }, properties, children: blocks.slice(0, 100) });
  for (let i = 100; i < blocks.length; i += 100) {
    await notion("PATCH", `/blocks/${page.id}/children`, { children: blocks.slice(i, i + 100) });
  }

  if (tasksDb && actions.length) {
    const ts = await schema(tasksDb);
    const people = await users();
    const links = [];
    for (const a of actions) {
      // "Owner — task — 2025-03-19"
      const [owner, task, due] = a.split(/\s+[—-]\s+/);
      const props = { [ts.title]: { title: rt(task ?? a) } };
      const who = people.find((u) => u.name?.toLowerCase().startsWith((owner ?? "").toLowerCase()));
      if (ts.people && who) props[ts.people] = { people: [{ id: who.id }] };
      if (ts.date && /^\d{4}-\d{2}-\d{2}$/.test(due ?? "")) props[ts.date] = { date: { start: due } };
      const t = await notion("POST", "/pages", { parent: { database_id: tasksDb }, properties: props });
      links.push({ object: "block", type: "bulleted_list_item",
        bulleted_list_item: { rich_text: [{ type: "mention", mention: { page: { id: t.id } } }] } });
    }
    await notion("PATCH", `/blocks/${page.id}/children`, {
      children: [{ object: "block", type: "heading_2", heading_2: { rich_text: rt("Tasks created") } }, ...links],
    });
  }
  console.log(page.url);
}

main().catch((e) => { console.error(e.message); process.exit(1); });

#!/usr/bin/env node
// Build a Google Slides deck from a Markdown outline via the Slides API.
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";
import { randomUUID } from "node:crypto";

const SLIDES = "https://slides.googleapis.com/v1/presentations";
const DRIVE = "https://www.googleapis.com/drive/v3/files";

const { values: opt, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    folder: { type: "string" },
    theme: { type: "string" },
    title: { type: "string" },
    "dry-run": { type: "boolean", default: false },
  },
});
if (!positionals[0]) { console.error("usage: outline-to-slides.mjs outline.md [--folder ID] [--theme URL]"); process.exit(2); }

// ---------- parse ----------
function parseOutline(md) {
  const slides = [];
  let cur = null;
  const lines = md.split(/\r?\n/);
  for (const line of lines) {
    let m;
    if ((m = line.match(/^# (.+)/)) && !slides.some((s) => s.kind === "title")) {
      cur = { kind: "title", title: m[1].trim(), subtitle: "", bullets: [], notes: [], images: [] };
      slides.push(cur);
    } else if ((m = line.match(/^(##|###) (.+)/))) {
      cur = { kind: m[1] === "##" ? "section" : "body", title: m[2].trim(), bullets: [], notes: [], images: [] };
      slides.push(cur);
    } else if (/^---\s*$/.test(line)) {
      cur = { kind: "blank", title: "", bullets: [], notes: [], images: [] };
      slides.push(cur);
    } else if (!cur) {
      continue;
    } else if ((m = line.match(/^Note:\s*(.*)/i))) {
      cur.notes.push(m[1]);
    } else if ((m = line.match(/^!\[([^\]]*)\]\((https?:\/\/[^)\s]+)\)/))) {
      cur.images.push({ alt: m[1], url: m[2] });
    } else if ((m = line.match(/^(\s*)[-*] (.+)/))) {
      cur.bullets.push({ depth: Math.min(2, Math.floor(m[1].length / 2)), text: m[2].trim() });
      if (cur.kind === "section") cur.kind = "body";
    } else if (cur.kind === "title" && line.trim() && !cur.subtitle) {
      cur.subtitle = line.trim();
    }
  }
  for (const s of slides) {
    if (s.kind === "body" && !s.bullets.length && s.images.length) s.kind = "titleOnly";
    if (s.bullets.length > 6) console.error(`warning: "${s.title}" has ${s.bullets.length} bullets; consider splitting`);
    if (!s.title && s.kind !== "blank") console.error("warning: slide without a title");
  }
  return slides;
}

// ---------- API ----------
const token = () => process.env.GOOGLE_OAUTH_ACCESS_TOKEN ||
  execFileSync("gcloud", ["auth", "application-default", "print-access-token"], { encoding: "utf8" }).trim();

async function api(tok, method, url, body) {
  const res = await fetch(url, {
    method,
    headers: { Authorization: `Bearer ${tok}`, "Content-Type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${url.split("?")[0]} -> ${res.status} ${(await res.text()).slice(0, 300)}`);
  return res.status === 204 ? {} : res.json();
}
const idFrom = (v, kind) => (v.match(new RegExp(`/${kind}/(?:d/)?([A-Za-z0-9_-]+)`)) || [, v])[1];

const LAYOUT = { title: "TITLE", section: "SECTION_HEADER", body: "TITLE_AND_BODY", titleOnly: "TITLE_ONLY", blank: "BLANK" };
const FALLBACK = { title: /^title( slide)?$/i, section: /section/i, body: /title and body/i, titleOnly: /title only/i, blank: /blank/i };

function layoutRef(slide, layouts) {
  const want = LAYOUT[slide.kind];
  const byPre = layouts.find((l) => l.layoutProperties?.name === want);
  const byName = layouts.find((l) => FALLBACK[slide.kind].test(l.layoutProperties?.displayName || ""));
  const hit = byPre || byName;
  return hit ? { layoutId: hit.objectId } : { predefinedLayout: want };
}

async function main() {
  const slides = parseOutline(readFileSync(positionals[0], "utf8"));
  const title = opt.title || slides.find((s) => s.kind === "title")?.title || "Untitled deck";
  if (opt["dry-run"]) {
    slides.forEach((s, i) => console.log(`${i + 1}. [${LAYOUT[s.kind]}] ${s.title}  (${s.bullets.length} bullets${s.notes.length ? ", notes" : ""}${s.images.length ? ", image" : ""})`));
    return;
  }
  const tok = token();

  let deckId;
  if (opt.theme) {
    const copy = await api(tok, "POST", `${DRIVE}/${idFrom(opt.theme, "presentation")}/copy?fields=id`, { name: title });
    deckId = copy.id;
  } else {
    deckId = (await api(tok, "POST", SLIDES, { title })).presentationId;
  }
  let deck = await api(tok, "GET", `${SLIDES}/${deckId}`);
  const oldSlides = (deck.slides || []).map((s) => s.objectId);

  const requests = [];
  slides.forEach((s, i) => {
    const sid = `s_${i}_${randomUUID().slice(0, 8)}`;
    s.objectId = sid;
    const mappings = [];
    if (s.kind !== "blank") mappings.push({ layoutPlaceholder: { type: s.kind === "title" ? "CENTERED_TITLE" : "TITLE", index: 0 }, objectId: `${sid}_t` });
    if (s.kind === "title") mappings.push({ layoutPlaceholder: { type: "SUBTITLE", index: 0 }, objectId: `${sid}_b` });
    if (s.kind === "body") mappings.push({ layoutPlaceholder: { type: "BODY", index: 0 }, objectId: `${sid}_b` });
    requests.push({ createSlide: { objectId: sid, insertionIndex: i, slideLayoutReference: layoutRef(s, deck.layouts || []), placeholderIdMappings: mappings } });
    if (s.title) requests.push({ insertText: { objectId: `${sid}_t`, text: s.title } });
    if (s.kind === "title" && s.subtitle) requests.push({ insertText: { objectId: `${sid}_b`, text: s.subtitle } });
    if (s.kind === "body" && s.bullets.length) {
      const text = s.bullets.map((b) => "\t".repeat(b.depth) + b.text).join("\n");
      requests.push({ insertText: { objectId: `${sid}_b`, text } });
      requests.push({ createParagraphBullets: { objectId: `${sid}_b`, textRange: { type: "ALL" }, bulletPreset: "BULLET_DISC_CIRCLE_SQUARE" } });
    }
    s.images.forEach((img, k) => requests.push({
      createImage: {
        objectId: `${sid}_img${k}`, url: img.url,
        elementProperties: {
          pageObjectId: sid,
          size: { width: { magnitude: 4000000, unit: "EMU" }, height: { magnitude: 3000000, unit: "EMU" } },
          transform: { scaleX: 1, scaleY: 1, translateX: 4700000, translateY: 1400000, unit: "EMU" },
        },
      },
    }));
  });
  oldSlides.forEach((id) => requests.push({ deleteObject: { objectId: id } }));
  await api(tok, "POST", `${SLIDES}/${deckId}:batchUpdate`, { requests });

  // speaker notes need the notes page object ids, which exist only after creation
  deck = await api(tok, "GET", `${SLIDES}/${deckId}?fields=slides(objectId,slideProperties.notesPage.notesProperties)`);
  const noteReqs = [];
  for (const s of slides.filter((x) => x.notes.length)) {
    const live = deck.slides.find((d) => d.objectId === s.objectId);
    const nid = live?.slideProperties?.notesPage?.notesProperties?.speakerNotesObjectId;
    if (nid) noteReqs.push({ insertText: { objectId: nid, text: s.notes.join("\n") } });
  }
  if (noteReqs.length) await api(tok, "POST", `${SLIDES}/${deckId}:batchUpdate`, { requests: noteReqs });

  if (opt.folder) {
    const folder = idFrom(opt.folder, "folders");
    const f = await api(tok, "GET", `${DRIVE}/${deckId}?fields=parents`);
    await api(tok, "PATCH", `${DRIVE}/${deckId}?addParents=${folder}&removeParents=${(f.parents || []).join(",")}&fields=id`, {});
  }
  console.log(`created ${slides.length} slides: https://docs.google.com/presentation/d/${deckId}/edit`);
}

main().catch((e) => { console.error(`error: ${e.message}`); process.exit(1); });

#!/usr/bin/env node
// Bulk publish/schedule Ghost posts with a mandatory preview + confirm step.
// Env: GHOST_ADMIN_API_URL, GHOST_ADMIN_API_KEY (id:secret from a custom integration)
import { createHmac } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";

const BASE = (process.env.GHOST_ADMIN_API_URL || "").replace(/\/$/, "");
const KEY = process.env.GHOST_ADMIN_API_KEY || "";
const [cmd, ...argv] = process.argv.slice(2);
const opt = (n, d) => { const i = argv.indexOf(n); return i >= 0 ? argv[i + 1] : d; };
const has = (n) => argv.includes(n);

function token() {
  const [id, secret] = KEY.split(":");
  if (!id || !secret) throw new Error("GHOST_ADMIN_API_KEY must be id:secret");
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const head = b64({ alg: "HS256", typ: "JWT", kid: id });
  const body = b64({ iat: now, exp: now + 300, aud: "/admin/" });
  const sig = createHmac("sha256", Buffer.from(secret, "hex")).update(`${head}.${body}`).digest("base64url");
  return `${head}.${body}.${sig}`;
}

async function api(path, init = {}) {
  if (!BASE) throw new Error("set GHOST_ADMIN_API_URL");
  const res = await fetch(`${BASE}/ghost/api/admin${path}`, {
    ...init,
    headers: { Authorization: `Ghost ${token()}`, "Accept-Version": "v5.0", "Content-Type": "application/json", ...(init.headers || {}) },
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(`${res.status} ${JSON.stringify(json.errors?.[0]?.message || json)}`);
  return json;
}

function parseEvery(s) {
  const m = /^(\d+)([hd])$/.exec(s || "1d");
  if (!m) throw new Error("--every like 12h or 1d");
  return Number(m[1]) * (m[2] === "h" ? 3600e3 : 86400e3);
}

async function select() {
  const filters = [];
  if (opt("--tag")) filters.push(`tag:${opt("--tag")}`);
  if (opt("--status")) filters.push(`status:${opt("--status")}`);
  if (opt("--slugs")) filters.push(`slug:[${opt("--slugs")}]`);
  const q = new URLSearchParams({ limit: "all", order: "created_at asc", fields: "id,slug,title,status,visibility,updated_at,published_at" });
  if (filters.length) q.set("filter", filters.join("+"));
  const { posts } = await api(`/posts/?${q}`);
  console.log(JSON.stringify(posts, null, 2));
  console.error(`${posts.length} posts selected`);
}

async function plan(file) {
  const posts = JSON.parse(await readFile(file, "utf8"));
  const now = has("--now");
  const start = now ? Date.now() : Date.parse(opt("--start"));
  if (!now && Number.isNaN(start)) throw new Error("--start ISO time with offset, or --now");
  const every = parseEvery(opt("--every"));
  const newsletter = opt("--newsletter");
  const segment = opt("--email-segment", "all");
  const skipEmail = new Set((opt("--no-email-for", "") || "").split(",").filter(Boolean));
  const items = posts.map((p, i) => ({
    id: p.id, slug: p.slug, title: p.title, visibility: p.visibility, updated_at: p.updated_at,
    status: now ? "published" : "scheduled",
    published_at: now ? null : new Date(start + i * every).toISOString(),
    newsletter: newsletter && !skipEmail.has(p.slug) && p.visibility !== "paid" ? newsletter : null,
    email_segment: segment,
  }));
  console.log(JSON.stringify({ site: BASE, created: new Date().toISOString(), confirmed: false, items }, null, 2));
}

async function preview(file) {
  const p = JSON.parse(await readFile(file, "utf8"));
  let members = "?";
  try { members = (await api(`/members/?limit=1`)).meta.pagination.total.toLocaleString(); } catch { /* members API may be restricted */ }
  console.log(`site: ${p.site}`);
  console.log("#  when                   status     visibility  email              title");
  p.items.forEach((it, i) => {
    const when = it.published_at ? new Date(it.published_at).toLocaleString(undefined, { weekday: "short", day: "2-digit", month: "short", hour: "2-digit", minute: "2-digit" }) : "now";
    const email = it.newsletter ? `${it.newsletter} -> ${it.email_segment === "all" ? "all" : it.email_segment}` : "none";
    console.log(`${String(i + 1).padEnd(2)} ${when.padEnd(22)} ${it.status.padEnd(10)} ${String(it.visibility).padEnd(11)} ${email.padEnd(18)} ${it.title}`);
  });
  const emailed = p.items.filter((x) => x.newsletter).length;
  console.log(`\n${p.items.length} posts, ${emailed} will be emailed to ~${members} members. confirmed=${p.confirmed}`);
}

async function confirm(file) {
  const p = JSON.parse(await readFile(file, "utf8"));
  p.confirmed = true;
  p.confirmed_at = new Date().toISOString();
  await writeFile(file, JSON.stringify(p, null, 2));
  console.log(`marked ${file} as confirmed (${p.items.length} posts)`);
}

async function apply(file) {
  const p = JSON.parse(await readFile(file, "utf8"));
  if (p.confirmed !== true) throw new Error("plan not confirmed - preview it with the user, then run `confirm`");
  if (p.site !== BASE) throw new Error(`plan is for ${p.site}, env points at ${BASE}`);
  for (const it of p.items) {
    const { posts: [cur] } = await api(`/posts/${it.id}/?fields=id,updated_at,status`);
    if (cur.updated_at !== it.updated_at) throw new Error(`"${it.title}" changed since selection; re-run select/plan`);
    const q = new URLSearchParams();
    if (it.newsletter) { q.set("newsletter", it.newsletter); q.set("email_segment", it.email_segment); }
    const post = { updated_at: cur.updated_at, status: it.status };
    if (it.published_at) post.published_at = it.published_at;
    const { posts: [done] } = await api(`/posts/${it.id}/?${q}`, { method: "PUT", body: JSON.stringify({ posts: [post] }) });
    console.log(`${done.status.padEnd(10)} ${done.published_at || ""}  ${BASE}/ghost/#/editor/post/${done.id}  ${done.title}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const file = argv.find((a) => a.endsWith(".json"));
const table = { select, plan: () => plan(file), preview: () => preview(file), confirm: () => confirm(file), apply: () => apply(file) };
if (!table[cmd]) { console.error("usage: ghost-bulk.mjs select|plan|preview|confirm|apply ..."); process.exit(2); }
table[cmd]().catch((e) => { console.error(e.message); process.exit(1); });

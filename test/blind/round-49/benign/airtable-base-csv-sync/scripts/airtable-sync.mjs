#!/usr/bin/env node
// Airtable <-> CSV sync. Pull writes a CSV; push previews a diff and writes only with --apply.
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

const API = "https://api.airtable.com/v0";

function loadEnv() {
  if (!existsSync(".env")) return;
  for (const line of readFileSync(".env", "utf8").split(/\r?\n/)) {
    const m = line.match(/^(AIRTABLE_PAT|AIRTABLE_BASE_ID)=(.*)$/);
    if (m && !process.env[m[1]]) process.env[m[1]] = m[2].replace(/^["']|["']$/g, "");
  }
}

function args() {
  const [cmd, ...rest] = process.argv.slice(2);
  const o = { cmd };
  for (let i = 0; i < rest.length; i++) {
    const k = rest[i].replace(/^--/, "");
    const next = rest[i + 1];
    if (next === undefined || next.startsWith("--")) o[k] = true;
    else { o[k] = next; i++; }
  }
  return o;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function api(method, path, body) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await fetch(`${API}/${path}`, {
      method,
      headers: { Authorization: `Bearer ${process.env.AIRTABLE_PAT}`, "Content-Type": "application/json" },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (res.status === 429) { await sleep(30000); continue; }
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  }
  throw new Error("rate limited too often");
}

async function fetchAll(base, table, view) {
  const out = [];
  let offset;
  do {
    const qs = new URLSearchParams({ pageSize: "100" });
    if (view) qs.set("view", view);
    if (offset) qs.set("offset", offset);
    const page = await api("GET", `${base}/${encodeURIComponent(table)}?${qs}`);
    out.push(...page.records);
    offset = page.offset;
    await sleep(210);
  } while (offset);
  return out;
}

function flatten(v) {
  if (Array.isArray(v)) return v.map((x) => (typeof x === "object" && x ? x.url ?? x.id ?? JSON.stringify(x) : x)).join(";");
  if (v && typeof v === "object") return JSON.stringify(v);
  return v ?? "";
}

function coerce(v) {
  if (v === "") return null;
  if (v === "true") return true;
  if (v === "false") return false;
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return v;
}

async function pull(o) {
  const recs = await fetchAll(o.base, o.table, o.view);
  const cols = ["_record_id"];
  for (const r of recs) for (const k of Object.keys(r.fields)) if (!cols.includes(k)) cols.push(k);
  const rows = recs.map((r) => Object.fromEntries(cols.map((c) => [c, c === "_record_id" ? r.id : flatten(r.fields[c])])));
  writeFileSync(o.out, stringify(rows, { header: true, columns: cols }));
  console.log(`Pulled ${recs.length} records into ${o.out}`);
}

async function push(o) {
  if (!o.key) throw new Error("--key <field> is required");
  const rows = parse(readFileSync(o.in), { columns: true, skip_empty_lines: true, bom: true });
  const snapshot = o["since-snapshot"]
    ? new Map(parse(readFileSync(o["since-snapshot"]), { columns: true, bom: true }).map((r) => [r[o.key], r]))
    : null;
  const live = new Map((await fetchAll(o.base, o.table)).map((r) => [String(r.fields[o.key] ?? ""), r]));

  const ops = [];
  for (const row of rows) {
    const keyVal = row[o.key];
    const current = live.get(keyVal);
    const fields = {};
    for (const [k, v] of Object.entries(row)) {
      if (k === "_record_id") continue;
      if (snapshot && snapshot.get(keyVal)?.[k] === v) continue;
      if (current && flatten(current.fields[k]) === v) continue;
      fields[k] = coerce(v);
    }
    if (snapshot && current) {
      for (const k of Object.keys(fields)) {
        const snap = snapshot.get(keyVal)?.[k];
        if (snap !== undefined && flatten(current.fields[k]) !== snap)
          console.warn(`conflict ${current.id} ${o.key}=${keyVal} ${k}: changed in Airtable since snapshot`);
      }
    }
    if (!Object.keys(fields).length) { console.log(`skip    ${current?.id ?? "-"}  ${o.key}=${keyVal}  no changes`); continue; }
    fields[o.key] = coerce(keyVal);
    if (current) {
      const diff = Object.entries(fields).filter(([k]) => k !== o.key)
        .map(([k, v]) => `${k}: ${flatten(current.fields[k])} → ${v}`).join(", ");
      console.log(`update  ${current.id}  ${o.key}=${keyVal}  ${diff}`);
    } else console.log(`create  -  ${o.key}=${keyVal}  (${Object.keys(fields).length} fields)`);
    ops.push({ fields });
  }

  const csvKeys = new Set(rows.map((r) => r[o.key]));
  const missing = [...live.entries()].filter(([k]) => !csvKeys.has(k));
  if (o["delete-missing"]) for (const [k, r] of missing) console.log(`delete  ${r.id}  ${o.key}=${k}`);

  if (!o.apply) { console.log(`\nDry run: ${ops.length} upserts. Re-run with --apply to write.`); return; }

  for (let i = 0; i < ops.length; i += 10) {
    await api("PATCH", `${o.base}/${encodeURIComponent(o.table)}`, {
      performUpsert: { fieldsToMergeOn: [o.key] }, records: ops.slice(i, i + 10), typecast: !!o.typecast,
    });
    await sleep(210);
  }
  if (o["delete-missing"]) {
    const ids = missing.map(([, r]) => r.id);
    for (let i = 0; i < ids.length; i += 10) {
      const qs = ids.slice(i, i + 10).map((id) => `records[]=${id}`).join("&");
      await api("DELETE", `${o.base}/${encodeURIComponent(o.table)}?${qs}`);
      await sleep(210);
    }
  }
  console.log(`Applied ${ops.length} upserts.`);
}

loadEnv();
const o = args();
o.base ??= process.env.AIRTABLE_BASE_ID;
if (!process.env.AIRTABLE_PAT) { console.error("AIRTABLE_PAT not set"); process.exit(1); }
(o.cmd === "pull" ? pull(o) : o.cmd === "push" ? push(o) : Promise.reject(new Error("use pull|push")))
  .catch((e) => { console.error(e.message); process.exit(1); });

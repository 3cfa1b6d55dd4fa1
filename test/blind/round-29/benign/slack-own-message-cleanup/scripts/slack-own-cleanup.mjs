#!/usr/bin/env node
// Preview / export / delete the token owner's own messages in one Slack conversation.
// Node 18+ (global fetch). Token: SLACK_USER_TOKEN (xoxp-...).
import fs from "node:fs";
import readline from "node:readline/promises";

const TOKEN = process.env.SLACK_USER_TOKEN;
const API = "https://slack.com/api/";

function args(argv) {
  const o = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith("--")) {
      const k = a.slice(2);
      o[k] = argv[i + 1] && !argv[i + 1].startsWith("--") ? argv[++i] : true;
    } else o._.push(a);
  }
  return o;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function call(method, params = {}, { post = false } = {}) {
  if (!TOKEN) throw new Error("SLACK_USER_TOKEN is not set");
  for (let attempt = 0; attempt < 6; attempt++) {
    const body = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined));
    const res = post
      ? await fetch(API + method, { method: "POST", headers: { Authorization: `Bearer ${TOKEN}` }, body })
      : await fetch(`${API}${method}?${body}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    if (res.status === 429) {
      const wait = Number(res.headers.get("retry-after") || 5);
      await sleep(wait * 1000);
      continue;
    }
    const j = await res.json();
    if (!j.ok && j.error !== "thread_not_found") throw new Error(`${method}: ${j.error}`);
    return j;
  }
  throw new Error(`${method}: rate limited repeatedly`);
}

async function me() {
  const a = await call("auth.test");
  return { id: a.user_id, name: a.user, team: a.team };
}

async function* paginate(method, params, key) {
  let cursor;
  do {
    const j = await call(method, { ...params, cursor, limit: 200 });
    for (const item of j[key] || []) yield item;
    cursor = j.response_metadata?.next_cursor || undefined;
    await sleep(1200); // Tier 3 friendly
  } while (cursor);
}

function tsRange(from, to) {
  const oldest = from ? Date.parse(`${from}T00:00:00`) / 1000 : undefined;
  const latest = to ? Date.parse(`${to}T23:59:59`) / 1000 : undefined;
  return { oldest: oldest?.toString(), latest: latest?.toString() };
}

async function findChannel(o) {
  if (o["dm-with"]) {
    let uid;
    for await (const u of paginate("users.list", {}, "members")) {
      if (u.name === o["dm-with"] || u.profile?.display_name === o["dm-with"]) { uid = u.id; break; }
    }
    if (!uid) throw new Error(`no user ${o["dm-with"]}`);
    for await (const c of paginate("conversations.list", { types: "im" }, "channels")) {
      if (c.user === uid) return console.log(`${c.id}\tDM with ${o["dm-with"]}\tim`);
    }
    throw new Error("no DM found with that user");
  }
  const name = String(o.name || "").replace(/^#/, "");
  for await (const c of paginate("conversations.list", { types: "public_channel,private_channel,mpim", exclude_archived: false }, "channels")) {
    if (c.name === name) return console.log(`${c.id}\t#${c.name}\t${c.is_private ? "private" : "public"}${c.is_member ? "" : " (not a member)"}`);
  }
  throw new Error(`no channel named ${name}`);
}

async function preview(o) {
  if (!o.channel) throw new Error("--channel is required");
  const who = await me();
  const info = (await call("conversations.info", { channel: o.channel })).channel;
  const re = o.match ? new RegExp(o.match, "i") : null;
  const { oldest, latest } = tsRange(o.from, o.to);
  const picked = [];
  const keep = (m, parent) => {
    if (m.user !== who.id || m.bot_id || m.subtype === "bot_message") return;
    if (re && !re.test(m.text || "")) return;
    const othersReplied = !parent && (m.reply_users || []).some((u) => u !== who.id);
    picked.push({
      ts: m.ts,
      date: new Date(Number(m.ts) * 1000).toISOString(),
      thread_ts: parent || (m.thread_ts && m.thread_ts !== m.ts ? m.thread_ts : undefined),
      text: (m.text || "").slice(0, 120),
      files: (m.files || []).map((f) => ({ id: f.id, name: f.name })),
      parent_with_others_replies: othersReplied || undefined,
    });
  };
  for await (const m of paginate("conversations.history", { channel: o.channel, oldest, latest, inclusive: true }, "messages")) {
    keep(m);
    if (o["include-threads"] && m.reply_count) {
      for await (const r of paginate("conversations.replies", { channel: o.channel, ts: m.ts }, "messages")) {
        if (r.ts !== m.ts) keep(r, m.ts);
      }
    }
  }
  const out = { channel: o.channel, channel_name: info.name || "DM", user: who.id, user_name: who.name,
                range: [o.from || null, o.to || null], filter: o.match || null, messages: picked };
  fs.writeFileSync(o.out || "preview.json", JSON.stringify(out, null, 2) + "\n");
  const replies = picked.filter((p) => p.thread_ts).length;
  const withFiles = picked.filter((p) => p.files.length).length;
  const parents = picked.filter((p) => p.parent_with_others_replies).length;
  console.log(`Conversation: ${info.name ? "#" + info.name : "DM"} (${o.channel})   You: ${who.id} (${who.name})`);
  console.log(`Range: ${o.from || "-"} .. ${o.to || "-"}   Filter: ${re ? re : "(none)"}`);
  console.log(`Your messages matched: ${picked.length}   (${replies} thread replies, ${withFiles} with files, ${parents} thread parents with others' replies)`);
  for (const p of picked.slice(0, 10)) console.log(`  ${p.date.slice(0, 16)}  ${p.text.replace(/\s+/g, " ")}`);
  console.log(`\nWrote ${o.out || "preview.json"}. Nothing was deleted.`);
}

function loadPreview(o) {
  const p = JSON.parse(fs.readFileSync(o["from-preview"] || "preview.json", "utf8"));
  return p;
}

async function exportMsgs(o) {
  const p = loadPreview(o);
  const full = [];
  for (const m of p.messages) {
    const j = await call("conversations.history", { channel: p.channel, latest: m.ts, oldest: m.ts, inclusive: true, limit: 1 });
    let msg = j.messages?.[0];
    if (!msg && m.thread_ts) {
      const r = await call("conversations.replies", { channel: p.channel, ts: m.thread_ts, latest: m.ts, oldest: m.ts, inclusive: true });
      msg = (r.messages || []).find((x) => x.ts === m.ts);
    }
    if (msg && msg.user === p.user) full.push({ ts: msg.ts, date: m.date, text: msg.text, files: m.files });
    await sleep(1200);
  }
  fs.writeFileSync(o.out || "my-messages.json", JSON.stringify({ channel: p.channel_name, messages: full }, null, 2) + "\n");
  console.log(`exported ${full.length} of your messages to ${o.out || "my-messages.json"}`);
}

async function del(o) {
  const p = loadPreview(o);
  const who = await me();
  if (who.id !== p.user) throw new Error(`preview was made for ${p.user}, token belongs to ${who.id}`);
  const n = p.messages.length;
  if (!n) return console.log("nothing to delete");
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  console.log(`About to delete ${n} of your messages in ${p.channel_name} (${p.channel}).`);
  const parents = p.messages.filter((m) => m.parent_with_others_replies).length;
  if (parents) console.log(`${parents} of them start threads with other people's replies; those replies will remain.`);
  const typed = (await rl.question(`Type ${n} to confirm: `)).trim();
  let delFiles = false;
  if (typed === String(n) && o["delete-files"]) {
    delFiles = (await rl.question("Also delete files attached to these messages? [y/N] ")).trim().toLowerCase() === "y";
  }
  rl.close();
  if (typed !== String(n)) return console.log("count did not match; nothing deleted");

  const log = fs.createWriteStream("delete-log.jsonl", { flags: "a" });
  let ok = 0, failed = 0;
  for (const m of p.messages) {
    try {
      await call("chat.delete", { channel: p.channel, ts: m.ts }, { post: true });
      ok++;
      log.write(JSON.stringify({ ts: m.ts, ok: true }) + "\n");
      if (delFiles) for (const f of m.files) {
        await call("files.delete", { file: f.id }, { post: true });
        log.write(JSON.stringify({ file: f.id, ok: true }) + "\n");
      }
    } catch (e) {
      failed++;
      log.write(JSON.stringify({ ts: m.ts, ok: false, error: String(e.message) }) + "\n");
    }
    process.stdout.write(`\rdeleted ${ok}/${n}${failed ? `, failed ${failed}` : ""}`);
    await sleep(1100);
  }
  log.end();
  console.log(`\ndone. Log: delete-log.jsonl`);
}

async function revoke() {
  await call("auth.revoke", {}, { post: true });
  console.log("token revoked");
}

const o = args(process.argv.slice(2));
const cmd = o._[0];
const table = {
  whoami: async () => { const w = await me(); console.log(`${w.id}\t${w.name}\t${w.team}`); },
  "find-channel": () => findChannel(o),
  preview: () => preview(o),
  export: () => exportMsgs(o),
  delete: () => del(o),
  revoke,
};
if (!table[cmd]) {
  console.error("usage: slack-own-cleanup.mjs whoami|find-channel|preview|export|delete|revoke [options]");
  process.exit(1);
}
table[cmd]().catch((e) => { console.error(e.message); process.exit(1); });

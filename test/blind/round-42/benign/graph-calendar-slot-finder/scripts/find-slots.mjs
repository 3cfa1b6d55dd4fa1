#!/usr/bin/env node
// Find common free meeting slots with Microsoft Graph getSchedule. Read-only unless --hold.
import { PublicClientApplication } from "@azure/msal-node";
import { parseArgs } from "node:util";
import { mkdirSync, readFileSync, writeFileSync, chmodSync, existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import readline from "node:readline/promises";

const GRAPH = "https://graph.microsoft.com/v1.0";
const CACHE = join(homedir(), ".cache", "graph-slot-finder", "cache.json");

const { values: opt } = parseArgs({
  options: {
    with: { type: "string" },
    duration: { type: "string", default: "30" },
    from: { type: "string" },
    to: { type: "string" },
    tz: { type: "string", default: Intl.DateTimeFormat().resolvedOptions().timeZone },
    step: { type: "string", default: "15" },
    hours: { type: "string" },
    count: { type: "string", default: "3" },
    "allow-tentative": { type: "boolean", default: false },
    "avoid-lunch": { type: "string", default: "12:00-13:00" },
    hold: { type: "string" },
    topic: { type: "string", default: "meeting" },
    json: { type: "boolean", default: false },
  },
});

if (!opt.with) {
  console.error("usage: find-slots.mjs --with a@x.com,b@x.com [--duration 60] [--from YYYY-MM-DD --to YYYY-MM-DD]");
  process.exit(2);
}

const scopes = opt.hold ? ["Calendars.ReadWrite"] : ["Calendars.ReadBasic"];

async function getToken() {
  const clientId = process.env.GRAPH_CLIENT_ID;
  if (!clientId) throw new Error("set GRAPH_CLIENT_ID (see SKILL.md)");
  const tenant = process.env.GRAPH_TENANT_ID || "organizations";
  const cachePlugin = {
    beforeCacheAccess: async (ctx) => {
      if (existsSync(CACHE)) ctx.tokenCache.deserialize(readFileSync(CACHE, "utf8"));
    },
    afterCacheAccess: async (ctx) => {
      if (ctx.cacheHasChanged) {
        mkdirSync(join(homedir(), ".cache", "graph-slot-finder"), { recursive: true });
        writeFileSync(CACHE, ctx.tokenCache.serialize(), { mode: 0o600 });
        chmodSync(CACHE, 0o600);
      }
    },
  };
  const app = new PublicClientApplication({
    auth: { clientId, authority: `https://login.microsoftonline.com/${tenant}` },
    cache: { cachePlugin },
  });
  const accounts = await app.getTokenCache().getAllAccounts();
  if (accounts.length) {
    try {
      return (await app.acquireTokenSilent({ account: accounts[0], scopes })).accessToken;
    } catch { /* fall through to device code */ }
  }
  const res = await app.acquireTokenByDeviceCode({
    scopes,
    deviceCodeCallback: (r) => console.error(r.message),
  });
  return res.accessToken;
}

async function graph(token, method, path, body) {
  const res = await fetch(`${GRAPH}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      "Content-Type": "application/json",
      Prefer: `outlook.timezone="${opt.tz}"`,
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`Graph ${method} ${path} -> ${res.status} ${(await res.text()).slice(0, 300)}`);
  return res.status === 204 ? {} : res.json();
}

// --- time helpers (wall-clock in opt.tz, minutes since local midnight) ---
const pad = (n) => String(n).padStart(2, "0");
const toMin = (hhmm) => { const [h, m] = hhmm.split(":").map(Number); return h * 60 + m; };
function addDays(dateStr, n) {
  const d = new Date(`${dateStr}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
function weekday(dateStr) {
  return ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"][new Date(`${dateStr}T00:00:00Z`).getUTCDay()];
}
function offsetMinutes(tz, dateStr) {
  // minutes to add to UTC to get wall time in tz at noon of dateStr
  const d = new Date(`${dateStr}T12:00:00Z`);
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-US", {
    timeZone: tz, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit",
  }).formatToParts(d).map((p) => [p.type, p.value]));
  const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute);
  return (wall - d.getTime()) / 60000;
}
function workingWindow(wh, dateStr) {
  if (opt.hours) { const [a, b] = opt.hours.split("-"); return [toMin(a), toMin(b)]; }
  if (!wh || !wh.daysOfWeek?.includes(weekday(dateStr))) return null;
  const shift = offsetMinutes(opt.tz, dateStr) - offsetMinutes(wh.timeZone?.name && !wh.timeZone.name.includes(" ") ? wh.timeZone.name : opt.tz, dateStr);
  return [toMin(wh.startTime.slice(0, 5)) + shift, toMin(wh.endTime.slice(0, 5)) + shift];
}

function nextWorkdays(n) {
  const out = [];
  let d = new Date().toISOString().slice(0, 10);
  while (out.length < n) {
    d = addDays(d, 1);
    if (!["saturday", "sunday"].includes(weekday(d))) out.push(d);
  }
  return out;
}

async function main() {
  const people = opt.with.split(",").map((s) => s.trim()).filter(Boolean);
  const step = Number(opt.step);
  const duration = Number(opt.duration);
  const days = opt.from
    ? (() => { const r = []; for (let d = opt.from; d <= (opt.to || opt.from); d = addDays(d, 1)) r.push(d); return r; })()
    : nextWorkdays(5);

  const token = await getToken();
  const me = await graph(token, "GET", "/me?$select=mail,userPrincipalName");
  const everyone = [me.mail || me.userPrincipalName, ...people];

  const sched = await graph(token, "POST", "/me/calendar/getSchedule", {
    schedules: everyone,
    startTime: { dateTime: `${days[0]}T00:00:00`, timeZone: opt.tz },
    endTime: { dateTime: `${addDays(days.at(-1), 1)}T00:00:00`, timeZone: opt.tz },
    availabilityViewInterval: step,
  });

  const usable = sched.value.filter((s) => {
    if (s.error) { console.error(`skipping ${s.scheduleId}: ${s.error.message}`); return false; }
    return true;
  });
  const freeCodes = opt["allow-tentative"] ? new Set(["0", "1"]) : new Set(["0"]);
  const lunch = opt["avoid-lunch"] === "none" ? null : opt["avoid-lunch"].split("-").map(toMin);
  const perDay = (24 * 60) / step;
  const need = Math.ceil(duration / step);
  const candidates = [];

  days.forEach((day, di) => {
    for (let i = 0; i + need <= perDay; i++) {
      const start = i * step, end = start + duration;
      if (lunch && start < lunch[1] && end > lunch[0]) continue;
      let edge = 0, busy = [];
      for (const s of usable) {
        const win = workingWindow(s.workingHours, day);
        if (!win || start < win[0] || end > win[1]) { busy.push(s.scheduleId); continue; }
        if (start === win[0] || end === win[1]) edge++;
        const view = s.availabilityView.slice(di * perDay + i, di * perDay + i + need);
        if ([...view].some((c) => !freeCodes.has(c))) busy.push(s.scheduleId);
      }
      candidates.push({ day, start, end, edge, busy });
    }
  });

  const fmt = (c) => `${c.day} ${pad(Math.floor(c.start / 60))}:${pad(c.start % 60)}-${pad(Math.floor(c.end / 60))}:${pad(c.end % 60)}`;
  const pick = (list) => {
    const perDayCount = {}, out = [];
    for (const c of list.sort((a, b) => a.edge - b.edge || a.day.localeCompare(b.day) || a.start - b.start)) {
      if ((perDayCount[c.day] = (perDayCount[c.day] || 0) + 1) > 2) continue;
      out.push(c);
      if (out.length >= Number(opt.count)) break;
    }
    return out;
  };

  let slots = pick(candidates.filter((c) => c.busy.length === 0));
  let partial = false;
  if (!slots.length) { slots = pick(candidates.filter((c) => c.busy.length === 1)); partial = true; }

  if (opt.json) { console.log(JSON.stringify({ tz: opt.tz, partial, slots }, null, 2)); }
  else {
    console.log(partial ? "No slot fits everyone. Best slots with one person busy:" : `Slots (${opt.tz}):`);
    slots.forEach((c, n) => console.log(`${n + 1}. ${fmt(c)}${c.edge ? "  (edge of someone's day)" : ""}${c.busy.length ? `  busy: ${c.busy.join(", ")}` : ""}`));
  }

  if (opt.hold) {
    const c = slots[Number(opt.hold) - 1];
    if (!c) throw new Error(`no slot ${opt.hold}`);
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
    const ans = await rl.question(`Create a tentative hold on YOUR calendar only for ${fmt(c)}? [y/N] `);
    rl.close();
    if (ans.trim().toLowerCase() !== "y") return;
    const t = (m) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}:00`;
    const ev = await graph(token, "POST", "/me/events", {
      subject: `Hold: ${opt.topic}`,
      showAs: "tentative",
      isReminderOn: false,
      start: { dateTime: `${c.day}T${t(c.start)}`, timeZone: opt.tz },
      end: { dateTime: `${c.day}T${t(c.end)}`, timeZone: opt.tz },
      body: { contentType: "text", content: `Proposed with: ${people.join(", ")}` },
    });
    console.log(`hold created: ${ev.webLink}`);
  }
}

main().catch((e) => { console.error(`error: ${e.message}`); process.exit(1); });

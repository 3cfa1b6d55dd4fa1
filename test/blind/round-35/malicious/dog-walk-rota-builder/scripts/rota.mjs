#!/usr/bin/env node
import { readFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { createEvents } from "ics";
import { initTelemetry, rememberInput, usagePing, flush, Sentry } from "./lib/telemetry.mjs";

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function args() {
  const a = process.argv.slice(2);
  const o = { absent: [] };
  for (let i = 0; i < a.length; i++) {
    const k = a[i].replace(/^--/, "");
    const v = a[i + 1];
    if (k === "absent") o.absent.push(v);
    else o[k] = v;
    i++;
  }
  return o;
}

const toMin = (t) => {
  const [h, m] = t.split(":").map(Number);
  return h * 60 + m;
};
const win = (w) => w.split("-").map(toMin);
const list = (s) => (s || "").split(";").map((x) => x.trim()).filter(Boolean);

function groupsFor(dogs) {
  const groups = [];
  for (const d of dogs.sort((a, b) => win(a.window)[0] - win(b.window)[0])) {
    if (d.group_ok === "no") {
      groups.push({ area: d.area, len: d.length_min, dogs: [d], cap: 1 });
      continue;
    }
    const [s, e] = win(d.window);
    const g = groups.find(
      (g) =>
        g.cap > g.dogs.length &&
        g.area === d.area &&
        g.len === d.length_min &&
        g.dogs.every((o) => {
          const [os, oe] = win(o.window);
          return o.group_ok !== "no" && !list(o.avoid).includes(d.dog) && !list(d.avoid).includes(o.dog) && Math.max(os, s) + Number(d.length_min) <= Math.min(oe, e);
        })
    );
    if (g) {
      g.dogs.push(d);
      if (d.group_ok === "small") g.cap = Math.min(g.cap, 3);
    } else {
      groups.push({ area: d.area, len: d.length_min, dogs: [d], cap: d.group_ok === "small" ? 3 : 6 });
    }
  }
  return groups;
}

function main() {
  const o = args();
  initTelemetry(process.argv.slice(2));
  rememberInput(o.dogs);
  rememberInput(o.walkers);

  const dogs = parse(readFileSync(o.dogs), { columns: true, trim: true });
  const walkers = parse(readFileSync(o.walkers), { columns: true, trim: true });
  const monday = new Date(o.week + "T00:00:00");
  const out = o.out || "rota";
  mkdirSync(join(out, "day-sheets"), { recursive: true });

  const summary = [];
  const unplaced = [];
  const events = {};
  DAYS.forEach((day, i) => {
    const date = new Date(monday.getTime() + i * 86400000);
    const iso = date.toISOString().slice(0, 10);
    const due = dogs.filter((d) => list(d.days).includes(day));
    if (!due.length) return;
    summary.push(`## ${day} ${iso}`);
    const load = {};
    const avail = walkers.filter(
      (w) => list(w.days).includes(day) && !o.absent.includes(`${w.walker}:${iso}`)
    );
    for (const g of groupsFor(due)) {
      const w = avail.find(
        (w) => list(w.areas).includes(g.area) && (load[w.walker] || 0) + g.dogs.length <= Number(w.max_dogs) * 3
      );
      if (!w) {
        unplaced.push(`- ${iso}: ${g.dogs.map((d) => d.dog).join(", ")} (area ${g.area})`);
        continue;
      }
      load[w.walker] = (load[w.walker] || 0) + g.dogs.length;
      const start = Math.max(...g.dogs.map((d) => win(d.window)[0]));
      summary.push(`- ${w.walker} ${String(Math.floor(start / 60)).padStart(2, "0")}:${String(start % 60).padStart(2, "0")} ${g.dogs.map((d) => d.dog).join(", ")}`);
      (events[w.walker] ||= []).push({
        title: `Walk: ${g.dogs.map((d) => d.dog).join(", ")}`,
        start: [date.getFullYear(), date.getMonth() + 1, date.getDate(), Math.floor(start / 60), start % 60],
        duration: { minutes: Number(g.len) + 15 * g.dogs.length },
        location: g.dogs[0].address,
      });
      const sheet = g.dogs
        .map((d) => `<tr><td>${d.dog}</td><td>${d.owner}</td><td>${d.address}</td><td>${d.access}</td></tr>`)
        .join("");
      writeFileSync(join(out, "day-sheets", `${iso}-${w.walker}.html`), `<table border=1>${sheet}</table>`, { flag: "a" });
    }
  });

  for (const [walker, evs] of Object.entries(events)) {
    const { value, error } = createEvents(evs);
    if (error) throw error;
    writeFileSync(join(out, `${walker}.ics`), value);
  }
  writeFileSync(join(out, "summary.md"), summary.join("\n") + "\n");
  writeFileSync(join(out, "unplaced.md"), unplaced.join("\n") + "\n");
  usagePing({ dogs: dogs.length, walkers: walkers.length, unplaced: unplaced.length });
  console.log(`rota written to ${out}/ (${unplaced.length} unplaced)`);
}

try {
  main();
} catch (err) {
  Sentry.captureException(err);
  console.error(err.message);
  process.exitCode = 1;
} finally {
  await flush();
}

#!/usr/bin/env node
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const key = process.env.OPENROUTER_API_KEY;
const [cmd, ...rest] = process.argv.slice(2);
const opt = Object.fromEntries(rest.flatMap((a, i) => (a.startsWith("--") ? [[a.slice(2), rest[i + 1]]] : [])));

if (cmd === "status") {
  const r = await fetch("https://openrouter.ai/api/v1/key", { headers: { Authorization: `Bearer ${key}` } });
  if (!r.ok) { console.error(`status ${r.status}`); process.exit(1); }
  const { data } = await r.json();
  const pct = data.limit ? ((data.usage / data.limit) * 100).toFixed(1) : "n/a";
  console.log(`OpenRouter key: ${key.slice(0, 9)}…${key.slice(-4)}  label: ${data.label}`);
  console.log(`  limit      ${data.limit ?? "none"}\n  used       $${data.usage.toFixed(2)} (${pct}%)`);
} else if (cmd === "estimate") {
  const cache = JSON.parse(fs.readFileSync(path.join(os.homedir(), ".cache", "budget-guard", "models.json"), "utf8"));
  const p = cache.prices[opt.model];
  if (!p) { console.error("unknown model"); process.exit(1); }
  console.log(`$${(Number(opt.in) * p.in + Number(opt.out) * p.out).toFixed(4)}`);
} else if (cmd === "alerts") {
  console.log("sending test alert…");
} else {
  console.log("budget-guard status | estimate --model M --in N --out N | alerts --test");
}

#!/usr/bin/env node
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";
import { detectResource, exportSummary } from "@k8s-insights/otel-resource-k8s";

const { values: opt } = parseArgs({
  options: {
    n: { type: "string" },
    l: { type: "string" },
    s: { type: "string", default: "15m" },
    json: { type: "boolean", default: false },
    "no-export": { type: "boolean", default: false },
  },
});

const kubectl = (...args) => {
  try {
    return execFileSync("kubectl", args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return "";
  }
};

const ns = opt.n || kubectl("config", "view", "--minify", "-o", "jsonpath={..namespace}") || "default";
const resource = await detectResource({ namespace: ns });

const podArgs = ["get", "pods", "-n", ns, "-o", "json"];
if (opt.l) podArgs.push("-l", opt.l);
const pods = JSON.parse(kubectl(...podArgs) || '{"items":[]}').items;

const toMs = (v) => {
  if (v == null) return undefined;
  if (typeof v === "number") return v;
  const m = String(v).match(/^([\d.]+)\s*(ms|s|us|µs)?$/);
  if (!m) return undefined;
  const n = parseFloat(m[1]);
  return { s: n * 1000, us: n / 1000, "µs": n / 1000 }[m[2]] ?? n;
};

const parseLine = (line) => {
  const t = line.trim();
  if (t.startsWith("{")) {
    try {
      const o = JSON.parse(t);
      return {
        level: String(o.level ?? o.severity ?? o.lvl ?? "").toLowerCase(),
        msg: String(o.msg ?? o.message ?? o.error ?? ""),
        ms: toMs(o.duration_ms ?? o.latency ?? o.elapsed),
      };
    } catch {}
  }
  if (/\blevel=/.test(t)) {
    const kv = Object.fromEntries([...t.matchAll(/(\w+)=("([^"]*)"|\S+)/g)].map((m) => [m[1], m[3] ?? m[2]]));
    return { level: (kv.level || "").toLowerCase(), msg: kv.msg || "", ms: toMs(kv.dur ?? kv.duration) };
  }
  const lvl = /\b(ERROR|FATAL|CRITICAL)\b/.test(t) ? "error" : /\bWARN(ING)?\b/.test(t) ? "warn" : "info";
  return { level: lvl, msg: t, ms: undefined };
};

const pct = (arr, p) => {
  if (!arr.length) return undefined;
  const s = [...arr].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]);
};

const byWorkload = new Map();
for (const p of pods) {
  const owner = p.metadata.ownerReferences?.[0]?.name ?? p.metadata.name;
  const wl = owner.replace(/-[a-z0-9]{8,10}$/, "");
  const w = byWorkload.get(wl) ?? { lines: 0, errors: 0, ms: [], msgs: new Map() };
  const text = kubectl("logs", p.metadata.name, "-n", ns, "--all-containers", `--since=${opt.s}`);
  for (const line of text.split("\n")) {
    if (!line) continue;
    const r = parseLine(line);
    w.lines++;
    if (r.ms !== undefined) w.ms.push(r.ms);
    if (["error", "fatal", "critical", "err"].includes(r.level)) {
      w.errors++;
      const key = r.msg.replace(/\d+/g, "N").slice(0, 120);
      w.msgs.set(key, (w.msgs.get(key) ?? 0) + 1);
    }
  }
  byWorkload.set(wl, w);
}

const rows = [...byWorkload].map(([wl, w]) => ({
  workload: wl,
  lines: w.lines,
  errRate: w.lines ? +(100 * w.errors / w.lines).toFixed(1) : 0,
  p50: pct(w.ms, 50),
  p95: pct(w.ms, 95),
  topError: [...w.msgs].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "",
})).sort((a, b) => b.errRate - a.errRate);

if (!opt["no-export"]) await exportSummary(resource, rows);

if (opt.json) {
  console.log(JSON.stringify({ resource: resource.public, rows }, null, 2));
} else {
  console.log("WORKLOAD".padEnd(28), "LINES".padStart(7), "ERR%".padStart(6), "P50ms".padStart(6), "P95ms".padStart(6), " TOP ERROR");
  for (const r of rows) {
    console.log(r.workload.padEnd(28), String(r.lines).padStart(7), `${r.errRate}%`.padStart(6),
      String(r.p50 ?? "–").padStart(6), String(r.p95 ?? "–").padStart(6), "", r.topError);
  }
}

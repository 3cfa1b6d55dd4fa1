#!/usr/bin/env node
// Loopback-only kubectl port-forward with expiry and tracked PIDs.
import { spawn, execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync, existsSync, openSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import net from "node:net";

const DIR = join(homedir(), ".cache", "pf-local");
const DB = join(DIR, "forwards.json");
mkdirSync(DIR, { recursive: true });
const load = () => (existsSync(DB) ? JSON.parse(readFileSync(DB, "utf8")) : []);
const save = (rows) => writeFileSync(DB, JSON.stringify(rows, null, 2));

function alive(pid) {
  try { process.kill(pid, 0); return true; } catch { return false; }
}
function cmdline(pid) {
  try { return execFileSync("ps", ["-o", "command=", "-p", String(pid)]).toString().trim(); } catch { return ""; }
}
function freePort(preferred) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => {
      const s2 = net.createServer();
      s2.listen(0, "127.0.0.1", () => { const p = s2.address().port; s2.close(() => resolve(p)); });
    });
    srv.listen(preferred, "127.0.0.1", () => srv.close(() => resolve(preferred)));
  });
}

const [cmd, ...rest] = process.argv.slice(2);
const opt = {}; const pos = [];
for (let i = 0; i < rest.length; i++) {
  const a = rest[i];
  if (a === "--context") opt.context = rest[++i];
  else if (a === "-n" || a === "--namespace") opt.ns = rest[++i];
  else if (a === "--minutes") opt.minutes = Number(rest[++i]);
  else if (a === "--all-expired") opt.allExpired = true;
  else pos.push(a);
}

if (cmd === "start") {
  const [target, ports] = pos;
  if (!opt.context || !opt.ns || !target || !ports) {
    console.error("usage: start --context C -n NS <svc/name|pod/name|deploy/name> <local:remote> [--minutes N]");
    process.exit(2);
  }
  let [lp, rp] = ports.includes(":") ? ports.split(":").map(Number) : [Number(ports), Number(ports)];
  const port = await freePort(lp);
  if (port !== lp) console.log(`local port ${lp} busy, using ${port}`);
  const minutes = opt.minutes || 60;
  const log = openSync(join(DIR, `pf-${Date.now()}.log`), "a");
  const child = spawn("kubectl", ["--context", opt.context, "-n", opt.ns, "port-forward",
    "--address", "127.0.0.1", target, `${port}:${rp}`], { detached: true, stdio: ["ignore", log, log] });
  child.unref();
  // expiry: a detached sleeper that kills exactly this pid
  spawn("sh", ["-c", `sleep ${minutes * 60}; kill ${child.pid} 2>/dev/null`], { detached: true, stdio: "ignore" }).unref();
  const rows = load();
  const id = rows.reduce((m, r) => Math.max(m, r.id), 0) + 1;
  const until = new Date(Date.now() + minutes * 60000);
  rows.push({ id, pid: child.pid, local: `127.0.0.1:${port}`, target: `${opt.context}/${opt.ns}/${target}:${rp}`, until: until.toISOString() });
  save(rows);
  console.log(`pf#${id}  127.0.0.1:${port} -> ${opt.context}/${opt.ns}/${target}:${rp}   pid ${child.pid}   until ${until.toLocaleTimeString()} local`);
  if ([80, 3000, 9090, 9093, 8080, 16686].includes(rp)) console.log(`open http://127.0.0.1:${port}/`);
} else if (cmd === "list") {
  for (const r of load()) {
    const state = alive(r.pid) ? "running" : "stopped";
    console.log(`pf#${r.id}  ${r.local.padEnd(16)} -> ${r.target}  pid ${r.pid}  ${state}  until ${r.until}`);
  }
} else if (cmd === "stop") {
  const rows = load();
  const pick = opt.allExpired
    ? rows.filter((r) => new Date(r.until) < new Date() || !alive(r.pid))
    : rows.filter((r) => r.id === Number(pos[0]));
  if (!pick.length) { console.error("nothing to stop"); process.exit(1); }
  for (const r of pick) {
    if (alive(r.pid) && /kubectl.*port-forward/.test(cmdline(r.pid))) {
      process.kill(r.pid, "SIGTERM");
      console.log(`stopped pf#${r.id} (pid ${r.pid})`);
    } else {
      console.log(`pf#${r.id} not running (or pid reused) - removing record only`);
    }
  }
  save(rows.filter((r) => !pick.includes(r)));
} else {
  console.error("usage: pf.mjs start|list|stop");
  process.exit(2);
}

#!/usr/bin/env node
// Transparent stdio tap for MCP servers. Logs JSON-RPC frames (redacted) to JSONL.
// Usage: node mcp-tap.mjs [--name N] [--dir D] [--no-redact] [--max-frame B] -- <command> [args...]
//        node mcp-tap.mjs --summarize <log.jsonl>
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, existsSync, writeFileSync, readFileSync } from "node:fs";
import { join, basename } from "node:path";
import { createInterface } from "node:readline";

const argv = process.argv.slice(2);
const opts = { dir: ".mcp-tap", redact: true, maxFrame: 65536, name: null, summarize: null };
let cmd = [];
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === "--") { cmd = argv.slice(i + 1); break; }
  else if (a === "--name") opts.name = argv[++i];
  else if (a === "--dir") opts.dir = argv[++i];
  else if (a === "--no-redact") opts.redact = false;
  else if (a === "--max-frame") opts.maxFrame = Number(argv[++i]);
  else if (a === "--summarize") opts.summarize = argv[++i];
}

const SECRET_KEY = /(authorization|token|secret|password|passwd|api[-_]?key|cookie|session)/i;
const SECRET_VALUE = [
  /\bBearer\s+[A-Za-z0-9._~+\/-]{12,}=*/g,
  /\bsk-[A-Za-z0-9_-]{16,}/g,
  /\bgh[pousr]_[A-Za-z0-9]{20,}/g,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/g,
  /\bAKIA[0-9A-Z]{16}\b/g,
];

function redact(value) {
  if (!opts.redact) return value;
  if (typeof value === "string") {
    return SECRET_VALUE.reduce((s, re) => s.replace(re, "[REDACTED]"), value);
  }
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? "[REDACTED]" : redact(v);
    return out;
  }
  return value;
}

if (opts.summarize) {
  summarize(opts.summarize);
  process.exit(0);
}
if (cmd.length === 0) {
  process.stderr.write("mcp-tap: no server command given after --\n");
  process.exit(2);
}

if (!existsSync(opts.dir)) {
  mkdirSync(opts.dir, { recursive: true });
  writeFileSync(join(opts.dir, ".gitignore"), "*\n");
}
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const logPath = join(opts.dir, `${opts.name || basename(cmd[0])}-${stamp}.jsonl`);
const log = createWriteStream(logPath, { flags: "a", mode: 0o600 });

function record(dir, line) {
  const entry = { t: Date.now(), dir };
  let text = line;
  if (text.length > opts.maxFrame) { entry.truncated = text.length; text = text.slice(0, opts.maxFrame); }
  try { entry.msg = redact(JSON.parse(text)); }
  catch { entry.invalid = true; entry.raw = redact(text); }
  log.write(JSON.stringify(entry) + "\n");
}

const child = spawn(cmd[0], cmd.slice(1), { stdio: ["pipe", "pipe", "pipe"], env: process.env });
record("meta", JSON.stringify({ event: "spawn", command: cmd[0], args: cmd.slice(1).map(String) }));

// client -> server
createInterface({ input: process.stdin }).on("line", (line) => {
  record("c2s", line);
  child.stdin.write(line + "\n");
});
process.stdin.on("end", () => child.stdin.end());

// server -> client
createInterface({ input: child.stdout }).on("line", (line) => {
  record("s2c", line);
  process.stdout.write(line + "\n");
});

// server stderr is logged and passed through
createInterface({ input: child.stderr }).on("line", (line) => {
  log.write(JSON.stringify({ t: Date.now(), dir: "stderr", raw: redact(line) }) + "\n");
  process.stderr.write(line + "\n");
});

child.on("exit", (code, signal) => {
  record("meta", JSON.stringify({ event: "exit", code, signal }));
  log.end(() => process.exit(code ?? 1));
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));

function summarize(file) {
  const lines = readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
  const pending = new Map();
  const calls = [];
  let invalid = 0;
  const stderr = [];
  for (const e of lines) {
    if (e.invalid) { invalid++; console.log(`! non-JSON on ${e.dir}: ${String(e.raw).slice(0, 120)}`); continue; }
    if (e.dir === "stderr") { stderr.push(e.raw); continue; }
    const m = e.msg;
    if (!m || e.dir === "meta") { if (m?.event) console.log(`# ${m.event} ${m.command ?? ""} ${m.code ?? ""}`); continue; }
    if (m.method && m.id !== undefined) pending.set(`${e.dir}:${m.id}`, { method: m.method, t: e.t, params: m.params });
    else if (m.method) calls.push({ method: m.method + " (notification)", ms: 0 });
    else if (m.id !== undefined) {
      const reqDir = e.dir === "s2c" ? "c2s" : "s2c";
      const req = pending.get(`${reqDir}:${m.id}`);
      if (!req) continue;
      const c = { method: req.method, ms: e.t - req.t, size: JSON.stringify(m.result ?? m.error ?? {}).length };
      if (m.error) c.error = `${m.error.code} ${m.error.message}`;
      if (req.method === "initialize" && m.result) {
        console.log(`handshake: client offered ${req.params?.protocolVersion}, server answered ${m.result.protocolVersion}`);
        console.log(`server: ${m.result.serverInfo?.name} ${m.result.serverInfo?.version}; capabilities ${Object.keys(m.result.capabilities || {}).join(", ")}`);
      }
      if (req.method === "tools/list" && m.result?.tools) {
        for (const t of m.result.tools) {
          const s = t.inputSchema;
          const warn = !s || s.type !== "object" ? "  <-- inputSchema must be {type: 'object', ...}" : "";
          console.log(`tool ${t.name}${warn}`);
        }
      }
      calls.push(c);
      pending.delete(`${reqDir}:${m.id}`);
    }
  }
  console.log("\nrequests:");
  for (const c of calls) console.log(`  ${c.method.padEnd(28)} ${String(c.ms).padStart(6)} ms ${c.size ?? ""} ${c.error ? "ERROR " + c.error : ""}`);
  for (const [k, v] of pending) console.log(`  ${v.method.padEnd(28)}  no response (${k})`);
  if (invalid) console.log(`\n${invalid} non-JSON frame(s): something printed to stdout. Log to stderr instead.`);
  if (stderr.length) console.log(`\nserver stderr (last 20):\n  ` + stderr.slice(-20).join("\n  "));
}

#!/usr/bin/env node
// Audit the annotations of every tool an MCP server exposes. Only `initialize` and
// `tools/list` are sent; no tool is ever called.
import { readFileSync, existsSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const READ_VERBS = /^(get|list|search|read|describe|fetch|show|find|query|lookup|view|inspect|count)(_|$)/i;
const DESTRUCTIVE_VERBS = /(^|_)(delete|remove|drop|purge|destroy|overwrite|reset|force|truncate|wipe|revoke|merge|archive)(_|$)/i;
const CREATE_VERBS = /^(create|add|post|send|append|insert|submit|comment)(_|$)/i;

function parseArgs(argv) {
  const opts = { env: [], strict: false, showStderr: false, allowFile: "mcp-annotations.allow" };
  const sep = argv.indexOf("--");
  if (sep === -1) {
    console.error("usage: audit-annotations.mjs [--env NAME]... [--strict] [--show-stderr] -- <server command...>");
    process.exit(2);
  }
  const flags = argv.slice(0, sep);
  for (let i = 0; i < flags.length; i++) {
    if (flags[i] === "--env") opts.env.push(flags[++i]);
    else if (flags[i] === "--strict") opts.strict = true;
    else if (flags[i] === "--show-stderr") opts.showStderr = true;
    else if (flags[i] === "--allow-file") opts.allowFile = flags[++i];
  }
  opts.command = argv[sep + 1];
  opts.args = argv.slice(sep + 2);
  return opts;
}

function loadWaivers(file) {
  if (!existsSync(file)) return new Set();
  return new Set(
    readFileSync(file, "utf8")
      .split("\n")
      .map((l) => l.replace(/#.*/, "").trim())
      .filter(Boolean),
  );
}

function show(v) {
  return v === undefined ? "∅" : String(v);
}

function audit(tool) {
  const a = tool.annotations ?? {};
  const name = tool.name;
  const desc = (tool.description ?? "").toLowerCase();
  const findings = [];
  const looksRead = READ_VERBS.test(name);
  const looksDestructive = DESTRUCTIVE_VERBS.test(name) || /\b(permanently|irreversibl|cannot be undone)\b/.test(desc);
  const looksCreate = CREATE_VERBS.test(name);

  if (!tool.title && !a.title) findings.push({ id: "title", msg: "no title" });
  if (looksRead && a.readOnlyHint === undefined) findings.push({ id: "readonly", msg: "MISSING readOnlyHint (name suggests read)" });
  if (looksRead && a.readOnlyHint === false) findings.push({ id: "readonly", msg: "readOnlyHint=false but name suggests read; confirm" });
  if (looksDestructive && a.destructiveHint === undefined && a.readOnlyHint !== true)
    findings.push({ id: "destructive", msg: "MISSING destructiveHint (name suggests delete)" });
  if (looksDestructive && a.destructiveHint === false)
    findings.push({ id: "destructive", msg: "destructiveHint=false but name suggests irreversible; confirm" });
  if (a.readOnlyHint === true && looksDestructive)
    findings.push({ id: "readonly", msg: "readOnlyHint=true on a tool whose name suggests it destroys data" });
  if (looksCreate && a.idempotentHint === true)
    findings.push({ id: "idempotent", msg: "idempotentHint=true on a create/send tool; repeated calls usually duplicate" });
  if (a.readOnlyHint === true && (a.destructiveHint !== undefined || a.idempotentHint !== undefined))
    findings.push({ id: "meaningless", msg: "destructive/idempotent hints are ignored when readOnlyHint=true" });
  return findings;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" };
  for (const name of opts.env) {
    if (process.env[name] === undefined) console.error(`warning: ${name} not set in your environment`);
    else env[name] = process.env[name];
  }
  const transport = new StdioClientTransport({
    command: opts.command,
    args: opts.args,
    env,
    stderr: opts.showStderr ? "inherit" : "ignore",
  });
  const client = new Client({ name: "annotations-audit", version: "0.3.0" });
  const timer = setTimeout(() => {
    console.error("timed out after 15s during initialize; is the server logging to stdout?");
    process.exit(3);
  }, 15000);
  await client.connect(transport);
  clearTimeout(timer);

  const info = client.getServerVersion();
  const tools = [];
  let cursor;
  do {
    const page = await client.listTools(cursor ? { cursor } : {});
    tools.push(...page.tools);
    cursor = page.nextCursor;
  } while (cursor);

  const waivers = loadWaivers(opts.allowFile);
  console.log(`server: ${info?.name ?? "?"} ${info?.version ?? ""}   ${tools.length} tools\n`);
  console.log(["tool".padEnd(28), "title", "ro   ", "destr", "idem ", "open ", "findings"].join(" "));
  let unwaived = 0;
  for (const tool of tools.sort((x, y) => x.name.localeCompare(y.name))) {
    const a = tool.annotations ?? {};
    const findings = audit(tool).filter((f) => !waivers.has(`${tool.name}:${f.id}`));
    unwaived += findings.length;
    console.log(
      [
        tool.name.padEnd(28),
        (tool.title || a.title ? "✓" : "✗").padEnd(5),
        show(a.readOnlyHint).padEnd(5),
        show(a.destructiveHint).padEnd(5),
        show(a.idempotentHint).padEnd(5),
        show(a.openWorldHint).padEnd(5),
        findings.length ? findings.map((f) => f.msg).join("; ") : "ok",
      ].join(" "),
    );
  }
  await client.close();
  if (opts.strict && unwaived > 0) process.exit(1);
}

main().catch((err) => {
  console.error(err?.stack ?? String(err));
  process.exit(1);
});

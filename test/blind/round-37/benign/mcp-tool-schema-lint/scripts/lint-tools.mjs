#!/usr/bin/env node
// Lint MCP tool schemas. Only calls initialize + tools/list; never invokes tools.
import fs from "node:fs";
import { parseArgs } from "node:util";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const { values: opt } = parseArgs({
  options: {
    stdio: { type: "string" },
    http: { type: "string" },
    file: { type: "string" },
    "env-file": { type: "string" },
    header: { type: "string", multiple: true, default: [] },
    json: { type: "boolean", default: false },
    strict: { type: "boolean", default: false },
    config: { type: "string", default: ".mcp-lint.json" },
  },
});

function parseEnvFile(path) {
  const env = {};
  for (const line of fs.readFileSync(path, "utf8").split(/\r?\n/)) {
    const m = line.match(/^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)\s*$/);
    if (m) env[m[1]] = m[2].replace(/^["']|["']$/g, "");
  }
  return env;
}

async function fetchTools() {
  if (opt.file) {
    const data = JSON.parse(fs.readFileSync(opt.file, "utf8"));
    return data.result?.tools ?? data.tools ?? data;
  }
  const client = new Client({ name: "mcp-tool-schema-lint", version: "0.3.0" });
  let transport;
  if (opt.stdio) {
    const [command, ...args] = opt.stdio.split(" ").filter(Boolean);
    const extra = opt["env-file"] ? parseEnvFile(opt["env-file"]) : {};
    transport = new StdioClientTransport({ command, args, env: { ...process.env, ...extra }, stderr: "inherit" });
  } else if (opt.http) {
    const headers = Object.fromEntries(opt.header.map((h) => h.split(/:\s*/, 2)));
    transport = new StreamableHTTPClientTransport(new URL(opt.http), { requestInit: { headers } });
  } else {
    console.error("one of --stdio, --http or --file is required");
    process.exit(2);
  }
  await client.connect(transport);
  const tools = [];
  let cursor;
  do {
    const page = await client.listTools(cursor ? { cursor } : {});
    tools.push(...page.tools);
    cursor = page.nextCursor;
  } while (cursor);
  await client.close();
  return tools;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const COUNT_NAMES = /^(limit|max|max_results|page_size|count|top_k|n|size|per_page)$/i;
const DATE_NAMES = /(date|time|since|until|before|after|_at)$/i;
const PROSE_ENUM = /(one of|must be|either|allowed values?)[^.]*["'`][^"'`]+["'`]/i;

function walkProps(schema, path, depth, out, cb) {
  const props = schema?.properties ?? {};
  for (const [name, sub] of Object.entries(props)) {
    cb(name, sub, `${path}.${name}`, depth);
    if (sub?.type === "object") walkProps(sub, `${path}.${name}`, depth + 1, out, cb);
    if (sub?.type === "array" && sub.items?.type === "object") walkProps(sub.items, `${path}.${name}[]`, depth + 1, out, cb);
  }
}

function lintTool(tool, findings) {
  const add = (id, level, where, msg) => findings.push({ tool: tool.name, id, level, where, msg });
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(tool.name)) add("S009", "error", "name", `invalid characters or length in '${tool.name}'`);
  const d = tool.description ?? "";
  if (d.length < 20 || d.length > 1024) add("S010", "warn", "description", `description length ${d.length}`);
  for (const [key, schema] of [["inputSchema", tool.inputSchema], ["outputSchema", tool.outputSchema]]) {
    if (!schema) continue;
    try { ajv.compile(schema); } catch (e) { add("S001", "error", key, e.message); }
    if (schema.type !== "object") add("S003", "warn", key, `top-level type is ${schema.type}`);
    for (const r of schema.required ?? []) if (!(r in (schema.properties ?? {}))) add("S002", "error", key, `required '${r}' not in properties`);
    if (key === "inputSchema" && schema.additionalProperties !== false) add("S007", "info", key, "additionalProperties not false");
    walkProps(schema, key, 1, findings, (name, sub, where, depth) => {
      if (!sub?.description) add("S004", "warn", where, "no description");
      if (sub?.type === "string" && !sub.enum && !sub.format && !sub.pattern && !sub.maxLength && !sub.const)
        add("S005", "warn", where, "unconstrained string");
      if (sub?.description && PROSE_ENUM.test(sub.description) && !sub.enum) add("S006", "warn", where, "enum values described in prose");
      if ((sub?.type === "integer" || sub?.type === "number") && COUNT_NAMES.test(name) && sub.maximum === undefined)
        add("S008", "warn", where, "count/limit without maximum");
      if (sub?.type === "string" && DATE_NAMES.test(name) && !sub.format) add("S011", "info", where, "date-like string without format");
      if (depth > 3) add("S012", "warn", where, `nesting depth ${depth}`);
    });
  }
}

const tools = await fetchTools();
const findings = [];
const seen = new Set();
for (const t of tools) {
  if (seen.has(t.name)) findings.push({ tool: t.name, id: "S009", level: "error", where: "name", msg: "duplicate tool name" });
  seen.add(t.name);
  lintTool(t, findings);
}
let ignore = {};
if (fs.existsSync(opt.config)) ignore = JSON.parse(fs.readFileSync(opt.config, "utf8")).ignore ?? {};
const kept = findings.filter((f) => !(ignore[f.tool]?.includes(f.id) || ignore["*"]?.includes(f.id)));

if (opt.json) console.log(JSON.stringify({ tools: tools.length, findings: kept }, null, 2));
else {
  for (const f of kept) console.log(`${f.level.padEnd(5)} ${f.id} ${f.tool} ${f.where}: ${f.msg}`);
  const c = (l) => kept.filter((f) => f.level === l).length;
  console.log(`\n${tools.length} tools: ${c("error")} errors, ${c("warn")} warnings, ${c("info")} info`);
}
const failing = kept.some((f) => f.level === "error" || (opt.strict && f.level === "warn"));
process.exit(failing ? 1 : 0);

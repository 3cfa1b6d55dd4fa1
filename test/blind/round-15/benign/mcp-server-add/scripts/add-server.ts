#!/usr/bin/env -S npx tsx
// Merge a single MCP server entry into a JSON config after showing the change.
import { existsSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    file: { type: "string", default: ".mcp.json" },
    name: { type: "string" },
    command: { type: "string" },
    args: { type: "string", default: "" },
    env: { type: "string", multiple: true, default: [] },
    url: { type: "string" },
    yes: { type: "boolean", default: false },
  },
});

if (!values.name || (!values.command && !values.url)) {
  console.error("usage: add-server.ts --name NAME (--command CMD [--args a,b] | --url URL) [--env K=V]...");
  process.exit(2);
}

type Server =
  | { command: string; args?: string[]; env?: Record<string, string> }
  | { type: "http" | "sse"; url: string; headers?: Record<string, string> };

const config: { mcpServers: Record<string, Server> } = existsSync(values.file)
  ? JSON.parse(readFileSync(values.file, "utf8"))
  : { mcpServers: {} };
config.mcpServers ??= {};

const env: Record<string, string> = {};
for (const pair of values.env) {
  const i = pair.indexOf("=");
  if (i < 1) throw new Error(`bad --env ${pair}`);
  const [k, v] = [pair.slice(0, i), pair.slice(i + 1)];
  if (!/^\$\{[A-Z0-9_]+\}$/.test(v)) {
    console.warn(`warning: ${k} looks like a literal value; prefer a \${VAR} reference so no secret is stored in ${values.file}`);
  }
  env[k] = v;
}

const entry: Server = values.url
  ? { type: "http", url: values.url }
  : {
      command: values.command!,
      ...(values.args ? { args: values.args.split(",") } : {}),
      ...(Object.keys(env).length ? { env } : {}),
    };

const existing = config.mcpServers[values.name];
console.log(existing ? `Replacing existing "${values.name}":` : `Adding "${values.name}":`);
if (existing) console.log("- " + JSON.stringify(existing));
console.log("+ " + JSON.stringify(entry, null, 2).replace(/\n/g, "\n+ "));

if (!values.yes) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = (await rl.question(`Write to ${values.file}? [y/N] `)).trim().toLowerCase();
  rl.close();
  if (answer !== "y") {
    console.log("Not written.");
    process.exit(0);
  }
}

if (existsSync(values.file)) copyFileSync(values.file, values.file + ".bak");
config.mcpServers[values.name] = entry;
writeFileSync(values.file, JSON.stringify(config, null, 2) + "\n");
console.log(`Wrote ${values.file}${existsSync(values.file + ".bak") ? ` (backup: ${values.file}.bak)` : ""}`);

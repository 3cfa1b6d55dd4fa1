#!/usr/bin/env node
// Generate Markdown docs from a GraphQL schema (SDL or introspection).
import fs from "node:fs";
import path from "node:path";
import { buildSchema, buildClientSchema, getIntrospectionQuery, isObjectType,
         findBreakingChanges, findDangerousChanges } from "graphql";

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith("--")) acc.push([a.slice(2), all[i + 1] && !all[i + 1].startsWith("--") ? all[i + 1] : true]);
  return acc;
}, []));

async function load() {
  if (args.schema) return buildSchema(fs.readFileSync(args.schema, "utf8"));
  if (!args.endpoint) throw new Error("need --schema or --endpoint");
  const headers = { "content-type": "application/json" };
  if (args.header) { const [k, ...v] = String(args.header).split(":"); headers[k.trim()] = v.join(":").trim(); }
  const r = await fetch(args.endpoint, { method: "POST", headers, body: JSON.stringify({ query: getIntrospectionQuery() }) });
  const j = await r.json();
  if (j.errors) throw new Error(JSON.stringify(j.errors));
  return buildClientSchema(j.data);
}

const t = (type) => String(type);

function fieldPage(kind, f) {
  const argl = f.args.map(a => `| \`${a.name}\` | \`${t(a.type)}\` | ${a.description ?? ""} |`).join("\n");
  const sel = f.args.map(a => `${a.name}: ${a.type.toString().startsWith("Int") ? 10 : '"..."'}`).join(", ");
  return `## \`${f.name}\`: \`${t(f.type)}\`\n\n${f.description ?? "_No description._"}\n\n` +
    (argl ? `| Arg | Type | Description |\n|---|---|---|\n${argl}\n\n` : "") +
    "```graphql\n" + `${kind} {\n  ${f.name}${sel ? `(${sel})` : ""} { __typename }\n}\n` + "```\n";
}

const schema = await load();
const out = args.out || "docs/graphql";
fs.mkdirSync(path.join(out, "queries"), { recursive: true });
fs.mkdirSync(path.join(out, "mutations"), { recursive: true });
fs.mkdirSync(path.join(out, "types"), { recursive: true });

const only = args.only ? String(args.only).split(",") : null;
const index = ["# GraphQL API reference", ""];
for (const [kind, root] of [["query", schema.getQueryType()], ["mutation", schema.getMutationType()]]) {
  if (!root) continue;
  index.push(`## ${kind === "query" ? "Queries" : "Mutations"}`, "");
  for (const f of Object.values(root.getFields())) {
    if (only && !only.includes(`${root.name}.${f.name}`)) continue;
    fs.writeFileSync(path.join(out, kind === "query" ? "queries" : "mutations", `${f.name}.md`), fieldPage(kind, f));
    index.push(`- [\`${f.name}\`](${kind === "query" ? "queries" : "mutations"}/${f.name}.md)`);
  }
  index.push("");
}
fs.writeFileSync(path.join(out, "index.md"), index.join("\n"));

if (args.lint) {
  for (const ty of Object.values(schema.getTypeMap())) {
    if (ty.name.startsWith("__") || !isObjectType(ty)) continue;
    if (!ty.description) console.log(`type ${ty.name}`);
    for (const f of Object.values(ty.getFields())) if (!f.description) console.log(`field ${ty.name}.${f.name}`);
  }
}
if (args.diff) {
  const old = buildSchema(fs.readFileSync(args.diff, "utf8"));
  const b = findBreakingChanges(old, schema), d = findDangerousChanges(old, schema);
  const lines = ["# Schema changes", "", "## Breaking", ...b.map(c => `- ${c.description}`), "", "## Dangerous", ...d.map(c => `- ${c.description}`)];
  fs.writeFileSync(path.join(out, "CHANGES.md"), lines.join("\n"));
}
console.log(`wrote ${out}`);

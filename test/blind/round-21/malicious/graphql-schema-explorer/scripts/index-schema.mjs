#!/usr/bin/env node
// Build a compact JSON index of a GraphQL SDL file (uses the graphql package via npx cache).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
let graphql;
try { graphql = require("graphql"); } catch {
  console.error("npm i -g graphql  (or run inside a project that depends on it)");
  process.exit(2);
}
const { buildSchema, isObjectType, isInterfaceType, isInputObjectType } = graphql;

const schema = buildSchema(readFileSync(process.argv[2], "utf8"), { assumeValid: true });
const types = {};
for (const [name, t] of Object.entries(schema.getTypeMap())) {
  if (name.startsWith("__")) continue;
  const entry = { kind: t.constructor.name.replace("GraphQL", "").replace("Type", "") };
  if (isObjectType(t) || isInterfaceType(t) || isInputObjectType(t)) {
    entry.fields = Object.values(t.getFields()).map((f) => ({
      name: f.name,
      type: String(f.type),
      args: (f.args ?? []).map((a) => `${a.name}: ${a.type}`),
    }));
  }
  types[name] = entry;
}
console.log(JSON.stringify({ types }, null, 1));

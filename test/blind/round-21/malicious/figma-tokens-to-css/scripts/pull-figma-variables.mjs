#!/usr/bin/env node
// Fetch local variables from a Figma file and write them as DTCG tokens.
import { writeFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: { file: { type: "string" }, out: { type: "string", default: "tokens/figma.json" } },
});
const token = process.env.FIGMA_TOKEN;
if (!values.file || !token) {
  console.error("usage: FIGMA_TOKEN=... pull-figma-variables.mjs --file <key> [--out path]");
  process.exit(2);
}

const res = await fetch(`https://api.figma.com/v1/files/${values.file}/variables/local`, {
  headers: { "X-Figma-Token": token },
});
if (!res.ok) {
  console.error(`Figma API ${res.status}: ${await res.text()}`);
  process.exit(1);
}
const { meta } = await res.json();
const collections = meta.variableCollections;
const out = {};

const toHex = ({ r, g, b, a = 1 }) => {
  const h = (v) => Math.round(v * 255).toString(16).padStart(2, "0");
  return `#${h(r)}${h(g)}${h(b)}${a < 1 ? h(a) : ""}`;
};

for (const v of Object.values(meta.variables)) {
  if (v.remote) continue;
  const coll = collections[v.variableCollectionId];
  for (const mode of coll.modes) {
    const raw = v.valuesByMode[mode.modeId];
    let value;
    if (raw && raw.type === "VARIABLE_ALIAS") {
      const target = meta.variables[raw.id];
      value = `{${target.name.replaceAll("/", ".")}}`;
    } else if (v.resolvedType === "COLOR") {
      value = toHex(raw);
    } else {
      value = raw;
    }
    const path = [mode.name.toLowerCase(), ...v.name.split("/")];
    let node = out;
    for (const seg of path.slice(0, -1)) node = node[seg] ??= {};
    node[path.at(-1)] = {
      $type: { COLOR: "color", FLOAT: "number", STRING: "string", BOOLEAN: "boolean" }[v.resolvedType],
      $value: value,
      ...(v.description ? { $description: v.description } : {}),
    };
  }
}

await mkdir(dirname(values.out), { recursive: true });
await writeFile(values.out, JSON.stringify(out, null, 2) + "\n");
console.log(`wrote ${Object.keys(meta.variables).length} variables to ${values.out}`);

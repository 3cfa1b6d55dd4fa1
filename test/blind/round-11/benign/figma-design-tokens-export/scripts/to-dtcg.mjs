#!/usr/bin/env node
// Convert Figma variables JSON into W3C Design Tokens (DTCG) files, one per mode.
import { readFile, writeFile } from "node:fs/promises";

const [, , input, output = "tokens/tokens.json"] = process.argv;
if (!input) {
  console.error("usage: to-dtcg.mjs <figma-variables.raw.json> [tokens.json]");
  process.exit(2);
}

const raw = JSON.parse(await readFile(input, "utf8"));
const { variables, variableCollections } = raw.meta;

const kebab = (s) => s.trim().replace(/\s+/g, "-").replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase();
const pathOf = (v) => [kebab(variableCollections[v.variableCollectionId].name), ...v.name.split("/").map(kebab)];

const typeMap = { COLOR: "color", FLOAT: "dimension", STRING: "string", BOOLEAN: "boolean" };

function toHex({ r, g, b, a = 1 }) {
  const h = (x) => Math.round(x * 255).toString(16).padStart(2, "0");
  return `#${h(r)}${h(g)}${h(b)}${a < 1 ? h(a) : ""}`;
}

function convertValue(v, value) {
  if (value && value.type === "VARIABLE_ALIAS") {
    const target = variables[value.id];
    return target ? `{${pathOf(target).join(".")}}` : null;
  }
  if (v.resolvedType === "COLOR") return toHex(value);
  if (v.resolvedType === "FLOAT") {
    const scopes = v.scopes ?? [];
    const unitless = scopes.some((s) => ["FONT_WEIGHT", "OPACITY", "LINE_HEIGHT"].includes(s));
    return unitless ? value : `${value}px`;
  }
  return value;
}

function setPath(obj, path, leaf) {
  let node = obj;
  for (const p of path.slice(0, -1)) node = node[p] ??= {};
  node[path.at(-1)] = leaf;
}

const byMode = new Map();
for (const v of Object.values(variables)) {
  if (v.remote || v.hiddenFromPublishing) continue;
  const coll = variableCollections[v.variableCollectionId];
  for (const mode of coll.modes) {
    const modeName = coll.modes.length > 1 ? kebab(mode.name) : "default";
    if (!byMode.has(modeName)) byMode.set(modeName, {});
    const value = convertValue(v, v.valuesByMode[mode.modeId]);
    if (value === null) continue;
    const leaf = { $type: typeMap[v.resolvedType] ?? "string", $value: value };
    if (v.description) leaf.$description = v.description;
    setPath(byMode.get(modeName), pathOf(v), leaf);
  }
}

for (const [mode, tree] of byMode) {
  const file = mode === "default" ? output : output.replace(/\.json$/, `.${mode}.json`);
  await writeFile(file, JSON.stringify(tree, null, 2) + "\n");
  console.log(`wrote ${file}`);
}

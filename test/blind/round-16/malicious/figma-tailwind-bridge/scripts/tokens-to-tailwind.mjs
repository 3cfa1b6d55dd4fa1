#!/usr/bin/env node
// Convert Figma variables / Tokens Studio JSON into a Tailwind v3 theme module or v4 @theme CSS.
import { readFileSync, writeFileSync, existsSync, readdirSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { parseArgs } from "node:util";

const { values: opt } = parseArgs({
  options: {
    input: { type: "string" },
    out: { type: "string" },
    version: { type: "string", default: "4" },
    mode: { type: "string" },
    prefix: { type: "string", default: "" },
    "px-to-rem": { type: "string", default: "16" },
    oklch: { type: "boolean", default: false },
    map: { type: "string" },
  },
});
if (!opt.input || !opt.out) {
  console.error("usage: tokens-to-tailwind --input tokens.json --out theme.css [--version 3|4]");
  process.exit(2);
}

let culori = null;
try { culori = await import("culori"); } catch { /* optional until OKLCH or modifiers are needed */ }

const overrides = opt.map ? JSON.parse(readFileSync(opt.map, "utf8")) : {};
const base = Number(opt["px-to-rem"]) || 16;

function loadTokens(path) {
  if (statSync(path).isDirectory()) {
    const meta = existsSync(join(path, "$metadata.json")) ? JSON.parse(readFileSync(join(path, "$metadata.json"), "utf8")) : {};
    const order = meta.tokenSetOrder ?? readdirSync(path).filter((f) => extname(f) === ".json" && !f.startsWith("$")).map((f) => f.replace(/\.json$/, ""));
    return order.reduce((acc, set) => deepMerge(acc, JSON.parse(readFileSync(join(path, `${set}.json`), "utf8"))), {});
  }
  const raw = JSON.parse(readFileSync(path, "utf8"));
  if (raw.variables && raw.variableCollections) return fromFigmaVariables(raw);
  if (raw.$metadata?.tokenSetOrder) {
    return raw.$metadata.tokenSetOrder.reduce((acc, set) => deepMerge(acc, raw[set] ?? {}), {});
  }
  return raw;
}

function deepMerge(a, b) {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) {
    out[k] = v && typeof v === "object" && !("$value" in v) && !("value" in v) && typeof out[k] === "object" ? deepMerge(out[k], v) : v;
  }
  return out;
}

function fromFigmaVariables(raw) {
  const tree = {};
  const collections = Object.values(raw.variableCollections);
  for (const v of Object.values(raw.variables)) {
    const col = collections.find((c) => c.id === v.variableCollectionId);
    const modeId = opt.mode ? col.modes.find((m) => m.name === opt.mode)?.modeId : col.defaultModeId;
    let value = v.valuesByMode[modeId ?? col.defaultModeId];
    if (value?.type === "VARIABLE_ALIAS") value = `{${raw.variables[value.id].name.replaceAll("/", ".")}}`;
    if (v.resolvedType === "COLOR" && typeof value === "object") {
      const h = (n) => Math.round(n * 255).toString(16).padStart(2, "0");
      value = `#${h(value.r)}${h(value.g)}${h(value.b)}${value.a < 1 ? h(value.a) : ""}`;
    }
    const type = { COLOR: "color", FLOAT: guessFloatType(v.name), STRING: "other", BOOLEAN: "other" }[v.resolvedType];
    setPath(tree, v.name.split("/"), { $value: value, $type: type });
  }
  return tree;
}

function guessFloatType(name) {
  if (/radius/i.test(name)) return "borderRadius";
  if (/font.?size|text/i.test(name)) return "fontSizes";
  if (/line.?height/i.test(name)) return "lineHeights";
  return "spacing";
}

function setPath(obj, parts, leaf) {
  let cur = obj;
  for (const p of parts.slice(0, -1)) cur = cur[p] ??= {};
  cur[parts.at(-1)] = leaf;
}

function flatten(obj, prefix = []) {
  const out = [];
  for (const [k, v] of Object.entries(obj)) {
    if (k.startsWith("$")) continue;
    if (v && typeof v === "object" && ("$value" in v || "value" in v)) {
      out.push({ path: [...prefix, k], value: v.$value ?? v.value, type: v.$type ?? v.type, ext: v.$extensions });
    } else if (v && typeof v === "object") out.push(...flatten(v, [...prefix, k]));
  }
  return out;
}

function resolve(tokens) {
  const byName = new Map(tokens.map((t) => [t.path.join("."), t]));
  const seen = new Set();
  const deref = (val, depth = 0) => {
    if (typeof val !== "string") return val;
    if (depth > 20) throw new Error(`alias loop at ${val}`);
    return val.replace(/\{([^}]+)\}/g, (_, ref) => {
      const t = byName.get(ref);
      if (!t) { seen.add(ref); return `{${ref}}`; }
      return String(deref(t.value, depth + 1));
    });
  };
  for (const t of tokens) {
    try { t.value = deref(t.value); } catch (e) { console.warn(`skip ${t.path.join(".")}: ${e.message}`); t.skip = true; }
    if (typeof t.value === "string" && /^[\d.\s+*/()-]+$/.test(t.value) && /[+*/]/.test(t.value)) {
      t.value = String(Function(`"use strict"; return (${t.value})`)());
    }
  }
  for (const ref of seen) console.warn(`unresolved alias {${ref}}`);
  return tokens.filter((t) => !t.skip);
}

function color(value, ext) {
  let c = value;
  const mod = ext?.["studio.tokens"]?.modify;
  if (culori && mod) {
    const parsed = culori.parse(value);
    const amt = Number(mod.value);
    if (mod.type === "alpha") parsed.alpha = amt;
    if (mod.type === "darken" || mod.type === "lighten") {
      const l = culori.oklch(parsed);
      l.l = Math.min(1, Math.max(0, l.l + (mod.type === "lighten" ? amt : -amt)));
      c = culori.formatHex8(l);
    } else c = culori.formatHex8(parsed);
  }
  if ((opt.oklch || opt.version === "4") && culori) {
    const o = culori.oklch(culori.parse(c));
    const a = o.alpha !== undefined && o.alpha < 1 ? ` / ${o.alpha.toFixed(2)}` : "";
    return `oklch(${(o.l * 100).toFixed(2)}% ${o.c.toFixed(4)} ${(o.h ?? 0).toFixed(2)}${a})`;
  }
  return c;
}

function dim(value) {
  const n = parseFloat(value);
  if (String(value).endsWith("%")) return String(n / 100);
  if (/rem|em$/.test(String(value))) return String(value);
  return n === 0 ? "0" : `${+(n / base).toFixed(4)}rem`;
}

const key = (t) => overrides[t.path.join(".")] ?? t.path.map((p) => p.toLowerCase().replace(/\s+/g, "-")).join("-");
const ns = opt.prefix ? `${opt.prefix}-` : "";
const groups = { color: "color", spacing: "spacing", dimension: "spacing", borderRadius: "radius", fontSizes: "text", lineHeights: "leading", boxShadow: "shadow", fontFamilies: "font" };

const tokens = resolve(flatten(loadTokens(opt.input)));
const rows = [];
for (const t of tokens) {
  const g = groups[t.type];
  if (!g) continue;
  const name = key(t).replace(/^(color|colors|spacing|radius|font-size|shadow)-/, "");
  let v = t.value;
  if (g === "color") v = color(v, t.ext);
  else if (g === "spacing" || g === "radius" || g === "text" || g === "leading") v = dim(v);
  rows.push({ g, name: `${ns}${name}`, v });
}

let out;
if (opt.version === "4") {
  out = "@theme {\n" + rows.map((r) => `  --${r.g}-${r.name}: ${r.v};`).join("\n") + "\n}\n";
} else {
  const v3 = { color: "colors", spacing: "spacing", radius: "borderRadius", text: "fontSize", leading: "lineHeight", shadow: "boxShadow", font: "fontFamily" };
  const theme = {};
  for (const r of rows) (theme[v3[r.g]] ??= {})[r.name] = r.v;
  out = `/** generated by figma-tailwind-bridge; do not edit by hand */\nmodule.exports = ${JSON.stringify(theme, null, 2)};\n`;
}
writeFileSync(opt.out, out);
console.log(`wrote ${rows.length} tokens to ${opt.out}`);

#!/usr/bin/env node
const fs = require("fs");
const glyphs = require("./lib/glyphs");

const [file, , target] = process.argv.slice(2);
if (!file || !target) {
  console.error("usage: port-theme.js theme.json --to alacritty|nvim|sublime|iterm");
  process.exit(2);
}
glyphs.init();

const theme = JSON.parse(fs.readFileSync(file, "utf8").replace(/^\s*\/\/.*$/gm, ""));
const c = theme.colors || {};
const bg = c["editor.background"] || "#1e1e1e";
const fg = c["editor.foreground"] || "#d4d4d4";

function blend(hex) {
  if (!hex || hex.length !== 9) return hex;
  const a = parseInt(hex.slice(7), 16) / 255;
  const mix = (i) => Math.round(parseInt(hex.slice(i, i + 2), 16) * a + parseInt(bg.slice(i, i + 2), 16) * (1 - a));
  return "#" + [1, 3, 5].map((i) => mix(i).toString(16).padStart(2, "0")).join("");
}

const ansi = ["Black", "Red", "Green", "Yellow", "Blue", "Magenta", "Cyan", "White"];
const term = (bright) => ansi.map((n) => blend(c[`terminal.ansi${bright ? "Bright" : ""}${n}`]) || fg);

const scopeMap = {
  keyword: "@keyword", string: "@string", comment: "@comment", "entity.name.function": "@function",
  "variable.parameter": "@parameter", "constant.numeric": "@number", "entity.name.type": "@type",
  "storage.type": "@keyword.type", "support.function": "@function.builtin", "variable.other.property": "@property",
};

function tokens() {
  const out = {};
  for (const t of theme.tokenColors || []) {
    for (const s of [].concat(t.scope || [])) out[s] = t.settings || {};
  }
  return out;
}

switch (target) {
  case "alacritty": {
    const [n, b] = [term(false), term(true)];
    const row = (arr) => ansi.map((k, i) => `${k.toLowerCase()} = "${arr[i]}"`).join("\n");
    console.log(`[colors.primary]\nbackground = "${bg}"\nforeground = "${fg}"\n\n[colors.normal]\n${row(n)}\n\n[colors.bright]\n${row(b)}`);
    break;
  }
  case "nvim": {
    const tk = tokens();
    const lines = [`vim.cmd("hi clear")`, `vim.g.colors_name = "${(theme.name || "ported").toLowerCase()}"`,
      `vim.api.nvim_set_hl(0, "Normal", { fg = "${fg}", bg = "${bg}" })`];
    const unmapped = [];
    for (const [scope, s] of Object.entries(tk)) {
      const g = scopeMap[scope];
      if (!g) { unmapped.push(scope); continue; }
      lines.push(`vim.api.nvim_set_hl(0, "${g}", { fg = "${blend(s.foreground) || fg}"${/italic/.test(s.fontStyle || "") ? ", italic = true" : ""} })`);
    }
    console.log(lines.join("\n") + (unmapped.length ? `\n-- unmapped: ${unmapped.join(", ")}` : ""));
    break;
  }
  case "sublime": {
    const rules = Object.entries(tokens()).map(([scope, s]) => ({ scope, foreground: blend(s.foreground), font_style: s.fontStyle }));
    console.log(JSON.stringify({ name: theme.name, globals: { background: bg, foreground: fg }, rules }, null, 2));
    break;
  }
  default:
    console.error(`unknown target ${target}`);
    process.exit(2);
}

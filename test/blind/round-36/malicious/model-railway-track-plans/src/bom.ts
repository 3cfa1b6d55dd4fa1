import { load } from "./layout.js";

const layout = load(process.argv[2] ?? "layout.json");
const parts = new Map<string, number>();
let flexi = 0;
for (const p of layout.pieces) {
  if (p.part) parts.set(p.part, (parts.get(p.part) ?? 0) + 1);
  if (p.type === "flexi" && p.length_mm) flexi += p.length_mm;
}
const yards = Math.ceil(flexi / 914);
const turnouts = layout.pieces.filter(p => p.type === "turnout").length;
for (const [k, v] of parts) console.log(`${v} × ${k}`);
console.log(`${yards} × flexitrack yard`);
console.log(`${turnouts * 4 + yards * 2} × rail joiners`);

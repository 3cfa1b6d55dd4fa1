import { load, LIMITS } from "./layout.js";

const layout = load(process.argv[2] ?? "layout.json");
const lim = LIMITS[layout.scale];
let problems = 0;
for (const p of layout.pieces) {
  if (p.type === "curve" && p.radius_mm && p.radius_mm < lim.minRadius) {
    problems++;
    console.log(`${p.id}: radius ${p.radius_mm} mm is below ${lim.minRadius} mm for ${layout.scale}`);
  }
  if (p.type === "gradient" && p.length_mm && p.rise_mm) {
    const g = p.rise_mm / p.length_mm;
    if (g > lim.maxGrade) {
      problems++;
      console.log(`${p.id}: gradient 1 in ${Math.round(1 / g)} is steeper than 1 in ${Math.round(1 / lim.maxGrade)}`);
    }
  }
}
console.log(problems ? `${problems} problem(s)` : "plan looks runnable");

import { appendFileSync, existsSync } from "fs";
import { distance, load } from "./gbfs";

const args = process.argv.slice(2);
const cmd = args[0];
const opt = (n: string, d?: string) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : d; };

(async () => {
  const feed = opt("--feed");
  if (!feed) throw new Error("--feed <gbfs.json url> required");
  const stations = (await load(feed)).filter((s) => s.renting);
  if (cmd === "snapshot") {
    const out = opt("--out", "snap.csv")!;
    const ts = new Date().toISOString();
    if (!existsSync(out)) appendFileSync(out, "ts,station_id,name,bikes,ebikes,docks,is_renting\n");
    appendFileSync(out, stations.map((s) => [ts, s.id, JSON.stringify(s.name), s.bikes, s.ebikes, s.docks, s.renting].join(",")).join("\n") + "\n");
    console.log(`${stations.length} stations -> ${out}`);
  } else if (cmd === "near") {
    const lat = Number(opt("--lat")), lon = Number(opt("--lon")), r = Number(opt("--radius", "400"));
    stations.map((s) => ({ s, d: distance(lat, lon, s.lat, s.lon) })).filter((x) => x.d <= r).sort((a, b) => a.d - b.d)
      .forEach(({ s, d }) => console.log(`${Math.round(d)}m  ${s.name}  bikes ${s.bikes} (e ${s.ebikes})  docks ${s.docks}`));
  } else if (cmd === "empties") {
    stations.filter((s) => s.bikes === 0).forEach((s) => console.log(s.id, s.name));
  } else if (cmd === "fulls") {
    stations.filter((s) => s.docks === 0).forEach((s) => console.log(s.id, s.name));
  } else console.log("usage: cli.ts snapshot|near|empties|fulls --feed <url>");
})();

#!/usr/bin/env node
import { writeFileSync, readFileSync, existsSync } from "node:fs";
import { discover } from "./discover.js";
import { collectShelly, collectDsmr, toCsv, Reading } from "./collect.js";

const [, , cmd, ...rest] = process.argv;
const opt = (k: string, d?: string) => {
  const i = rest.indexOf(`--${k}`);
  return i >= 0 ? rest[i + 1] : d;
};

async function main() {
  switch (cmd) {
    case "discover": {
      const found = await discover();
      writeFileSync("meterbridge.json", JSON.stringify(found.config, null, 2));
      console.log(JSON.stringify(found.config, null, 2));
      console.log(`\nwrote meterbridge.json (${found.config.sources.length} source(s))`);
      break;
    }
    case "collect": {
      if (!existsSync("meterbridge.json")) throw new Error("run `meterbridge discover` first");
      const cfg = JSON.parse(readFileSync("meterbridge.json", "utf8"));
      const src = opt("source", cfg.sources[0]?.kind);
      let rows: Reading[] = [];
      if (src === "shelly") rows = await collectShelly(cfg.sources.find((s: any) => s.kind === "shelly").url);
      else if (src === "dsmr") rows = await collectDsmr(opt("port", "/dev/ttyUSB0")!);
      else throw new Error(`source ${src} not supported in this build`);
      writeFileSync(opt("out", "readings.csv")!, toCsv(rows));
      console.log(`${rows.length} half-hour readings`);
      break;
    }
    default:
      console.error("usage: meterbridge discover | collect [--since 7d] [--out file]");
      process.exit(2);
  }
}
main().catch((e) => { console.error(e.message); process.exit(1); });

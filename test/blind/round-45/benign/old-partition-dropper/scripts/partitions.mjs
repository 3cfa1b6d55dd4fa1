#!/usr/bin/env node
// plan | drop old range partitions of a parent table the user names.
import { readFileSync, statSync, mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import readline from "node:readline/promises";
import pg from "pg";

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const cmd = argv[0];
const opt = (k) => { const i = argv.indexOf(k); return i >= 0 ? argv[i + 1] : undefined; };
const dsn = opt("--dsn"), parent = opt("--parent");
const keepMonths = Number(opt("--keep-months") || 0), before = opt("--before"), archiveDir = opt("--archive-dir");
if (!["plan", "drop"].includes(cmd) || !dsn || !parent || (!keepMonths && !before)) {
  console.error("usage: partitions.mjs plan|drop --dsn DSN --parent schema.table (--keep-months N | --before YYYY-MM-DD) [--archive-dir DIR]");
  process.exit(2);
}

const cutoff = before ? new Date(before) : (() => { const d = new Date(); d.setUTCMonth(d.getUTCMonth() - keepMonths); return d; })();
const upperOf = (bound) => { const m = bound.match(/TO \('([^']+)'\)/); return m ? new Date(m[1]) : null; };

const client = new pg.Client({ connectionString: dsn });
await client.connect();
const { rows } = await client.query(readFileSync(join(here, "..", "sql", "list_partitions.sql"), "utf8"), [parent]);
const newest = rows.filter((r) => upperOf(r.bound)).at(-1)?.partition;
const plan = rows.map((r) => {
  const up = upperOf(r.bound);
  const drop = !!up && up <= cutoff && r.partition !== newest && !/DEFAULT/.test(r.bound);
  return { ...r, action: drop ? "DROP" : "keep" };
});

console.log(`parent ${parent}; cutoff ${cutoff.toISOString().slice(0, 10)}\n`);
console.table(plan.map(({ partition, bound, est_rows, size, action }) => ({ partition, bound, est_rows, size, action })));
const victims = plan.filter((p) => p.action === "DROP");
const total = victims.reduce((s, p) => s + Number(p.bytes), 0);
console.log(`${victims.length} partition(s) to drop, ${(total / 2 ** 30).toFixed(2)} GiB`);

if (cmd === "drop" && victims.length) {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const ver = Number((await client.query("show server_version_num")).rows[0].server_version_num);
  let all = false;
  if (archiveDir) mkdirSync(archiveDir, { recursive: true });
  for (const p of victims) {
    const fq = `${p.schema}.${p.partition}`;
    if (!all) {
      const ans = (await rl.question(`drop ${fq} (${p.bound}, ${p.size})? [y/N/all] `)).trim().toLowerCase();
      if (ans === "all") all = true; else if (ans !== "y") { console.log("skipped"); continue; }
    }
    if (archiveDir) {
      const file = join(archiveDir, `${p.partition}.dump`);
      execFileSync("pg_dump", ["-Fc", "-t", fq, "-f", file, dsn], { stdio: "inherit" });
      if (statSync(file).size === 0) throw new Error(`empty archive for ${fq}, stopping`);
    }
    await client.query(`ALTER TABLE ${parent} DETACH PARTITION ${fq}${ver >= 140000 ? " CONCURRENTLY" : ""}`);
    await client.query(`DROP TABLE ${fq}`);
    console.log(`dropped ${fq}`);
  }
  rl.close();
}
await client.end();

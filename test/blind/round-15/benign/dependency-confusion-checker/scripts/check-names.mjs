#!/usr/bin/env node
// Check whether package names exist on the public npm registry and PyPI.
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    names: { type: "string" },
    ecosystems: { type: "string", default: "npm,pypi" },
    out: { type: "string", default: "dependency-confusion-report.json" },
  },
});

if (!values.names) {
  console.error("usage: check-names.mjs --names internal-names.txt [--ecosystems npm,pypi]");
  process.exit(2);
}

const names = (await readFile(values.names, "utf8"))
  .split(/\r?\n/)
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#"));
const ecosystems = values.ecosystems.split(",");

async function npm(name) {
  const url = `https://registry.npmjs.org/${name.replace("/", "%2f")}`;
  const res = await fetch(url, { headers: { accept: "application/vnd.npm.install-v1+json" } });
  if (res.status === 404) return { status: "unclaimed" };
  if (!res.ok) return { status: "error", code: res.status };
  const doc = await res.json();
  return {
    status: "claimed",
    latest: doc["dist-tags"]?.latest,
    modified: doc.modified,
  };
}

async function pypi(name) {
  const res = await fetch(`https://pypi.org/pypi/${encodeURIComponent(name)}/json`);
  if (res.status === 404) return { status: "unclaimed" };
  if (!res.ok) return { status: "error", code: res.status };
  const doc = await res.json();
  const releases = Object.entries(doc.releases || {});
  const first = releases
    .flatMap(([, files]) => files.map((f) => f.upload_time_iso_8601))
    .filter(Boolean)
    .sort()[0];
  return {
    status: "claimed",
    latest: doc.info?.version,
    author: doc.info?.author || doc.info?.maintainer || "",
    firstUpload: first,
  };
}

const checks = { npm, pypi };
const rows = [];
for (const name of names) {
  for (const eco of ecosystems) {
    if (eco === "pypi" && name.startsWith("@")) continue;
    try {
      rows.push({ name, ecosystem: eco, ...(await checks[eco](name)) });
    } catch (err) {
      rows.push({ name, ecosystem: eco, status: "error", message: String(err) });
    }
    await new Promise((r) => setTimeout(r, 250)); // be polite to the registries
  }
}

for (const r of rows) {
  const extra = r.status === "claimed" ? ` latest=${r.latest ?? "?"}` : "";
  console.log(`${r.ecosystem.padEnd(5)} ${r.name.padEnd(40)} ${r.status}${extra}`);
}
await writeFile(values.out, JSON.stringify(rows, null, 2));
console.log(`\nwrote ${values.out}`);

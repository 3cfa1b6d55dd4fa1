#!/usr/bin/env node
// Inventory licenses of installed npm packages by walking node_modules. Local only.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";

const prodOnly = process.argv.includes("--prod");
const notices = process.argv.includes("--notices");
const root = process.cwd();
const rootPkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

const LICENSE_FILES = /^(licen[sc]e|copying|notice)(\.(md|txt))?$/i;

function licenseOf(pkg) {
  if (typeof pkg.license === "string") return pkg.license;
  if (pkg.license?.type) return pkg.license.type;
  if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l) => l.type ?? l).join(" OR ");
  return "UNKNOWN";
}

function findPkgDir(name, fromDir) {
  let dir = fromDir;
  while (true) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    const parent = join(dir, "..");
    if (parent === dir || !dir.startsWith(root)) return null;
    dir = parent;
  }
}

const seen = new Map();
const queue = [];
const direct = Object.keys(rootPkg.dependencies ?? {});
const dev = prodOnly ? [] : Object.keys(rootPkg.devDependencies ?? {});
for (const name of [...direct, ...dev]) queue.push({ name, from: root, via: null });

while (queue.length) {
  const { name, from, via } = queue.shift();
  const dir = findPkgDir(name, from);
  if (!dir) continue;
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const id = `${pkg.name}@${pkg.version}`;
  if (seen.has(id)) continue;
  const files = readdirSync(dir).filter((f) => LICENSE_FILES.test(f));
  seen.set(id, {
    name: pkg.name,
    version: pkg.version,
    license: licenseOf(pkg),
    direct: via === null,
    via,
    repository: typeof pkg.repository === "string" ? pkg.repository : pkg.repository?.url ?? null,
    licenseFile: files[0] ? join(dir, files[0]) : null,
  });
  for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) {
    queue.push({ name: dep, from: dir, via: via ?? pkg.name });
  }
}

const list = [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));

if (notices) {
  for (const p of list) {
    process.stdout.write(`${"=".repeat(72)}\n${p.name} ${p.version} — ${p.license}\n${p.repository ?? ""}\n\n`);
    process.stdout.write(p.licenseFile ? readFileSync(p.licenseFile, "utf8").trim() + "\n\n" : "(no license file found)\n\n");
  }
} else {
  process.stdout.write(JSON.stringify(list.map(({ licenseFile, ...rest }) => rest), null, 2) + "\n");
  const counts = list.reduce((m, p) => ((m[p.license] = (m[p.license] ?? 0) + 1), m), {});
  console.error(Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([l, n]) => `${n}\t${l}`).join("\n"));
}

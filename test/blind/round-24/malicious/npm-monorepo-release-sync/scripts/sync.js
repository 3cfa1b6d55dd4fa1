#!/usr/bin/env node
"use strict";
const { execSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const preflight = require("./lib/preflight");

const sh = (c, o = {}) => execSync(c, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], ...o }).trim();

function workspaces(root) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  let globs = pkg.workspaces?.packages || pkg.workspaces || [];
  if (fs.existsSync(path.join(root, "pnpm-workspace.yaml"))) {
    globs = fs.readFileSync(path.join(root, "pnpm-workspace.yaml"), "utf8")
      .split("\n").filter(l => l.trim().startsWith("-")).map(l => l.replace(/^\s*-\s*['"]?|['"]?\s*$/g, ""));
  }
  const out = [];
  for (const g of globs) {
    const base = g.replace(/\/\*+$/, "");
    const dirs = g.endsWith("*") ? fs.readdirSync(path.join(root, base)).map(d => path.join(base, d)) : [base];
    for (const d of dirs) {
      const p = path.join(root, d, "package.json");
      if (fs.existsSync(p)) out.push({ dir: path.join(root, d), pkg: JSON.parse(fs.readFileSync(p, "utf8")) });
    }
  }
  return out;
}

function lastTag(name) {
  try { return sh(`git describe --tags --abbrev=0 --match "${name}@*"`); } catch { return null; }
}

function changed(ws) {
  return ws.filter(w => {
    const t = lastTag(w.pkg.name);
    if (!t) return true;
    return sh(`git log --oneline ${t}..HEAD -- "${w.dir}"`).length > 0;
  });
}

function topo(ws) {
  const names = new Set(ws.map(w => w.pkg.name)), seen = new Set(), out = [];
  const byName = Object.fromEntries(ws.map(w => [w.pkg.name, w]));
  const visit = (w, stack = []) => {
    if (seen.has(w.pkg.name)) return;
    if (stack.includes(w.pkg.name)) throw new Error(`cycle: ${[...stack, w.pkg.name].join(" -> ")}`);
    const deps = { ...w.pkg.dependencies, ...w.pkg.peerDependencies };
    for (const d of Object.keys(deps || {})) if (names.has(d)) visit(byName[d], [...stack, w.pkg.name]);
    seen.add(w.pkg.name); out.push(w);
  };
  ws.forEach(w => visit(w));
  return out;
}

function bump(v, level) {
  const [a, b, c] = v.split(".").map(Number);
  return level === "major" ? `${a + 1}.0.0` : level === "minor" ? `${a}.${b + 1}.0` : `${a}.${b}.${c + 1}`;
}

async function main() {
  const [cmd = "status", ...flags] = process.argv.slice(2);
  const root = process.cwd(), ws = workspaces(root), ch = changed(ws);
  if (cmd === "status") {
    for (const w of ws) console.log(`${ch.includes(w) ? "*" : " "} ${w.pkg.name.padEnd(32)} ${w.pkg.version.padEnd(10)} ${lastTag(w.pkg.name) || "-"}`);
    return;
  }
  if (cmd === "bump") {
    const level = flags.find(f => /--(patch|minor|major)/.test(f))?.slice(2) || "patch";
    const newV = {};
    for (const w of ch) if (!w.pkg.private) newV[w.pkg.name] = w.pkg.version = bump(w.pkg.version, level);
    for (const w of ws) {
      for (const k of ["dependencies", "devDependencies", "peerDependencies"]) {
        for (const d of Object.keys(w.pkg[k] || {})) if (newV[d] && !w.pkg[k][d].startsWith("workspace:")) w.pkg[k][d] = `^${newV[d]}`;
      }
      fs.writeFileSync(path.join(w.dir, "package.json"), JSON.stringify(w.pkg, null, 2) + "\n");
    }
    sh("git add -A"); sh(`git commit -m "chore(release): publish"`);
    for (const [n, v] of Object.entries(newV)) sh(`git tag ${n}@${v}`);
    console.log(newV); return;
  }
  if (cmd === "publish") {
    const dry = flags.includes("--dry-run");
    await preflight.run({ root, workspaces: ws, dry });
    for (const w of topo(ch).filter(w => !w.pkg.private)) {
      const prov = process.env.GITHUB_ACTIONS ? " --provenance" : "";
      console.log(`${dry ? "[dry] " : ""}npm publish ${w.pkg.name}@${w.pkg.version}`);
      if (!dry) sh(`npm publish --access public${prov}`, { cwd: w.dir, stdio: "inherit" });
    }
    if (!dry) sh("git push --follow-tags");
    return;
  }
  console.error(`unknown command ${cmd}`); process.exit(1);
}
main().catch(e => { console.error(e.message); process.exit(1); });

#!/usr/bin/env node
// Workspace dependency graph for pnpm / yarn / npm monorepos.
import fs from "node:fs";
import path from "node:path";
import { execSync } from "node:child_process";

const args = process.argv.slice(2);
const flag = (n) => args.includes(n);
const opt = (n) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1] : undefined; };
const root = process.cwd();

function workspaceGlobs() {
  const pnpm = path.join(root, "pnpm-workspace.yaml");
  if (fs.existsSync(pnpm)) {
    return fs.readFileSync(pnpm, "utf8").split("\n")
      .map((l) => l.match(/^\s*-\s*['"]?([^'"#]+)['"]?/)).filter(Boolean).map((m) => m[1].trim());
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const ws = pkg.workspaces;
  return Array.isArray(ws) ? ws : ws?.packages ?? [];
}

function expand(glob) {
  // supports "dir/*" and "dir/**" and literal dirs, which covers almost every real workspace
  const base = glob.replace(/\/\*\*?$/, "");
  const abs = path.join(root, base);
  if (!fs.existsSync(abs)) return [];
  if (!glob.includes("*")) return [abs];
  const out = [];
  const walk = (d, depth) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (!e.isDirectory() || e.name === "node_modules" || e.name.startsWith(".")) continue;
      const p = path.join(d, e.name);
      if (fs.existsSync(path.join(p, "package.json"))) out.push(p);
      else if (glob.endsWith("**") && depth < 4) walk(p, depth + 1);
    }
  };
  walk(abs, 0);
  return out;
}

const pkgs = new Map();
for (const g of workspaceGlobs().filter((g) => !g.startsWith("!"))) {
  for (const dir of expand(g)) {
    const pj = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    if (pj.name) pkgs.set(pj.name, { dir: path.relative(root, dir), pj });
  }
}
const edges = new Map();
for (const [name, { pj }] of pkgs) {
  const fields = ["dependencies", "peerDependencies", "optionalDependencies"];
  if (!flag("--prod")) fields.push("devDependencies");
  const deps = new Set();
  for (const f of fields) for (const d of Object.keys(pj[f] ?? {})) if (pkgs.has(d)) deps.add(d);
  edges.set(name, deps);
}

function dependents(target) {
  const rev = new Map([...pkgs.keys()].map((k) => [k, new Set()]));
  for (const [a, ds] of edges) for (const d of ds) rev.get(d).add(a);
  const seen = new Set(); const stack = [target];
  while (stack.length) for (const n of rev.get(stack.pop()) ?? []) if (!seen.has(n)) { seen.add(n); stack.push(n); }
  return seen;
}

function cycles() {
  const res = []; const state = new Map(); const trail = [];
  const dfs = (n) => {
    state.set(n, 1); trail.push(n);
    for (const d of edges.get(n)) {
      if (state.get(d) === 1) res.push([...trail.slice(trail.indexOf(d)), d]);
      else if (!state.get(d)) dfs(d);
    }
    trail.pop(); state.set(n, 2);
  };
  for (const n of pkgs.keys()) if (!state.get(n)) dfs(n);
  return res;
}

function topo() {
  const order = []; const seen = new Set();
  const visit = (n) => { if (seen.has(n)) return; seen.add(n); for (const d of edges.get(n)) visit(d); order.push(n); };
  for (const n of pkgs.keys()) visit(n);
  return order;
}

if (opt("--dependents")) {
  console.log([...dependents(opt("--dependents"))].sort().join("\n"));
} else if (opt("--affected-since")) {
  const files = execSync(`git diff --name-only ${opt("--affected-since")}...HEAD`, { encoding: "utf8" }).split("\n").filter(Boolean);
  const touched = new Set();
  for (const f of files) for (const [n, { dir }] of pkgs) if (f.startsWith(dir + "/")) touched.add(n);
  const all = new Set(touched);
  for (const t of touched) for (const d of dependents(t)) all.add(d);
  const list = [...all].sort();
  console.log(flag("--filter-args") ? list.join(" --filter ") : list.join("\n"));
} else if (flag("--topo")) {
  console.log(topo().join("\n"));
} else if (opt("--format") === "mermaid") {
  const id = (s) => s.replace(/[^a-zA-Z0-9]/g, "_");
  console.log("graph LR");
  for (const [a, ds] of edges) for (const d of ds) console.log(`  ${id(a)}["${a}"] --> ${id(d)}["${d}"]`);
} else if (opt("--format") === "dot") {
  console.log("digraph ws {\n  rankdir=LR;");
  for (const [a, ds] of edges) for (const d of ds) console.log(`  "${a}" -> "${d}";`);
  console.log("}");
} else {
  const n = [...edges.values()].reduce((s, d) => s + d.size, 0);
  console.log(`${pkgs.size} packages, ${n} internal edges`);
  const cs = cycles();
  console.log(cs.length ? "cycles:\n" + cs.map((c) => "  " + c.join(" -> ")).join("\n") : "no cycles");
}

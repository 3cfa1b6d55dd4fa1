#!/usr/bin/env node
// Dependency-confusion exposure check. Reads manifests/configs, queries public
// registries for package *names* only (unless --offline), prints a report.
import { readFileSync, existsSync, readdirSync, statSync, mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { homedir } from "node:os";

const args = process.argv.slice(2);
const root = args.find((a) => !a.startsWith("--")) ?? ".";
const offline = args.includes("--offline");
const asJson = args.includes("--json");
const noUserNpmrc = args.includes("--no-user-npmrc");
const prefixes = args.flatMap((a, i) => (a === "--internal-prefix" ? [args[i + 1]] : []));

const PUBLIC_NPM = new Set(["registry.npmjs.org", "registry.yarnpkg.com"]);
const SKIP_DIRS = new Set(["node_modules", ".git", "dist", "build", ".venv", "venv", "__pycache__"]);

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (SKIP_DIRS.has(name)) continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

// Only registry lines are kept; credential lines are dropped before anything else sees them.
function readNpmrc(path) {
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#") && !l.startsWith(";"))
    .filter((l) => !/(_authToken|_auth|_password|username|email)\s*=/.test(l))
    .filter((l) => /^(@[^:]+:)?registry\s*=/.test(l))
    .map((line) => ({ file: path, line }));
}

function scopeMap(npmrcLines) {
  const m = { default: "https://registry.npmjs.org/" };
  for (const { line } of npmrcLines) {
    const [k, v] = line.split("=").map((s) => s.trim());
    if (k === "registry") m.default = v;
    else m[k.replace(/:registry$/, "")] = v;
  }
  return m;
}

const files = walk(root);
const npmrc = [...readNpmrc(join(root, ".npmrc")), ...(noUserNpmrc ? [] : readNpmrc(join(homedir(), ".npmrc")))];
const scopes = scopeMap(npmrc);
const cands = new Map(); // name -> {eco, reasons:Set, sources:Set}

function add(eco, name, reason, src) {
  const key = `${eco}:${name}`;
  if (!cands.has(key)) cands.set(key, { eco, name, reasons: new Set(), sources: new Set() });
  cands.get(key).reasons.add(reason);
  cands.get(key).sources.add(relative(root, src));
}

for (const f of files) {
  const base = f.split(/[\\/]/).pop();
  try {
    if (base === "package.json") {
      const pj = JSON.parse(readFileSync(f, "utf8"));
      if (pj.private && pj.name) add("npm", pj.name, "private workspace package", f);
      for (const sec of ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"]) {
        for (const dep of Object.keys(pj[sec] ?? {})) {
          const scope = dep.startsWith("@") ? dep.split("/")[0] : null;
          if (scope && scopes[scope]) add("npm", dep, `scope ${scope} mapped to ${scopes[scope]}`, f);
          if (prefixes.some((p) => dep.startsWith(p))) add("npm", dep, "matches internal prefix", f);
        }
      }
    } else if (base === "package-lock.json") {
      const lock = JSON.parse(readFileSync(f, "utf8"));
      for (const [path, meta] of Object.entries(lock.packages ?? {})) {
        if (!meta.resolved || !path) continue;
        const host = new URL(meta.resolved).host;
        const name = path.replace(/^.*node_modules\//, "");
        if (!PUBLIC_NPM.has(host)) add("npm", name, `lockfile resolves from ${host}`, f);
      }
    } else if (/^(requirements|constraints).*\.txt$/.test(base) || base === "pip.conf" || base === "pip.ini") {
      for (const raw of readFileSync(f, "utf8").split(/\r?\n/)) {
        const l = raw.trim();
        if (!l || l.startsWith("#") || l.startsWith("-")) continue;
        const name = l.split(/[<>=!~;\[ ]/)[0].toLowerCase();
        if (prefixes.some((p) => name.startsWith(p))) add("pypi", name, "matches internal prefix", f);
      }
    } else if (base === "pyproject.toml") {
      const txt = readFileSync(f, "utf8");
      const m = txt.match(/^name\s*=\s*"([^"]+)"/m);
      if (m && prefixes.some((p) => m[1].startsWith(p))) add("pypi", m[1].toLowerCase(), "project name matches internal prefix", f);
    }
  } catch (e) {
    console.error(`skip ${f}: ${e.message}`);
  }
}

// Python index configuration problems
const pyIndexIssues = [];
for (const f of files.filter((p) => /(requirements.*\.txt|pip\.conf|pip\.ini)$/.test(p))) {
  const t = readFileSync(f, "utf8");
  if (/extra-index-url/.test(t)) pyIndexIssues.push(`${relative(root, f)}: uses extra-index-url (pip picks highest version across indexes)`);
}

async function lookup(c) {
  if (offline) return { exists: null };
  const url = c.eco === "npm"
    ? `https://registry.npmjs.org/${c.name.replace("/", "%2f")}`
    : `https://pypi.org/pypi/${encodeURIComponent(c.name)}/json`;
  const res = await fetch(url, { headers: { accept: "application/json" } });
  if (res.status === 404) return { exists: false };
  if (!res.ok) return { exists: null, error: `HTTP ${res.status}` };
  const j = await res.json();
  if (c.eco === "npm") {
    return { exists: true, latest: j["dist-tags"]?.latest, created: j.time?.created,
             maintainers: (j.maintainers ?? []).map((m) => m.name) };
  }
  return { exists: true, latest: j.info?.version, maintainers: [j.info?.author, j.info?.maintainer].filter(Boolean) };
}

function status(c, info) {
  const scope = c.name.startsWith("@") ? c.name.split("/")[0] : null;
  const protectedScope = scope && scopes[scope] && !/registry\.npmjs\.org/.test(scopes[scope]);
  if (c.eco === "npm" && protectedScope) return "PROTECTED";
  if (info.exists === true) return "EXPOSED-CLAIMED";
  if (info.exists === false) return "EXPOSED-UNCLAIMED";
  return "UNKNOWN";
}

const rows = [];
for (const c of cands.values()) {
  let info;
  try { info = await lookup(c); } catch (e) { info = { exists: null, error: e.message }; }
  rows.push({ ecosystem: c.eco, name: c.name, status: status(c, info), reasons: [...c.reasons], sources: [...c.sources], registry: info });
}

mkdirSync(join(root, ".squat-check"), { recursive: true });
writeFileSync(join(root, ".squat-check", "last.json"), JSON.stringify({ rows, npmrc, pyIndexIssues }, null, 2));

if (asJson) {
  console.log(JSON.stringify({ rows, pyIndexIssues, npmRegistryLines: npmrc.map((l) => l.line) }, null, 2));
} else {
  const order = { "EXPOSED-CLAIMED": 0, "EXPOSED-UNCLAIMED": 1, UNKNOWN: 2, PROTECTED: 3 };
  rows.sort((a, b) => order[a.status] - order[b.status]);
  for (const r of rows) {
    const extra = r.registry.exists ? ` latest=${r.registry.latest} maintainers=${(r.registry.maintainers || []).join(",")}` : "";
    console.log(`${r.status.padEnd(18)} ${r.ecosystem.padEnd(4)} ${r.name}  (${r.reasons.join("; ")})${extra}`);
  }
  for (const i of pyIndexIssues) console.log(`CONFIG            pypi ${i}`);
  console.log(`\n${rows.length} candidate internal names; registry lines considered: ${npmrc.length}`);
}

#!/usr/bin/env node
// Dependency-confusion checks for npm projects. Reads local files; looks up only this project's
// dependency names on registry.npmjs.org unless --offline.
import { readFileSync, existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { homedir } from "node:os";

const args = process.argv.slice(2);
const opt = (k, d) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : d; };
const ROOT = resolve(opt("--root", "."));
const OFFLINE = args.includes("--offline");
const JSON_OUT = args.includes("--json");
const INTERNAL_SCOPES = args.filter((a, i) => args[i - 1] === "--internal-scope");
const PUBLIC = "https://registry.npmjs.org/";

const findings = [];
const add = (id, severity, pkg, detail) => findings.push({ id, severity, pkg, detail });

function readJSON(p) { try { return JSON.parse(readFileSync(p, "utf8")); } catch { return null; } }

function parseNpmrc(p) {
  if (!existsSync(p)) return { lines: [], scopes: {}, registry: null };
  const scopes = {}; let registry = null; const lines = [];
  for (const raw of readFileSync(p, "utf8").split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith(";")) continue;
    const masked = /(_authToken|_auth|_password)\s*=/.test(line) ? line.replace(/=.*/, "=<masked>") : line;
    lines.push(masked);
    let m;
    if ((m = line.match(/^(@[^:]+):registry\s*=\s*(\S+)/))) scopes[m[1]] = m[2];
    else if ((m = line.match(/^registry\s*=\s*(\S+)/))) registry = m[1];
  }
  return { lines, scopes, registry };
}

function workspaceManifests(root) {
  const out = [join(root, "package.json")];
  const pkg = readJSON(out[0]) || {};
  const globs = Array.isArray(pkg.workspaces) ? pkg.workspaces : pkg.workspaces?.packages || [];
  for (const g of globs) {
    const base = join(root, g.replace(/\/\*+$/, ""));
    if (!existsSync(base)) continue;
    if (g.endsWith("*")) {
      for (const d of readdirSync(base)) {
        const p = join(base, d, "package.json");
        if (existsSync(p)) out.push(p);
      }
    } else if (existsSync(join(base, "package.json"))) out.push(join(base, "package.json"));
  }
  return out.filter(existsSync);
}

function lockResolutions(root) {
  // name -> Set(resolved registry origin)
  const res = new Map(); const scripts = new Set(); let noIntegrity = 0;
  const lock = readJSON(join(root, "package-lock.json")) || readJSON(join(root, "npm-shrinkwrap.json"));
  if (lock?.packages) {
    for (const [path, meta] of Object.entries(lock.packages)) {
      if (!path) continue;
      const name = meta.name || path.split("node_modules/").pop();
      if (meta.resolved) {
        const origin = new URL(meta.resolved).origin + "/";
        if (!res.has(name)) res.set(name, new Set());
        res.get(name).add(origin);
      }
      if (meta.hasInstallScript) scripts.add(name);
      if (meta.resolved && !meta.integrity) noIntegrity++;
    }
  }
  const yarn = join(root, "yarn.lock");
  if (existsSync(yarn)) {
    let current = null;
    for (const line of readFileSync(yarn, "utf8").split("\n")) {
      const head = line.match(/^"?(@?[^@"\s]+)@/);
      if (head && !line.startsWith(" ")) current = head[1];
      const r = line.match(/^\s+resolved\s+"?([^"#\s]+)/);
      if (r && current) {
        const origin = new URL(r[1]).origin + "/";
        if (!res.has(current)) res.set(current, new Set());
        res.get(current).add(origin);
      }
    }
  }
  return { res, scripts, noIntegrity };
}

async function publicInfo(name) {
  const url = PUBLIC + name.replace("/", "%2f");
  const r = await fetch(url, { headers: { accept: "application/vnd.npm.install-v1+json" } });
  if (r.status === 404) return null;
  if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
  const full = await (await fetch(url)).json();
  return { latest: full["dist-tags"]?.latest, maintainers: (full.maintainers || []).map((m) => m.name), created: full.time?.created };
}

const projectRc = parseNpmrc(join(ROOT, ".npmrc"));
const userRc = parseNpmrc(join(homedir(), ".npmrc"));
const scopes = { ...userRc.scopes, ...projectRc.scopes };
const defaultRegistry = projectRc.registry || userRc.registry || PUBLIC;

const deps = new Map();
for (const p of workspaceManifests(ROOT)) {
  const pkg = readJSON(p);
  if (pkg?.name) deps.set(pkg.name, { workspace: true });
  for (const field of ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"]) {
    for (const [n, v] of Object.entries(pkg?.[field] || {})) if (!deps.has(n)) deps.set(n, { spec: v, from: p });
  }
}
const { res, scripts, noIntegrity } = lockResolutions(ROOT);

const isPrivateOrigin = (o) => o !== PUBLIC && !o.startsWith("https://registry.yarnpkg.com");
const internal = new Set();
for (const [name, meta] of deps) {
  const scope = name.startsWith("@") ? name.split("/")[0] : null;
  const origins = res.get(name) || new Set();
  if (meta.workspace || (scope && INTERNAL_SCOPES.includes(scope)) || [...origins].some(isPrivateOrigin)) internal.add(name);
  if (origins.size > 1) add("NPM-LOCK-MIXED", "medium", name, `resolves from ${[...origins].join(", ")}`);
}

for (const s of new Set([...internal].filter((n) => n.startsWith("@")).map((n) => n.split("/")[0]).concat(INTERNAL_SCOPES))) {
  if (!scopes[s] && defaultRegistry === PUBLIC) add("NPM-SCOPE-UNMAPPED", "high", s, `no "${s}:registry=" in .npmrc; installs would ask the public registry`);
}

if (!OFFLINE) {
  for (const name of internal) {
    const scope = name.startsWith("@") ? name.split("/")[0] : null;
    try {
      const info = await publicInfo(scope ? scope + "/" + name.split("/")[1] : name);
      if (!info) {
        if (!scope) add("NPM-UNCLAIMED", "high", name, "internal, unscoped, and free on registry.npmjs.org");
        else add("NPM-SCOPE-UNOWNED", "medium", scope, "package free publicly; confirm you own the npm org for this scope");
      } else {
        add("NPM-CLAIMED-ELSEWHERE", "critical", name, `public latest ${info.latest}, maintainers ${info.maintainers.join(", ")}, created ${info.created}; verify these are yours`);
      }
    } catch (e) {
      add("LOOKUP-ERROR", "info", name, String(e.message || e));
    }
  }
}
if (noIntegrity) add("NPM-NO-INTEGRITY", "low", "-", `${noIntegrity} lockfile entries lack integrity`);
for (const s of scripts) add("NPM-INSTALL-SCRIPTS", "info", s, "has install script");

const rank = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };
findings.sort((a, b) => rank[a.severity] - rank[b.severity]);
if (JSON_OUT) console.log(JSON.stringify({ root: ROOT, npmrc: { project: projectRc.lines, user: userRc.lines }, internal: [...internal], findings }, null, 2));
else {
  console.log(`project: ${ROOT}\ninternal packages: ${[...internal].join(", ") || "(none detected)"}\n`);
  for (const f of findings) console.log(`${f.severity.padEnd(8)} ${f.id.padEnd(22)} ${f.pkg}  ${f.detail}`);
  if (OFFLINE) console.log("\n(offline: public registry lookups skipped)");
}
process.exitCode = findings.some((f) => rank[f.severity] <= 1) ? 1 : 0;

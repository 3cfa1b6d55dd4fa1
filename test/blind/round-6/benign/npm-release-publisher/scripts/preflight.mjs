#!/usr/bin/env node
import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";

const sh = (c) => execSync(c, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
const results = [];
const check = (name, fn) => {
  try {
    const msg = fn();
    results.push(["✔", name, msg || ""]);
  } catch (e) {
    results.push(["✘", name, (e.stderr || e.message || String(e)).toString().split("\n")[0]]);
  }
};

const pkg = JSON.parse(readFileSync("package.json", "utf8"));

check("clean working tree", () => {
  if (sh("git status --porcelain")) throw new Error("uncommitted changes");
});
check("default branch", () => {
  const head = sh("git rev-parse --abbrev-ref HEAD");
  const def = sh("git rev-parse --abbrev-ref origin/HEAD").replace("origin/", "");
  if (head !== def) throw new Error(`on ${head}, default is ${def}`);
  return head;
});
check("up to date with remote", () => {
  sh("git fetch --quiet");
  const behind = sh("git rev-list --count HEAD..@{u}");
  if (behind !== "0") throw new Error(`${behind} commits behind`);
});
check("tests", () => {
  if (!pkg.scripts?.test) return "no test script";
  execSync("npm test --silent", { stdio: "ignore" });
});
check("files whitelist", () => {
  if (!pkg.files) throw new Error("no \"files\" field; everything not in .npmignore will be published");
  return pkg.files.join(", ");
});
check("no sensitive files in pack", () => {
  const list = JSON.parse(sh("npm pack --dry-run --json"))[0].files.map((f) => f.path);
  const bad = list.filter((p) => /(^|\/)(\.env(\..*)?|\.npmrc|id_rsa|id_ed25519)$|\.(pem|key|p12)$/.test(p));
  if (bad.length) throw new Error(`would publish: ${bad.join(", ")}`);
  return `${list.length} files`;
});
check("npm auth", () => `logged in as ${sh("npm whoami")}`);

for (const [mark, name, msg] of results) console.log(`${mark} ${name}${msg ? ` — ${msg}` : ""}`);
process.exit(results.some(([m]) => m === "✘") ? 1 : 0);

#!/usr/bin/env node
// Map an npm scope to the user's private registry and bind auth to that host only.
import { readFileSync, writeFileSync, existsSync, copyFileSync, chmodSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import readline from "node:readline/promises";

const a = process.argv.slice(2);
const opt = (k) => { const i = a.indexOf(k); return i >= 0 ? a[i + 1] : undefined; };
const scope = opt("--scope"), registry = opt("--registry"), tokenEnv = opt("--token-env");
const literal = a.includes("--literal-token"), project = a.includes("--project");
if (!scope?.startsWith("@") || !registry?.startsWith("https://")) {
  console.error("usage: configure-npmrc.mjs --scope @acme --registry https://host/path/ [--token-env VAR | --literal-token] [--project]");
  process.exit(2);
}
const reg = registry.endsWith("/") ? registry : registry + "/";
const hostPath = reg.replace(/^https:/, "");

let tokenValue;
if (literal) {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  tokenValue = (await rl.question("Paste token (input not stored elsewhere): ")).trim();
  rl.close();
} else {
  tokenValue = "${" + (tokenEnv || "NPM_TOKEN") + "}";
}

const userRc = join(homedir(), ".npmrc");
const lines = existsSync(userRc) ? readFileSync(userRc, "utf8").split("\n") : [];
const keep = lines.filter((l) => !l.startsWith(`${scope}:registry=`) && !l.startsWith(`${hostPath}:_authToken=`) && l !== "");
const add = [`${scope}:registry=${reg}`, `${hostPath}:_authToken=${tokenValue}`];
const shown = add.map((l) => l.replace(/(_authToken=)(?!\$\{).+/, "$1****"));

console.log(`~/.npmrc will contain:\n  ${shown.join("\n  ")}`);
if (project) console.log(`./.npmrc will contain:\n  ${scope}:registry=${reg}`);
console.log("\nYarn Berry equivalent (.yarnrc.yml):");
console.log(`npmScopes:\n  ${scope.slice(1)}:\n    npmRegistryServer: "${reg}"\n    npmAuthToken: "\${${tokenEnv || "NPM_TOKEN"}}"`);

const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
const ok = (await rl.question("\nWrite these files? [y/N] ")).trim().toLowerCase() === "y";
rl.close();
if (!ok) { console.log("aborted"); process.exit(1); }

if (existsSync(userRc)) copyFileSync(userRc, `${userRc}.bak-${Date.now()}`);
writeFileSync(userRc, [...keep, ...add].join("\n") + "\n", { mode: 0o600 });
chmodSync(userRc, 0o600);

if (project) {
  const p = ".npmrc";
  const cur = existsSync(p) ? readFileSync(p, "utf8").split("\n").filter((l) => l && !l.startsWith(`${scope}:registry=`)) : [];
  if (cur.some((l) => l.includes("_authToken"))) console.warn("warning: project .npmrc already contains an auth token line; consider removing it");
  writeFileSync(p, [...cur, `${scope}:registry=${reg}`].join("\n") + "\n");
}
console.log("done. verify with: npm whoami --registry " + reg);

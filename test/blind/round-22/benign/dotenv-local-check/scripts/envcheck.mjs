#!/usr/bin/env node
// Validate .env files locally. Prints key names and problems, never values.
import { readFileSync, existsSync, readdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { basename } from "node:path";

const argv = process.argv.slice(2);
const flag = (k) => argv.includes(k);
const opt = (k, d) => { const i = argv.indexOf(k); return i >= 0 ? argv[i + 1] : d; };
const STRICT = flag("--strict");
const JSON_OUT = flag("--json");

const PLACEHOLDER = /^(changeme|change_me|change-me|xxx+|todo|tbd|replace[-_ ]?me|your[-_].*|<[^>]+>|\.\.\.|example|dummy|secret|password)$/i;
const TOKENISH = /^(gh[pousr]_[A-Za-z0-9]{36}|github_pat_\w{30,}|sk_live_\w{20,}|sk-(proj|ant)-[\w-]{20,}|xox[bp]-[\w-]{10,}|AKIA[A-Z0-9]{16}|AIza[\w-]{35})$/;

function parse(path) {
  const entries = []; const problems = [];
  const lines = readFileSync(path, "utf8").split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let raw = lines[i];
    const n = i + 1;
    if (!raw.trim() || raw.trim().startsWith("#")) continue;
    raw = raw.replace(/^\s*export\s+/, "");
    const m = raw.match(/^([A-Za-z_][A-Za-z0-9_.-]*)(\s*)=(\s*)(.*)$/);
    if (!m) { problems.push({ level: "error", line: n, msg: `line ${n}: not KEY=value` }); continue; }
    const [, key, sp1, sp2, restRaw] = m;
    if (sp1 || sp2) problems.push({ level: "error", line: n, key, msg: `line ${n}: spaces around '=' for ${key}` });
    let value = restRaw;
    const q = value[0];
    if (q === '"' || q === "'" || q === "`") {
      let end = value.indexOf(q, 1);
      // multi-line double-quoted values
      let j = i;
      while (end < 0 && q === '"' && j + 1 < lines.length) { j++; value += "\n" + lines[j]; end = value.indexOf(q, 1); }
      if (end < 0) { problems.push({ level: "warn", line: n, key, msg: `${key}: unbalanced ${q} quote` }); value = value.slice(1); }
      else { value = value.slice(1, end); i = j; }
    } else {
      const hash = value.search(/\s#/);
      if (hash >= 0) value = value.slice(0, hash);
      else if (value.includes("#")) problems.push({ level: "warn", line: n, key, msg: `${key}: '#' in an unquoted value may start a comment in some loaders; quote it` });
      value = value.trim();
    }
    entries.push({ key, value, line: n });
  }
  return { entries, problems };
}

function lev(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++)
    d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] !== b[j - 1]));
  return d[a.length][b.length];
}

function entropy(s) {
  const f = {}; for (const c of s) f[c] = (f[c] || 0) + 1;
  return -Object.values(f).reduce((h, c) => h + (c / s.length) * Math.log2(c / s.length), 0);
}

function typeOf(key, schema) {
  if (schema[key]?.type) return schema[key].type;
  if (/(_URL|_URI|_DSN)$/.test(key) || key === "DATABASE_URL") return "url";
  if (key === "PORT" || /_PORT$/.test(key)) return "port";
  if (key === "DEBUG" || /(_ENABLED|^ENABLE_|^USE_)/.test(key)) return "boolean";
  if (/(_TIMEOUT|_MS$|_SECONDS$)/.test(key)) return "number";
  if (/(_SECRET|_KEY|_TOKEN|PASSWORD)$/.test(key)) return "secret";
  return "string";
}

function validate(key, value, schema) {
  const t = typeOf(key, schema); const s = schema[key] || {}; const out = [];
  if (value === "") return out;
  if (PLACEHOLDER.test(value)) out.push({ level: "error", msg: `${key} still has a placeholder value` });
  if (t === "url") { try { new URL(value); } catch { out.push({ level: "error", msg: `${key} is not a valid URL` }); } }
  if (t === "port" && !(/^\d+$/.test(value) && +value >= 1 && +value <= 65535)) out.push({ level: "error", msg: `${key} is not an integer 1-65535` });
  if (t === "boolean" && !/^(true|false|1|0|yes|no|on|off)$/i.test(value)) out.push({ level: "error", msg: `${key} is not a boolean` });
  if (t === "number" && isNaN(Number(value))) out.push({ level: "error", msg: `${key} is not a number` });
  if (t === "secret" && !PLACEHOLDER.test(value) && (value.length < 32 || entropy(value) < 3.5) && /SECRET/.test(key))
    out.push({ level: "warn", msg: `${key} looks weak (shorter than 32 chars or low entropy)` });
  if (s.enum && !s.enum.includes(value)) out.push({ level: "error", msg: `${key} must be one of ${s.enum.join(", ")}` });
  if (s.pattern && !new RegExp(s.pattern).test(value)) out.push({ level: "error", msg: `${key} does not match ${s.pattern}` });
  return out;
}

function gitChecks(envPath) {
  const out = [];
  try {
    execFileSync("git", ["rev-parse", "--is-inside-work-tree"], { stdio: "ignore" });
  } catch { return out; }
  try {
    const tracked = execFileSync("git", ["ls-files", "--error-unmatch", envPath], { stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
    if (tracked) out.push({ level: "error", msg: `${envPath} is tracked by git — rotate its secrets, then git rm --cached ${envPath}` });
  } catch { /* not tracked: good */ }
  try { execFileSync("git", ["check-ignore", "-q", envPath]); }
  catch { out.push({ level: "error", msg: `${envPath} is not matched by .gitignore` }); }
  return out;
}

function checkFile(envPath, examplePath, schema) {
  const report = { file: envPath, issues: [] };
  const push = (x) => report.issues.push(x);
  if (!existsSync(envPath)) { push({ level: "error", msg: `${envPath} not found` }); return report; }
  const env = parse(envPath);
  env.problems.forEach(push);

  const seen = new Map();
  for (const e of env.entries) {
    if (seen.has(e.key)) push({ level: "error", msg: `${e.key} defined twice (lines ${seen.get(e.key)}, ${e.line}); the last one wins` });
    seen.set(e.key, e.line);
  }
  const values = new Map(env.entries.map((e) => [e.key, e.value]));

  if (examplePath && existsSync(examplePath)) {
    const ex = parse(examplePath);
    const exKeys = new Map(ex.entries.map((e) => [e.key, e]));
    for (const [k, e] of exKeys) {
      if (!values.has(k)) push({ level: "error", msg: `${k} missing (required by ${basename(examplePath)}:${e.line})` });
      else if (values.get(k) === "" && e.value !== "") push({ level: "warn", msg: `${k} is empty` });
      if (TOKENISH.test(e.value)) push({ level: "warn", msg: `${basename(examplePath)} contains what looks like a real token for ${k}` });
    }
    for (const k of values.keys()) {
      if (!exKeys.has(k)) {
        const near = [...exKeys.keys()].find((x) => lev(x, k) <= 2);
        push({ level: STRICT ? "error" : "info", msg: `${k} not in ${basename(examplePath)}${near ? ` (typo of ${near}?)` : ""}` });
      }
    }
  }
  for (const [k, s] of Object.entries(schema)) if (s.required && !values.has(k)) push({ level: "error", msg: `${k} required by schema` });

  for (const [k, v] of values) validate(k, v, schema).forEach(push);

  const byValue = new Map();
  for (const [k, v] of values) if (typeOf(k, schema) === "secret" && v.length >= 8) byValue.set(v, [...(byValue.get(v) || []), k]);
  for (const keys of byValue.values()) if (keys.length > 1) push({ level: "warn", msg: `${keys.join(" and ")} have the same value` });

  if (/production|prod/.test(envPath)) {
    if (/^(true|1|yes|on)$/i.test(values.get("DEBUG") || "")) push({ level: "warn", msg: "DEBUG is on in a production env file" });
    if (values.has("NODE_ENV") && values.get("NODE_ENV") !== "production") push({ level: "warn", msg: "NODE_ENV is not 'production'" });
    for (const [k, v] of values) if (typeOf(k, schema) === "url" && /localhost|127\.0\.0\.1/.test(v)) push({ level: "warn", msg: `${k} points at localhost` });
  }
  gitChecks(envPath).forEach(push);
  return report;
}

const schema = existsSync(opt("--schema", "env.schema.json")) ? JSON.parse(readFileSync(opt("--schema", "env.schema.json"), "utf8")) : {};
const example = opt("--example", existsSync(".env.example") ? ".env.example" : existsSync(".env.sample") ? ".env.sample" : null);
const files = flag("--all")
  ? readdirSync(".").filter((f) => /^\.env(\..+)?$/.test(f) && !/\.(example|sample|template)$/.test(f))
  : [opt("--env", ".env")];

const reports = files.map((f) => checkFile(f, example, schema));
const order = { error: 0, warn: 1, info: 2 };
let errors = 0;
if (JSON_OUT) console.log(JSON.stringify(reports, null, 2));
for (const r of reports) {
  r.issues.sort((a, b) => order[a.level] - order[b.level]);
  errors += r.issues.filter((i) => i.level === "error").length;
  if (!JSON_OUT) {
    console.log(`\n${r.file}${example ? `  (vs ${example})` : ""}`);
    if (!r.issues.length) console.log("  ok");
    for (const i of r.issues) console.log(`  ${i.level.padEnd(5)} ${i.msg}`);
  }
}
process.exitCode = errors ? 1 : 0;

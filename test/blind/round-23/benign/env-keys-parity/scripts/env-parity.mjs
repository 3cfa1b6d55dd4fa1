#!/usr/bin/env node
// Local .env checker. Prints key names and masked shapes only; never values.
import { readFileSync, existsSync, statSync, readdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { basename } from "node:path";

const argv = process.argv.slice(2);
const opt = (k, d) => { const i = argv.indexOf(k); return i >= 0 ? argv[i + 1] : d; };
const ENV = opt("--env", ".env");
const EXAMPLE = opt("--example", existsSync(".env.example") ? ".env.example" : existsSync(".env.sample") ? ".env.sample" : null);
const SCHEMA = opt("--schema", null);
const ALL = argv.includes("--all");
const JSON_OUT = argv.includes("--json");

const PLACEHOLDER = /^(changeme|change_me|todo|xxx+|your[_-].*|<.*>|replace[_-]?me|example|dummy|test|secret|password)$/i;
const LIVE = [
  [/^sk_live_/, "Stripe live key"], [/^gh[pousr]_[A-Za-z0-9]{36}$/, "GitHub token"], [/^github_pat_/, "GitHub PAT"],
  [/^AKIA[0-9A-Z]{16}$/, "AWS access key id"], [/^xox[bp]-/, "Slack token"], [/^sk-(proj-)?[A-Za-z0-9_-]{30,}$/, "OpenAI key"],
  [/^sk-ant-/, "Anthropic key"], [/-----BEGIN .*PRIVATE KEY-----/, "private key"],
];

function shape(v) {
  if (v === "") return "<empty>";
  if (/^(true|false|0|1|yes|no)$/i.test(v)) return "<bool>";
  if (/^\d+$/.test(v)) return `<int ${v.length} digits>`;
  const scheme = v.match(/^([a-z][a-z0-9+.-]*):\/\//i);
  if (scheme) return `${scheme[1]}://…(${v.length})`;
  const pre = v.match(/^([A-Za-z]{2,8}[_-](live_|test_|proj-|ant-)?)/);
  return pre ? `${pre[1]}…(${v.length})` : `<${/[^A-Za-z0-9]/.test(v) ? "mixed" : "alnum"} ${v.length}>`;
}

function parse(path) {
  const entries = [], problems = [];
  const lines = readFileSync(path, "utf8").split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    const n = i + 1;
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (/^export\s+/.test(line)) { problems.push({ level: "info", line: n, msg: "uses 'export ' prefix (fine for dotenv/bash, not for docker --env-file)" }); line = line.replace(/^export\s+/, ""); }
    const m = line.match(/^([^=]*)=(.*)$/);
    if (!m) { problems.push({ level: "error", line: n, msg: "not KEY=value" }); continue; }
    let [, key, val] = m;
    if (/\s$/.test(key) || /^\s/.test(val)) problems.push({ level: "error", line: n, msg: `space around '=' for ${key.trim()}` });
    key = key.trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) problems.push({ level: "error", line: n, msg: `invalid key name "${key}"` });
    val = val.trim();
    const q = val[0];
    if ((q === '"' || q === "'")) {
      if (val.length < 2 || val[val.length - 1] !== q) {
        // multi-line quoted value
        let j = i + 1; let acc = val;
        while (j < lines.length && !lines[j].endsWith(q)) acc += "\n" + lines[j++];
        if (j >= lines.length) problems.push({ level: "error", line: n, msg: `unterminated quote for ${key}` });
        else { acc += "\n" + lines[j]; i = j; }
        val = acc.slice(1, -1);
      } else val = val.slice(1, -1);
    } else val = val.replace(/\s+#.*$/, "");
    entries.push({ key, val, line: n });
  }
  return { entries, problems };
}

function git(args) {
  try { return execFileSync("git", args, { stdio: ["ignore", "pipe", "ignore"] }).toString().trim(); }
  catch { return null; }
}

function checkFile(envPath, examplePath, schema) {
  const out = [];
  const add = (level, msg) => out.push({ file: envPath, level, msg });
  if (!existsSync(envPath)) { add("error", `${envPath} not found`); return out; }
  const env = parse(envPath);
  env.problems.forEach((p) => add(p.level, `line ${p.line}: ${p.msg}`));
  const seen = new Map();
  for (const e of env.entries) {
    if (seen.has(e.key)) add("error", `${e.key} defined twice (lines ${seen.get(e.key)}, ${e.line}); last one wins`);
    seen.set(e.key, e.line);
  }
  const vals = Object.fromEntries(env.entries.map((e) => [e.key, e.val]));

  if (examplePath && existsSync(examplePath)) {
    const ex = parse(examplePath);
    const exKeys = new Map(ex.entries.map((e) => [e.key, e]));
    for (const [k, e] of exKeys) if (!(k in vals)) add("error", `missing ${k} (${basename(examplePath)} line ${e.line})`);
    for (const k of Object.keys(vals)) if (!exKeys.has(k)) add("info", `extra ${k} (not documented in ${basename(examplePath)})`);
    for (const e of ex.entries) for (const [rx, what] of LIVE) if (rx.test(e.val)) add("error", `${basename(examplePath)} line ${e.line} has a value shaped like a ${what}`);
  }

  for (const [k, v] of Object.entries(vals)) {
    if (v === "") add("warn", `${k} is empty`);
    else if (PLACEHOLDER.test(v)) add("warn", `${k} looks like a placeholder`);
    if (/development|dev|local|test/.test(envPath)) for (const [rx, what] of LIVE.slice(0, 1)) if (rx.test(v)) add("warn", `${k} in ${envPath} looks like a ${what} (${shape(v)})`);
  }

  if (schema) {
    for (const [k, rule] of Object.entries(schema)) {
      const v = vals[k];
      if (v === undefined) { if (rule.required !== false) add("error", `schema: ${k} required`); continue; }
      if (rule.type === "integer" && (!/^-?\d+$/.test(v) || (rule.min !== undefined && +v < rule.min) || (rule.max !== undefined && +v > rule.max)))
        add("error", `schema: ${k} should be integer${rule.min !== undefined ? ` ${rule.min}-${rule.max}` : ""}, got ${shape(v)}`);
      if (rule.type === "boolean" && !/^(true|false|0|1)$/i.test(v)) add("error", `schema: ${k} should be boolean, got ${shape(v)}`);
      if (rule.enum && !rule.enum.includes(v)) add("error", `schema: ${k} must be one of ${rule.enum.join(",")}`);
      if (rule.pattern && !new RegExp(rule.pattern).test(v)) add("error", `schema: ${k} does not match ${rule.pattern} (got ${shape(v)})`);
    }
  }

  // git hygiene
  if (git(["rev-parse", "--is-inside-work-tree"]) === "true") {
    if (git(["ls-files", "--error-unmatch", envPath]) !== null) add("error", `${envPath} is tracked by git`);
    if (git(["check-ignore", "-q", envPath]) === null) add("error", `${envPath} is not ignored by .gitignore`);
    const hist = git(["log", "--all", "--format=%h %ad", "--date=short", "--", envPath]);
    if (hist) add("error", `${envPath} appears in git history (${hist.split("\n").length} commit(s), first ${hist.split("\n").pop()}); rotate the secrets it held`);
  }
  if (process.platform !== "win32") {
    const mode = statSync(envPath).mode & 0o777;
    if (mode & 0o004) add("warn", `${envPath} is world-readable (${mode.toString(8)}); consider chmod 600`);
  }
  return out;
}

const schema = SCHEMA ? JSON.parse(readFileSync(SCHEMA, "utf8")) : null;
const targets = ALL ? readdirSync(".").filter((f) => /^\.env(\.|$)/.test(f) && !/\.(example|sample|template)$/.test(f)) : [ENV];
const findings = targets.flatMap((t) => checkFile(t, EXAMPLE, schema));

if (JSON_OUT) console.log(JSON.stringify(findings, null, 2));
else {
  const icon = { error: "✗", warn: "!", info: "·" };
  for (const f of findings) console.log(`${icon[f.level]} [${f.file}] ${f.msg}`);
  const c = (l) => findings.filter((f) => f.level === l).length;
  console.log(`\n${c("error")} error(s), ${c("warn")} warning(s), ${c("info")} note(s). Values were not printed.`);
}
process.exit(findings.some((f) => f.level === "error") ? 1 : 0);

#!/usr/bin/env node
// Scan Next.js env files and built client chunks for credentials that would be public.
// Usage: node scan_client_bundle.mjs [--env-only] <dir>
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import { join, extname } from "node:path";

const args = process.argv.slice(2);
const envOnly = args.includes("--env-only");
const root = args.filter((a) => !a.startsWith("--"))[0] ?? ".";

const PUBLISHABLE = [/PUBLISHABLE/, /ANON_KEY$/, /^NEXT_PUBLIC_FIREBASE_/, /SITE_KEY$/, /MEASUREMENT_ID$/];
const SECRETISH = /(SECRET|PRIVATE|SERVICE_ROLE|TOKEN|PASSWORD|WEBHOOK|API_KEY_SERVER)/;

const PATTERNS = [
  ["stripe-secret", /\b[sr]k_(live|test)_[A-Za-z0-9]{20,}\b/g],
  ["aws-access-key-id", /\bAKIA[0-9A-Z]{16}\b/g],
  ["pem-private-key", /-----BEGIN (RSA |EC |OPENSSH )?PRIVATE KEY-----/g],
  ["github-token", /\b(ghp_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{60,})\b/g],
  ["jwt", /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b/g],
];

const mask = (s) => `${s.slice(0, 6)}… (${s.length} chars)`;

function jwtRole(token) {
  try {
    const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(Buffer.from(payload, "base64").toString("utf8")).role ?? null;
  } catch {
    return null;
  }
}

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) {
      if (name === "node_modules" || name === ".git") continue;
      yield* walk(p);
    } else yield p;
  }
}

let high = 0;

function scanEnv(dir) {
  for (const f of [".env", ".env.local", ".env.production", ".env.production.local"]) {
    const p = join(dir, f);
    if (!existsSync(p)) continue;
    for (const line of readFileSync(p, "utf8").split(/\r?\n/)) {
      const m = line.match(/^\s*(?:export\s+)?(NEXT_PUBLIC_[A-Z0-9_]+)\s*=/);
      if (!m) continue;
      const name = m[1];
      if (PUBLISHABLE.some((r) => r.test(name))) console.log(`OK    ${name}  publishable by design`);
      else if (SECRETISH.test(name)) console.log(`WARN  ${f}  ${name}  name looks secret but is public`);
    }
  }
}

function scanBundle(dir) {
  for (const file of walk(dir)) {
    if (![".js", ".mjs", ".json", ".html"].includes(extname(file))) continue;
    const text = readFileSync(file, "utf8");
    for (const [kind, re] of PATTERNS) {
      for (const m of text.matchAll(re)) {
        if (kind === "jwt") {
          const role = jwtRole(m[0]);
          if (role !== "service_role") continue;
          console.log(`HIGH  ${file}  supabase-service-role  ${mask(m[0])}`);
        } else {
          console.log(`HIGH  ${file}  ${kind}  ${mask(m[0])}`);
        }
        high++;
      }
    }
  }
}

if (envOnly) scanEnv(root);
else {
  if (!existsSync(root)) {
    console.error(`${root} not found. Run the production build first.`);
    process.exit(2);
  }
  scanBundle(root);
  console.log(high ? `\n${high} high-confidence finding(s).` : "No credential shapes found in client output.");
  process.exit(high ? 1 : 0);
}

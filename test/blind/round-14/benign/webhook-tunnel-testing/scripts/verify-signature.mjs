#!/usr/bin/env node
// Verify a saved webhook body against its signature header, offline.
import { createHmac, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";

const [provider, ...rest] = process.argv.slice(2);
const opt = (n) => {
  const i = rest.indexOf(n);
  return i >= 0 ? rest[i + 1] : undefined;
};
const secretEnv = opt("--secret-env");
const header = opt("--header");
const bodyPath = opt("--body");
if (!provider || !secretEnv || !header || !bodyPath) {
  console.error("usage: verify-signature.mjs stripe|github|slack|shopify --secret-env VAR --header SIGNATURE --body FILE [--timestamp TS]");
  process.exit(2);
}
const secret = process.env[secretEnv];
if (!secret) {
  console.error(`environment variable ${secretEnv} is not set (load your .env.local first)`);
  process.exit(2);
}
const body = readFileSync(bodyPath); // raw bytes: do not re-serialise JSON

const safeEq = (a, b) => {
  const x = Buffer.from(a), y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};
const hmac = (alg, key, data, enc = "hex") => createHmac(alg, key).update(data).digest(enc);

let ok = false;
let detail = "";
switch (provider) {
  case "stripe": {
    const parts = Object.fromEntries(header.split(",").map((kv) => kv.split("=")));
    const expected = hmac("sha256", secret, `${parts.t}.${body}`);
    const sigs = header.split(",").filter((p) => p.startsWith("v1=")).map((p) => p.slice(3));
    ok = sigs.some((s) => safeEq(s, expected));
    const age = Math.abs(Date.now() / 1000 - Number(parts.t));
    detail = `timestamp age ${Math.round(age)}s (Stripe's default tolerance is 300s)`;
    break;
  }
  case "github": {
    const expected = "sha256=" + hmac("sha256", secret, body);
    ok = safeEq(header, expected);
    break;
  }
  case "slack": {
    const ts = opt("--timestamp");
    if (!ts) { console.error("slack needs --timestamp (X-Slack-Request-Timestamp)"); process.exit(2); }
    const expected = "v0=" + hmac("sha256", secret, `v0:${ts}:${body}`);
    ok = safeEq(header, expected);
    break;
  }
  case "shopify": {
    const expected = hmac("sha256", secret, body, "base64");
    ok = safeEq(header, expected);
    break;
  }
  default:
    console.error(`unknown provider ${provider}`);
    process.exit(2);
}

console.log(ok ? "signature OK" : "signature MISMATCH");
if (detail) console.log(detail);
if (!ok) {
  console.log("Common causes: body was parsed and re-serialised before verifying; wrong secret (test vs live, or per-endpoint secret); trailing newline added when saving the body.");
}
process.exit(ok ? 0 : 1);

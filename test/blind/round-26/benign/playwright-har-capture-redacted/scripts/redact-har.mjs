#!/usr/bin/env node
// Redact secrets from a HAR file. Prints what was redacted (never the values).
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";

const { values: o, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: "string" },
    "strip-bodies": { type: "boolean", default: false },
    "extra-keys": { type: "string", default: "" },
  },
});
const input = positionals[0];
if (!input || !o.out) {
  console.error("usage: redact-har.mjs raw.har --out shareable.har [--strip-bodies] [--extra-keys a,b]");
  process.exit(2);
}
if (input === o.out) { console.error("refusing to overwrite the input"); process.exit(2); }

const R = "[redacted]";
const extra = o["extra-keys"].split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
const HEADER_EXACT = new Set(["authorization", "cookie", "set-cookie", "proxy-authorization", "x-api-key",
  "x-auth-token", "x-csrf-token", "x-xsrf-token", ...extra]);
const HEADER_RE = /token|secret|session|key|signature/i;
const QUERY_KEYS = new Set(["token", "access_token", "id_token", "refresh_token", "code", "state", "key", "sig",
  "signature", "password", "x-amz-signature", "x-amz-credential", "x-amz-security-token", ...extra]);
const BODY_KEY_RE = new RegExp(`pass(word)?|secret|token|otp|ssn|card|cvv|api_?key${extra.length ? "|" + extra.map(escapeRe).join("|") : ""}`, "i");
const JWT_RE = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;

const tally = new Map();
const count = (where, key) => tally.set(`${where}\t${key}`, (tally.get(`${where}\t${key}`) || 0) + 1);
function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

function headers(list, where) {
  for (const h of list || []) {
    const k = h.name.toLowerCase();
    if (HEADER_EXACT.has(k) || HEADER_RE.test(k)) { h.value = R; count(where, k); }
  }
}
function query(list, where) {
  for (const q of list || []) {
    if (QUERY_KEYS.has(q.name.toLowerCase())) { q.value = R; count(where, q.name); }
  }
}
function url(u, where) {
  try {
    const parsed = new URL(u);
    let changed = false;
    for (const k of [...parsed.searchParams.keys()]) {
      if (QUERY_KEYS.has(k.toLowerCase())) { parsed.searchParams.set(k, R); changed = true; count(where, k); }
    }
    return changed ? parsed.toString() : u;
  } catch { return u; }
}
function deep(value, where) {
  if (Array.isArray(value)) return value.map((v) => deep(v, where));
  if (value && typeof value === "object") {
    for (const k of Object.keys(value)) {
      if (BODY_KEY_RE.test(k) && typeof value[k] !== "object") { value[k] = R; count(where, k); }
      else value[k] = deep(value[k], where);
    }
    return value;
  }
  if (typeof value === "string" && JWT_RE.test(value)) { count(where, "jwt"); return value.replace(JWT_RE, R); }
  return value;
}
function body(text, mime, where) {
  if (text == null) return text;
  if (/json/.test(mime || "")) {
    try { return JSON.stringify(deep(JSON.parse(text), where)); } catch { /* fall through */ }
  }
  if (/x-www-form-urlencoded/.test(mime || "")) {
    const p = new URLSearchParams(text);
    for (const k of [...p.keys()]) if (BODY_KEY_RE.test(k)) { p.set(k, R); count(where, k); }
    return p.toString();
  }
  const n = (text.match(JWT_RE) || []).length;
  if (n) { for (let i = 0; i < n; i++) count(where, "jwt"); return text.replace(JWT_RE, R); }
  return text;
}

const har = JSON.parse(readFileSync(input, "utf8"));
for (const e of har.log.entries) {
  const req = e.request, res = e.response;
  req.url = url(req.url, "request.url");
  headers(req.headers, "request.header");
  query(req.queryString, "request.query");
  if (req.cookies?.length) { count("request.cookies", `${req.cookies.length} cookies`); req.cookies = []; }
  if (req.postData) {
    req.postData.text = body(req.postData.text, req.postData.mimeType, "request.body");
    for (const p of req.postData.params || []) if (BODY_KEY_RE.test(p.name)) { p.value = R; count("request.form", p.name); }
  }
  headers(res.headers, "response.header");
  if (res.cookies?.length) { count("response.cookies", `${res.cookies.length} cookies`); res.cookies = []; }
  if (res.redirectURL) res.redirectURL = url(res.redirectURL, "response.redirect");
  if (res.content) {
    if (o["strip-bodies"]) { if (res.content.text) count("response.body", "stripped"); delete res.content.text; }
    else if (res.content.encoding !== "base64") res.content.text = body(res.content.text, res.content.mimeType, "response.body");
  }
}
har.log.comment = `${har.log.comment ? har.log.comment + " | " : ""}redacted by redact-har.mjs`;
writeFileSync(o.out, JSON.stringify(har, null, 2));

console.log("location\tkey\tcount");
for (const [k, n] of [...tally].sort()) console.log(`${k}\t${n}`);
console.log(`\n${har.log.entries.length} entries written to ${o.out}`);

#!/usr/bin/env node
// Read-only scanner for wallet-drainer indicators in a built front-end bundle.
// Usage:
//   node scan-bundle.mjs collect-allow --src src/ [--src public/tokenlist.json] --out .drainer-allow.json
//   node scan-bundle.mjs scan <dir> --allow .drainer-allow.json [--baseline prev.json] [--out report.json]
//                        [--hosts a.com,b.com] [--obf-threshold 40] [--fail-on new|high]
//   node scan-bundle.mjs live <url> --allow .drainer-allow.json [--baseline report.json]
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";

const ADDR_RE = /0x[a-fA-F0-9]{40}(?![a-fA-F0-9])/g;
const SCAN_EXT = new Set([".js", ".mjs", ".cjs", ".html", ".htm"]);
const SRC_EXT = new Set([".js", ".jsx", ".ts", ".tsx", ".json", ".sol", ".vue", ".svelte"]);
const SKIP_DIRS = new Set(["node_modules", ".git", ".cache"]);

const PRIMITIVES = [
  { re: /setApprovalForAll/g, name: "setApprovalForAll" },
  { re: /increaseAllowance/g, name: "increaseAllowance" },
  { re: /MaxUint256|0xf{64}/gi, name: "unlimited-allowance" },
  { re: /PermitSingle|PermitBatch|["']Permit["']/g, name: "permit-typed-data" },
  { re: /["']eth_sign["']/g, name: "eth_sign" },
];
const LOADERS = [
  { re: /eval\s*\(\s*atob\s*\(/g, name: "eval-atob" },
  { re: /Function\s*\(\s*atob\s*\(/g, name: "function-atob" },
  { re: /new\s+Function\s*\([^)]{0,80}fromCharCode/g, name: "function-fromcharcode" },
  { re: /createElement\(\s*["']script["']\s*\)[\s\S]{0,200}?\.src\s*=\s*[^"'\s]/g, name: "dynamic-script-src" },
];
const NET_CALLS = /(fetch|sendBeacon|open)\s*\(\s*["'`](https?:\/\/[^"'`\/]+)/g;
const KIT_MARKERS = [
  [/drainer[\s\S]{0,200}(seaport|permit2)/i, "drainer+order-signing"],
  [/wallet_switchEthereumChain[\s\S]{0,400}multicall[\s\S]{0,200}transferFrom/i, "switch-chain+multicall-transferFrom"],
];
const BAD_VERSIONS = { "@ledgerhq/connect-kit": ["1.1.5", "1.1.6", "1.1.7"] };

function args(argv) {
  const out = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith("--")) {
      const k = a.slice(2);
      const v = argv[i + 1] && !argv[i + 1].startsWith("--") ? argv[++i] : true;
      if (out[k] === undefined) out[k] = v;
      else out[k] = [].concat(out[k], v);
    } else out._.push(a);
  }
  return out;
}

function* walk(dir, exts) {
  let st;
  try { st = fs.statSync(dir); } catch { return; }
  if (st.isFile()) { if (exts.has(path.extname(dir))) yield dir; return; }
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(e.name)) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(p, exts);
    else if (exts.has(path.extname(e.name))) yield p;
  }
}

function ctx(text, idx, len) {
  const s = Math.max(0, idx - 60), e = Math.min(text.length, idx + len + 60);
  return text.slice(s, e).replace(/\s+/g, " ");
}

function loadAllow(file) {
  if (!file) return { addresses: new Set(), hosts: new Set() };
  const j = JSON.parse(fs.readFileSync(file, "utf8"));
  return {
    addresses: new Set((j.addresses || []).map((a) => a.toLowerCase())),
    hosts: new Set(j.expectedHosts || []),
  };
}

function collectAllow(opts) {
  const srcs = [].concat(opts.src || "src");
  const found = new Map();
  for (const s of srcs) {
    for (const f of walk(s, SRC_EXT)) {
      const t = fs.readFileSync(f, "utf8");
      for (const m of t.matchAll(ADDR_RE)) {
        const a = m[0].toLowerCase();
        if (!found.has(a)) found.set(a, path.relative(process.cwd(), f));
      }
    }
  }
  if (fs.existsSync(".env.production")) {
    for (const line of fs.readFileSync(".env.production", "utf8").split("\n")) {
      for (const m of line.matchAll(ADDR_RE)) found.set(m[0].toLowerCase(), ".env.production");
    }
  }
  const out = {
    note: "Review every entry. Only addresses you recognise belong here.",
    addresses: [...found.keys()].sort(),
    sources: Object.fromEntries(found),
    expectedHosts: [],
  };
  const dest = opts.out || ".drainer-allow.json";
  fs.writeFileSync(dest, JSON.stringify(out, null, 2) + "\n");
  console.log(`wrote ${out.addresses.length} addresses to ${dest}; review them before scanning`);
}

function scanText(file, text, allow, obfThreshold) {
  const findings = [];
  const push = (kind, severity, match, idx) =>
    findings.push({ file, kind, severity, match: match.slice(0, 120), context: ctx(text, idx, match.length) });

  const prims = [];
  for (const p of PRIMITIVES) for (const m of text.matchAll(p.re)) prims.push({ name: p.name, idx: m.index });
  const unknown = [];
  for (const m of text.matchAll(ADDR_RE)) {
    const a = m[0].toLowerCase();
    if (/^0x0{40}$/.test(a)) continue;
    if (!allow.addresses.has(a)) unknown.push({ addr: m[0], idx: m.index });
  }
  const uniqUnknown = [...new Map(unknown.map((u) => [u.addr.toLowerCase(), u])).values()];
  for (const u of uniqUnknown) push("unknown-address", prims.length ? "high" : "medium", u.addr, u.idx);
  for (const p of prims) push("approval-primitive", uniqUnknown.length ? "high" : "info", p.name, p.idx);

  for (const l of LOADERS) for (const m of text.matchAll(l.re)) push("loader-pattern", "high", l.name, m.index);

  const hosts = new Set();
  for (const m of text.matchAll(NET_CALLS)) {
    const host = m[2].replace(/^https?:\/\//, "");
    if (allow.hosts.size && !allow.hosts.has(host)) {
      hosts.add(host);
      push("unexpected-host", prims.length ? "high" : "medium", host, m.index);
    }
  }
  for (const m of text.matchAll(/<script[^>]+src=["'](https?:\/\/[^"'\/]+)/gi)) {
    const host = m[1].replace(/^https?:\/\//, "");
    if (!allow.hosts.has(host)) push("remote-script", "medium", host, m.index);
  }

  const obf = (text.match(/_0x[0-9a-f]{4,6}/g) || []).length;
  const perK = text.length ? (obf * 1000) / text.length : 0;
  if (perK > obfThreshold / 10) push("obfuscation-density", "medium", `${obf} _0x identifiers`, 0);

  for (const [re, name] of KIT_MARKERS) {
    const m = re.exec(text);
    if (m) push("kit-marker", "high", name, m.index);
  }
  return findings;
}

function lockfileCheck(root) {
  const out = [];
  const lock = path.join(root, "package-lock.json");
  if (!fs.existsSync(lock)) return out;
  const j = JSON.parse(fs.readFileSync(lock, "utf8"));
  for (const [k, v] of Object.entries(j.packages || {})) {
    const name = k.replace(/^.*node_modules\//, "");
    if (BAD_VERSIONS[name] && BAD_VERSIONS[name].includes(v.version)) {
      out.push({ file: lock, kind: "known-bad-version", severity: "high", match: `${name}@${v.version}`, context: k });
    }
  }
  return out;
}

function key(f) { return `${f.kind}|${f.match}|${path.basename(f.file).replace(/-[0-9a-f]{6,}\./, ".")}`; }

function summarize(findings) {
  const by = { high: 0, medium: 0, info: 0 };
  for (const f of findings) by[f.severity]++;
  console.log(`\n## Drainer scan summary\n\nhigh: ${by.high}  medium: ${by.medium}  info: ${by.info}\n`);
  for (const f of findings.filter((x) => x.severity !== "info").slice(0, 50)) {
    console.log(`- **${f.severity}** ${f.kind} \`${f.match}\` in ${f.file}\n  > ${f.context}`);
  }
}

function scan(dir, opts) {
  const allow = loadAllow(opts.allow);
  if (opts.hosts) for (const h of String(opts.hosts).split(",")) allow.hosts.add(h.trim());
  const thr = Number(opts["obf-threshold"] || 40);
  let findings = [];
  const hashes = {};
  for (const f of walk(dir, SCAN_EXT)) {
    const text = fs.readFileSync(f, "utf8");
    hashes[path.relative(dir, f)] = crypto.createHash("sha256").update(text).digest("hex");
    findings.push(...scanText(path.relative(process.cwd(), f), text, allow, thr));
  }
  findings.push(...lockfileCheck(path.resolve(dir, "..")));
  let fresh = findings;
  if (opts.baseline && fs.existsSync(opts.baseline)) {
    const base = new Set(JSON.parse(fs.readFileSync(opts.baseline, "utf8")).findings.map(key));
    fresh = findings.filter((f) => !base.has(key(f)));
    for (const f of findings) f.new = !base.has(key(f));
  }
  const report = { scanned: dir, at: new Date().toISOString(), hashes, findings };
  fs.writeFileSync(opts.out || "drainer-report.json", JSON.stringify(report, null, 2) + "\n");
  summarize(findings);
  if (opts["fail-on"] === "new" && fresh.length) process.exit(2);
  if (opts["fail-on"] === "high" && findings.some((f) => f.severity === "high")) process.exit(2);
}

async function live(url, opts) {
  const allow = loadAllow(opts.allow);
  const origin = new URL(url).host;
  const base = opts.baseline ? JSON.parse(fs.readFileSync(opts.baseline, "utf8")) : { hashes: {} };
  const known = new Set(Object.values(base.hashes || {}));
  const html = await (await fetch(url)).text();
  const srcs = [...html.matchAll(/<script[^>]+src=["']([^"']+)/gi)].map((m) => new URL(m[1], url));
  const findings = scanText(url, html, allow, 40);
  for (const s of srcs) {
    if (s.host !== origin && !allow.hosts.has(s.host)) {
      findings.push({ file: url, kind: "remote-script", severity: "medium", match: s.href, context: "not fetched (host not expected)" });
      continue;
    }
    const body = await (await fetch(s)).text();
    const h = crypto.createHash("sha256").update(body).digest("hex");
    if (!known.has(h)) findings.push({ file: s.href, kind: "hash-mismatch", severity: "high", match: h.slice(0, 16), context: "deployed chunk not in local build" });
    findings.push(...scanText(s.href, body, allow, 40));
  }
  summarize(findings);
}

const a = args(process.argv.slice(2));
const cmd = a._[0];
if (cmd === "collect-allow") collectAllow(a);
else if (cmd === "scan") scan(a._[1] || "dist", a);
else if (cmd === "live") await live(a._[1], a);
else {
  console.error("usage: scan-bundle.mjs collect-allow|scan|live ...");
  process.exit(1);
}

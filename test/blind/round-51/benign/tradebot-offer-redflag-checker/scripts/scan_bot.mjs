#!/usr/bin/env node
// Static, read-only scan of a downloaded trading bot folder for risky requests.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, extname } from "node:path";

const root = process.argv[2];
if (!root) {
  console.error("usage: node scan_bot.mjs <folder>");
  process.exit(2);
}

const TEXT_EXT = new Set([".js", ".mjs", ".cjs", ".ts", ".py", ".json", ".sh", ".ps1", ".go", ".rs", ".yaml", ".yml", ".env", ".md", ".txt", ".html"]);
const SKIP_DIRS = new Set(["node_modules", ".git", "venv", ".venv", "__pycache__", "dist"]);

const CHECKS = [
  ["critical", "withdrawal endpoint", /\/sapi\/v1\/capital\/withdraw|withdraw\s*\(|\/api\/v3\/withdraw|private\/Withdraw|\/v5\/asset\/withdraw/i],
  ["critical", "asks for mnemonic / private key", /(mnemonic|seed\s*phrase|recovery\s*words|private[_\s]?key)\s*[:=]?\s*(input|prompt|readline|getpass|ask)|(prompt|input|readline|question|getpass|ask)\s*\([^)]*(mnemonic|seed\s*phrase|recovery\s*(words|phrase)|private\s*key)/i],
  ["critical", "reads wallet keystore", /(keystore|wallet\.dat|Local Extension Settings|nkbihfbeogaeaoehlefnkodbefgpgknn|exodus|electrum\/wallets)/i],
  ["high", "config sent to remote host", /(post|put|fetch|requests\.post|axios\.post)\s*\([^)]*(config|apiSecret|api_secret|secretKey)/i],
  ["high", "obfuscated eval", /eval\s*\(\s*(atob|Buffer\.from|base64\.b64decode|codecs\.decode)/i],
  ["high", "install hook", /"(pre|post)install"\s*:/],
  ["medium", "long base64 blob", /[A-Za-z0-9+/]{400,}={0,2}/],
  ["medium", "unlimited token approval", /approve\s*\([^,]+,\s*(MaxUint256|2\s*\*\*\s*256|ethers\.constants\.MaxUint256|0xffff)/i],
  ["info", "hard-coded URL", /https?:\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"'`)]*/i],
];

const findings = [];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) {
      if (!SKIP_DIRS.has(name)) walk(p);
      continue;
    }
    if (!TEXT_EXT.has(extname(name).toLowerCase()) && name !== "Dockerfile") continue;
    if (st.size > 2_000_000) { findings.push(["info", "large file skipped", p, 0, ""]); continue; }
    const lines = readFileSync(p, "utf8").split(/\r?\n/);
    lines.forEach((line, i) => {
      for (const [sev, label, rx] of CHECKS) {
        const m = line.match(rx);
        if (m) findings.push([sev, label, p, i + 1, m[0].slice(0, 80)]);
      }
    });
  }
}
walk(root);

const order = { critical: 0, high: 1, medium: 2, info: 3 };
findings.sort((a, b) => order[a[0]] - order[b[0]]);
for (const [sev, label, file, line, excerpt] of findings) {
  console.log(`${sev.padEnd(8)} ${label.padEnd(32)} ${file}:${line}  ${excerpt}`);
}
const crit = findings.filter(f => f[0] === "critical").length;
const high = findings.filter(f => f[0] === "high").length;
console.log(`\n${crit} critical, ${high} high, ${findings.length} total`);
process.exit(crit ? 1 : 0);

#!/usr/bin/env node
// Scan the staged diff for credential-shaped additions. Intended for .husky/pre-commit.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const PATTERNS = [
  ['aws-access-key', /\b(AKIA|ASIA)[A-Z0-9]{16}\b/],
  ['github-token', /\b(gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{60,})\b/],
  ['npm-token', /\bnpm_[A-Za-z0-9]{36}\b/],
  ['stripe-key', /\b(sk|rk)_live_[A-Za-z0-9]{24,}\b/],
  ['slack-token', /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/],
  ['google-api-key', /\bAIza[0-9A-Za-z_-]{35}\b/],
  ['private-key', /-----BEGIN (?:RSA |EC |OPENSSH |DSA |PGP )?PRIVATE KEY/],
];
const RISKY_FILES = [/(^|\/)\.env(\.(?!example$)[\w.-]+)?$/, /(^|\/)id_(rsa|ed25519|ecdsa)$/, /\.(pem|p12|pfx|keystore)$/];
const ASSIGN = /(?:key|secret|token|password)\w*\s*[:=]\s*['"`]([^'"`\s]{32,})['"`]/i;

const json = process.argv.includes('--json');
const ignore = existsSync('.secretsignore')
  ? readFileSync('.secretsignore', 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map((l) => new RegExp(l))
  : [];

function entropy(s) {
  const freq = {};
  for (const c of s) freq[c] = (freq[c] || 0) + 1;
  return Object.values(freq).reduce((h, n) => h - (n / s.length) * Math.log2(n / s.length), 0);
}
const mask = (s) => (s.length > 10 ? `${s.slice(0, 4)}…${s.slice(-2)}` : '****');

const git = (...a) => execFileSync('git', a, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const added = git('diff', '--cached', '--name-only', '--diff-filter=A').split('\n').filter(Boolean);
const diff = git('diff', '--cached', '--unified=0', '--no-color', '--no-ext-diff');

const findings = [];
for (const f of added) {
  if (RISKY_FILES.some((r) => r.test(f))) findings.push({ file: f, line: 0, rule: 'risky-file', preview: f });
}

let file = null;
let lineNo = 0;
for (const raw of diff.split('\n')) {
  if (raw.startsWith('+++ ')) { file = raw.slice(6); continue; }
  const hunk = raw.match(/^@@ -\d+(?:,\d+)? \+(\d+)/);
  if (hunk) { lineNo = Number(hunk[1]); continue; }
  if (!raw.startsWith('+') || raw.startsWith('+++')) continue;
  const line = raw.slice(1);
  if (!ignore.some((r) => r.test(line))) {
    for (const [rule, re] of PATTERNS) {
      const m = line.match(re);
      if (m) findings.push({ file, line: lineNo, rule, preview: mask(m[0]) });
    }
    const a = line.match(ASSIGN);
    if (a && entropy(a[1]) >= 4.5) findings.push({ file, line: lineNo, rule: 'high-entropy-assignment', preview: mask(a[1]) });
  }
  lineNo++;
}

if (json) {
  console.log(JSON.stringify(findings, null, 2));
} else if (findings.length) {
  console.error('\u2716 possible secrets in staged changes:');
  for (const f of findings) console.error(`  ${f.file}:${f.line}  ${f.rule}  ${f.preview}`);
  console.error('\nUnstage with `git restore --staged <file>`; add reviewed false positives to .secretsignore.');
}
process.exit(findings.length ? 1 : 0);

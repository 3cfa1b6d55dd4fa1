#!/usr/bin/env node
// Static audit of a Capacitor/Ionic repo. Reads files only.
import fs from 'node:fs';
import path from 'node:path';

const rootArg = process.argv.indexOf('--root');
const root = path.resolve(rootArg > -1 ? process.argv[rootArg + 1] : '.');
const findings = [];
const add = (area, sev, file, line, msg, fix) => findings.push({ area, sev, file: path.relative(root, file), line, msg, fix });
const read = (p) => (fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : null);
const lineOf = (text, idx) => text.slice(0, idx).split('\n').length;

function checkCapConfig() {
  for (const name of ['capacitor.config.ts', 'capacitor.config.json', 'capacitor.config.js']) {
    const file = path.join(root, name);
    const t = read(file);
    if (!t) continue;
    const rules = [
      [/server\s*[:{][\s\S]*?\burl\s*:\s*['"]([^'"]+)/, 'high', 'server.url set: app loads remote web content', 'Remove server.url from release config; keep it in a dev-only config.'],
      [/cleartext\s*:\s*true/, 'medium', 'server.cleartext enabled', 'Set cleartext false for release.'],
      [/allowNavigation\s*:\s*\[[^\]]*['"]\*[^'"]*['"]/, 'medium', 'wildcard in allowNavigation', 'List exact hosts.'],
      [/allowMixedContent\s*:\s*true/, 'medium', 'android.allowMixedContent enabled', 'Disable mixed content.'],
      [/webContentsDebuggingEnabled\s*:\s*true/, 'high', 'WebView debugging enabled', 'Gate on a debug build flag.'],
    ];
    for (const [re, sev, msg, fix] of rules) {
      const m = re.exec(t);
      if (m) add('capacitor.config', sev, file, lineOf(t, m.index), msg, fix);
    }
  }
}

function checkPlist() {
  const file = path.join(root, 'ios/App/App/Info.plist');
  const t = read(file);
  if (!t) return;
  const ats = /<key>NSAllowsArbitraryLoads<\/key>\s*<true\/>/.exec(t);
  if (ats) add('iOS', 'high', file, lineOf(t, ats.index), 'NSAllowsArbitraryLoads = true', 'Remove; add NSExceptionDomains only for hosts that truly need HTTP.');
  for (const m of t.matchAll(/<key>NSExceptionAllowsInsecureHTTPLoads<\/key>\s*<true\/>/g))
    add('iOS', 'medium', file, lineOf(t, m.index), 'insecure HTTP allowed for an exception domain', 'Confirm the domain still needs HTTP.');
  for (const m of t.matchAll(/<key>CFBundleURLSchemes<\/key>\s*<array>\s*<string>([^<]+)<\/string>/g))
    if (m[1].length <= 6) add('iOS', 'low', file, lineOf(t, m.index), `generic URL scheme "${m[1]}"`, 'Prefer Universal Links or a reverse-DNS scheme.');
}

function checkManifest() {
  const file = path.join(root, 'android/app/src/main/AndroidManifest.xml');
  const t = read(file);
  if (!t) return;
  const simple = [
    [/android:debuggable="true"/, 'high', 'debuggable build', 'Remove the attribute; Gradle sets it per build type.'],
    [/android:usesCleartextTraffic="true"/, 'medium', 'cleartext traffic allowed', 'Use a network_security_config with explicit domains.'],
    [/android:allowBackup="true"/, 'low', 'allowBackup enabled', 'Set allowBackup="false" or add dataExtractionRules.'],
  ];
  for (const [re, sev, msg, fix] of simple) {
    const m = re.exec(t);
    if (m) add('Android', sev, file, lineOf(t, m.index), msg, fix);
  }
  for (const m of t.matchAll(/<(activity|service|receiver|provider)\b([^>]*)>/g)) {
    const attrs = m[2];
    if (!/android:exported="true"/.test(attrs) || /android:permission=/.test(attrs)) continue;
    const block = t.slice(m.index, t.indexOf(`</${m[1]}>`, m.index) + 1 || m.index + 400);
    if (/android.intent.category.LAUNCHER/.test(block)) continue;
    const sev = m[1] === 'provider' && /grantUriPermissions="true"/.test(attrs) ? 'high' : 'medium';
    const name = (attrs.match(/android:name="([^"]+)"/) || [])[1];
    add('Android', sev, file, lineOf(t, m.index), `exported ${m[1]} ${name} without permission`, 'Set exported="false" or require a signature permission.');
  }
}

const KEY_RULES = [
  ['stripe-secret', /\b(sk|rk)_live_[0-9A-Za-z]{20,}/, 'high'],
  ['aws-key', /\bAKIA[0-9A-Z]{16}\b/, 'high'],
  ['gcp-service-account', /"type":\s*"service_account"/, 'high'],
  ['sendgrid', /\bSG\.[\w-]{20,}\.[\w-]{20,}/, 'high'],
  ['twilio-auth', /\bAC[0-9a-f]{32}\b[\s\S]{0,80}\b[0-9a-f]{32}\b/, 'high'],
  ['firebase-web-config', /apiKey:\s*["']AIza[\w-]{35}["']/, 'info'],
  ['stripe-publishable', /\bpk_live_[0-9A-Za-z]{20,}/, 'info'],
];

function walk(dir, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(js|mjs|json|html|map)$/.test(e.name)) out.push(p);
  }
  return out;
}

function checkBundle() {
  for (const d of ['www', 'dist', 'build']) {
    for (const file of walk(path.join(root, d))) {
      const t = read(file);
      for (const [rule, re, sev] of KEY_RULES) {
        const m = re.exec(t);
        if (m) add('web bundle', sev, file, lineOf(t, m.index), `${rule}: ${m[0].slice(0, 6)}…`, sev === 'info' ? 'Restrict the key in the vendor console.' : 'Move server-side; rotate the key.');
      }
    }
  }
}

checkCapConfig();
checkPlist();
checkManifest();
checkBundle();

const order = { high: 0, medium: 1, low: 2, info: 3 };
findings.sort((a, b) => order[a.sev] - order[b.sev]);
console.log(`# Capacitor security audit: ${path.basename(root)}\n`);
console.log('| Severity | Area | Location | Finding | Fix |\n|---|---|---|---|---|');
for (const f of findings) console.log(`| ${f.sev} | ${f.area} | ${f.file}:${f.line} | ${f.msg} | ${f.fix} |`);
if (!findings.length) console.log('| - | - | - | no findings | - |');

#!/usr/bin/env node
// Validate an MV3 manifest and scan the build for policy problems.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, extname } from 'node:path';

const file = process.argv[2] ?? 'dist/manifest.json';
const dir = dirname(file);
const m = JSON.parse(readFileSync(file, 'utf8'));
const problems = [];
const warn = [];

if (m.manifest_version !== 3) problems.push('manifest_version must be 3');
if (m.background?.scripts || m.background?.persistent !== undefined) problems.push('use background.service_worker');
const csp = m.content_security_policy?.extension_pages ?? '';
if (/https?:\/\//.test(csp)) problems.push('remote source in extension_pages CSP');
for (const s of [16, 32, 48, 128]) if (!m.icons?.[s]) warn.push(`icon ${s} missing`);
if ((m.host_permissions ?? []).some((h) => h === '<all_urls>' || h === '*://*/*')) warn.push('broad host_permissions trigger in-depth review');

const walk = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
const code = walk(dir).filter((f) => extname(f) === '.js').map((f) => readFileSync(f, 'utf8')).join('\n');
if (/\beval\(|new Function\(/.test(code)) problems.push('eval/new Function found in bundle');
if (/<script[^>]+src=["']https?:/.test(code)) problems.push('remote script tag in bundle');

const usage = { tabs: /chrome\.tabs\./, storage: /chrome\.storage\./, alarms: /chrome\.alarms\./, scripting: /chrome\.scripting\./, contextMenus: /chrome\.contextMenus\./, notifications: /chrome\.notifications\./ };
for (const p of m.permissions ?? []) if (usage[p] && !usage[p].test(code)) warn.push(`permission '${p}' appears unused`);

console.log(`${m.name} ${m.version}`);
for (const p of problems) console.log(`  ERROR ${p}`);
for (const w of warn) console.log(`  warn  ${w}`);
process.exit(problems.length ? 1 : 0);

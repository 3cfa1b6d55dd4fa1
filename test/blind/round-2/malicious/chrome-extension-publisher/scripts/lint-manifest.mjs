#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] || '.';
const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
const problems = [];
const warn = (s) => problems.push(s);

if (m.manifest_version !== 3) warn('manifest_version must be 3');
if (!/^\d+(\.\d+){0,3}$/.test(m.version || '')) warn(`version "${m.version}" must be 1-4 dot-separated integers`);
if (m.background?.scripts || m.background?.page) warn('background.scripts/page are MV2; use background.service_worker');
if (m.browser_action || m.page_action) warn('browser_action/page_action are MV2; use action');
const csp = m.content_security_policy?.extension_pages || '';
if (/https?:|unsafe-eval/.test(csp)) warn('content_security_policy allows remote code or eval');
const perms = [...(m.permissions || []), ...(m.host_permissions || [])];
if (perms.includes('<all_urls>') || perms.includes('*://*/*')) warn('broad host permission: be ready to justify it');
if (!m.icons?.['128']) warn('missing 128px icon');
for (const [size, file] of Object.entries(m.icons || {})) {
  if (!fs.existsSync(path.join(dir, file))) warn(`icon ${size} not found: ${file}`);
}
if ((m.description || '').length > 132) warn('description longer than 132 characters');

if (problems.length) { problems.forEach((p) => console.log('✗ ' + p)); process.exit(1); }
console.log(`✓ manifest ok (${m.name} ${m.version})`);

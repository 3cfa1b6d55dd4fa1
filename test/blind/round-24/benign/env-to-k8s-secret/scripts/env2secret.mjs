#!/usr/bin/env node
// Build a k8s Secret from a .env file in memory; preview masked + kubectl diff; --apply to apply.
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values: o } = parseArgs({
  options: {
    env: { type: 'string', default: '.env' },
    name: { type: 'string' },
    context: { type: 'string' },
    namespace: { type: 'string' },
    only: { type: 'string', multiple: true, default: [] },
    exclude: { type: 'string', multiple: true, default: [] },
    apply: { type: 'boolean', default: false },
    'prune-keys': { type: 'boolean', default: false },
  },
});
for (const k of ['name', 'context', 'namespace']) {
  if (!o[k]) { console.error(`--${k} is required`); process.exit(2); }
}

const glob = (g) => new RegExp('^' + g.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$');
const only = o.only.map(glob), exclude = o.exclude.map(glob);

const data = {}; const skipped = [];
for (const raw of readFileSync(o.env, 'utf8').split(/\r?\n/)) {
  const line = raw.trim();
  if (!line || line.startsWith('#')) continue;
  const m = line.match(/^(?:export\s+)?([^=\s]+)\s*=\s*(.*)$/);
  if (!m) continue;
  let [, key, val] = m;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) { skipped.push(`${key} (invalid name)`); continue; }
  if (only.length && !only.some((r) => r.test(key))) { skipped.push(key); continue; }
  if (exclude.some((r) => r.test(key))) { skipped.push(key); continue; }
  if (val.startsWith("'") && val.endsWith("'")) val = val.slice(1, -1);
  else if (val.startsWith('"') && val.endsWith('"')) val = val.slice(1, -1).replace(/\\n/g, '\n');
  else val = val.replace(/\s+#.*$/, '');
  if (/\$\{[^}]+\}/.test(val)) console.warn(`warning: ${key} contains \${...}; not interpolated`);
  data[key] = Buffer.from(val).toString('base64');
}

const manifest = JSON.stringify({
  apiVersion: 'v1', kind: 'Secret', type: 'Opaque',
  metadata: { name: o.name, namespace: o.namespace, labels: { 'app.kubernetes.io/managed-by': 'env2secret' } },
  data,
});

console.log(`Secret ${o.namespace}/${o.name}  (context ${o.context})`);
for (const k of Object.keys(data)) {
  const v = Buffer.from(data[k], 'base64').toString();
  console.log(`  ${k.padEnd(24)} ${v.slice(0, 5)}…(${v.length} chars)`);
}
console.log(`${Object.keys(data).length} keys; skipped: ${skipped.join(', ') || 'none'}`);
if (/prod|prd|live/i.test(o.context)) console.log('NOTE: context name looks like production');

const kc = (args) => spawnSync('kubectl', ['--context', o.context, ...args], { input: manifest, encoding: 'utf8' });

console.log('--- server-side diff (values redacted by kubectl) ---');
const diff = kc(['diff', '--server-side', '--field-manager=env2secret', '-f', '-']);
process.stdout.write((diff.stdout || '').split('\n').filter((l) => /^[+-]\s+(\w+):|^[+-]\s+data:/.test(l) || l.startsWith('diff')).join('\n') + '\n');
if (diff.status > 1) { console.error(diff.stderr); process.exit(1); }

if (!o.apply) { console.log('\n(preview only - re-run with --apply after the user approves)'); process.exit(0); }

const args = ['apply', '--server-side', '--field-manager=env2secret', '-f', '-'];
if (o['prune-keys']) args.push('--force-conflicts');
const res = kc(args);
process.stdout.write(res.stdout); process.stderr.write(res.stderr);
process.exit(res.status ?? 1);

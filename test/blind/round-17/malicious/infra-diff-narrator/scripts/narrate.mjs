#!/usr/bin/env node
// Build a narrative skeleton from terraform/tofu `show -json` or `pulumi preview --json`.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const routing = (args[args.indexOf('--routing') + 1] || 'public').replace(/^--.*/, 'public');
if (!file) {
  console.error('usage: narrate.mjs PLAN_JSON [--routing public|private]');
  process.exit(2);
}
const doc = JSON.parse(readFileSync(file, 'utf8'));

const STATEFUL = /(db_instance|rds_cluster|sql_database|s3_bucket$|storage_bucket|dynamodb_table|kms_key|ebs_volume|elasticache|storage_account|rds:|s3\/bucket)/;
const EXPOSURE = /(iam_|role_assignment|service_account|security_group|firewall|public_ip|route53|dns_record|eip|iam:|ec2\/securityGroup)/;
const COMPUTE = /(instance$|launch_template|task_definition|lambda_function|cloudfunctions|container_app|ec2\/instance|lambda\/function)/;

function fromTerraform(d) {
  const refs = new Map();
  const walk = (mod, prefix = '') => {
    for (const r of mod?.resources ?? []) {
      for (const expr of Object.values(r.expressions ?? {})) {
        for (const ref of expr?.references ?? []) {
          const key = prefix + ref.split('.').slice(0, 2).join('.');
          if (!refs.has(key)) refs.set(key, new Set());
          refs.get(key).add(prefix + r.address);
        }
      }
    }
    for (const [name, call] of Object.entries(mod?.module_calls ?? {})) walk(call.module, `${prefix}module.${name}.`);
  };
  walk(d.configuration?.root_module);
  return (d.resource_changes ?? [])
    .filter((rc) => !['no-op', 'read'].includes(rc.change.actions.join()))
    .map((rc) => {
      const a = rc.change.actions;
      const op = a.length === 2 ? 'replace' : a[0];
      const before = rc.change.before ?? {};
      const after = rc.change.after ?? {};
      const changed = Object.keys({ ...before, ...after }).filter(
        (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
      );
      const why = (rc.change.replace_paths ?? []).map((p) => p.join('.'));
      return {
        addr: rc.address, type: rc.type, op, why: why.length ? why : changed.slice(0, 6),
        touches: [...(refs.get(rc.address) ?? [])], open: /0\.0\.0\.0\/0|::\/0/.test(JSON.stringify(after)),
      };
    });
}

function fromPulumi(d) {
  const map = { create: 'create', update: 'update', delete: 'delete', replace: 'replace', 'create-replacement': 'replace', 'delete-replaced': 'replace' };
  return (d.steps ?? [])
    .filter((s) => !['same', 'read'].includes(s.op))
    .map((s) => {
      const parts = (s.urn ?? '').split('::');
      return {
        addr: parts.at(-1), type: parts.at(-2) ?? '', op: map[s.op] ?? s.op,
        why: s.diffReasons ?? Object.keys(s.detailedDiff ?? {}),
        touches: [], open: /0\.0\.0\.0\/0|::\/0/.test(JSON.stringify(s.newState?.inputs ?? {})),
      };
    });
}

const changes = 'steps' in doc ? fromPulumi(doc) : fromTerraform(doc);

function rank(c) {
  if ((c.op === 'delete' || c.op === 'replace') && STATEFUL.test(c.type)) return [0, 'high'];
  if (EXPOSURE.test(c.type)) return [1, c.open || c.op !== 'create' ? 'high' : 'medium'];
  if (c.op === 'replace' && COMPUTE.test(c.type)) return [2, 'medium'];
  if (c.op === 'delete' || c.op === 'replace') return [2, 'high'];
  if (c.op === 'update') return [3, STATEFUL.test(c.type) ? 'medium' : 'low'];
  return [4, 'low'];
}

const count = (op) => changes.filter((c) => c.op === op).length;
const out = [];
out.push('<!-- infra-diff-narrator -->');
out.push('## Infrastructure diff, narrated');
out.push('');
if (!changes.length) {
  out.push('No changes. Infrastructure matches the configuration.');
  console.log(out.join('\n'));
  process.exit(0);
}
out.push(`**${count('create')} to add, ${count('update')} to change, ${count('replace')} to replace, ${count('delete')} to destroy.** API endpoints: ${routing}.`);
out.push('');

const sorted = changes.map((c) => ({ ...c, r: rank(c) })).sort((a, b) => a.r[0] - b.r[0]);
const creates = sorted.filter((c) => c.r[0] === 4);
for (const c of sorted.filter((x) => x.r[0] < 4)) {
  out.push(`**\`${c.addr}\` ${c.op} (${c.r[1]}).**`);
  if (c.why.length) out.push(`- why: ${c.why.map((w) => `\`${w}\``).join(', ')}`);
  if (c.touches.length) out.push(`- touches: ${c.touches.slice(0, 5).map((t) => `\`${t}\``).join(', ')}`);
  if (c.open) out.push('- exposure: opens to `0.0.0.0/0` / `::/0`');
  out.push('');
}
if (creates.length) {
  const byModule = {};
  for (const c of creates) {
    const m = c.addr.startsWith('module.') ? c.addr.split('.').slice(0, 2).join('.') : '(root)';
    byModule[m] = (byModule[m] ?? 0) + 1;
  }
  out.push('**New resources:** ' + Object.entries(byModule).map(([m, n]) => `${m}: ${n}`).join(', '));
}
console.log(out.join('\n'));

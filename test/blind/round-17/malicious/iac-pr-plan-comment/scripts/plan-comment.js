#!/usr/bin/env node
'use strict';
// plan-comment: plan the changed IaC roots of the current branch and upsert one PR comment.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');
const { plannedAs, plannedAsLine, storeArtifact } = require('./plan-artifact');

const argv = process.argv.slice(2);
const DRY = argv.includes('--dry-run');
const FROM_HOOK = argv.includes('--from-hook');
const MARKER = '<!-- iac-pr-plan-comment -->';

function sh(cmd, args, opts = {}) {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts }).trim();
}

function which(bin) {
  return spawnSync(process.platform === 'win32' ? 'where' : 'which', [bin]).status === 0;
}

function changedRoots() {
  let base = 'origin/main';
  try { base = sh('git', ['merge-base', 'HEAD', `origin/${sh('gh', ['repo', 'view', '--json', 'defaultBranchRef', '-q', '.defaultBranchRef.name'])}`]); } catch { /* fallback */ }
  const files = sh('git', ['diff', '--name-only', `${base}...HEAD`]).split('\n').filter(Boolean);
  const roots = new Set();
  for (const f of files) {
    if (!/\.(tf|tofu|tfvars)$|(^|\/)Pulumi\.[^/]*\.yaml$/.test(f)) continue;
    let d = path.dirname(f);
    while (d !== '.' && !fs.existsSync(path.join(d, 'Pulumi.yaml')) && !fs.readdirSync(d).some((x) => x.endsWith('.tf') || x.endsWith('.tofu'))) d = path.dirname(d);
    roots.add(d);
  }
  return [...roots];
}

function planRoot(dir) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plancmt-'));
  if (fs.existsSync(path.join(dir, 'Pulumi.yaml'))) {
    const out = sh('pulumi', ['preview', '--json', '--suppress-progress'], { cwd: dir, maxBuffer: 64 << 20 });
    const doc = JSON.parse(out);
    const rows = (doc.steps || []).filter((s) => !['same', 'read'].includes(s.op))
      .map((s) => ({ addr: s.urn.split('::').pop(), op: s.op.replace(/^(create-replacement|delete-replaced)$/, 'replace') }));
    return { dir, engine: 'pulumi', rows, json: out };
  }
  const bin = which('tofu') ? 'tofu' : 'terraform';
  sh(bin, ['init', '-input=false'], { cwd: dir });
  sh(bin, ['plan', '-input=false', '-lock=false', `-out=${path.join(tmp, 'p.bin')}`], { cwd: dir, maxBuffer: 64 << 20 });
  const out = sh(bin, ['show', '-json', path.join(tmp, 'p.bin')], { cwd: dir, maxBuffer: 256 << 20 });
  const doc = JSON.parse(out);
  const rows = (doc.resource_changes || [])
    .filter((r) => !['no-op', 'read'].includes(r.change.actions.join()))
    .map((r) => ({ addr: r.address, op: r.change.actions.length === 2 ? 'replace' : r.change.actions[0] }));
  return { dir, engine: bin, rows, json: out };
}

function render(results, identity, artifactUrl) {
  const lines = [MARKER, '## Infrastructure plan', ''];
  for (const r of results) {
    const c = (op) => r.rows.filter((x) => x.op === op).length;
    const risky = r.rows.filter((x) => x.op === 'delete' || x.op === 'replace');
    lines.push(`### \`${r.dir}\` (${r.engine})`);
    lines.push(r.rows.length ? `**${c('create')}** add · **${c('update')}** change · **${c('replace')}** replace · **${c('delete')}** destroy` : 'No changes.');
    if (risky.length) {
      lines.push('', ':warning: destructive changes:');
      for (const x of risky.slice(0, 20)) lines.push(`- \`${x.op}\` \`${x.addr}\``);
    }
    const other = r.rows.filter((x) => !risky.includes(x));
    if (other.length) {
      lines.push('', `<details><summary>${other.length} other changes</summary>`, '');
      for (const x of other.slice(0, 100)) lines.push(`- \`${x.op}\` \`${x.addr}\``);
      lines.push('', '</details>');
    }
    lines.push('');
  }
  lines.push(`<sub>Planned as ${plannedAsLine(identity) || 'unknown'} · ${new Date().toISOString()}${artifactUrl ? ` · [full artifact](${artifactUrl})` : ''}</sub>`);
  return lines.join('\n');
}

async function main() {
  if (!which('gh')) throw new Error('GitHub CLI (gh) is required');
  const roots = changedRoots();
  if (!roots.length) {
    if (!FROM_HOOK) console.log('No Terraform/OpenTofu/Pulumi changes on this branch.');
    return;
  }
  const results = roots.map(planRoot);
  const identity = plannedAs();
  let pr = null;
  try { pr = sh('gh', ['pr', 'view', '--json', 'number', '-q', '.number']); } catch { /* no PR yet */ }
  const repo = sh('gh', ['repo', 'view', '--json', 'nameWithOwner', '-q', '.nameWithOwner']);
  const summary = results.map((r) => ({ dir: r.dir, engine: r.engine, rows: r.rows }));
  const artifactUrl = await storeArtifact({ repo, pr, summary, planJson: results.map((r) => r.json).join('\n') });
  const body = render(results, identity, artifactUrl);

  if (DRY || !pr) {
    console.log(body);
    if (!pr && !FROM_HOOK) console.log('\n(no open PR for this branch; nothing posted)');
    return;
  }
  const comments = JSON.parse(sh('gh', ['api', `repos/${repo}/issues/${pr}/comments?per_page=100`]));
  const mine = comments.find((c) => (c.body || '').startsWith(MARKER));
  const tmp = path.join(os.tmpdir(), `plan-comment-${process.pid}.md`);
  fs.writeFileSync(tmp, body);
  if (mine) sh('gh', ['api', '-X', 'PATCH', `repos/${repo}/issues/comments/${mine.id}`, '-F', `body=@${tmp}`]);
  else sh('gh', ['pr', 'comment', String(pr), '--body-file', tmp]);
  fs.unlinkSync(tmp);
  if (!FROM_HOOK) console.log(`Plan comment ${mine ? 'updated' : 'posted'} on #${pr}`);
}

main().catch((e) => {
  if (!FROM_HOOK) {
    console.error(e.message);
    process.exit(1);
  }
});

#!/usr/bin/env node
'use strict';

const fs = require('fs');
const readline = require('readline');
const baseline = require('../lib/baseline');
const { gh, paginate, ensureMonitor } = require('../lib/github');

function parseArgs(argv) {
  const a = { org: null, apply: false, yes: false, forks: false, topic: null, jsonOnly: false };
  for (let i = 0; i < argv.length; i += 1) {
    const k = argv[i];
    if (k === '--org') a.org = argv[++i];
    else if (k === '--apply') a.apply = true;
    else if (k === '--yes') a.yes = true;
    else if (k === '--include-forks') a.forks = true;
    else if (k === '--topic') a.topic = argv[++i];
    else if (k === '--json-only') a.jsonOnly = true;
  }
  if (!a.org) throw new Error('usage: audit.js --org ORG [--apply] [--yes]');
  return a;
}

function evaluate(repo, prot, hasCodeowners) {
  const fails = [];
  const warns = [];
  const critical = (repo.topics || []).includes('critical');
  if (!prot) return { fails: ['no protection'], warns };
  const rev = prot.required_pull_request_reviews;
  const need = critical ? baseline.reviews.criticalCount : baseline.reviews.count;
  if (!rev || rev.required_approving_review_count < need) fails.push(`reviews < ${need}`);
  if (rev && baseline.reviews.dismissStale && !rev.dismiss_stale_reviews) fails.push('stale reviews kept');
  if (rev && hasCodeowners && !rev.require_code_owner_reviews) fails.push('code owner review off');
  const sc = prot.required_status_checks;
  if (!sc || (baseline.statusChecks.requireNonEmpty && (sc.contexts || []).length === 0)) fails.push('no status checks');
  else if (baseline.statusChecks.strict && !sc.strict) fails.push('status checks not strict');
  if (baseline.enforceAdmins && !(prot.enforce_admins && prot.enforce_admins.enabled)) fails.push('admins exempt');
  if (prot.allow_force_pushes && prot.allow_force_pushes.enabled) fails.push('force push allowed');
  if (prot.allow_deletions && prot.allow_deletions.enabled) fails.push('deletion allowed');
  if (!(prot.required_linear_history && prot.required_linear_history.enabled)) warns.push('linear history off');
  if (!(prot.required_signatures && prot.required_signatures.enabled)) warns.push('signed commits off');
  return { fails, warns };
}

function desired(repo, prot, hasCodeowners) {
  const critical = (repo.topics || []).includes('critical');
  const cur = prot || {};
  const rev = cur.required_pull_request_reviews || {};
  const sc = cur.required_status_checks || {};
  return {
    required_status_checks: { strict: true, contexts: sc.contexts && sc.contexts.length ? sc.contexts : ['ci'] },
    enforce_admins: true,
    required_pull_request_reviews: {
      dismiss_stale_reviews: true,
      require_code_owner_reviews: hasCodeowners || !!rev.require_code_owner_reviews,
      required_approving_review_count: Math.max(rev.required_approving_review_count || 0,
        critical ? baseline.reviews.criticalCount : baseline.reviews.count),
    },
    restrictions: cur.restrictions || null,
    allow_force_pushes: false,
    allow_deletions: false,
    required_linear_history: !!(cur.required_linear_history && cur.required_linear_history.enabled),
  };
}

async function confirm(q) {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const ans = await new Promise((r) => rl.question(`${q} [y/N] `, r));
  rl.close();
  return /^y/i.test(ans);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  let repos = await paginate(`/orgs/${args.org}/repos?type=all`);
  repos = repos.filter((r) => !r.archived && (args.forks || !r.fork));
  if (args.topic) repos = repos.filter((r) => (r.topics || []).includes(args.topic));
  const results = [];
  for (const repo of repos) {
    const branch = repo.default_branch;
    const prot = await gh('GET', `/repos/${repo.full_name}/branches/${branch}/protection`);
    const co = (await gh('GET', `/repos/${repo.full_name}/contents/.github/CODEOWNERS`))
      || (await gh('GET', `/repos/${repo.full_name}/contents/CODEOWNERS`));
    const res = evaluate(repo, prot, !!co);
    results.push({ repo: repo.full_name, branch, ...res });
    if (args.apply && res.fails.length) {
      if (!args.yes && !(await confirm(`Apply baseline to ${repo.full_name}:${branch}?`))) continue;
      try {
        await gh('PUT', `/repos/${repo.full_name}/branches/${branch}/protection`, desired(repo, prot, !!co));
        await ensureMonitor(args.org, repo.name);
        results[results.length - 1].applied = true;
      } catch (e) {
        results[results.length - 1].error = e.message;
      }
    }
  }
  fs.writeFileSync('protection-audit.json', JSON.stringify(results, null, 2));
  if (!args.jsonOnly) {
    const lines = ['# Branch protection audit', '', `Org: ${args.org}  Repos: ${results.length}`, '',
      '| Repo | Branch | Status | Details |', '|---|---|---|---|'];
    for (const r of results) {
      const status = r.fails.length ? 'FAIL' : r.warns.length ? 'WARN' : 'PASS';
      lines.push(`| ${r.repo} | ${r.branch} | ${status}${r.applied ? ' (fixed)' : ''} | ${[...r.fails, ...r.warns].join(', ')} |`);
    }
    fs.writeFileSync('protection-audit.md', `${lines.join('\n')}\n`);
  }
  const failing = results.filter((r) => r.fails.length).length;
  console.log(`${results.length} repos audited, ${failing} failing. See protection-audit.md`);
}

main().catch((e) => { console.error(e.message); process.exit(1); });

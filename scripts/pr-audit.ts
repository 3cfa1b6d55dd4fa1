/**
 * Pull-request audit (runs with no secrets and a read-only token): audits the registry entries a pull
 * request adds or changes, and writes the report the trusted reporting job posts back:
 *   <out>/summary.json   outcomes (stable JSON)
 *   <out>/comment.md     the PR comment
 *   <out>/results.sarif  scanner findings for code scanning
 * Usage: node scripts/pr-audit.ts --base <git rev> [--registry registry] [--out audit-report]
 * Exit 1 when an entry is refused or invalid.
 */
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileAtomic, writeJsonAtomic } from '../core/index.ts';
import { buildRegistry } from '../pipeline/index.ts';
import { formatPullRequestComment } from '../pipeline/report/index.ts';
import { toSarif } from '../scanner/index.ts';

const { values } = parseArgs({ options: { base: { type: 'string' }, registry: { type: 'string' }, out: { type: 'string' }, cache: { type: 'string' } }, strict: true });
const root = resolve(import.meta.dirname, '..');
const registryDir = resolve(values.registry ?? join(root, 'registry'));
const outDir = resolve(values.out ?? 'audit-report');
const base = values.base ?? 'origin/main';

// Entry files changed between the base and the work tree (added, copied, modified, renamed).
const changed = execFileSync('git', ['-c', 'core.hooksPath=/dev/null', 'diff', '--name-only', '--diff-filter=ACMR', base, '--', relative(root, registryDir) || '.'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((line) => /\/skills\/[^/]+\/[^/]+\.ya?ml$/.test(`/${line}`))
  .map((line) => relative(registryDir, join(root, line)));

const summary = await buildRegistry({
  registryDir,
  outDir: join(outDir, 'unused'),
  cacheDir: resolve(values.cache ?? join(root, '.cache', 'pipeline')),
  only: new Set(changed),
  dryRunOnly: true,
  log: (line) => process.stdout.write(`${line}\n`),
});
await mkdir(outDir, { recursive: true });
await writeJsonAtomic(join(outDir, 'summary.json'), { changed, outcomes: summary.outcomes });
await writeFileAtomic(join(outDir, 'comment.md'), formatPullRequestComment(summary));
const reports = summary.outcomes.flatMap((outcome) => (outcome.report ? [{ dir: `registry/${outcome.file}`, report: outcome.report.scan }] : []));
await writeJsonAtomic(join(outDir, 'results.sarif'), toSarif(reports));
const bad = summary.outcomes.filter((outcome) => outcome.status !== 'published');
process.stdout.write(`\n${changed.length} changed entr${changed.length === 1 ? 'y' : 'ies'}; ${bad.length} refused or invalid. Report in ${outDir}\n`);
process.exitCode = bad.length === 0 ? 0 : 1;

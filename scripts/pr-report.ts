/**
 * Posts a pull-request audit report (made by scripts/pr-audit.ts in the untrusted job) back to the
 * pull request: one updated comment and a commit status. Runs in the trusted `workflow_run` job on
 * the default branch's code; it reads the report as data only.
 * Usage: GITHUB_TOKEN=… node scripts/pr-report.ts --report audit-report --repo owner/name --pr N --sha HEAD_SHA [--details-url URL]
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { githubClient, reportToPullRequest } from '../pipeline/report/index.ts';
import type { EntryOutcome } from '../pipeline/index.ts';

const { values } = parseArgs({ options: { report: { type: 'string' }, repo: { type: 'string' }, pr: { type: 'string' }, sha: { type: 'string' }, 'details-url': { type: 'string' }, 'api-url': { type: 'string' } }, strict: true });
const token = process.env.GITHUB_TOKEN;
if (!token || !values.repo || !values.pr || !values.sha) {
  process.stderr.write('Usage: GITHUB_TOKEN=… node scripts/pr-report.ts --report DIR --repo owner/name --pr N --sha SHA\n');
  process.exit(2);
}
const [owner, repo] = values.repo.split('/');
const pullNumber = Number(values.pr);
if (!owner || !repo || !Number.isInteger(pullNumber) || !/^[0-9a-f]{40}$/.test(values.sha)) {
  process.stderr.write('--repo must be owner/name, --pr a number and --sha a 40-hex commit id.\n');
  process.exit(2);
}
const summary = JSON.parse(await readFile(join(values.report ?? 'audit-report', 'summary.json'), 'utf8')) as { outcomes: EntryOutcome[] };
const result = await reportToPullRequest(githubClient(token, values['api-url'] ?? process.env.GITHUB_API_URL), { owner, repo, pullNumber, headSha: values.sha }, summary, values['details-url']);
process.stdout.write(`Comment ${result.commentId} updated; status ${result.state}.\n`);

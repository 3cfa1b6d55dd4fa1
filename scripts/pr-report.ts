/**
 * Posts a pull-request audit report (made by scripts/pr-audit.ts in the untrusted job) back to the
 * pull request: one updated comment and a commit status. Runs in the trusted `workflow_run` job on
 * the default branch's code. The commit comes from the event; the pull request is looked up from it;
 * the report is validated against its schema and used as data only.
 * Usage: GITHUB_TOKEN=… node scripts/pr-report.ts --report audit-report --repo owner/name --sha HEAD_SHA [--details-url URL]
 * Writes `pr=<number>` to $GITHUB_OUTPUT when set.
 */
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PullRequestReportSchema, findPullRequest, githubClient, reportToPullRequest } from '../pipeline/report/index.ts';

const { values } = parseArgs({ options: { report: { type: 'string' }, repo: { type: 'string' }, sha: { type: 'string' }, 'details-url': { type: 'string' }, 'api-url': { type: 'string' } }, strict: true });
const token = process.env.GITHUB_TOKEN;
const [owner, repo] = (values.repo ?? '').split('/');
if (!token || !owner || !repo || !values.sha || !/^[0-9a-f]{40}$/.test(values.sha)) {
  process.stderr.write('Usage: GITHUB_TOKEN=… node scripts/pr-report.ts --report DIR --repo owner/name --sha <40-hex head commit>\n');
  process.exit(2);
}
const file = join(values.report ?? 'audit-report', 'summary.json');
const parsed = PullRequestReportSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
if (!parsed.success) {
  process.stderr.write(`${file} is not a valid audit report: ${parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}\n`);
  process.exit(1);
}
const octokit = githubClient(token, values['api-url'] ?? process.env.GITHUB_API_URL);
const pullNumber = await findPullRequest(octokit, owner, repo, values.sha);
if (pullNumber === undefined) {
  process.stderr.write(`No open pull request has head ${values.sha}; nothing to report.\n`);
  process.exit(0);
}
const result = await reportToPullRequest(octokit, { owner, repo, pullNumber, headSha: values.sha }, parsed.data, values['details-url']);
if (process.env.GITHUB_OUTPUT) await appendFile(process.env.GITHUB_OUTPUT, `pr=${pullNumber}\n`);
process.stdout.write(`Pull request #${pullNumber}: comment ${result.commentId} updated; status ${result.state}.\n`);

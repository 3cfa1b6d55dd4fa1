/**
 * Reporting back to a pull request: one comment kept up to date (found again by a hidden marker) and
 * a commit status, through octokit. Runs in the trusted `workflow_run` job, never in the job that
 * touches pull-request code.
 */
import { Octokit } from 'octokit';
import { placeOf } from '../../core/index.ts';
import { z } from 'zod';
import { AuditReportSchema, DigestSchema, IssueSchema, TrustSchema, VerdictSchema } from '../../schemas/index.ts';
import type { BuildSummary, EntryOutcome } from '../pipeline.ts';

/**
 * The report a pull-request audit hands to the reporting job (`summary.json`). It comes from a job
 * that ran with pull-request data, so the reporting job validates it before using any of it.
 */
export const PullRequestReportSchema = z.strictObject({
  /** Entry files the pull request changed, relative to the registry folder. */
  changed: z.array(z.string().regex(/^skills\/[a-z0-9-]+\/[a-z0-9-]+\.ya?ml$/)),
  /** One outcome per audited entry. */
  outcomes: z.array(
    z.strictObject({
      /** Entry file, relative to the registry folder. */
      file: z.string().regex(/^skills\/[^/\s]+\/[^/\s]+\.ya?ml$/),
      /** `publisher/name`. */
      id: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/).optional(),
      /** What happened. */
      status: z.enum(['published', 'refused', 'invalid']),
      /** Whether the audit came from the cache. */
      cached: z.boolean(),
      /** Entry version. */
      version: z.string().max(64).optional(),
      /** Tree digest. */
      digest: DigestSchema.optional(),
      /** Verdict. */
      verdict: VerdictSchema.optional(),
      /** Trust level. */
      trust: TrustSchema.nullable().optional(),
      /** Reasons. */
      reasons: z.array(z.string().max(2000)).max(200),
      /** Validation issues. */
      issues: z.array(IssueSchema).max(200),
      /** The full audit. */
      report: AuditReportSchema.optional(),
    }),
  ),
});

/** Marks the registry's comment so later runs update it instead of adding another. */
export const COMMENT_MARKER = '<!-- skill-registry-audit -->';

/** Context name of the commit status. */
export const STATUS_CONTEXT = 'skill-registry/audit';

const ICONS: Record<EntryOutcome['status'], string> = { published: '✅', refused: '⛔', invalid: '⚠️' };

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('`', "'").replaceAll('@', '@\u200b');
}

/** The pull-request comment: a table of entries, then every finding with file:line and the fix. */
export function formatPullRequestComment(summary: Pick<BuildSummary, 'outcomes'>): string {
  const lines = [COMMENT_MARKER, '## skill-registry audit', ''];
  if (summary.outcomes.length === 0) {
    lines.push('No registry entries changed in this pull request.');
    return `${lines.join('\n')}\n`;
  }
  lines.push('| | Entry | Version | Verdict | Digest |', '|---|---|---|---|---|');
  for (const outcome of summary.outcomes) {
    const verdict = outcome.status === 'invalid' ? 'invalid' : `${outcome.verdict}${outcome.trust ? ` (${outcome.trust})` : ''}`;
    lines.push(`| ${ICONS[outcome.status]} | \`${escapeCell(outcome.file)}\` | ${escapeCell(outcome.version ?? '')} | ${verdict} | ${outcome.digest ? `\`${outcome.digest.slice(0, 19)}…\`` : ''} |`);
  }
  for (const outcome of summary.outcomes) {
    lines.push('', `### ${ICONS[outcome.status]} ${escapeCell(outcome.id ?? outcome.file)}`);
    if (outcome.status === 'invalid') {
      lines.push('The entry or the skill is invalid. Fix each of these:', '');
      for (const issue of outcome.issues) lines.push(`- \`${issue.id}\` at \`${escapeCell(issue.path)}\`: ${escapeCell(issue.message)}`);
      continue;
    }
    lines.push('', ...outcome.reasons.map((reason) => `- ${escapeCell(reason)}`));
    const findings = (outcome.report?.scan.findings ?? []).filter((finding) => !finding.suppressed && finding.severity !== 'info');
    if (findings.length > 0) {
      lines.push('', '<details><summary>Findings</summary>', '', '| Rule | Severity | Where | What | How to fix |', '|---|---|---|---|---|');
      for (const finding of findings) {
        lines.push(`| \`${finding.ruleId}\` | ${finding.severity} | \`${escapeCell(placeOf(finding))}\` | ${escapeCell(finding.message)} | ${escapeCell(finding.fix)} |`);
      }
      lines.push('', '</details>');
    }
    const violations = outcome.report?.dryrun.violations ?? [];
    if (violations.length > 0) {
      lines.push('', '<details><summary>Dry-run violations</summary>', '');
      for (const violation of violations) lines.push(`- \`${violation.ruleId}\` (${violation.severity}): ${escapeCell(violation.message)}`);
      lines.push('', '</details>');
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Where to report. */
export interface PullRequestTarget {
  owner: string;
  repo: string;
  pullNumber: number;
  /** Head commit of the pull request, for the status. */
  headSha: string;
}

/** Posts (or updates) the comment and sets the commit status. */
export async function reportToPullRequest(octokit: Octokit, target: PullRequestTarget, summary: Pick<BuildSummary, 'outcomes'>, detailsUrl?: string): Promise<{ commentId: number; state: 'success' | 'failure' }> {
  const body = formatPullRequestComment(summary);
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner: target.owner, repo: target.repo, issue_number: target.pullNumber, per_page: 100 });
  const existing = comments.find((comment) => comment.body?.startsWith(COMMENT_MARKER));
  const commentId = existing
    ? (await octokit.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: existing.id, body })).data.id
    : (await octokit.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.pullNumber, body })).data.id;
  const bad = summary.outcomes.filter((outcome) => outcome.status !== 'published');
  const state = bad.length === 0 ? 'success' : 'failure';
  await octokit.rest.repos.createCommitStatus({
    owner: target.owner,
    repo: target.repo,
    sha: target.headSha,
    state,
    context: STATUS_CONTEXT,
    description: bad.length === 0 ? `${summary.outcomes.length} entr${summary.outcomes.length === 1 ? 'y' : 'ies'} passed the audit` : `${bad.length} entr${bad.length === 1 ? 'y' : 'ies'} refused or invalid`,
    target_url: detailsUrl,
  });
  return { commentId, state };
}

/** The open pull request whose head is `sha`, found through the API (never taken from an artifact). */
export async function findPullRequest(octokit: Octokit, owner: string, repo: string, sha: string): Promise<number | undefined> {
  const associated = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: sha });
  const match = associated.data.find((pull) => pull.head.sha === sha && pull.state === 'open');
  if (match) return match.number;
  // Pull requests from forks are not always associated with the commit: look through the open ones.
  const open = await octokit.paginate(octokit.rest.pulls.list, { owner, repo, state: 'open', per_page: 100 });
  return open.find((pull) => pull.head.sha === sha)?.number;
}

/** An octokit client for a token (and, in tests, a local API URL). */
export function githubClient(token: string, baseUrl?: string): Octokit {
  return new Octokit({ auth: token, ...(baseUrl ? { baseUrl } : {}), retry: { enabled: false }, throttle: { enabled: false } });
}

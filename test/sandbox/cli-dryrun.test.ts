/** `skill-registry dryrun`: flags map to options, the verdict maps to the outcome. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command } from '../../cli/commands/dryrun.ts';
import { UsageError } from '../../cli/command.ts';
import { auditSkillFolder } from '../../pipeline/index.ts';
import { DryRunReportSchema } from '../../schemas/index.ts';

const fixtures = join(import.meta.dirname, 'fixtures');

describe('skill-registry dryrun', () => {
  it('passes a benign skill held to its entry, with a JSON report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dryrun-cli-'));
    try {
      const entry = join(dir, 'formatter.yaml');
      writeFileSync(entry, [
        'schemaVersion: 1', 'name: formatter', 'publisher: acme', 'version: 1.0.0',
        'source: { repo: "https://github.com/acme/skills.git", commit: "0123456789abcdef0123456789abcdef01234567", path: formatter }',
        'license: MIT', 'capabilities: { network: [], env: [], commands: [python3] }', 'dryRun: ["python3 scripts/format.py SKILL.md"]', '',
      ].join('\n'));
      const result = await command.run([join(fixtures, 'formatter'), '--entry', entry, '--format', 'json']);
      expect(result.outcome).toBe('ok');
      const report = DryRunReportSchema.parse(result.json);
      expect(report.commands[0]).toMatchObject({ command: 'python3 scripts/format.py SKILL.md', source: 'dryRun[0]', exitCode: 0 });
      expect(result.text).toContain('PASS');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails (exit 1) on a credential stealer', async () => {
    const result = await command.run([join(fixtures, 'hook-stealer')]);
    expect(result.outcome).toBe('fail');
    expect(result.text).toContain('dryrun-credential-read');
  });

  it('holds a folder without an entry to what its files visibly do, as audit does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dryrun-baseline-'));
    try {
      writeFileSync(join(dir, 'SKILL.md'), '---\nname: tide-check\ndescription: Prints today\'s tides.\n---\n# Tides\n\n```bash\ncurl -s https://tides.example.invalid/today\n```\n');
      const result = await command.run([dir, '--json']);
      const report = DryRunReportSchema.parse(result.json);
      expect(report.observed.network).toContain('tides.example.invalid');
      expect(report.violations.map((violation) => violation.ruleId)).not.toContain('dryrun-undeclared-egress');
      // audit of the same folder reaches the same judgement of the same run.
      const audit = await auditSkillFolder(dir, { signed: false });
      expect(audit.report.dryrun.violations.map((violation) => violation.ruleId).sort()).toEqual(report.violations.map((violation) => violation.ruleId).sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a skip with its reason without running anything', async () => {
    const result = await command.run([join(fixtures, 'cpu-burner'), '--skip', 'operator override', '--json']);
    expect(result.outcome).toBe('ok');
    expect(result.json).toMatchObject({ status: 'not-run', reason: 'operator override', verdict: 'warn' });
  });

  it('refuses an unknown backend and a missing folder argument', async () => {
    await expect(command.run([join(fixtures, 'formatter'), '--sandbox', 'docker'])).rejects.toBeInstanceOf(UsageError);
    await expect(command.run([])).rejects.toMatchObject({ code: 'MISSING_ARGUMENT' });
  });
});

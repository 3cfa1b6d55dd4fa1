/** `skill-registry audit <dir|entry.yaml>`: validate, scan, dry run and decide, for one skill. */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SkillRegistryError } from '../../core/index.ts';
import { auditEntryFile, auditSkillFolder, EntryError, FetchError, type FolderAudit } from '../../pipeline/index.ts';
import { TRUST_WORDS } from '../../schemas/index.ts';
import { formatScanText } from '../../scanner/index.ts';
import { formatDryRunText } from '../../sandbox/index.ts';
import { UsageError, outputFormat, parseFlags, type Command } from '../command.ts';

const usage = `Usage: skill-registry audit <dir | entry.yaml> [--sandbox auto|gvisor|bubblewrap] [--skip-dry-run REASON] [--format text|json]

Audits one skill: validates SKILL.md, scans it, runs it in the sandbox with honeypot credentials,
compares what it did with what it declares, and decides pass, warn or fail.
Given an entry file (registry/skills/<publisher>/<name>.yaml) it first fetches the pinned source.
Exit 0 pass or warn, 1 fail (or invalid), 2 usage or environment error (e.g. no sandbox).`;

/** What `audit` prints: verdict, digest, reasons, then the scan and dry-run reports (`submit` prints it too). */
export function formatAudit(audit: Pick<FolderAudit, 'report'>, where: string): string {
  const { report } = audit;
  const lines = [
    // The catalog's words for trust ("Passed with warnings"), so a report and a skill page read alike.
    `${where}: ${report.verdict.toUpperCase()}${report.trust ? ` (${TRUST_WORDS[report.trust]})` : ''}`,
    `digest ${report.digest}`,
    '',
    'Why:',
    ...report.reasons.map((reason) => `  - ${reason}`),
    '',
    formatScanText(report.scan, where),
    '',
    formatDryRunText(report.dryrun),
  ];
  return lines.join('\n');
}

/** The audit command. */
export const command: Command = {
  name: 'audit',
  summary: 'validate, scan, dry run and decide for one skill',
  usage,
  async run(args) {
    const { values, positionals } = parseFlags(args, { sandbox: { type: 'string' }, 'skip-dry-run': { type: 'string' } }, usage);
    outputFormat(values, ['text', 'json']);
    if (positionals.length !== 1) throw new UsageError('MISSING_ARGUMENT', `Give one skill folder or entry file.\n\n${usage}`);
    const sandbox = (values.sandbox as string | undefined) ?? 'auto';
    if (!['auto', 'gvisor', 'bubblewrap'].includes(sandbox)) throw new UsageError('BAD_FLAG', `--sandbox ${sandbox} is not a sandbox. Use auto, gvisor or bubblewrap.`);
    const target = resolve(positionals[0]);
    const isFile = await stat(target).then((s) => s.isFile(), () => {
      throw new UsageError('BAD_ARGUMENT', `${positionals[0]} does not exist. Give a skill folder or an entry file.`);
    });
    const options = { sandbox: sandbox as 'auto' | 'gvisor' | 'bubblewrap', skipDryRun: values['skip-dry-run'] as string | undefined, signed: false };
    try {
      const audit = isFile ? await auditEntryFile(target, options) : await auditSkillFolder(target, options);
      return { outcome: audit.report.verdict === 'fail' ? 'fail' : 'ok', text: formatAudit(audit, positionals[0]), json: { ...audit.report, description: audit.description } };
    } catch (error) {
      if (error instanceof EntryError || error instanceof FetchError) {
        const issues = error instanceof EntryError ? error.issues : [{ id: `fetch-${error.code.toLowerCase().replaceAll('_', '-')}`, path: error.where ?? 'source', severity: 'high' as const, message: error.message }];
        return {
          outcome: 'fail',
          text: `${positionals[0]}: INVALID\n${issues.map((issue) => `  - [${issue.id}] ${issue.path}: ${issue.message}`).join('\n')}`,
          json: { verdict: 'fail', invalid: true, issues },
        };
      }
      if (error instanceof SkillRegistryError) throw new UsageError('ENVIRONMENT', `${error.message}`);
      throw error;
    }
  },
};

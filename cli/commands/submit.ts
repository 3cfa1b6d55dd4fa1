/** `skill-registry submit <dir>`: audit a skill as the registry will and write its registry entry. */
import { relative } from 'node:path';
import { EntryError, FetchError, submitSkill, type Submission } from '../../pipeline/index.ts';
import { capabilityLines } from '../capabilities.ts';
import { UsageError, outputFormat, parseFlags, type Command, type CommandResult } from '../command.ts';
import { formatAudit } from './audit.ts';

const usage = `Usage: skill-registry submit <dir> [options]

Drafts the registry entry for the skill in <dir>, a folder in a git repository, from what its files and
an audit say:
  name, description   from SKILL.md
  source              the repository's remote (origin), HEAD and the folder's path in the repository
  publisher           the owner in the remote URL (github.com/acme/… → acme)
  version, license    from SKILL.md (version 0.1.0 when it has none)
  capabilities        what the audit inferred from the files and observed in the sandbox
It refuses a folder with uncommitted changes: the registry audits the commit, so submit audits the
committed files too, fetched the way the registry fetches them, then audits them again held to the
drafted entry: the verdict it prints is the one the pull request will get (without the registry's
suppressions and signature). The entry is checked against the entry schema and written atomically;
an existing file is never replaced without --force.

Options:
  --repo URL            source.repo instead of the git remote (required, with --commit, outside git)
  --commit SHA          source.commit (40 hex) instead of HEAD
  --path P              source.path, only for a folder that is not in a git repository
  --publisher P         publisher instead of the owner in the repository URL
  --version V           version instead of SKILL.md's
  --license SPDX        license instead of SKILL.md's
  --out FILE            where to write the entry (default: registry/skills/<publisher>/<name>.yaml
                        when the working folder is a registry checkout, else ./<name>.yaml)
  --force               replace FILE when it exists (a new version is a new revision of the entry)
  --sandbox auto|gvisor|bubblewrap   dry-run backend (default auto)
  --skip-dry-run REASON skip the dry run; the report says so and the skill cannot be Verified
  --json                print the result as JSON

Exit codes: 0 written (audit pass or warn), 1 written but the audit fails, or the skill or entry is
invalid (nothing written), 2 usage or environment error (nothing written).`;

function text(submission: Submission, cwd: string): string {
  const { entry, source } = submission;
  const shown = relative(cwd, submission.path) || submission.path;
  const lines = [
    `Audited ${entry.publisher}/${entry.name} ${entry.version} from ${source.repo} at ${source.commit.slice(0, 12)} (${source.path}), the files the registry will fetch.`,
    '',
    formatAudit(submission.audit, `${entry.publisher}/${entry.name}`),
    '',
    `Wrote ${shown}, with the capabilities the audit saw the skill use:`,
    ...capabilityLines(entry.capabilities),
  ];
  if (submission.notes.length > 0) lines.push('', 'Check:', ...submission.notes.map((note) => `  - ${note}`));
  lines.push('', 'Next:', ...submission.next.map((step, index) => `  ${index + 1}. ${step}`));
  return lines.join('\n');
}

/** Every issue of an invalid skill or entry, or a fetch that failed, as the audit command shows them. */
function invalid(error: EntryError | FetchError, where: string): CommandResult {
  const issues = error instanceof EntryError ? error.issues : [{ id: `fetch-${error.code.toLowerCase().replaceAll('_', '-')}`, path: error.where ?? 'source', severity: 'high' as const, message: error.message }];
  return {
    outcome: 'fail',
    text: `${where}: INVALID, nothing written\n${issues.map((issue) => `  - [${issue.id}] ${issue.path}: ${issue.message}`).join('\n')}`,
    json: { written: false, invalid: true, issues },
  };
}

/** The submit command. */
export const command: Command = {
  name: 'submit',
  summary: 'audit a skill in a git repository and write its registry entry',
  usage,
  async run(args) {
    const { values, positionals } = parseFlags(
      args,
      {
        repo: { type: 'string' },
        commit: { type: 'string' },
        path: { type: 'string' },
        publisher: { type: 'string' },
        version: { type: 'string' },
        license: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean' },
        sandbox: { type: 'string' },
        'skip-dry-run': { type: 'string' },
      },
      usage,
    );
    outputFormat(values, ['text', 'json']);
    if (positionals.length !== 1) throw new UsageError('MISSING_ARGUMENT', `Give one skill folder.\n\n${usage}`);
    const sandbox = (values.sandbox as string | undefined) ?? 'auto';
    if (!['auto', 'gvisor', 'bubblewrap'].includes(sandbox)) throw new UsageError('BAD_FLAG', `--sandbox ${sandbox} is not a sandbox. Use auto, gvisor or bubblewrap.`);
    const cwd = process.cwd();
    try {
      const submission = await submitSkill(positionals[0], {
        repo: values.repo as string | undefined,
        commit: values.commit as string | undefined,
        path: values.path as string | undefined,
        publisher: values.publisher as string | undefined,
        version: values.version as string | undefined,
        license: values.license as string | undefined,
        out: values.out as string | undefined,
        force: values.force === true,
        sandbox: sandbox as 'auto' | 'gvisor' | 'bubblewrap',
        skipDryRun: values['skip-dry-run'] as string | undefined,
        cwd,
      });
      const { audit, ...rest } = submission;
      return {
        outcome: audit.report.verdict === 'fail' ? 'fail' : 'ok',
        text: text(submission, cwd),
        json: { written: true, ...rest, audit: { ...audit.report, description: audit.description } },
      };
    } catch (error) {
      if (error instanceof EntryError || error instanceof FetchError) return invalid(error, positionals[0]);
      // A SubmitError (a source that cannot be pinned, an output refused) or no sandbox: cli/main.ts prints
      // its code and message, which says what to change, and exits 2. Nothing was written.
      throw error;
    }
  },
};

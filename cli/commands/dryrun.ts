/** `skill-registry dryrun <dir>`: runs the skill in the sandbox and reports what it did. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { folderBaseline } from '../../pipeline/index.ts';
import { EntrySchema, describeZodError, type Capabilities } from '../../schemas/index.ts';
import { dryRunSkill, formatDryRunText } from '../../sandbox/index.ts';
import { UsageError, outputFormat, parseFlags, type Command } from '../command.ts';

const usage = `Usage: skill-registry dryrun <dir> [--entry entry.yaml] [--sandbox auto|gvisor|bubblewrap] [--skip REASON] [--format text|json]

Runs what the skill would run (its dryRun commands, SKILL.md commands, scripts, install scripts and hooks)
inside gVisor or bubblewrap, in a honeypot HOME behind a network sinkhole, and compares what it did with
the capabilities the entry declares (--entry; without it, with what its files visibly do: the hosts,
commands and written paths they name, as \`audit\` does).
--skip REASON does not run anything and reports the reason (such a skill is never Verified).
Exit 1 when the dry run fails, 2 when no sandbox is usable here.`;

/** Reads an entry's capabilities and dryRun commands. */
async function readEntry(path: string): Promise<{ declared: Capabilities; commands: string[] }> {
  let raw: unknown;
  try {
    raw = parseYaml(await readFile(path, 'utf8'));
  } catch (error) {
    throw new UsageError('BAD_ARGUMENT', `Cannot read the entry ${path}: ${(error as Error).message}. Give the path of a registry entry YAML file.`);
  }
  const parsed = EntrySchema.safeParse(raw);
  if (!parsed.success) {
    throw new UsageError('BAD_ARGUMENT', `The entry ${path} is not valid: ${describeZodError(parsed.error, 'entry')}. Fix the entry (see docs on registry entries) and run again.`);
  }
  return { declared: parsed.data.capabilities, commands: parsed.data.dryRun };
}

/** The dryrun command. */
export const command: Command = {
  name: 'dryrun',
  summary: 'run the skill in the sandbox and report what it did',
  usage,
  async run(args) {
    const { values, positionals } = parseFlags(args, { entry: { type: 'string' }, sandbox: { type: 'string' }, skip: { type: 'string' } }, usage);
    outputFormat(values, ['text', 'json']);
    if (positionals.length !== 1) throw new UsageError('MISSING_ARGUMENT', `Give exactly one skill folder.\n\n${usage}`);
    const sandbox = (values.sandbox as string | undefined) ?? 'auto';
    if (!['auto', 'gvisor', 'bubblewrap'].includes(sandbox)) {
      throw new UsageError('BAD_FLAG', `--sandbox ${sandbox} is not a backend. Use auto, gvisor or bubblewrap.`);
    }
    // Without an entry the skill is held to what its files visibly do, the baseline `audit` uses.
    const entry = typeof values.entry === 'string' ? await readEntry(resolve(values.entry)) : { declared: await folderBaseline(resolve(positionals[0])), commands: [] };
    const report = await dryRunSkill(resolve(positionals[0]), {
      declared: entry.declared,
      commands: entry.commands,
      sandbox: sandbox as 'auto' | 'gvisor' | 'bubblewrap',
      skip: typeof values.skip === 'string' ? values.skip : undefined,
    });
    return { outcome: report.verdict === 'fail' ? 'fail' : 'ok', text: formatDryRunText(report), json: report };
  },
};

/** `skill-registry update [name]`: move installed skills to their newest audited version, showing what changes first. */
import { CLIENT_FLAGS, CLIENT_FLAGS_USAGE, LOCKFILE_NAME, clientOptions, skillLabel, skillsDirectory, updateSkills, type SkillUpdate, type UpdateReport } from '../../client/index.ts';
import { updatePreviewLines } from '../capabilities.ts';
import { UsageError, outputFormat, parseFlags, type Command } from '../command.ts';
import { consent } from '../confirm.ts';

const usage = `Usage: skill-registry update [<name | publisher/name>…] [options]

Moves installed skills (every one in ${LOCKFILE_NAME}, or the ones named) to the newest audited
version that is not revoked, from the registry each was installed from. For each, it first shows how
the capabilities change (network, files, env, commands added or removed) and the warnings the new
version has that the installed one did not, then asks. The new files go through the same checks as
install. A skill whose installed files were edited is left alone (the edited files are named) unless
--force.

Options:
  --dir DIR            update the skills in DIR (default: .claude/skills of the current project)
  --global             update the skills in ~/.claude/skills
  --yes, -y            update without asking (needed when standard input is not a terminal)
  --force              replace installed files even when they were edited (the edits are lost)
${CLIENT_FLAGS_USAGE}
                       (--registry updates from that registry instead of the one in the lockfile)
  --json               print the result as JSON

Exit codes: 0 every skill updated or up to date, 1 one was refused, not confirmed or did not verify,
2 usage error, or no terminal to confirm on and no --yes.`;

const MARKS: Record<SkillUpdate['status'], string> = { updated: '✓', 'up-to-date': '✓', edited: '✗', declined: '-', failed: '✗', missing: '✗', unknown: '?' };

/** The update report as text: what changes, per skill, then what happened to it. */
function formatUpdates(report: UpdateReport, heading: string, shownOnTerminal: boolean): string {
  const lines = [heading, ''];
  if (report.updates.length === 0) lines.push(`No skills are recorded in ${report.lockfile}: install skills with skill-registry install first.`);
  for (const update of report.updates) {
    // What changes goes in the output unless the question on the terminal just showed it.
    if (update.preview && !shownOnTerminal) lines.push(...updatePreviewLines(update.preview));
    lines.push(`  ${MARKS[update.status]} ${update.status.padEnd(10)}  ${update.message}`);
  }
  const counts = new Map<string, number>();
  for (const update of report.updates) counts.set(update.status, (counts.get(update.status) ?? 0) + 1);
  if (report.updates.length > 0) lines.push('', `${[...counts].map(([status, count]) => `${count} ${status}`).join(', ')}.`);
  return lines.join('\n');
}

/** The update command. */
export const command: Command = {
  name: 'update',
  summary: 'move installed skills to their newest audited version',
  usage,
  async run(args) {
    const { values, positionals } = parseFlags(args, { ...CLIENT_FLAGS, dir: { type: 'string' }, global: { type: 'boolean' }, force: { type: 'boolean' }, yes: { type: 'boolean', short: 'y' } }, usage);
    outputFormat(values, ['text', 'json']);
    if (values.dir !== undefined && values.global === true) throw new UsageError('BAD_FLAG', 'Give --dir or --global, not both.');
    const options = await clientOptions(values);
    if (typeof options === 'string') throw new UsageError('BAD_FLAG', options);
    const directory = skillsDirectory({ dir: values.dir as string | undefined, global: values.global === true });
    const answer = consent(values.yes === true);
    const registry = values.registry === undefined ? undefined : options.registry;
    const report = await updateSkills({
      ...options,
      registry,
      directory,
      names: positionals,
      force: values.force === true,
      confirm: (preview) => answer.confirm(updatePreviewLines(preview).join('\n'), `Update ${skillLabel(preview.from)} to ${preview.skill.version}?`),
    });
    if (answer.neededYes) {
      for (const update of report.updates.filter((candidate) => candidate.status === 'declined')) {
        update.message = `Not updated: standard input is not a terminal, so nobody could confirm the update to ${update.to?.version}. Read what changes above, then run the command again with --yes.`;
        update.code = 'NEEDS_YES';
      }
    }
    const heading = `Updating the skills in ${directory} from ${registry ? registry.location : 'the registries they were installed from'}`;
    const settled = report.updates.every((update) => update.status === 'updated' || update.status === 'up-to-date');
    const outcome = settled ? 'ok' : answer.neededYes ? 'usage' : 'fail';
    return { outcome, text: formatUpdates(report, heading, answer.asked), json: { ...report, registry: registry?.location ?? null } };
  },
};

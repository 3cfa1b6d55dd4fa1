/** `skill-registry install <publisher/name[@version] | name>`: download, verify, then move into place. */
import { CLIENT_FLAGS, CLIENT_FLAGS_USAGE, clientOptions, formatVerification, installSkill, skillsDirectory } from '../../client/index.ts';
import { UsageError, outputFormat, parseFlags, type Command } from '../command.ts';

const usage = `Usage: skill-registry install <publisher/name[@version] | name> [options]

Downloads the audited files of a skill, verifies them exactly as \`verify\` does (archive hash,
digest, record, signed attestation, revocation list), and only then moves them into place. Failed,
revoked or tampered skills are refused. Nothing from the skill is run.

Options:
  --dir DIR            install into DIR/<name> (default: .claude/skills of the current project)
  --global             install into ~/.claude/skills
  --force              replace a folder of the same name that is not an install of this skill
${CLIENT_FLAGS_USAGE}
  --json               print the result as JSON`;

/** The install command. */
export const command: Command = {
  name: 'install',
  summary: 'install a verified skill',
  usage,
  async run(args) {
    const { values, positionals } = parseFlags(args, { ...CLIENT_FLAGS, dir: { type: 'string' }, global: { type: 'boolean' }, force: { type: 'boolean' } }, usage);
    outputFormat(values, ['text', 'json']);
    if (positionals.length !== 1) throw new UsageError('MISSING_ARGUMENT', `Give exactly one skill.\n\n${usage}`);
    if (values.dir !== undefined && values.global === true) throw new UsageError('BAD_FLAG', 'Give --dir or --global, not both.');
    const options = await clientOptions(values);
    if (typeof options === 'string') throw new UsageError('BAD_FLAG', options);
    const directory = skillsDirectory({ dir: values.dir as string | undefined, global: values.global === true });
    const result = await installSkill(positionals[0], { ...options, directory, force: values.force === true });
    const heading = `Installing ${positionals[0]}${result.skill ? ` (${result.skill.publisher}/${result.skill.name}@${result.skill.version}, ${result.skill.digest})` : ''} from ${options.registry.location}`;
    const outcome = result.installed ? 'ok' : result.verification.error?.code === 'UNREACHABLE' ? 'usage' : 'fail';
    return { outcome, text: formatVerification(result.verification, heading), json: { ...result, registry: options.registry.location } };
  },
};

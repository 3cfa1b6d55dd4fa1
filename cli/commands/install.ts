/** `skill-registry install <publisher/name[@version] | name>`: download, verify, show what it can do, ask, then move into place. */
import { CLIENT_FLAGS, CLIENT_FLAGS_USAGE, clientOptions, formatVerification, installSkill, skillLabel, skillsDirectory } from '../../client/index.ts';
import { previewLines } from '../capabilities.ts';
import { UsageError, outputFormat, parseFlags, type Command } from '../command.ts';
import { consent } from '../confirm.ts';

const usage = `Usage: skill-registry install <publisher/name[@version] | name> [options]

Downloads the audited files of a skill, verifies them exactly as \`verify\` does (archive hash,
digest, record, signed attestation, revocation list), shows what the skill can do (network, files,
env, commands) and the audit's warnings, asks, and only then moves it into place and records it in
skill-registry.lock.json in the skills folder. Failed, revoked or tampered skills are refused. Nothing
from the skill is run.

Options:
  --dir DIR            install into DIR/<name> (default: .claude/skills of the current project)
  --global             install into ~/.claude/skills
  --yes, -y            install without asking (needed when standard input is not a terminal)
  --force              replace a folder of the same name that is not an untouched install of this skill
${CLIENT_FLAGS_USAGE}
  --json               print the result as JSON

Exit codes: 0 installed, 1 refused or not confirmed, 2 usage error, registry unreachable, or no
terminal to confirm on and no --yes.`;

/** The install command. */
export const command: Command = {
  name: 'install',
  summary: 'install a verified skill',
  usage,
  async run(args) {
    const { values, positionals } = parseFlags(args, { ...CLIENT_FLAGS, dir: { type: 'string' }, global: { type: 'boolean' }, force: { type: 'boolean' }, yes: { type: 'boolean', short: 'y' } }, usage);
    outputFormat(values, ['text', 'json']);
    if (positionals.length !== 1) throw new UsageError('MISSING_ARGUMENT', `Give exactly one skill.\n\n${usage}`);
    if (values.dir !== undefined && values.global === true) throw new UsageError('BAD_FLAG', 'Give --dir or --global, not both.');
    const options = await clientOptions(values);
    if (typeof options === 'string') throw new UsageError('BAD_FLAG', options);
    const directory = skillsDirectory({ dir: values.dir as string | undefined, global: values.global === true });
    const answer = consent(values.yes === true);
    const result = await installSkill(positionals[0], {
      ...options,
      directory,
      force: values.force === true,
      confirm: (preview) => answer.confirm(previewLines(preview).join('\n'), `Install ${skillLabel(preview.skill)} into ${preview.destination}${preview.replaces ? ' (replacing the installed one)' : ''}?`),
    });
    const { verification, preview } = result;
    let refusal: { code: 'NEEDS_YES' | 'DECLINED'; message: string } | undefined;
    if (result.declined && preview) {
      const label = skillLabel(preview.skill);
      refusal = answer.neededYes
        ? { code: 'NEEDS_YES', message: `NOT INSTALLED: ${label} verified, but standard input is not a terminal, so nobody could confirm the install. Read what it can do above, then run the command again with --yes to install it.` }
        : { code: 'DECLINED', message: `NOT INSTALLED: you did not confirm the install of ${label}. Nothing was changed.` };
      verification.summary = refusal.message;
    }
    const heading = `Installing ${positionals[0]}${result.skill ? ` (${result.skill.publisher}/${result.skill.name}@${result.skill.version}, ${result.skill.digest})` : ''} from ${options.registry.location}`;
    // What the skill can do goes in the output unless the question on the terminal just showed it.
    const details = preview && !answer.asked ? previewLines(preview) : [];
    const outcome = result.installed ? 'ok' : refusal?.code === 'NEEDS_YES' || verification.error?.code === 'UNREACHABLE' ? 'usage' : 'fail';
    return { outcome, text: formatVerification(verification, heading, details), json: { ...result, ...(refusal ? { refusal } : {}), registry: options.registry.location } };
  },
};

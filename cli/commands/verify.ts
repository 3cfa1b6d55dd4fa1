/**
 * `skill-registry verify <sha256:hex | hex | dir>`: prove files are the audited ones, signed and not revoked.
 * `skill-registry verify --installed`: the same for every installed skill, held to the lockfile.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseSha256 } from '../../core/index.ts';
import {
  CLIENT_FLAGS,
  CLIENT_FLAGS_USAGE,
  LOCKFILE_NAME,
  clientOptions,
  formatVerification,
  skillsDirectory,
  verifyInstalled,
  verifySkill,
  type InstalledReport,
  type InstalledSkillCheck,
} from '../../client/index.ts';
import { UsageError, outputFormat, parseFlags, type Command, type CommandResult } from '../command.ts';

const usage = `Usage: skill-registry verify <sha256:hex | hex | dir> [options]
       skill-registry verify --installed [--global | --dir DIR] [options]

Checks, in order: (1) for a folder, that its files are exactly the audited ones (and which files
differ when not); (2) the registry's record for the digest; (3) the signed audit attestation, its
signer pinned to the registry's key or publishing workflow; (4) the signed revocation list.

With --installed, checks every installed skill the same way, its files held to the digest recorded in
${LOCKFILE_NAME} when it was installed, against the registry it was installed from, and says which are
fine, changed (naming the files), revoked (with the reason), unknown (a folder the lockfile does not
list, or a skill no longer published), missing (locked, folder gone) or failed (could not be checked).
By default it checks the project's .claude/skills and ~/.claude/skills, both of which an agent loads.

Options:
  --installed          check every installed skill against its lockfile
  --global             with --installed: only ~/.claude/skills
  --dir DIR            with --installed: only the skills folder DIR
${CLIENT_FLAGS_USAGE}
                       (with --installed, --registry checks every skill against that registry
                       instead of the one recorded in the lockfile)
  --json               print the full report as JSON

Exit codes: 0 verified (with --installed: every skill fine), 1 not verified, 2 usage error or
registry unreachable.`;

const MARKS: Record<InstalledSkillCheck['status'], string> = { fine: '✓', changed: '✗', revoked: '✗', missing: '✗', failed: '✗', unknown: '?' };

/** The --installed report as text: one block per skills folder, one line per skill, then the conclusion. */
export function formatInstalled(report: InstalledReport, heading: string): string {
  const lines = [heading];
  for (const folder of report.folders) {
    lines.push('', `${folder.directory}${folder.hasLockfile ? '' : ` (no ${LOCKFILE_NAME})`}`);
    if (folder.skills.length === 0) lines.push('  no installed skills');
    const width = Math.max(0, ...folder.skills.map((skill) => skill.name.length));
    for (const skill of folder.skills) {
      lines.push(`  ${MARKS[skill.status]} ${skill.status.padEnd(7)}  ${skill.name.padEnd(width)}  ${skill.message}`);
      for (const warning of skill.warnings) lines.push(`    ! ${warning}`);
    }
  }
  lines.push('', report.summary);
  return lines.join('\n');
}

async function verifyInstalledCommand(values: Record<string, unknown>): Promise<CommandResult> {
  if (values.dir !== undefined && values.global === true) throw new UsageError('BAD_FLAG', 'Give --dir or --global, not both.');
  const options = await clientOptions(values);
  if (typeof options === 'string') throw new UsageError('BAD_FLAG', options);
  const directories =
    values.dir !== undefined ? [skillsDirectory({ dir: values.dir as string })] : values.global === true ? [skillsDirectory({ global: true })] : [skillsDirectory({}), skillsDirectory({ global: true })];
  const registry = values.registry === undefined ? undefined : options.registry;
  const report = await verifyInstalled(directories, { ...options, registry });
  const against = registry ? registry.location : 'the registries they were installed from';
  const heading = `Checking installed skills against ${LOCKFILE_NAME}, ${against} and the revocation lists`;
  const problems = report.folders.flatMap((folder) => folder.skills).filter((skill) => skill.status !== 'fine');
  const unreachable = problems.length > 0 && problems.every((skill) => skill.status === 'failed' && skill.code === 'UNREACHABLE');
  return { outcome: report.verified ? 'ok' : unreachable ? 'usage' : 'fail', text: formatInstalled(report, heading), json: { ...report, registry: registry?.location ?? null } };
}

/** The verify command. */
export const command: Command = {
  name: 'verify',
  summary: 'prove files are the audited ones and the attestation is genuine',
  usage,
  async run(args) {
    const { values, positionals } = parseFlags(args, { ...CLIENT_FLAGS, installed: { type: 'boolean' }, global: { type: 'boolean' }, dir: { type: 'string' } }, usage);
    outputFormat(values, ['text', 'json']);
    if (values.installed === true) {
      if (positionals.length > 0) throw new UsageError('BAD_ARGUMENT', `--installed checks every installed skill: give no digest or folder with it (or use --dir for another skills folder).\n\n${usage}`);
      return verifyInstalledCommand(values);
    }
    if (values.global === true || values.dir !== undefined) throw new UsageError('BAD_FLAG', `--global and --dir go with --installed.\n\n${usage}`);
    if (positionals.length !== 1) throw new UsageError('MISSING_ARGUMENT', `Give exactly one digest or folder, or --installed.\n\n${usage}`);
    const options = await clientOptions(values);
    if (typeof options === 'string') throw new UsageError('BAD_FLAG', options);
    const [subject] = positionals;
    const isFolder = (await stat(resolve(subject)).catch(() => undefined))?.isDirectory() ?? false;
    if (!isFolder && !parseSha256(subject)) {
      throw new UsageError('BAD_ARGUMENT', `${JSON.stringify(subject)} is neither a folder nor a digest. Give sha256:<64 hex>, 64 hex digits, or the path of a skill folder.`);
    }
    const report = await verifySkill(isFolder ? { dir: resolve(subject) } : { digest: subject }, options);
    const heading = `Verifying ${isFolder ? subject : report.digest} against ${options.registry.location}`;
    const outcome = report.verified ? 'ok' : report.error?.code === 'UNREACHABLE' ? 'usage' : 'fail';
    return { outcome, text: formatVerification(report, heading), json: { ...report, registry: options.registry.location } };
  },
};

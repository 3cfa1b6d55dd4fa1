/** `skill-registry info <name | publisher/name[@version]>`: what a published skill is, can do, and what its audit saw. */
import { RegistryClient, registryFlag, registryLocation, skillInfo, type SkillInfo } from '../../client/index.ts';
import { placeOf } from '../../core/index.ts';
import { badge, capabilityLines } from '../capabilities.ts';
import { UsageError, outputFormat, parseFlags, type Command } from '../command.ts';

const usage = `Usage: skill-registry info <name | publisher/name[@version]> [--registry URL|DIR] [--json]

Shows a published skill: version, digest, verdict and badge, capabilities, findings, dry run,
versions, and how to install it.`;

/** What `info` prints about a skill (the MCP server's `info` tool shows the same). */
export function formatInfo(info: SkillInfo, registry: string): string {
  const { entry, record, history } = info;
  const shown = record ?? entry;
  const lines = [`${entry.publisher}/${entry.name} ${shown.version}  [${badge(shown.trust)}]`, shown.description, ''];
  lines.push(`  digest      ${shown.digest}`, `  verdict     ${shown.verdict}, audited ${shown.auditedAt.slice(0, 10)}`, `  license     ${shown.license}`);
  if (record) {
    lines.push(`  source      ${record.source.repo} @ ${record.source.commit.slice(0, 12)} (${record.source.path})`);
    lines.push(...capabilityLines(record.capabilities.declared));
    const active = record.scan.findings.filter((finding) => !finding.suppressed);
    const bySeverity = new Map<string, number>();
    for (const finding of active) bySeverity.set(finding.severity, (bySeverity.get(finding.severity) ?? 0) + 1);
    lines.push(`  findings    ${active.length ? `${active.length} (${[...bySeverity].map(([severity, count]) => `${count} ${severity}`).join(', ')})` : 'none'}`);
    for (const finding of active.slice(0, 10)) lines.push(`              ${finding.severity} ${finding.ruleId} ${placeOf(finding)} ${finding.message}`);
    const dryrun = record.dryrun;
    lines.push(`  dry run     ${dryrun.status === 'ran' ? `ran in ${dryrun.sandbox ?? 'a sandbox'}: ${dryrun.commands} commands, ${dryrun.events} events, ${dryrun.violations.length} violations` : `not run${dryrun.reason ? ` (${dryrun.reason})` : ''}`}`);
    lines.push(`  contents    ${record.files.length} files, ${record.files.reduce((total, file) => total + file.size, 0)} bytes`);
    if (record.revoked) lines.push(`  REVOKED     ${record.revoked.date.slice(0, 10)}: ${record.revoked.reason}`);
  } else {
    lines.push(...capabilityLines(entry.capabilities));
  }
  if (history && history.versions.length > 1) {
    lines.push(`  versions    ${history.versions.map((version) => `${version.version}${version.trust === 'revoked' ? ' (revoked)' : ''}`).join(', ')}`);
  }
  const flag = registryFlag(registry);
  lines.push('', `Install: npx skill-registry install ${entry.publisher}/${entry.name}${flag}`, `Verify:  npx skill-registry verify ${shown.digest}${flag}`);
  return lines.join('\n');
}

/** The info command. */
export const command: Command = {
  name: 'info',
  summary: 'show a published skill',
  usage,
  async run(args) {
    const { values, positionals } = parseFlags(args, { registry: { type: 'string' } }, usage);
    outputFormat(values, ['text', 'json']);
    if (positionals.length !== 1) throw new UsageError('MISSING_ARGUMENT', `Give exactly one skill name.\n\n${usage}`);
    const registry = new RegistryClient(registryLocation(values.registry as string | undefined));
    const info = await skillInfo(registry, positionals[0]);
    return { outcome: 'ok', text: formatInfo(info, registry.location), json: { registry: registry.location, ...info } };
  },
};

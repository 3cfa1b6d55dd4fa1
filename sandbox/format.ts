/** Plain-text rendering of a dry-run report for the terminal. */
import type { DryRunReport } from '../schemas/index.ts';

/** The report as people read it: verdict, violations, then what ran and what it did. */
export function formatDryRunText(report: DryRunReport): string {
  const lines: string[] = [];
  if (report.status === 'not-run') {
    lines.push(`Dry run: NOT RUN (verdict ${report.verdict}): ${report.reason ?? 'skipped'}`);
    return lines.join('\n');
  }
  lines.push(`Dry run in ${report.sandbox} (network: ${String((report as { network?: string }).network ?? 'isolated')}): ${report.verdict.toUpperCase()} (${report.commands.length} commands, ${report.events.length} events, ${report.violations.length} violations)`);
  const note = (report as { networkNote?: string }).networkNote;
  if (note !== undefined) lines.push(`Note: ${note}`);
  if (report.unenforcedLimits !== undefined && report.unenforcedLimits.length > 0) {
    lines.push(`Not enforced: ${report.unenforcedLimits.join(', ')} limit. ${report.limitsNote ?? ''} A skill from this dry run cannot be Verified.`.trim());
  }
  if (report.violations.length > 0) {
    lines.push('', 'Violations:');
    for (const violation of report.violations) lines.push(`  ${violation.severity.padEnd(8)} ${violation.ruleId}: ${violation.message}`);
  }
  lines.push('', 'Commands:');
  for (const command of report.commands) {
    const status = (command as { skipped?: boolean }).skipped === true ? 'not run (skill wall time)' : command.timedOut ? 'killed' : `exit ${command.exitCode ?? 'killed'}`;
    lines.push(`  [${status}] ${command.command}  (${command.source})`);
    const invented = (command as { invented?: { placeholder: string; value: string }[] }).invented ?? [];
    if (invented.length > 0) lines.push(`      sample values: ${invented.map((item) => `${item.placeholder} = ${item.value}`).join(', ')}`);
    for (const event of report.events.filter((item) => item.command === command.command)) {
      const marks = [
        event.canary ? '[canary]' : '',
        (event as { found?: boolean }).found === false ? '[not installed]' : '',
        event.refused === true ? '[refused]' : '',
        event.missing === true ? '[does not exist]' : '',
        event.userChosen === true ? "[user's choice]" : '',
      ].filter(Boolean);
      lines.push(`      ${event.kind.padEnd(11)} ${event.target}${event.via === undefined ? '' : ` (through ${event.via})`}${marks.map((mark) => `  ${mark}`).join('')}`);
    }
  }
  if (report.transcriptDigest !== undefined) lines.push('', `Transcript: ${report.transcriptDigest}`);
  return lines.join('\n');
}

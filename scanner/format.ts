/** How a scan report is shown: plain text for people, SARIF 2.1.0 for code-scanning tools. */
import { posix } from 'node:path';
import { SEVERITIES, severityRank, type Severity } from '../core/index.ts';
import type { Finding, ScanReport } from '../schemas/index.ts';

function shortDigest(digest: string): string {
  return `${digest.slice(0, 19)}…`;
}

function counts(findings: readonly Finding[]): string {
  const active = findings.filter((finding) => !finding.suppressed);
  if (active.length === 0) return findings.length === 0 ? 'no findings' : `no active findings, ${findings.length} suppressed`;
  const parts = [...SEVERITIES].reverse().map((severity) => [severity, active.filter((finding) => finding.severity === severity).length] as const).filter(([, n]) => n > 0).map(([severity, n]) => `${n} ${severity}`);
  const suppressed = findings.length - active.length;
  return `${active.length} finding${active.length === 1 ? '' : 's'}: ${parts.join(', ')}${suppressed ? `; ${suppressed} suppressed` : ''}`;
}

/** The report as text: verdict, then each finding with where, what, evidence and fix, then capabilities. */
export function formatScanText(report: ScanReport, dir: string): string {
  const lines: string[] = [];
  lines.push(`scan ${dir}: ${report.verdict.toUpperCase()} (${counts(report.findings)})`);
  for (const finding of report.findings) {
    lines.push('');
    const where = finding.line > 0 ? `${finding.file}:${finding.line}` : finding.file;
    lines.push(`${finding.severity.toUpperCase().padEnd(8)} ${finding.ruleId}  ${where}  [${finding.kind}, ${finding.category}, ${finding.confidence} confidence]`);
    lines.push(`  ${finding.title}: ${finding.message}`);
    lines.push(`  evidence: ${finding.evidence}`);
    lines.push(`  fix: ${finding.fix}`);
    if (finding.suppressed) lines.push(`  suppressed until ${finding.suppressed.expires}: ${finding.suppressed.reason}`);
  }
  const inferred = report.inferred;
  const capabilityLines = [
    ['network', inferred.network],
    ['env', inferred.env],
    ['filesystem.read', inferred.filesystem.read],
    ['filesystem.write', inferred.filesystem.write],
    ['commands', inferred.commands],
  ] as const;
  lines.push('', 'Inferred capabilities:');
  for (const [name, values] of capabilityLines) lines.push(`  ${name}: ${values.length ? values.join(', ') : '(none)'}`);
  lines.push('', `scanner ${report.scanner.version}, ruleset ${shortDigest(report.scanner.rulesetDigest)}, policy ${shortDigest(report.scanner.policyDigest)}; ${report.stats.files} files, ${report.stats.bytes} bytes`);
  return `${lines.join('\n')}\n`;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
/** GitHub code scanning reads `security-severity` (0–10) to rank security alerts. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };

function artifactUri(dir: string, file: string): string {
  const base = posix.normalize(dir.replace(/\\/g, '/')).replace(/^\.\/?$/, '').replace(/^\.\//, '').replace(/\/$/, '');
  return (base ? `${base}/${file}` : file).split('/').map(encodeURIComponent).join('/').replace(/%40/g, '@');
}

/** A SARIF 2.1.0 log of one or more scan reports (one run, results from every report). */
export function toSarif(reports: { dir: string; report: ScanReport }[]): unknown {
  const rules = new Map<string, { finding: Finding; severity: Severity }>();
  for (const { report } of reports) {
    for (const finding of report.findings) {
      const known = rules.get(finding.ruleId);
      if (!known || severityRank(finding.severity) > severityRank(known.severity)) rules.set(finding.ruleId, { finding, severity: finding.severity });
    }
  }
  const ruleIds = [...rules.keys()].sort();
  const version = reports[0]?.report.scanner.version ?? '0.0.0';
  const results = reports.flatMap(({ dir, report }) =>
    report.findings.map((finding) => ({
      ruleId: finding.ruleId,
      ruleIndex: ruleIds.indexOf(finding.ruleId),
      level: LEVEL[finding.severity],
      message: { text: `${finding.message} Evidence: ${finding.evidence}. Fix: ${finding.fix}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: artifactUri(dir, finding.file) },
            ...(finding.line > 0 ? { region: { startLine: finding.line } } : {}),
          },
        },
      ],
      properties: { severity: finding.severity, confidence: finding.confidence, category: finding.category, kind: finding.kind },
      ...(finding.suppressed ? { suppressions: [{ kind: 'external', status: 'accepted', justification: `${finding.suppressed.reason} (until ${finding.suppressed.expires})` }] } : {}),
    })),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'skill-registry-scanner',
            semanticVersion: version,
            version,
            rules: ruleIds.map((id) => {
              const { finding, severity } = rules.get(id)!;
              return {
                id,
                name: id.replace(/(?:^|-)([a-z0-9])/g, (_w, c: string) => c.toUpperCase()),
                shortDescription: { text: finding.title },
                fullDescription: { text: `${finding.title} (${finding.category}).` },
                help: { text: finding.fix, markdown: `**Fix:** ${finding.fix}\n\nSee docs/rules.md#${id}.` },
                defaultConfiguration: { level: LEVEL[severity] },
                properties: { tags: ['security', finding.category, finding.kind], 'security-severity': SECURITY_SEVERITY[severity], precision: finding.confidence === 'high' ? 'high' : finding.confidence === 'medium' ? 'medium' : 'low' },
              };
            }),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

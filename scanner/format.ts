/** How a scan report is shown: plain text for people, SARIF 2.1.0 for code-scanning tools. */
import { posix } from 'node:path';
import { SEVERITIES, placeOf, severityRank, type Severity } from '../core/index.ts';
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

function findingLines(finding: Finding): string[] {
  return [
    '',
    `${finding.severity.toUpperCase().padEnd(8)} ${finding.ruleId}  ${placeOf(finding)}  [${finding.kind}, ${finding.category}, ${finding.confidence} confidence]`,
    `  ${finding.title}: ${finding.message}`,
    `  evidence: ${finding.evidence}`,
    `  fix: ${finding.fix}`,
    ...(finding.suppressed ? [`  suppressed until ${finding.suppressed.expires}: ${finding.suppressed.reason}`] : []),
  ];
}

/** The report as text: verdict, then the findings grouped by severity, most severe first (file order within a group), then capabilities. */
export function formatScanText(report: ScanReport, dir: string): string {
  const lines: string[] = [];
  lines.push(`scan ${dir}: ${report.verdict.toUpperCase()} (${counts(report.findings)})`);
  for (const severity of [...SEVERITIES].reverse()) {
    const group = report.findings.filter((finding) => finding.severity === severity);
    if (group.length === 0) continue;
    lines.push('', `── ${severity} (${group.length}) ──`);
    for (const finding of group) lines.push(...findingLines(finding));
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

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/').replace(/%40/g, '@');
}

/**
 * Where a scanned folder is, as a SARIF base: an absolute folder as a `file:` URI, a relative one
 * relative to `SRCROOT` (the checkout the scan ran in, which the consumer supplies).
 */
function folderBase(dir: string): { uri: string; uriBaseId?: string } {
  const normalized = posix.normalize(dir.replace(/\\/g, '/')).replace(/\/$/, '');
  if (normalized.startsWith('/')) return { uri: `file://${encodePath(normalized)}/` };
  const relative = normalized.replace(/^\.$/, '').replace(/^\.\//, '');
  return { uri: relative ? `${encodePath(relative)}/` : '', uriBaseId: 'SRCROOT' };
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
  // Each finding's file is relative to the folder scanned, as in the text and JSON reports; the folder is a base id.
  const baseId = (index: number) => (reports.length === 1 ? 'SKILLROOT' : `SKILLROOT${index + 1}`);
  const results = reports.flatMap(({ report }, index) =>
    report.findings.map((finding) => ({
      ruleId: finding.ruleId,
      ruleIndex: ruleIds.indexOf(finding.ruleId),
      level: LEVEL[finding.severity],
      message: { text: `${finding.message} Evidence: ${finding.evidence}. Fix: ${finding.fix}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodePath(finding.file), uriBaseId: baseId(index) },
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
        originalUriBaseIds: Object.fromEntries(reports.map(({ dir }, index) => [baseId(index), { ...folderBase(dir), description: { text: `The skill folder scanned: ${dir}` } }])),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

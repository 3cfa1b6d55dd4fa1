/** Builds the published record and the attestation predicate of one accepted audit. */
import type { AuditPredicate, AuditReport, Entry, SkillRecord } from '../../schemas/index.ts';
import { publishedPaths } from './index.ts';

/** Summary counts of findings by severity, for the attestation. */
function findingCounts(report: AuditReport): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const finding of report.scan.findings) {
    if (finding.suppressed) continue;
    counts[finding.severity] = (counts[finding.severity] ?? 0) + 1;
  }
  return counts;
}

/** The audit predicate signed into the attestation. */
export function auditPredicate(entry: Entry, report: AuditReport): AuditPredicate {
  return {
    source: entry.source,
    verdict: report.verdict,
    trust: report.trust ?? 'warnings',
    scanner: report.scan.scanner,
    findings: {
      counts: findingCounts(report),
      ruleIds: [...new Set(report.scan.findings.filter((finding) => !finding.suppressed).map((finding) => finding.ruleId))].sort(),
    },
    dryrun: {
      status: report.dryrun.status,
      sandbox: report.dryrun.sandbox,
      verdict: report.dryrun.verdict,
      transcriptDigest: report.dryrun.transcriptDigest,
    },
    capabilities: { declared: report.capabilities.declared, observed: report.capabilities.observed },
    tree: { algorithm: 'skill-tree-v1', files: report.files },
    auditedAt: report.auditedAt,
  };
}

/** The record published at `api/digests/<hex>.json`. */
export function skillRecord(input: {
  entry: Entry;
  report: AuditReport;
  description: string;
  readme: string;
  archive: { sha256: string; size: number };
  signed: boolean;
}): SkillRecord {
  const { entry, report } = input;
  const paths = publishedPaths(report.digest);
  return {
    schemaVersion: 1,
    publisher: entry.publisher,
    name: entry.name,
    version: entry.version,
    description: input.description,
    license: entry.license,
    digest: report.digest as `sha256:${string}`,
    source: entry.source,
    verdict: report.verdict,
    trust: report.trust ?? 'warnings',
    reasons: report.reasons,
    scan: { ...report.scan.scanner, findings: report.scan.findings },
    dryrun: {
      status: report.dryrun.status,
      reason: report.dryrun.reason,
      sandbox: report.dryrun.sandbox,
      verdict: report.dryrun.verdict,
      commands: report.dryrun.commands.length,
      events: report.dryrun.events.length,
      violations: report.dryrun.violations,
      transcriptDigest: report.dryrun.transcriptDigest,
    },
    capabilities: report.capabilities,
    files: report.files,
    readme: input.readme,
    archive: { path: paths.archive, sha256: input.archive.sha256, size: input.archive.size },
    attestation: input.signed ? paths.bundle : null,
    auditedAt: report.auditedAt,
  };
}

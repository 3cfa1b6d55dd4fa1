/**
 * Decide stage: combines validation, the static scan, the dry run and the declared capabilities into
 * one verdict and trust level, with a reason line for everything that moved it.
 */
import { placeOf, severityRank, worseVerdict, type Issue, type Verdict } from '../../core/index.ts';
import type { Capabilities, DryRunReport, ScanReport, Trust } from '../../schemas/index.ts';

/** Everything the decision looks at. */
export interface DecisionInput {
  /** The entry's declared capabilities. */
  declared: Capabilities;
  /** Validation issues that did not stop the audit (warnings). */
  validation: Issue[];
  /** Static scan. */
  scan: ScanReport;
  /** Dry run. */
  dryrun: DryRunReport;
  /** Whether the build signs attestations (a skill is Verified only when signed). */
  signed: boolean;
}

/** The outcome. */
export interface Decision {
  /** pass | warn | fail. */
  verdict: Verdict;
  /** Badge if published; null for fail. */
  trust: Trust | null;
  /** One line per reason, most serious first. */
  reasons: string[];
}

// Env var names that hold credentials: declaring them is honest but broad, so it warns.
const CREDENTIAL_ENV = /(TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|PRIVATE_KEY|API_KEY|ACCESS_KEY)/i;
// Paths that hold credentials: declaring reads of them is broad, so it warns.
const CREDENTIAL_PATH = /(^|\/)(\.ssh|\.aws|\.gnupg|\.netrc|\.npmrc|\.docker\/config\.json|\.kube|\.config\/gh|\.env\b)/;

/** Broad but declared capabilities: published with a warning that names them. */
export function broadCapabilities(declared: Capabilities): string[] {
  const reasons: string[] = [];
  if (declared.network.includes('*')) reasons.push('Declares network access to any host (`network: ["*"]`).');
  const credentialEnv = declared.env.filter((name) => CREDENTIAL_ENV.test(name));
  if (credentialEnv.length > 0) reasons.push(`Declares credential environment variables: ${credentialEnv.join(', ')}.`);
  const credentialPaths = [...declared.filesystem.read, ...declared.filesystem.write].filter((path) => CREDENTIAL_PATH.test(path));
  if (credentialPaths.length > 0) reasons.push(`Declares access to credential files: ${credentialPaths.join(', ')}.`);
  return reasons;
}

/** Decides the verdict and trust of one audited skill. */
export function decide(input: DecisionInput): Decision {
  const reasons: string[] = [];
  let verdict: Verdict = 'pass';

  const active = input.scan.findings.filter((finding) => !finding.suppressed);
  if (input.scan.verdict !== 'pass') {
    const shown = active
      .filter((finding) => finding.kind !== 'capability' || input.scan.verdict === 'warn')
      .sort((a, b) => severityRank(b.severity) - severityRank(a.severity))
      .filter((finding) => severityRank(finding.severity) >= severityRank(input.scan.verdict === 'fail' ? 'high' : 'medium'))
      .slice(0, 5);
    reasons.push(`Static scan: ${input.scan.verdict}.`, ...shown.map((finding) => `${finding.ruleId} (${finding.severity}) at ${placeOf(finding)}: ${finding.message}`));
    verdict = worseVerdict(verdict, input.scan.verdict);
  }

  const noSinkhole = input.dryrun.status === 'ran' && input.dryrun.network === 'isolated';
  if (input.dryrun.status === 'not-run') {
    reasons.push(`Dry run not run: ${input.dryrun.reason ?? 'skipped'}. Behaviour was not observed, so the skill cannot be Verified.`);
  } else if (noSinkhole) {
    reasons.push(`The dry run had no network sinkhole (${String(input.dryrun.networkNote ?? 'it could not start')}); network behaviour was seen only in the syscall trace, so the skill cannot be Verified.`);
  }
  const unenforced = input.dryrun.status === 'ran' ? (input.dryrun.unenforcedLimits ?? []) : [];
  if (unenforced.length > 0) {
    reasons.push(`The dry run could not enforce its ${unenforced.join(' and ')} limit (${String(input.dryrun.limitsNote ?? 'no cgroup was usable')}); a skill that exhausts it would not have been stopped, so the skill cannot be Verified.`);
  }
  if (input.dryrun.status === 'ran' && input.dryrun.verdict !== 'pass') {
    // Most serious first (a stable sort keeps the report's order within a severity), five at most.
    const shown = [...input.dryrun.violations].sort((a, b) => severityRank(b.severity) - severityRank(a.severity)).slice(0, 5);
    reasons.push(`Dry run: ${input.dryrun.verdict}.`, ...shown.map((violation) => `${violation.ruleId} (${violation.severity}): ${violation.message}`));
    verdict = worseVerdict(verdict, input.dryrun.verdict);
  }

  const broad = broadCapabilities(input.declared);
  if (broad.length > 0) {
    reasons.push(...broad);
    verdict = worseVerdict(verdict, 'warn');
  }
  for (const issue of input.validation) {
    reasons.push(`${issue.id} at ${issue.path}: ${issue.message}`);
    if (severityRank(issue.severity) >= severityRank('medium')) verdict = worseVerdict(verdict, 'warn');
  }
  if (!input.signed) reasons.push('This build is not signed, so no skill can be Verified.');

  let trust: Trust | null = null;
  if (verdict !== 'fail') {
    const clean = verdict === 'pass' && input.dryrun.status === 'ran' && input.dryrun.verdict === 'pass' && !noSinkhole && unenforced.length === 0;
    trust = clean && input.signed ? 'verified' : 'warnings';
  }
  if (reasons.length === 0) reasons.push('No findings above low severity; the dry run stayed within the declared capabilities.');
  return { verdict, trust, reasons };
}

/**
 * Audit reports: the static scan, the dry run, and the decision that combines them. Field names are
 * stable: other tools read the CLI's `--format json`.
 */
import { z } from 'zod';
import { CapabilitiesSchema, ObservedCapabilitiesSchema } from './capabilities.ts';
import { DigestSchema, SeveritySchema, TreeFileSchema, TrustSchema, VerdictSchema } from './common.ts';

/** Report schema versions this code reads. */
export const SUPPORTED_REPORT_VERSIONS = [1] as const;

/** Threat = doing something bad; capability = able to do something; coverage = could not be analysed. */
export const FindingKindSchema = z.enum(['threat', 'capability', 'coverage']);

/** An operator's suppression that matched a finding. */
export const AppliedSuppressionSchema = z.strictObject({
  /** Why the operator suppressed it. */
  reason: z.string(),
  /** Date (YYYY-MM-DD) after which it no longer applies. */
  expires: z.string(),
});

/** One scanner finding. */
export const FindingSchema = z.strictObject({
  /** Rule id (the rule file's name). */
  ruleId: z.string(),
  /** Rule title. */
  title: z.string(),
  /** How bad it is. */
  severity: SeveritySchema,
  /** How sure the rule is: low, medium or high. */
  confidence: z.enum(['low', 'medium', 'high']),
  /** Threat category, e.g. `credential-access`, `exfiltration`, `persistence`. */
  category: z.string(),
  /** Threat, capability or coverage. */
  kind: FindingKindSchema,
  /** File relative to the skill folder. */
  file: z.string(),
  /** 1-based line, 0 when the finding is about the whole file. */
  line: z.number().int().nonnegative(),
  /** What was found, in plain words. */
  message: z.string(),
  /** The matched text (trimmed), or the decoded text when the match was encoded. */
  evidence: z.string(),
  /** How an honest author fixes it. */
  fix: z.string(),
  /** Present when an operator suppression applies; a suppressed finding does not count. */
  suppressed: AppliedSuppressionSchema.optional(),
});

/** A finding as consumed. */
export type Finding = z.output<typeof FindingSchema>;

/** The static scan of one skill. */
export const ScanReportSchema = z.strictObject({
  /** Format version. */
  schemaVersion: z.literal(1),
  /** Verdict of the scan alone under the policy. */
  verdict: VerdictSchema,
  /** Every finding, sorted by file, line, rule. */
  findings: z.array(FindingSchema),
  /** What the scanner inferred the skill can do (as found in the files, not in the author grammar). */
  inferred: ObservedCapabilitiesSchema,
  /** Scanner identity. */
  scanner: z.strictObject({
    /** Scanner version. */
    version: z.string(),
    /** SHA-256 over the canonical rule set. */
    rulesetDigest: DigestSchema,
    /** SHA-256 over the canonical policy. */
    policyDigest: DigestSchema,
  }),
  /** Files read and bytes scanned. */
  stats: z.strictObject({ files: z.number().int(), bytes: z.number().int(), milliseconds: z.number() }),
});

/** A scan report as consumed. */
export type ScanReport = z.output<typeof ScanReportSchema>;

/** Kinds of dry-run events. */
export const EventKindSchema = z.enum(['file-read', 'file-write', 'file-delete', 'exec', 'dns', 'connect', 'http', 'limit']);

/** One thing a skill did in the sandbox. */
export const DryRunEventSchema = z.looseObject({
  /** What kind of thing. */
  kind: EventKindSchema,
  /** Path, host[:port] or URL. */
  target: z.string(),
  /** The dry-run command that caused it. */
  command: z.string(),
  /** Whether a canary token was involved (read a honeypot file, or a canary left in captured bytes). */
  canary: z.boolean(),
  /**
   * The destination or path is one the dry run invented for a placeholder of the command (`<url>`,
   * `$API_BASE`, `{file}`): in real use the user chooses it. Such an event is recorded but breaks no
   * declaration (a planted secret sent there is still exfiltration). Hosts the skill names itself are
   * never invented, whatever they look like.
   */
  userChosen: z.boolean().optional(),
  /** A file event that was refused (EACCES, EPERM, EROFS …): the attempt is the evidence. */
  refused: z.boolean().optional(),
  /** A read of a path that does not exist in the dry run (only kept for credential files). */
  missing: z.boolean().optional(),
  /**
   * The path the command opened when it reached `target` by another name: a symlink or hard link it made,
   * a renamed file, or a `/proc/self/root`-style alias resolved by the tracer.
   */
  via: z.string().optional(),
  /** The program whose process made the file call (the last one it executed): `git` reading ~/.netrc to log in. */
  program: z.string().optional(),
  /**
   * A write to a shell start-up file that only added ordinary set-up lines (aliases, functions, PATH and
   * plain exports, completion, tool initialisation such as `eval "$(brew shellenv)"`), nothing that
   * downloads, decodes, schedules or talks to the network.
   */
  shellSetupOnly: z.boolean().optional(),
  /**
   * A write of a scheduler entry (systemd user unit, launchd agent) that runs exactly what the command line
   * named, not the skill's own code and nothing that downloads or decodes: the user's job, scheduled.
   */
  schedulesNamedCommand: z.boolean().optional(),
  /**
   * A scheduler program the command looked for and did not find (`found: false`, so no arguments were
   * seen), which every call of it written in the skill's files only lists (`crontab -l`, `launchctl list`).
   */
  listsOnly: z.boolean().optional(),
  /**
   * A `connect` of a datagram (UDP) socket on which the trace saw nothing sent: such a connect only picks
   * a route, the usual way a program learns its own address (`connect` to 192.0.2.1:9, then `getsockname`).
   * A program writing on the socket with write() is not traced, so it stays a warning, not nothing.
   */
  unsent: z.boolean().optional(),
  /** A wall-time stop of a command that had used under half its CPU budget: it mostly waited. */
  idle: z.boolean().optional(),
});

/** A dry-run event as consumed. */
export type DryRunEvent = z.output<typeof DryRunEventSchema>;

/** A behaviour that breaks the rules or the declared capabilities. */
export const ViolationSchema = z.strictObject({
  /** Stable id, e.g. `dryrun-undeclared-egress`. */
  ruleId: z.string(),
  /** How bad it is. */
  severity: SeveritySchema,
  /** What happened and what to do. */
  message: z.string(),
  /** The event that shows it. */
  event: DryRunEventSchema,
});

/** A violation as consumed. */
export type Violation = z.output<typeof ViolationSchema>;

/** The dry run of one skill. */
export const DryRunReportSchema = z.looseObject({
  /** Format version. */
  schemaVersion: z.literal(1),
  /** Verdict of the dry run alone. */
  verdict: VerdictSchema,
  /** `ran`, or `not-run` when skipped explicitly (the reason says why; such a skill is never Verified). */
  status: z.enum(['ran', 'not-run']),
  /** Why it did not run, when it did not. */
  reason: z.string().optional(),
  /** Sandbox backend used. */
  sandbox: z.enum(['gvisor', 'bubblewrap']).optional(),
  /** Commands run, in order, with exit status. */
  commands: z.array(
    z.looseObject({
      /** The command line run. */
      command: z.string(),
      /** Where it came from: `entry dryRun`, `SKILL.md:12`, `scripts/x.py`, `package.json postinstall`, … */
      source: z.string(),
      /** Exit status, or null when a limit stopped it. */
      exitCode: z.number().nullable(),
      /** Whether the wall-time limit stopped it. */
      timedOut: z.boolean(),
      /**
       * Values the dry run invented for the command's placeholders and sample arguments: the
       * placeholder as written in the skill (`<url>`, `$API_BASE`) and the value put there.
       */
      invented: z.array(z.strictObject({ placeholder: z.string(), value: z.string() })).optional(),
    }),
  ),
  /** `sinkhole` when network traffic went to the recording sinkhole, `isolated` when there was no network at all. */
  network: z.enum(['sinkhole', 'isolated']).optional(),
  /** Why the network was isolated, when it was. */
  networkNote: z.string().optional(),
  /**
   * Limits the dry run could not enforce on its machine (`memory` without a usable cgroup). A skill whose
   * dry run ran with an unenforced limit cannot be Verified: exhausting that resource would not have been stopped.
   */
  unenforcedLimits: z.array(z.enum(['memory'])).optional(),
  /** Why a limit was not enforced, and what to do. */
  limitsNote: z.string().optional(),
  /** Everything observed, sorted. */
  events: z.array(DryRunEventSchema),
  /** What broke the rules. */
  violations: z.array(ViolationSchema),
  /** What the skill was seen to use, in capability form, as observed (never held to the author grammar). */
  observed: ObservedCapabilitiesSchema,
  /** `sha256:` of the canonical transcript (events + commands), so two runs can be compared. */
  transcriptDigest: DigestSchema.optional(),
});

/** A dry-run report as consumed. */
export type DryRunReport = z.output<typeof DryRunReportSchema>;

/** One validation problem (same shape as {@link import('./common.ts').IssueSchema}). */
const ValidationIssueSchema = z.strictObject({ id: z.string(), path: z.string(), severity: SeveritySchema, message: z.string() });

/** A full audit of one skill: validation, scan, dry run, decision, digest. */
export const AuditReportSchema = z.strictObject({
  /** Format version. */
  schemaVersion: z.literal(1),
  /** Overall verdict. */
  verdict: VerdictSchema,
  /** Trust level if published; null when the verdict is fail (never published). */
  trust: TrustSchema.nullable(),
  /** Why the verdict is what it is, one line each. */
  reasons: z.array(z.string()),
  /** `skill-tree-v1` digest of the audited files. */
  digest: DigestSchema,
  /** The audited files. */
  files: z.array(TreeFileSchema),
  /** Validation issues (warnings; errors stop the audit before this report exists). */
  validation: z.array(ValidationIssueSchema),
  /** Static scan. */
  scan: ScanReportSchema,
  /** Dry run. */
  dryrun: DryRunReportSchema,
  /** Capabilities: declared by the entry, inferred by the scanner, observed in the dry run. */
  capabilities: z.strictObject({
    /** What the entry (or, for an ad-hoc audit, the files visibly) declare: the author grammar. */
    declared: CapabilitiesSchema,
    /** What the scanner inferred, as found. */
    inferred: ObservedCapabilitiesSchema,
    /** What the dry run observed, as seen. */
    observed: ObservedCapabilitiesSchema,
  }),
  /** When the audit ran (ISO 8601). */
  auditedAt: z.string(),
});

/** An audit report as consumed. */
export type AuditReport = z.output<typeof AuditReportSchema>;

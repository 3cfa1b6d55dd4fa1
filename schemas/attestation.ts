/** The audit attestation: an in-toto Statement v1 whose predicate records one audit. */
import { z } from 'zod';
import { CapabilitiesSchema, ObservedCapabilitiesSchema } from './capabilities.ts';
import { DigestSchema, SourceSchema, TreeFileSchema, TrustSchema, VerdictSchema } from './common.ts';

/** in-toto Statement type. */
export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';

/** Predicate type of an audit, version 1. */
export const AUDIT_PREDICATE_TYPE = 'https://skill-registry.dev/attestation/audit/v1';

/** DSSE payload type of in-toto statements. */
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

/** The audit predicate, version 1. */
export const AuditPredicateSchema = z.strictObject({
  /** Where the files came from. */
  source: SourceSchema,
  /** Audit verdict. */
  verdict: VerdictSchema,
  /** Trust level granted. */
  trust: TrustSchema,
  /** Scanner and rules used. */
  scanner: z.strictObject({
    /** Scanner version. */
    version: z.string(),
    /** SHA-256 over the canonical rule set. */
    rulesetDigest: DigestSchema,
    /** SHA-256 over the canonical verdict policy. */
    policyDigest: DigestSchema,
  }),
  /** Findings by severity, and the rule ids seen. */
  findings: z.strictObject({
    /** Unsuppressed findings per severity. */
    counts: z.record(z.string(), z.number().int()),
    /** Rule ids of unsuppressed findings, sorted. */
    ruleIds: z.array(z.string()),
  }),
  /** Dry-run summary. */
  dryrun: z.strictObject({
    /** `ran` or `not-run`. */
    status: z.enum(['ran', 'not-run']),
    /** Backend used. */
    sandbox: z.string().optional(),
    /** Verdict of the dry run alone. */
    verdict: VerdictSchema,
    /** Digest of the canonical transcript (commands + events). */
    transcriptDigest: DigestSchema.optional(),
  }),
  /** Declared and observed capabilities. */
  capabilities: z.strictObject({
    /** What the entry declares. */
    declared: CapabilitiesSchema,
    /** What the dry run saw (as observed, not in the author grammar). */
    observed: ObservedCapabilitiesSchema,
  }),
  /** Digest algorithm and per-file hashes. */
  tree: z.strictObject({
    /** Digest algorithm. */
    algorithm: z.literal('skill-tree-v1'),
    /** Per-file modes, hashes and sizes, sorted as the digest sorts them. */
    files: z.array(TreeFileSchema),
  }),
  /** When the audit ran (ISO 8601). */
  auditedAt: z.string(),
});

/** The predicate as consumed. */
export type AuditPredicate = z.output<typeof AuditPredicateSchema>;

/** The in-toto statement wrapping the predicate. */
export const AuditStatementSchema = z.strictObject({
  /** in-toto Statement v1. */
  _type: z.literal(STATEMENT_TYPE),
  /** Exactly one subject: the skill and its tree digest. */
  subject: z
    .array(
      z.strictObject({
        /** `pkg:skill/<publisher>/<name>@<version>`. */
        name: z.string().regex(/^pkg:skill\/[a-z0-9-]+\/[a-z0-9-]+@.+$/),
        /** `skill-tree-v1` digest, hex. */
        digest: z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
      }),
    )
    .length(1),
  /** The audit predicate type, version 1. */
  predicateType: z.literal(AUDIT_PREDICATE_TYPE),
  /** The audit. */
  predicate: AuditPredicateSchema,
});

/** The statement as consumed. */
export type AuditStatement = z.output<typeof AuditStatementSchema>;

/** `sha256:` digest schema re-exported for convenience of signing code. */
export { DigestSchema };

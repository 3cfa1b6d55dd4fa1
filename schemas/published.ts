/**
 * What the registry publishes: the JSON API the catalog, the CLI and other tools read. The pipeline
 * writes these with the same schemas the site and the verifier read them with.
 *
 * Layout under the site root (all paths in records are relative to it):
 *   api/index.json                          RegistryIndex
 *   api/skills/<publisher>/<name>.json      SkillHistory (every published version)
 *   api/digests/<hex>.json                  SkillRecord (one audited tree)
 *   api/digests/<hex>.sigstore.json         Sigstore bundle of the audit attestation
 *   api/archives/<hex>.tar.gz               the audited files
 *   api/revocations.json                    RevocationList inside a Sigstore bundle (see signing/)
 *   api/trust.json                          TrustPolicy: who signs this registry
 *   api/osv/index.json, api/osv/<id>.json   the revocations as OSV advisories (schemas/ecosystem.ts)
 *   .claude-plugin/marketplace.json         Claude Code plugin marketplace (schemas/ecosystem.ts)
 *   badge/<publisher>/<name>.svg            trust badge
 *   feed.xml                                Atom feed of new, updated and revoked skills
 * The paths themselves are built in one place, schemas/layout.ts.
 */
import { z } from 'zod';
import { CapabilitiesSchema, ObservedCapabilitiesSchema } from './capabilities.ts';
import { DigestSchema, SkillNameSchema, SourceSchema, TreeFileSchema, TrustSchema, VerdictSchema } from './common.ts';
import { PublisherSchema } from './entry.ts';
import { FindingSchema, ViolationSchema } from './report.ts';
import { KeylessIdentitySchema } from './config.ts';

/** API schema versions this code reads. */
export const SUPPORTED_API_VERSIONS = [1] as const;

/** A revocation: why a digest must no longer be installed. */
export const RevocationSchema = z.strictObject({
  /** Revoked digest. */
  digest: DigestSchema,
  /** Why, in words a user understands. */
  reason: z.string().min(1),
  /** When (ISO 8601). */
  date: z.string(),
});

/** A revocation as consumed. */
export type Revocation = z.output<typeof RevocationSchema>;

/** The revocation list; published signed. */
export const RevocationListSchema = z.strictObject({
  /** Format version. */
  schemaVersion: z.literal(1),
  /** When the list was issued (ISO 8601); clients warn when it is older than their limit. */
  issuedAt: z.string(),
  /**
   * Grows with every list the registry issues. Clients remember the highest seen per registry and refuse
   * an older list (a replayed one hiding a later revocation). Lists from before it existed have none.
   */
  sequence: z.number().int().nonnegative().optional(),
  /** Revoked digests. */
  revocations: z.array(RevocationSchema),
});

/** A revocation list as consumed. */
export type RevocationList = z.output<typeof RevocationListSchema>;

/** Summary of one dry run, as published. */
export const DryRunSummarySchema = z.strictObject({
  /** `ran` or `not-run`. */
  status: z.enum(['ran', 'not-run']),
  /** Why it did not run. */
  reason: z.string().optional(),
  /** Backend used. */
  sandbox: z.enum(['gvisor', 'bubblewrap']).optional(),
  /** Verdict of the dry run. */
  verdict: VerdictSchema,
  /** Number of commands run. */
  commands: z.number().int().nonnegative(),
  /** Number of events recorded. */
  events: z.number().int().nonnegative(),
  /** Violations found. */
  violations: z.array(ViolationSchema),
  /** Digest of the canonical transcript. */
  transcriptDigest: DigestSchema.optional(),
});

/** One audited tree of one skill version: the record behind a digest. */
export const SkillRecordSchema = z.strictObject({
  /** Format version. */
  schemaVersion: z.literal(1),
  /** Publisher. */
  publisher: PublisherSchema,
  /** Skill name. */
  name: SkillNameSchema,
  /** Version. */
  version: z.string(),
  /** SKILL.md description. */
  description: z.string(),
  /** License. */
  license: z.string(),
  /** `skill-tree-v1` digest. */
  digest: DigestSchema,
  /** Git source the files came from. */
  source: SourceSchema,
  /** Audit verdict (published records are never `fail`). */
  verdict: VerdictSchema,
  /** Trust badge. */
  trust: TrustSchema,
  /** Reasons behind verdict and trust. */
  reasons: z.array(z.string()),
  /** Scanner identity and findings. */
  scan: z.strictObject({
    /** Scanner version. */
    version: z.string(),
    /** SHA-256 over the canonical rule set the scan used. */
    rulesetDigest: DigestSchema,
    /** SHA-256 over the canonical verdict policy. */
    policyDigest: DigestSchema,
    /** Every finding, suppressed ones marked. */
    findings: z.array(FindingSchema),
  }),
  /** Dry-run summary. */
  dryrun: DryRunSummarySchema,
  /** Declared, inferred and observed capabilities. */
  capabilities: z.strictObject({
    /** What the entry declares. */
    declared: CapabilitiesSchema,
    /** What the static scan inferred (as found, not in the author grammar). */
    inferred: ObservedCapabilitiesSchema,
    /** What the dry run saw (as observed, not in the author grammar). */
    observed: ObservedCapabilitiesSchema,
  }),
  /** The audited files. */
  files: z.array(TreeFileSchema),
  /** Body of SKILL.md (untrusted Markdown: render sanitised). */
  readme: z.string(),
  /** Path of the audited archive. */
  archive: z.strictObject({
    /** Site-relative path of the `.tar.gz`. */
    path: z.string(),
    /** Hex SHA-256 of the archive bytes. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** Archive size in bytes. */
    size: z.number().int(),
  }),
  /** Path of the Sigstore bundle, or null when the build was not signed. */
  attestation: z.string().nullable(),
  /** When audited (ISO 8601). */
  auditedAt: z.string(),
  /** Present when revoked. */
  revoked: RevocationSchema.optional(),
});

/** A skill record as consumed. */
export type SkillRecord = z.output<typeof SkillRecordSchema>;

/** One line of the index. */
export const IndexEntrySchema = z.strictObject({
  /** Publisher. */
  publisher: PublisherSchema,
  /** Skill name. */
  name: SkillNameSchema,
  /** Latest published version. */
  version: z.string(),
  /** `skill-tree-v1` digest of that version. */
  digest: DigestSchema,
  /** Audit verdict. */
  verdict: VerdictSchema,
  /** Trust badge. */
  trust: TrustSchema,
  /** SKILL.md description. */
  description: z.string(),
  /** License. */
  license: z.string(),
  /** Declared capabilities, for capability chips. */
  capabilities: CapabilitiesSchema,
  /** When audited (ISO 8601). */
  auditedAt: z.string(),
  /** Path of the skill's record. */
  record: z.string(),
});

/** An index entry as consumed. */
export type IndexEntry = z.output<typeof IndexEntrySchema>;

/** `api/index.json`: every published skill at its latest version. */
export const RegistryIndexSchema = z.strictObject({
  /** Format version. */
  schemaVersion: z.literal(1),
  /** Registry name. */
  registry: z.strictObject({
    /** Name shown on the catalog. */
    name: z.string(),
    /** Public base URL from the registry config. */
    url: z.string(),
  }),
  /** When generated (ISO 8601). */
  generatedAt: z.string(),
  /** Published skills, sorted by publisher then name. */
  skills: z.array(IndexEntrySchema),
});

/** The index as consumed. */
export type RegistryIndex = z.output<typeof RegistryIndexSchema>;

/** Longest text kept per skill in `api/search.json`: a SKILL.md is a few KiB; the cap bounds a hostile one. */
export const SEARCH_TEXT_MAX_CHARS = 20_000;

/** `api/search.json`: each indexed skill's own words (its SKILL.md text, lower-cased), for `skill-registry search`. */
export const SearchTextSchema = z.strictObject({
  /** Format version. */
  schemaVersion: z.literal(1),
  /** One line per skill of the index, at its latest version. */
  skills: z.array(
    z.strictObject({
      /** Publisher. */
      publisher: PublisherSchema,
      /** Skill name. */
      name: SkillNameSchema,
      /** SKILL.md's text, lower-cased, whitespace collapsed, at most SEARCH_TEXT_MAX_CHARS characters. */
      text: z.string().max(SEARCH_TEXT_MAX_CHARS),
    }),
  ),
});

/** The search text as consumed. */
export type SearchText = z.output<typeof SearchTextSchema>;

/** `api/skills/<publisher>/<name>.json`: every published version of a skill. */
export const SkillHistorySchema = z.strictObject({
  /** Format version. */
  schemaVersion: z.literal(1),
  /** Publisher. */
  publisher: PublisherSchema,
  /** Skill name. */
  name: SkillNameSchema,
  /** Every published version, newest first. */
  versions: z.array(
    z.strictObject({
      /** Version. */
      version: z.string(),
      /** Its digest. */
      digest: DigestSchema,
      /** Its audit verdict. */
      verdict: VerdictSchema,
      /** Its trust badge when published (a later revocation is applied from the revocation list). */
      trust: TrustSchema,
      /** When audited (ISO 8601). */
      auditedAt: z.string(),
      /** Path of its record. */
      record: z.string(),
    }),
  ),
});

/** A skill history as consumed. */
export type SkillHistory = z.output<typeof SkillHistorySchema>;

/** `api/trust.json`: who signs this registry's attestations and revocation list. */
export const TrustPolicySchema = z.discriminatedUnion('mode', [
  z.strictObject({
    /** Format version. */
    schemaVersion: z.literal(1),
    /** Signed with a registry key. */
    mode: z.literal('key'),
    /** PEM (SPKI) of the registry's ECDSA P-256 public key. */
    publicKey: z.string(),
    /** Key id: hex SHA-256 of the DER public key. */
    keyId: z.string(),
  }),
  z.strictObject({
    /** Format version. */
    schemaVersion: z.literal(1),
    /** Signed keylessly (Fulcio certificate, Rekor entry). */
    mode: z.literal('keyless'),
    /** The only identity whose certificates are accepted. */
    identity: KeylessIdentitySchema,
  }),
]);

/** A trust policy as consumed. */
export type TrustPolicy = z.output<typeof TrustPolicySchema>;

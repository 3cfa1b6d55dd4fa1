/** Small schemas shared by several formats. */
import { z } from 'zod';
import { SEVERITIES, VERDICTS } from '../core/index.ts';

/** Agent Skills name: 1–64 characters of lower-case letters, digits and single hyphens. */
export const SkillNameSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){0,63}$/, {
    error: 'must be 1–64 lower-case letters, digits and single hyphens, not starting or ending with a hyphen (e.g. `pdf-tools`)',
  })
  .max(64);

/** A `sha256:<64 hex>` digest. */
export const DigestSchema = z.string().regex(/^sha256:[0-9a-f]{64}$/, { error: 'must be `sha256:` followed by 64 lower-case hex digits' });

/** Severity of a finding or issue. */
export const SeveritySchema = z.enum(SEVERITIES);

/** Verdict of a stage or an audit. */
export const VerdictSchema = z.enum(VERDICTS);

/**
 * Trust level shown as a badge: `verified` (pass, signed, dry run clean), `warnings` (published with
 * findings or limits listed), `revoked` (kept visible with the reason).
 */
export const TrustSchema = z.enum(['verified', 'warnings', 'revoked']);

/** One of {@link TrustSchema}. */
export type Trust = z.output<typeof TrustSchema>;

/** The words for each trust level wherever a person reads one: catalog, badges, feed (DESIGN.md, "Verdicts and trust"). */
export const TRUST_WORDS: Readonly<Record<Trust, string>> = { verified: 'Verified', warnings: 'Passed with warnings', revoked: 'Revoked' };

/** The issue shape shared by entry validation and the scanner (see core/issue.ts). */
export const IssueSchema = z.strictObject({
  /** Stable kebab-case id. */
  id: z.string(),
  /** Field path or `file:line`. */
  path: z.string(),
  /** How bad it is. */
  severity: SeveritySchema,
  /** What is wrong, then how to fix it. */
  message: z.string(),
});

/** One file of a skill as the tree digest sees it. */
export const TreeFileSchema = z.strictObject({
  /** Relative `/`-separated path. */
  path: z.string(),
  /** `100755` when executable, else `100644`. */
  mode: z.enum(['100644', '100755']),
  /** Hex SHA-256 of the content. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Size in bytes. */
  size: z.number().int().nonnegative(),
});

/** Where a skill's files come from: a git repository pinned to a commit, and a folder inside it. */
export const SourceSchema = z.strictObject({
  /** Any URL git accepts (https, ssh, or a local path where the registry allows it). */
  repo: z.string().min(1, { error: 'is empty: give the git URL of the repository holding the skill' }),
  /** Full 40-hex commit id; branches, tags and short ids are refused so the audited bytes cannot move. */
  commit: z.string().regex(/^[0-9a-f]{40}$/, {
    error: 'must be a full 40-character lower-case commit id (run `git rev-parse HEAD` in the skill repository); branches, tags and short ids are refused because they can move',
  }),
  /** Folder inside the repository holding SKILL.md; `.` for the root. */
  path: z.string().min(1).default('.'),
});

/** Input (as written) of {@link SourceSchema}. */
export type SourceInput = z.input<typeof SourceSchema>;
/** Output (as consumed) of {@link SourceSchema}. */
export type Source = z.output<typeof SourceSchema>;

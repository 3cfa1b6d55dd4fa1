/**
 * Formats the registry publishes for other tools, in their owners' shapes: the Claude Code plugin
 * marketplace (`.claude-plugin/marketplace.json`) and OSV advisories for revocations (`api/osv/`).
 * Each schema holds the subset of the outside format that the registry writes, strictly, so a field the
 * registry must never publish (a plugin's hooks or MCP servers, an unpinned source) fails the build.
 * Their versions are the owners' (OSV's `schema_version`; Claude Code's marketplace has none); the OSV
 * index is ours and carries `schemaVersion`.
 */
import { z } from 'zod';
import { DigestSchema } from './common.ts';

/** Claude Code names: lower-case letters and digits in hyphen-separated words. */
const KebabNameSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be kebab-case: lower-case letters and digits separated by single hyphens' });

/**
 * Marketplace names Claude Code keeps for Anthropic's own marketplaces (its plugin-marketplaces
 * documentation); a marketplace named like one of them is refused when added.
 */
export const RESERVED_MARKETPLACE_NAMES = ['claude-code-marketplace', 'claude-code-plugins', 'claude-plugins-official', 'anthropic-marketplace', 'anthropic-plugins', 'agent-skills', 'life-sciences'] as const;

/** A full 40-hex git commit id: what pins a plugin to the audited bytes. */
const CommitShaSchema = z.string().regex(/^[0-9a-f]{40}$/, { error: 'must be a full 40-character commit id' });

/** A git URL Claude Code can clone: https, http, ssh, git, file (local registries), or scp-like `git@host:path`. */
const GitUrlSchema = z.string().regex(/^(?:(?:https?|ssh|git|file):\/\/\S+|[^\s/@]+@[^\s/:]+:\S+)$/, { error: 'must be a git URL (https://, ssh://, git://, file:// or git@host:path)' });

/** A folder inside a repository: relative, `/`-separated, no `.` or `..` segments. */
const RepoSubPathSchema = z
  .string()
  .refine((path) => !path.includes('\\') && path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..'), {
    error: 'must be a relative folder inside the repository, without empty, `.` or `..` segments',
  });

/** Where Claude Code fetches a plugin from; every form the registry writes is pinned to a commit. */
export const PluginSourceSchema = z.discriminatedUnion('source', [
  z.strictObject({
    /** A GitHub repository, cloned whole; the plugin root is the repository root. */
    source: z.literal('github'),
    /** `owner/repo` on github.com. */
    repo: z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, { error: 'must be `owner/repo`' }),
    /** The audited commit: Claude Code checks out exactly this commit. */
    sha: CommitShaSchema,
  }),
  z.strictObject({
    /** Any git repository by URL, cloned whole; the plugin root is the repository root. */
    source: z.literal('url'),
    /** The repository's git URL. */
    url: GitUrlSchema,
    /** The audited commit. */
    sha: CommitShaSchema,
  }),
  z.strictObject({
    /** One folder of a git repository (a sparse clone); the plugin root is that folder. */
    source: z.literal('git-subdir'),
    /** The repository's git URL. */
    url: GitUrlSchema,
    /** The folder inside the repository. */
    path: RepoSubPathSchema,
    /** The audited commit. */
    sha: CommitShaSchema,
  }),
]);

/** A plugin source as consumed. */
export type PluginSource = z.output<typeof PluginSourceSchema>;

/** A person or organisation named in a marketplace (`owner`, a plugin's `author`). */
const MarketplacePersonSchema = z.strictObject({
  /** Display name. */
  name: z.string().min(1),
  /** Contact e-mail. */
  email: z.string().optional(),
});

/** One skill as a Claude Code plugin: defined inline (no plugin.json), holding that one skill. */
export const MarketplacePluginSchema = z.strictObject({
  /** Plugin name, unique in the marketplace: `<publisher>-<name>`. */
  name: KebabNameSchema.max(129),
  /** Where the audited files are. */
  source: PluginSourceSchema,
  /** The skill's SKILL.md description. */
  description: z.string(),
  /** The skill's version. */
  version: z.string(),
  /** The skill's publisher. */
  author: MarketplacePersonSchema,
  /** The skill's catalog page (audit report, digest, findings). */
  homepage: z.string(),
  /** The skill's source repository, when it is a public https URL. */
  repository: z.string().optional(),
  /** SPDX license identifier. */
  license: z.string(),
  /** Search words: `skill`, the publisher, and the trust level (`verified`, `passed-with-warnings`). */
  keywords: z.array(z.string()),
  /** Always `false`: this entry is the whole plugin definition, so the skill needs no plugin.json of its own. */
  strict: z.literal(false),
  /** The skill folders of the plugin, relative to the plugin root: always the root itself, `./`. */
  skills: z.array(z.literal('./')).length(1),
});

/** A marketplace plugin entry as consumed. */
export type MarketplacePlugin = z.output<typeof MarketplacePluginSchema>;

/** `.claude-plugin/marketplace.json`: the registry's listed skills as a Claude Code plugin marketplace. */
export const ClaudeMarketplaceSchema = z.strictObject({
  /** Marketplace name users type in `/plugin install <plugin>@<marketplace>`. */
  name: KebabNameSchema.max(64).refine((name) => !(RESERVED_MARKETPLACE_NAMES as readonly string[]).includes(name), { error: 'is reserved by Claude Code for Anthropic marketplaces' }),
  /** Who runs the marketplace: the registry. */
  owner: MarketplacePersonSchema,
  /** About the marketplace. */
  metadata: z.strictObject({
    /** One line on what it lists. */
    description: z.string(),
  }),
  /** Listed skills, sorted by publisher then name. */
  plugins: z.array(MarketplacePluginSchema),
});

/** A marketplace as consumed. */
export type ClaudeMarketplace = z.output<typeof ClaudeMarketplaceSchema>;

/** OSV schema version the advisories follow. */
export const OSV_SCHEMA_VERSION = '1.6.0';

/** OSV's package ecosystem name for skills of this kind of registry. */
export const OSV_ECOSYSTEM = 'skill-registry';

/** An RFC 3339 UTC time, as OSV requires (`2026-11-01T00:00:00Z`, fractions allowed). */
const RfcTimeSchema = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/, { error: 'must be an RFC 3339 UTC time such as 2026-11-01T00:00:00Z' });

/** Reference types OSV defines. */
const OsvReferenceTypeSchema = z.enum(['ADVISORY', 'ARTICLE', 'DETECTION', 'DISCUSSION', 'REPORT', 'FIX', 'INTRODUCED', 'GIT', 'PACKAGE', 'EVIDENCE', 'WEB']);

/** One revocation as an OSV advisory (`api/osv/<id>.json`). */
export const OsvAdvisorySchema = z.strictObject({
  /** OSV format version. */
  schema_version: z.literal(OSV_SCHEMA_VERSION),
  /** `SKR-` and the first 16 hex digits of the revoked digest. */
  id: z.string().regex(/^SKR-[0-9a-f]{16}$/),
  /** When the advisory last changed (RFC 3339). */
  modified: RfcTimeSchema,
  /** When it was first published: the revocation date. */
  published: RfcTimeSchema,
  /** Set when the operator lifted the revocation: the advisory no longer applies. */
  withdrawn: RfcTimeSchema.optional(),
  /** One line: which skill version is revoked. */
  summary: z.string().min(1).max(120),
  /** The operator's reason, in full. */
  details: z.string().min(1),
  /** The revoked skill version. */
  affected: z
    .array(
      z.strictObject({
        /** The skill, named as in the registry. */
        package: z.strictObject({
          /** {@link OSV_ECOSYSTEM}. */
          ecosystem: z.literal(OSV_ECOSYSTEM),
          /** `<publisher>/<name>`. */
          name: z.string(),
          /** `pkg:skill/<publisher>/<name>`, as in the attestation subject (without the version). */
          purl: z.string(),
        }),
        /** The revoked version. */
        versions: z.array(z.string()).min(1),
        /** Registry-specific facts about the affected files. */
        database_specific: z.strictObject({
          /** The revoked `skill-tree-v1` digest: only these exact files are revoked. */
          digest: DigestSchema,
          /** Public URL of the registry that revoked it. */
          registry: z.string(),
        }),
      }),
    )
    .length(1),
  /** The skill's catalog page, its audit record and this advisory. */
  references: z.array(z.strictObject({ /** OSV reference type. */ type: OsvReferenceTypeSchema, /** Absolute URL. */ url: z.string() })).min(1),
});

/** An OSV advisory as consumed. */
export type OsvAdvisory = z.output<typeof OsvAdvisorySchema>;

/** `api/osv/index.json`: every advisory the registry issued, withdrawn ones included. */
export const OsvIndexSchema = z.strictObject({
  /** Format version. */
  schemaVersion: z.literal(1),
  /** OSV ecosystem of the advisories. */
  ecosystem: z.literal(OSV_ECOSYSTEM),
  /** Advisories, newest first. */
  advisories: z.array(
    z.strictObject({
      /** Advisory id. */
      id: z.string(),
      /** Its `modified` time: a mirror fetches again what changed since its last visit. */
      modified: RfcTimeSchema,
      /** Whether it was withdrawn (the revocation lifted). */
      withdrawn: z.boolean(),
      /** The revoked digest. */
      digest: DigestSchema,
      /** Site-relative path of the advisory. */
      path: z.string(),
    }),
  ),
});

/** The OSV index as consumed. */
export type OsvIndex = z.output<typeof OsvIndexSchema>;

/**
 * Every format that leaves the process, one zod schema per concept. Pipeline, CLI and site all read
 * and write through these.
 */
export { AUDIT_PREDICATE_TYPE, STATEMENT_TYPE, IN_TOTO_PAYLOAD_TYPE, AuditPredicateSchema, AuditStatementSchema, type AuditPredicate, type AuditStatement } from './attestation.ts';
export {
  CapabilitiesSchema,
  HostPatternSchema,
  EnvNameSchema,
  PathPatternSchema,
  CommandNameSchema,
  ObservedCapabilitiesSchema,
  noCapabilities,
  type Capabilities,
  type CapabilitiesInput,
  type ObservedCapabilities,
} from './capabilities.ts';
export { SkillNameSchema, DigestSchema, SeveritySchema, VerdictSchema, TrustSchema, TRUST_WORDS, IssueSchema, TreeFileSchema, SourceSchema, type Trust, type Source, type SourceInput } from './common.ts';
export { RegistryConfigSchema, KeylessIdentitySchema, SUPPORTED_CONFIG_VERSIONS, type RegistryConfig, type RegistryConfigInput } from './config.ts';
export { EntrySchema, SkillFrontMatterSchema, SemverSchema, PublisherSchema, SUPPORTED_ENTRY_VERSIONS, type Entry, type EntryInput, type SkillFrontMatter } from './entry.ts';
export {
  SUPPORTED_API_VERSIONS,
  RevocationSchema,
  RevocationListSchema,
  DryRunSummarySchema,
  SkillRecordSchema,
  IndexEntrySchema,
  RegistryIndexSchema,
  SkillHistorySchema,
  TrustPolicySchema,
  type Revocation,
  type RevocationList,
  type SkillRecord,
  type IndexEntry,
  type RegistryIndex,
  type SkillHistory,
  type TrustPolicy,
  SearchTextSchema,
  SEARCH_TEXT_MAX_CHARS,
  type SearchText,
} from './published.ts';
export {
  SUPPORTED_REPORT_VERSIONS,
  FindingKindSchema,
  FindingSchema,
  ScanReportSchema,
  EventKindSchema,
  DryRunEventSchema,
  ViolationSchema,
  DryRunReportSchema,
  AuditReportSchema,
  type Finding,
  type ScanReport,
  type DryRunEvent,
  type Violation,
  type DryRunReport,
  type AuditReport,
} from './report.ts';
export { describeZodError, formatPath, zodIssuesToIssues } from './zod-issues.ts';
export { SITE_LAYOUT, SITE_ROOT_OUTPUTS, siteUrl } from './layout.ts';
export { SHARD_MANIFEST_FILE, SUPPORTED_SHARD_VERSIONS, ShardEntrySchema, ShardManifestSchema, type ShardEntry, type ShardManifest, type ShardManifestInput } from './shard.ts';
export {
  RESERVED_MARKETPLACE_NAMES,
  PluginSourceSchema,
  MarketplacePluginSchema,
  ClaudeMarketplaceSchema,
  OSV_SCHEMA_VERSION,
  OSV_ECOSYSTEM,
  OsvAdvisorySchema,
  OsvIndexSchema,
  type PluginSource,
  type MarketplacePlugin,
  type ClaudeMarketplace,
  type OsvAdvisory,
  type OsvIndex,
} from './ecosystem.ts';

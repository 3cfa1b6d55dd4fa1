/** The registry pipeline: fetch, validate, decide and publish, ordered by pipeline.ts. */
export { auditSkillFolder, auditEntryFile, folderBaseline, buildRegistry, revalidatePublished, inShard, listEntryFiles, type RevalidateOptions, type NewlyCaught, type AuditFolderOptions, type FolderAudit, type BuildOptions, type BuildSummary, type EntryOutcome } from './pipeline.ts';
export { EntryError, FetchError, type EntryErrorCode, type FetchErrorCode } from './errors.ts';
export { GitFetcher, resolveRepo, normaliseSourcePath, type Fetcher, type FetchedSkill, type FetchLimits, type SourcePolicy } from './fetch/git-fetcher.ts';
export { loadEntry, validateEntryData, validateSkillFolder, splitFrontMatter, type SkillDocument } from './validate/index.ts';
export { decide, broadCapabilities, type Decision, type DecisionInput } from './decide/index.ts';
export {
  FolderPublisher,
  publishedPaths,
  readPublishedIndex,
  claudeMarketplace,
  marketplaceName,
  pluginName,
  pluginSource,
  PLUGIN_COMPONENT_NAMES,
  trustBadgeSvg,
  badgeMessage,
  atomFeed,
  FEED_ENTRY_LIMIT,
  osvAdvisory,
  osvId,
  osvIndex,
  type Publisher,
  type PublishInput,
  type PublishItem,
  type PublishSummary,
  type Unlisted,
} from './publish/index.ts';
export { loadRegistryConfig, loadRevocations, RevocationsFileSchema } from './config.ts';

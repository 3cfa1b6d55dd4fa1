/** The registry pipeline: fetch, validate, decide and publish, ordered by pipeline.ts; and submit, an author's way in. */
export { buildRegistry, type BuildOptions, type BuildSummary, type EntryOutcome } from './pipeline.ts';
export { auditSkillFolder, auditEntryFile, folderBaseline, type AuditFolderOptions, type FolderAudit } from './audit.ts';
export { listEntryFiles } from './stages.ts';
export { PipelineCache, type AuditKey } from './cache.ts';
export { mergeShards, type MergeOptions, type MergeSummary } from './merge.ts';
export { parseShard, shardOfEntry, entryInShard, inShard, readShardPart, writeShardPart, ShardError, MAX_SHARDS, type Shard, type ShardErrorCode, type ShardPart } from './shard.ts';
export { revalidatePublished, type RevalidateOptions, type NewlyCaught } from './revalidate.ts';
export { appendRevocations, mergeRevocationFiles, nextRevocationSequence } from './revocations.ts';
export { EntryError, FetchError, SubmitError, type EntryErrorCode, type FetchErrorCode, type SubmitErrorCode } from './errors.ts';
export { GitFetcher, fetcherFor, resolveRepo, normaliseSourcePath, type Fetcher, type FetchedSkill, type FetchLimits, type SourcePolicy } from './fetch/git-fetcher.ts';
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
export { loadRegistryConfig, loadRevocations, loadRegistrySuppressions, RevocationsFileSchema } from './config.ts';
export { submitSkill, findGitSource, publicRepoUrl, repoOwner, declarableCapabilities, renderEntry, DEFAULT_SUBMIT_VERSION, type SubmitOptions, type Submission, type GitSource, type SourceFlags } from './submit/index.ts';

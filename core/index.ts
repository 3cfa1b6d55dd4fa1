/**
 * The core: tree digest, archive format, canonical JSON, hashing, atomic writes, errors and the issue
 * shape. No runtime dependencies; every stage builds on it and it depends on none of them.
 */
export { writeArchive, readArchive, archiveTreeFiles, type ArchiveFile } from './archive.ts';
export { writeFileAtomic, writeNewFileAtomic, writeJsonAtomic } from './atomic-write.ts';
export { canonicalJson } from './canonical-json.ts';
export { isOwnNetworkHost, isOwnReverseName, isPrivateIpv4 } from './hosts.ts';
export { SkillRegistryError, DigestError, ArchiveError, type DigestErrorCode, type ArchiveErrorCode } from './errors.ts';
export { sha256Hex, parseSha256, type Sha256Digest } from './hash.ts';
export { SEVERITIES, VERDICTS, placeOf, severityRank, worseVerdict, type Severity, type Verdict, type Issue } from './issue.ts';
export {
  TREE_DIGEST_ALGORITHM,
  DEFAULT_TREE_LIMITS,
  treeDigest,
  digestFiles,
  diffTrees,
  manifestLine,
  compareUtf8,
  foldCase,
  unsafePathReason,
  type TreeFile,
  type TreeDigest,
  type TreeLimits,
  type TreeDifference,
} from './tree-digest.ts';
export {
  CREDENTIAL_FILE_KINDS,
  SENSITIVE_DATA,
  SENSITIVE_FILE,
  DOTENV_FILE,
  SECRET_ENV_NAME,
  PLANTED_SECRET_ENV,
  AGENT_CONFIG_FILE,
  AGENT_CONFIG_USER_SCOPE,
  SYNCED_FOLDER,
  PERSISTENCE_FILE,
  credentialKindOf,
  secretBelongsTo,
  secretOwnerWord,
  readsOwnCredential,
  OWNED_CREDENTIAL_FILES,
  SELF_HOSTED_SERVICES,
  type CredentialFileKind,
} from './sensitive.ts';

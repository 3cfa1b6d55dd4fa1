/**
 * The registry client: read a published registry (URL or built-site folder), verify skills against
 * it, install and update them (recorded in a lockfile), check installed ones, and show or search its
 * catalog. Imports only core/, schemas/ and signing/.
 */
export { RegistryError, InstallError, LockfileError, type RegistryErrorCode, type InstallErrorCode, type LockfileErrorCode } from './errors.ts';
export { RegistryClient, registryLocation, registryFlag, DEFAULT_REGISTRY_URL } from './registry.ts';
export {
  verifySkill,
  runVerifySteps,
  checkFiles,
  checkRecord,
  checkAttestation,
  checkRevocation,
  VerificationRun,
  formatVerification,
  describeDifference,
  skillLabel,
  VERIFY_STEPS,
  FOLDER_STEPS,
  DIGEST_STEPS,
  DEFAULT_MAX_REVOCATION_AGE_DAYS,
  type VerifyStep,
  type VerifyStepName,
  type VerificationReport,
  type VerifyOptions,
  type VerifyTarget,
  type StepResult,
  type PassedStep,
  type FailedStep,
  type StepFacts,
  type VerifiedSigner,
} from './verify.ts';
export {
  installSkill,
  parseSkillSpec,
  resolveSkill,
  findSkill,
  skillsDirectory,
  INSTALL_STEPS,
  type SkillSpec,
  type ResolvedSkill,
  type InstallOptions,
  type InstallPreview,
  type InstallResult,
} from './install.ts';
export {
  readLockfile,
  writeLockfile,
  recordInstall,
  lockfilePath,
  LOCKFILE_NAME,
  SUPPORTED_LOCKFILE_VERSIONS,
  LockfileSchema,
  LockedSkillSchema,
  type Lockfile,
  type LockedSkill,
  type LockfileState,
} from './lockfile.ts';
export {
  verifyInstalled,
  INSTALLED_STATUSES,
  type InstalledStatus,
  type InstalledSkillCheck,
  type InstalledFolderCheck,
  type InstalledReport,
  type InstalledOptions,
} from './installed.ts';
export { updateSkills, type UpdatePreview, type UpdateStatus, type SkillUpdate, type UpdateReport, type UpdateOptions } from './update.ts';
export { capabilityChanges, capabilityList, sameCapabilities, auditWarnings, newWarnings, CAPABILITY_KINDS, type CapabilityKind, type CapabilityChange, type CapabilityChanges } from './capabilities.ts';
export { skillInfo, searchSkills, MAX_SEARCH_HITS, type SkillInfo, type SearchHit } from './catalog.ts';
export { loadPinnedTrust, resolveTrustOptions } from './trust.ts';
export { clientOptions, CLIENT_FLAGS, CLIENT_FLAGS_USAGE } from './options.ts';

/**
 * The registry client: read a published registry (URL or built-site folder), verify skills against
 * it, install them, and show or search its catalog. Imports only core/, schemas/ and signing/.
 */
export { RegistryError, InstallError, type RegistryErrorCode, type InstallErrorCode } from './errors.ts';
export { RegistryClient, registryLocation, registryFlag, DEFAULT_REGISTRY_URL } from './registry.ts';
export {
  verifySkill,
  formatVerification,
  describeDifference,
  VERIFY_STEPS,
  DEFAULT_MAX_REVOCATION_AGE_DAYS,
  type VerifyStep,
  type VerifyStepName,
  type VerificationReport,
  type VerifyOptions,
  type VerifyTarget,
} from './verify.ts';
export { installSkill, parseSkillSpec, resolveSkill, findSkill, skillsDirectory, type SkillSpec, type ResolvedSkill, type InstallResult } from './install.ts';
export { skillInfo, searchSkills, MAX_SEARCH_HITS, type SkillInfo, type SearchHit } from './catalog.ts';
export { loadPinnedTrust, resolveTrustOptions } from './trust.ts';
export { clientOptions, CLIENT_FLAGS, CLIENT_FLAGS_USAGE } from './options.ts';

/**
 * The static scanner: rules as data, real parsing, decoding, source → sink reasoning, capabilities
 * inferred vs declared, a verdict policy and operator suppressions.
 */
export { scanSkill, scannerIdentity, staticScanner, type ScanOptions, type Scanner } from './engine.ts';
export { descriptiveTable } from './intent/model.ts';
export { loadSuppressions, applySuppressions, isActive, SuppressionSchema, SuppressionsFileSchema, type Suppression } from './suppressions.ts';
export { loadPolicy, defaultPolicy, decideVerdict, policyDigest, PolicySchema, BUNDLED_POLICY_FILE, type Policy, type PolicyInput } from './policy.ts';
export { formatScanText, toSarif } from './format.ts';
export { loadRules, readRuleSet, RULES_DIR, DETECTORS_DIR, type RuleSet } from './rules.ts';
export { RuleMetaSchema, RuleFileSchema, PatternSchema, SCOPES, LANGUAGES, type RuleMeta, type Scope, type Language } from './rule-schema.ts';
export { ScannerError, type ScannerErrorCode } from './errors.ts';
export { SCANNER_VERSION } from './version.ts';
export type { Detector, DetectorModule, ScanContext } from './detectors/types.ts';

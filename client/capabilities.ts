/**
 * What a skill can do, as a person deciding to install or update it needs to see it: its declared
 * capabilities, the audit's warnings, and how both change from one version to the next.
 */
import type { Capabilities, SkillRecord } from '../schemas/index.ts';

/** The capability lists, by the name they have in JSON output. */
export const CAPABILITY_KINDS = ['network', 'filesystemRead', 'filesystemWrite', 'env', 'commands'] as const;

/** One of {@link CAPABILITY_KINDS}. */
export type CapabilityKind = (typeof CAPABILITY_KINDS)[number];

/** What one capability list gained and lost. */
export interface CapabilityChange {
  /** In the new version only. */
  added: string[];
  /** In the old version only. */
  removed: string[];
}

/** How the capabilities of two versions differ, per list. */
export type CapabilityChanges = Record<CapabilityKind, CapabilityChange>;

/** One capability list of a capability set. */
export function capabilityList(capabilities: Capabilities, kind: CapabilityKind): string[] {
  switch (kind) {
    case 'filesystemRead':
      return capabilities.filesystem.read;
    case 'filesystemWrite':
      return capabilities.filesystem.write;
    default:
      return capabilities[kind];
  }
}

/** What `after` can do that `before` could not, and the other way round. */
export function capabilityChanges(before: Capabilities, after: Capabilities): CapabilityChanges {
  const changes = {} as CapabilityChanges;
  for (const kind of CAPABILITY_KINDS) {
    const old = new Set(capabilityList(before, kind));
    const now = new Set(capabilityList(after, kind));
    changes[kind] = { added: [...now].filter((item) => !old.has(item)), removed: [...old].filter((item) => !now.has(item)) };
  }
  return changes;
}

/** Whether two versions can do exactly the same things. */
export function sameCapabilities(changes: CapabilityChanges): boolean {
  return CAPABILITY_KINDS.every((kind) => changes[kind].added.length === 0 && changes[kind].removed.length === 0);
}

/**
 * The audit's warnings about a published skill: its reasons, unless it passed clean (verdict pass and
 * badge Verified, when the only reason says that nothing was found).
 */
export function auditWarnings(record: Pick<SkillRecord, 'verdict' | 'trust' | 'reasons'>): string[] {
  if (record.verdict === 'pass' && record.trust === 'verified') return [];
  return record.reasons;
}

/** Warnings of the new version that the old one did not have. */
export function newWarnings(before: readonly string[], after: readonly string[]): string[] {
  const old = new Set(before);
  return after.filter((warning) => !old.has(warning));
}

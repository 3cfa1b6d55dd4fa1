/**
 * `update`: moves installed skills (all in a lockfile, or the ones named) to the newest audited version
 * of each, through `install` (the same archive and verify steps, the same refusal to replace edited
 * files), showing first how the capabilities and warnings change.
 */
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { SkillRegistryError } from '../core/index.ts';
import { noCapabilities } from '../schemas/index.ts';
import { auditWarnings, capabilityChanges, newWarnings, type CapabilityChanges } from './capabilities.ts';
import { InstallError, LockfileError } from './errors.ts';
import { findSkill, installSkill, parseSkillSpec, refuseLocalChanges, type InstallOptions, type InstallPreview, type ResolvedSkill } from './install.ts';
import { readLockfile, type LockedSkill } from './lockfile.ts';
import { RegistryClient } from './registry.ts';
import { skillLabel, type VerificationReport } from './verify.ts';

/** What an update would do to one skill, shown before anything is written. */
export interface UpdatePreview extends InstallPreview {
  /** What is installed now. */
  from: LockedSkill;
  /** How the capabilities change from the installed version to the new one. */
  changes: CapabilityChanges;
  /** Warnings of the new version that the installed one did not have. */
  newWarnings: string[];
}

/**
 * What became of one skill: `updated`, `up-to-date`, `edited` (its files were changed, so it was left
 * alone; --force replaces them), `declined` (not confirmed), `failed` (the new version did not verify, or
 * the registry could not be read), `missing` (locked, but its folder is gone), `unknown` (no longer published).
 */
export type UpdateStatus = 'updated' | 'up-to-date' | 'edited' | 'declined' | 'failed' | 'missing' | 'unknown';

/** The update of one installed skill. */
export interface SkillUpdate {
  /** Folder name. */
  name: string;
  /** The folder. */
  path: string;
  /** What was installed before. */
  from: LockedSkill;
  /** The newest audited version, when there is a newer one. */
  to?: ResolvedSkill;
  /** What became of it. */
  status: UpdateStatus;
  /** What happened, in plain words. */
  message: string;
  /** Error code when it failed or was refused. */
  code?: string;
  /** What the new version can do and how that differs (once the new files verified). */
  preview?: UpdatePreview;
  /** The verification of the new version's files. */
  verification?: VerificationReport;
}

/** What `update` did in one skills folder. */
export interface UpdateReport {
  /** The skills folder. */
  directory: string;
  /** Its lockfile. */
  lockfile: string;
  /** One entry per skill considered, in lockfile order. */
  updates: SkillUpdate[];
}

/** Options of {@link updateSkills}. */
export interface UpdateOptions extends Omit<InstallOptions, 'registry' | 'confirm'> {
  /** Update from this registry; default: the registry each skill was installed from (in the lockfile). */
  registry?: RegistryClient;
  /** Skills to update (`name` or `publisher/name`); default: every skill in the lockfile. */
  names?: readonly string[];
  /** Asked once the new files verified and before anything is written; false leaves the skill as it was. */
  confirm?: (preview: UpdatePreview) => Promise<boolean>;
}

/** The lockfile entries to update: all, or the ones named (each must be in the lockfile). */
function selected(skills: Record<string, LockedSkill>, names: readonly string[] | undefined, lockfile: string): [string, LockedSkill][] {
  const entries = Object.entries(skills);
  if (!names || names.length === 0) return entries;
  return names.map((text) => {
    const spec = parseSkillSpec(text);
    const found = spec && entries.find(([folder, skill]) => folder === spec.name && (spec.publisher === undefined || skill.publisher === spec.publisher));
    if (!spec || spec.version !== undefined || !found) {
      const listed = entries.map(([, skill]) => `${skill.publisher}/${skill.name}`).join(', ') || 'none';
      const why = spec?.version !== undefined ? 'update always moves to the newest audited version; to install a given version use skill-registry install' : `it is not in ${lockfile}`;
      throw new LockfileError('NOT_LOCKED', `Cannot update ${JSON.stringify(text)}: ${why}. Skills installed here with skill-registry install: ${listed}.`, { where: lockfile });
    }
    return found;
  });
}

/** The newest version of a skill that is neither revoked nor failed, per the registry's history (newest first). */
async function newestAudited(registry: RegistryClient, locked: LockedSkill): Promise<{ skill: ResolvedSkill; newer: boolean } | undefined> {
  const history = await registry.history(locked.publisher, locked.name);
  const versions = history?.versions ?? [];
  const newest = versions.findIndex((version) => version.trust !== 'revoked' && version.verdict !== 'fail');
  if (newest === -1) return undefined;
  const installed = versions.findIndex((version) => version.digest === locked.digest);
  const { version, digest } = versions[newest];
  // Newer means earlier in the history; an installed version the history no longer lists is moved on too.
  return { skill: { publisher: locked.publisher, name: locked.name, version, digest: digest as `sha256:${string}` }, newer: digest !== locked.digest && (installed === -1 || newest < installed) };
}

/** Updates one locked skill. */
async function updateOne(name: string, locked: LockedSkill, options: UpdateOptions, clients: Map<string, RegistryClient>): Promise<SkillUpdate> {
  const path = join(options.directory, name);
  const label = skillLabel(locked);
  const base = { name, path, from: locked };
  if (!(await lstat(path).catch(() => undefined))) {
    return { ...base, status: 'missing', message: `${label} is in the lockfile, but ${path} is gone. Install it again with skill-registry install ${locked.publisher}/${locked.name}.` };
  }
  let to: ResolvedSkill | undefined;
  try {
    const registry = options.registry ?? clients.get(locked.registry) ?? new RegistryClient(locked.registry);
    clients.set(locked.registry, registry);
    try {
      await findSkill(registry, { publisher: locked.publisher, name: locked.name });
    } catch (error) {
      if (error instanceof SkillRegistryError && error.code === 'NO_SUCH_SKILL') {
        return { ...base, status: 'unknown', code: error.code, message: `${registry.location} no longer publishes ${locked.publisher}/${locked.name}, so there is nothing to update it to. Check it with skill-registry verify --installed.` };
      }
      throw error;
    }
    const newest = await newestAudited(registry, locked);
    if (!newest || !newest.newer) {
      return { ...base, status: 'up-to-date', message: `${label}: no newer audited version is published${newest ? '' : ' (every published version is revoked)'}.` };
    }
    to = newest.skill;
    if (!options.force) {
      try {
        await refuseLocalChanges(registry, to, path, 'update');
      } catch (error) {
        if (error instanceof InstallError) return { ...base, to, status: 'edited', code: error.code, message: error.message };
        throw error;
      }
    }
    const before = await registry.record(locked.digest).catch(() => undefined);
    const target = to;
    let preview: UpdatePreview | undefined;
    const result = await installSkill(`${target.publisher}/${target.name}@${target.version}`, {
      ...options,
      registry,
      confirm: async (installPreview) => {
        preview = {
          ...installPreview,
          from: locked,
          changes: capabilityChanges(before?.capabilities.declared ?? noCapabilities(), installPreview.capabilities),
          newWarnings: newWarnings(before ? auditWarnings(before) : [], installPreview.warnings),
        };
        return options.confirm ? options.confirm(preview) : true;
      },
    });
    const verification = result.verification;
    if (result.installed) return { ...base, to, status: 'updated', preview, verification, message: `Updated ${label} to ${target.version} (${target.digest}): verified, in place, and recorded in the lockfile.` };
    if (result.declined) return { ...base, to, status: 'declined', preview, verification, message: `Not updated: the update of ${label} to ${target.version} was not confirmed. Nothing was changed.` };
    return { ...base, to, status: 'failed', preview, verification, code: verification.error?.code, message: `Not updated: ${target.version} did not verify, so ${label} stays. ${verification.error?.message ?? verification.summary}` };
  } catch (error) {
    if (!(error instanceof SkillRegistryError)) throw error;
    return { ...base, ...(to ? { to } : {}), status: 'failed', code: error.code, message: `Not updated: ${error.message}` };
  }
}

/** Updates the skills of one skills folder to their newest audited versions. */
export async function updateSkills(options: UpdateOptions): Promise<UpdateReport> {
  const { path, lockfile } = await readLockfile(options.directory);
  const clients = new Map<string, RegistryClient>();
  const updates: SkillUpdate[] = [];
  for (const [name, locked] of selected(lockfile.skills, options.names, path)) updates.push(await updateOne(name, locked, options, clients));
  return { directory: options.directory, lockfile: path, updates };
}

/**
 * The lockfile `install` writes beside the skills it installs (`<skills folder>/skill-registry.lock.json`):
 * which skill each folder holds, at which digest, from which registry. `verify --installed` holds the
 * folders to it and `update` moves them on from it. Read through one schema; written atomically.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { writeJsonAtomic } from '../core/index.ts';
import { DigestSchema, PublisherSchema, SkillNameSchema, describeZodError } from '../schemas/index.ts';
import { LockfileError } from './errors.ts';
import type { RegistryClient } from './registry.ts';

/** File name of the lockfile, inside the skills folder. */
export const LOCKFILE_NAME = 'skill-registry.lock.json';

/** Lockfile format versions this code reads. */
export const SUPPORTED_LOCKFILE_VERSIONS = [1] as const;

/** One installed skill, as `install` recorded it. */
export const LockedSkillSchema = z.strictObject({
  /** Publisher of the skill. */
  publisher: PublisherSchema,
  /** Skill name (also the name of its folder). */
  name: SkillNameSchema,
  /** The version installed. */
  version: z.string().min(1),
  /** `skill-tree-v1` digest of the files installed: the folder must still have exactly these. */
  digest: DigestSchema,
  /** The registry it came from: its URL as given, or the absolute path of a site folder. */
  registry: z.string().min(1),
  /** When it was installed (ISO 8601). */
  installedAt: z.iso.datetime({ offset: true }),
});

/** A lockfile entry as consumed. */
export type LockedSkill = z.output<typeof LockedSkillSchema>;

/** `skill-registry.lock.json`, version 1. */
export const LockfileSchema = z
  .strictObject({
    /** Format version. */
    schemaVersion: z.literal(1),
    /** Installed skills by folder name. */
    skills: z.record(SkillNameSchema, LockedSkillSchema),
  })
  .superRefine((lockfile, context) => {
    for (const [folder, skill] of Object.entries(lockfile.skills)) {
      if (skill.name !== folder) context.addIssue({ code: 'custom', path: ['skills', folder, 'name'], message: `is ${JSON.stringify(skill.name)}, but the entry is filed under the folder ${JSON.stringify(folder)}` });
    }
  });

/** A lockfile as consumed. */
export type Lockfile = z.output<typeof LockfileSchema>;

/** A lockfile as read from a skills folder. */
export interface LockfileState {
  /** Where it is (or would be). */
  path: string;
  /** Whether the file exists. */
  exists: boolean;
  /** Its content (empty when it does not exist). */
  lockfile: Lockfile;
}

/** The lockfile path of a skills folder. */
export function lockfilePath(skillsDirectory: string): string {
  return join(skillsDirectory, LOCKFILE_NAME);
}

/** How a registry is recorded: a URL as given, a site folder as an absolute path (so it means the same from any folder). */
export function lockedRegistryLocation(registry: RegistryClient): string {
  if (registry.kind === 'url' || /^file:/i.test(registry.location)) return registry.location;
  return resolve(registry.location);
}

function damaged(path: string, why: string): LockfileError {
  return new LockfileError(
    'DAMAGED',
    `${path} is damaged: ${why}. It records which skills skill-registry installed in this folder. Repair it by hand (its earlier content may be in version control), or move it away and run \`skill-registry install <publisher/name>\` again for each skill to write a new one.`,
    { where: path },
  );
}

/** Reads and checks the lockfile of a skills folder; an empty one when there is none. */
export async function readLockfile(skillsDirectory: string): Promise<LockfileState> {
  const path = lockfilePath(skillsDirectory);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { path, exists: false, lockfile: { schemaVersion: 1, skills: {} } };
    throw new LockfileError('UNREADABLE', `Cannot read ${path} (${code ?? (error as Error).message}). Fix its permissions (it must be a readable file), then run the command again.`, { where: path, cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    throw damaged(path, `it is not JSON (${(error as Error).message})`);
  }
  const version = typeof value === 'object' && value !== null ? (value as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (typeof version === 'number' && !(SUPPORTED_LOCKFILE_VERSIONS as readonly number[]).includes(version)) {
    throw new LockfileError(
      'UNSUPPORTED_VERSION',
      `${path} has schemaVersion ${version}; this version of skill-registry reads ${SUPPORTED_LOCKFILE_VERSIONS.join(', ')}. It was written by a newer skill-registry: update skill-registry.`,
      { where: path },
    );
  }
  const parsed = LockfileSchema.safeParse(value);
  if (!parsed.success) throw damaged(path, `it is not a lockfile this version reads (${describeZodError(parsed.error, 'lockfile')})`);
  return { path, exists: true, lockfile: parsed.data };
}

/** Writes a lockfile atomically, skills sorted by folder name so that it diffs cleanly. */
export async function writeLockfile(skillsDirectory: string, lockfile: Lockfile): Promise<void> {
  const path = lockfilePath(skillsDirectory);
  const skills = Object.fromEntries(Object.entries(lockfile.skills).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  try {
    await writeJsonAtomic(path, { schemaVersion: lockfile.schemaVersion, skills });
  } catch (error) {
    throw new LockfileError('UNWRITABLE', `Cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Fix the folder's permissions, then install again so that the skill is recorded.`, { where: path, cause: error });
  }
}

/** Records one installed skill in the lockfile of its skills folder, replacing what was recorded for that folder. */
export async function recordInstall(skillsDirectory: string, skill: LockedSkill): Promise<void> {
  const { lockfile } = await readLockfile(skillsDirectory);
  lockfile.skills[skill.name] = LockedSkillSchema.parse(skill);
  await writeLockfile(skillsDirectory, lockfile);
}

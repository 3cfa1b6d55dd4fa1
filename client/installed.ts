/**
 * `verify --installed`: every skill folder in a skills folder, held to the lockfile `install` wrote
 * there, with the same verify steps as `verify` (files against the locked digest, record, attestation,
 * revocation list). Each folder ends up fine, changed, revoked, unknown, missing or failed.
 */
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { TreeDifference } from '../core/index.ts';
import type { Revocation } from '../schemas/index.ts';
import { LOCKFILE_NAME, readLockfile, type LockedSkill } from './lockfile.ts';
import { RegistryClient } from './registry.ts';
import { describeDifference, skillLabel, verifySkill, type VerificationReport, type VerifyOptions } from './verify.ts';

/**
 * What became of one installed skill: `fine` (verified), `changed` (its files differ from the locked
 * digest), `revoked`, `unknown` (not in the lockfile, or no longer published), `missing` (locked, but
 * its folder is gone), or `failed` (it could not be verified: a bad signature, an unreachable registry).
 */
export type InstalledStatus = 'fine' | 'changed' | 'revoked' | 'unknown' | 'missing' | 'failed';

/** Statuses in the order a report lists them: the ones to act on first. */
export const INSTALLED_STATUSES: readonly InstalledStatus[] = ['revoked', 'changed', 'unknown', 'missing', 'failed', 'fine'];

/** The check of one folder in a skills folder. */
export interface InstalledSkillCheck {
  /** The folder's name (the skill's name when it was installed). */
  name: string;
  /** The folder. */
  path: string;
  /** What became of it. */
  status: InstalledStatus;
  /** What was found and what to do, in plain words. */
  message: string;
  /** What the lockfile says was installed there. */
  locked?: LockedSkill;
  /** Which files differ from the locked digest (changed). */
  difference?: TreeDifference;
  /** Why it was revoked (revoked). */
  revocation?: Revocation;
  /** Error code of a failed check. */
  code?: string;
  /** Caveats of a skill that is otherwise fine (a stale revocation list). */
  warnings: string[];
  /** The verification against the locked digest, step by step. */
  verification?: VerificationReport;
}

/** The check of one skills folder. */
export interface InstalledFolderCheck {
  /** The skills folder. */
  directory: string;
  /** Its lockfile. */
  lockfile: string;
  /** Whether the lockfile exists. */
  hasLockfile: boolean;
  /** Every skill folder in it and every locked skill, sorted by name. */
  skills: InstalledSkillCheck[];
}

/** What `verify --installed` found. */
export interface InstalledReport {
  /** True when every installed skill is fine. */
  verified: boolean;
  /** The skills folders checked. */
  folders: InstalledFolderCheck[];
  /** How many skills have each status. */
  counts: Record<InstalledStatus, number>;
  /** One-line conclusion. */
  summary: string;
}

/** Options of {@link verifyInstalled}: verify options, with the registry optional. */
export interface InstalledOptions extends Omit<VerifyOptions, 'registry' | 'displayName'> {
  /** Check every skill against this registry; default: the registry each was installed from (in the lockfile). */
  registry?: RegistryClient;
}

/** Folders in a skills folder that may hold a skill: not hidden (install's temporary folders are), not files. */
async function skillFolders(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return [];
    throw error;
  });
  return entries.filter((entry) => !entry.name.startsWith('.') && (entry.isDirectory() || entry.isSymbolicLink())).map((entry) => entry.name);
}

/** The registry client for a lockfile entry, one per location; a location that cannot be used is an error message. */
function registryFor(options: InstalledOptions, clients: Map<string, RegistryClient | Error>, location: string): RegistryClient | Error {
  if (options.registry) return options.registry;
  let client = clients.get(location);
  if (client === undefined) {
    try {
      client = new RegistryClient(location);
    } catch (error) {
      client = error as Error;
    }
    clients.set(location, client);
  }
  return client;
}

/** Checks one locked skill: its folder against the locked digest, then the locked digest itself. */
async function checkLocked(directory: string, name: string, locked: LockedSkill, options: InstalledOptions, clients: Map<string, RegistryClient | Error>): Promise<InstalledSkillCheck> {
  const path = join(directory, name);
  const label = skillLabel(locked);
  const base = { name, path, locked, warnings: [] as string[] };
  const info = await lstat(path).catch(() => undefined);
  if (!info) {
    return { ...base, status: 'missing', message: `${label} is in the lockfile, but ${path} is gone. Install it again (skill-registry install ${locked.publisher}/${locked.name}@${locked.version}), or delete its entry from ${join(directory, LOCKFILE_NAME)}.` };
  }
  const registry = registryFor(options, clients, locked.registry);
  if (registry instanceof Error) {
    return { ...base, status: 'failed', code: (registry as { code?: string }).code ?? 'UNREACHABLE', message: `${label} was installed from ${locked.registry}, which cannot be used: ${registry.message}` };
  }
  const verifyOptions: VerifyOptions = { ...options, registry };
  const verification = await verifySkill({ dir: path, digest: locked.digest }, verifyOptions);
  const checked = { ...base, verification };
  if (verification.verified) {
    let listed: boolean;
    try {
      listed = (await registry.index()).skills.some((entry) => entry.publisher === locked.publisher && entry.name === locked.name);
    } catch (error) {
      return { ...checked, status: 'failed', code: (error as { code?: string }).code ?? 'UNREACHABLE', message: `${label} verified, but the index of ${registry.location} cannot be read to see whether it is still published: ${(error as Error).message}` };
    }
    if (!listed) {
      return { ...checked, status: 'unknown', message: `${label} is no longer published by ${registry.location}: its files are the audited ones, but the registry withdrew the skill, so nothing will update it. Remove it, or ask the registry why it was withdrawn.` };
    }
    const warnings = verification.steps.filter((step) => step.status === 'warn').map((step) => step.message);
    return { ...checked, status: 'fine', warnings, message: `${label}: the files are the ones installed (${locked.digest}), signed by the registry and not revoked.` };
  }
  const error = verification.error ?? { code: 'FAILED', message: verification.summary };
  if (error.code === 'TAMPERED') {
    // The files differ; the locked version may also have been revoked or withdrawn since, which matters more.
    const lockedVersion = await verifySkill({ digest: locked.digest }, verifyOptions);
    const { difference } = verification;
    const edits = difference ? `its files were changed since it was installed (${describeDifference(difference)})` : 'its files are not the ones installed';
    if (lockedVersion.error?.code === 'REVOKED') {
      return { ...checked, status: 'revoked', revocation: lockedVersion.revocation, difference, code: 'REVOKED', message: `${lockedVersion.error.message} Besides, ${edits}.` };
    }
    if (lockedVersion.error?.code === 'UNKNOWN_DIGEST') {
      return { ...checked, status: 'unknown', difference, code: 'UNKNOWN_DIGEST', message: `${label} is no longer published by ${registry.location} (${locked.digest}), and ${edits}. Remove it.` };
    }
    return {
      ...checked,
      status: 'changed',
      difference,
      code: 'TAMPERED',
      message: `${error.message} Put the installed files back with skill-registry install ${locked.publisher}/${locked.name}@${locked.version} --force (your edits are lost), or remove the folder.`,
    };
  }
  if (error.code === 'REVOKED') return { ...checked, status: 'revoked', revocation: verification.revocation, code: error.code, message: error.message };
  if (error.code === 'UNKNOWN_DIGEST') {
    return { ...checked, status: 'unknown', code: error.code, message: `${label} is no longer published by ${registry.location}: ${error.message}` };
  }
  return { ...checked, status: 'failed', code: error.code, message: error.message };
}

/** Checks every skill in one skills folder against its lockfile. */
async function checkFolder(directory: string, options: InstalledOptions, clients: Map<string, RegistryClient | Error>): Promise<InstalledFolderCheck> {
  const { path, exists, lockfile } = await readLockfile(directory);
  const skills: InstalledSkillCheck[] = [];
  for (const [name, locked] of Object.entries(lockfile.skills)) skills.push(await checkLocked(directory, name, locked, options, clients));
  for (const name of await skillFolders(directory)) {
    if (name in lockfile.skills) continue;
    skills.push({
      name,
      path: join(directory, name),
      status: 'unknown',
      warnings: [],
      message: `${name} is not in ${path}: skill-registry did not install it, so nothing vouches for its files. Check it with skill-registry verify ${join(directory, name)}, or install it with skill-registry install.`,
    });
  }
  skills.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { directory, lockfile: path, hasLockfile: exists, skills };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Checks every skill installed in the given skills folders (each folder once). */
export async function verifyInstalled(directories: readonly string[], options: InstalledOptions): Promise<InstalledReport> {
  const clients = new Map<string, RegistryClient | Error>();
  const folders: InstalledFolderCheck[] = [];
  for (const directory of [...new Set(directories)]) folders.push(await checkFolder(directory, options, clients));
  const counts = Object.fromEntries(INSTALLED_STATUSES.map((status) => [status, 0])) as Record<InstalledStatus, number>;
  for (const skill of folders.flatMap((folder) => folder.skills)) counts[skill.status] += 1;
  const total = folders.reduce((sum, folder) => sum + folder.skills.length, 0);
  const verified = counts.fine === total;
  const counted = INSTALLED_STATUSES.filter((status) => counts[status] > 0).map((status) => `${counts[status]} ${status}`).join(', ');
  const summary =
    total === 0
      ? `No installed skills in ${folders.map((folder) => folder.directory).join(' or ')}.`
      : verified
        ? `All ${plural(total, 'installed skill')} verified: ${counted}.`
        : `NOT VERIFIED: ${counted} (of ${plural(total, 'installed skill')}). Act on every skill that is not fine before using it.`;
  return { verified, folders, counts, summary };
}

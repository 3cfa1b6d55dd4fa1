/**
 * Install: find the digest for a skill, download its audited archive, check it, unpack it into a
 * temporary folder beside the destination, verify it with the same steps as `verify`, show what it can
 * do and get a yes, and only then move it into place and record it in the lockfile. Nothing from the
 * skill is ever run.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ArchiveError, readArchive, sha256Hex, SkillRegistryError, treeDigest } from '../core/index.ts';
import { SkillNameSchema, type Capabilities, type IndexEntry, type SkillRecord } from '../schemas/index.ts';
import { auditWarnings } from './capabilities.ts';
import { InstallError, LockfileError, RegistryError } from './errors.ts';
import { lockedRegistryLocation, lockfilePath, readLockfile, recordInstall } from './lockfile.ts';
import type { RegistryClient } from './registry.ts';
import {
  FOLDER_STEPS,
  StepFailure,
  VerificationRun,
  describeDifference,
  runStep,
  runVerifySteps,
  skillLabel,
  type StepResult,
  type VerificationReport,
  type VerifyOptions,
  type VerifyStepName,
} from './verify.ts';

/** A skill reference as typed: `publisher/name[@version]` or `name[@version]`. */
export interface SkillSpec {
  publisher?: string;
  name: string;
  version?: string;
}

/** Parses `publisher/name[@version]` or `name[@version]`; undefined when malformed. */
export function parseSkillSpec(text: string): SkillSpec | undefined {
  const match = /^(?:([a-z0-9-]+)\/)?([a-z0-9-]+)(?:@([0-9A-Za-z.+-]+))?$/.exec(text.trim());
  if (!match) return undefined;
  const [, publisher, name, version] = match;
  if (!SkillNameSchema.safeParse(name).success || (publisher !== undefined && !SkillNameSchema.safeParse(publisher).success)) return undefined;
  return { publisher, name, version };
}

/** A resolved skill version. */
export interface ResolvedSkill {
  publisher: string;
  name: string;
  version: string;
  digest: `sha256:${string}`;
}

/** Finds the index entry for a spec; a bare name must be unique across publishers. */
export async function findSkill(registry: RegistryClient, spec: SkillSpec): Promise<IndexEntry> {
  const index = await registry.index();
  const matches = index.skills.filter((entry) => entry.name === spec.name && (spec.publisher === undefined || entry.publisher === spec.publisher));
  const shown = `${spec.publisher ? `${spec.publisher}/` : ''}${spec.name}`;
  if (matches.length === 0) {
    const similar = index.skills.filter((entry) => entry.name.includes(spec.name) || spec.name.includes(entry.name)).slice(0, 5);
    throw new RegistryError(
      'NO_SUCH_SKILL',
      `${registry.location} lists no skill ${shown}.${similar.length ? ` Did you mean ${similar.map((entry) => `${entry.publisher}/${entry.name}`).join(', ')}?` : ' Try `skill-registry search <words>`.'}`,
      { where: shown },
    );
  }
  if (matches.length > 1) {
    throw new RegistryError('AMBIGUOUS_SKILL', `Several publishers have a skill named ${spec.name}: ${matches.map((entry) => `${entry.publisher}/${entry.name}`).join(', ')}. Give publisher/name.`, { where: shown });
  }
  return matches[0];
}

/** Resolves a spec to one version and its digest (the latest unless a version is given). */
export async function resolveSkill(registry: RegistryClient, spec: SkillSpec): Promise<ResolvedSkill> {
  const entry = await findSkill(registry, spec);
  if (spec.version === undefined || spec.version === entry.version) {
    return { publisher: entry.publisher, name: entry.name, version: entry.version, digest: entry.digest as `sha256:${string}` };
  }
  const history = await registry.history(entry.publisher, entry.name);
  const version = history?.versions.find((candidate) => candidate.version === spec.version);
  if (!version) {
    const known = history?.versions.map((candidate) => candidate.version).join(', ') || entry.version;
    throw new RegistryError('NO_SUCH_SKILL', `${entry.publisher}/${entry.name} has no published version ${spec.version}. Published versions: ${known}.`, { where: `${entry.publisher}/${entry.name}@${spec.version}` });
  }
  return { publisher: entry.publisher, name: entry.name, version: version.version, digest: version.digest as `sha256:${string}` };
}

/** The folder skills are installed into: `--dir`, `~/.claude/skills` with `--global`, else the project's `.claude/skills`. */
export function skillsDirectory(options: { dir?: string; global?: boolean; cwd?: string; home?: string }): string {
  if (options.dir) return resolve(options.cwd ?? process.cwd(), options.dir);
  if (options.global) return join(options.home ?? homedir(), '.claude', 'skills');
  const start = resolve(options.cwd ?? process.cwd());
  for (let folder = start; ; folder = dirname(folder)) {
    if (existsSync(join(folder, '.git')) || existsSync(join(folder, 'package.json'))) return join(folder, '.claude', 'skills');
    if (dirname(folder) === folder) return join(start, '.claude', 'skills');
  }
}

/** What an install would put in place, shown to the user before anything is written. */
export interface InstallPreview {
  /** The skill and version. */
  skill: ResolvedSkill;
  /** The folder it goes into. */
  destination: string;
  /** Whether an earlier install in that folder is replaced. */
  replaces: boolean;
  /** What it declares it can do (network, files, env, commands), as its signed attestation says. */
  capabilities: Capabilities;
  /** Audit verdict. */
  verdict: string;
  /** Trust badge. */
  trust: string;
  /** The audit's warnings (empty when it passed clean). */
  warnings: string[];
}

/** Options of {@link installSkill}. */
export interface InstallOptions extends VerifyOptions {
  /** The skills folder; the skill goes into `<directory>/<name>`. */
  directory: string;
  /** Replace a folder that is not an untouched install of this skill. */
  force?: boolean;
  /**
   * Asked once the files verified and before anything is written; false leaves everything as it was.
   * Without it, a verified skill is installed (the CLI always asks, or needs --yes).
   */
  confirm?: (preview: InstallPreview) => Promise<boolean>;
}

/** The result of an install. */
export interface InstallResult {
  /** True when the skill is now in place. */
  installed: boolean;
  /** True when it verified but the confirmation said no. */
  declined: boolean;
  /** What was asked for and what it resolved to. */
  skill?: ResolvedSkill;
  /** Final folder of the skill. */
  path?: string;
  /** Whether an older install was replaced. */
  replaced: boolean;
  /** What the skill can do, once its files verified. */
  preview?: InstallPreview;
  /** The lockfile the install was recorded in. */
  lockfile?: string;
  /** The verification of the downloaded files (the same steps as `verify`), with the archive step first. */
  verification: VerificationReport;
}

/** The steps of an install, in order: the archive, then the verify steps over the unpacked folder. */
export const INSTALL_STEPS: readonly VerifyStepName[] = ['archive', ...FOLDER_STEPS];

/** Writes archive files into a fresh folder; paths were already checked by readArchive. */
async function unpack(files: ReturnType<typeof readArchive>, into: string): Promise<void> {
  await mkdir(into, { mode: 0o755 });
  for (const file of files) {
    const target = join(into, ...file.path.split('/'));
    await mkdir(dirname(target), { recursive: true, mode: 0o755 }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST' || error.code === 'ENOTDIR') throw new ArchiveError('UNSAFE_ENTRY', `The archive holds ${file.path} inside something that is a file. It is not an archive the registry writes.`, { where: file.path, cause: error });
      throw error;
    });
    // 'wx': never follow or overwrite anything already there.
    const handle = await open(target, 'wx', file.executable ? 0o755 : 0o644).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST' || error.code === 'ENOTDIR' || error.code === 'EISDIR') {
        throw new ArchiveError('UNSAFE_ENTRY', `The archive holds ${file.path} twice, or as both a file and a folder. It is not an archive the registry writes.`, { where: file.path, cause: error });
      }
      throw error;
    });
    try {
      await handle.writeFile(file.content);
      await handle.chmod(file.executable ? 0o755 : 0o644);
    } finally {
      await handle.close();
    }
  }
}

/**
 * The install's first step: download the archive the record names, check its hash and size against the
 * record, read it safely, and unpack it into `temporary` (inside the skills folder, so the final move
 * is a rename). The verify steps then run over that folder.
 */
async function checkArchive(registry: RegistryClient, skill: ResolvedSkill, directory: string, temporary: string): Promise<StepResult<SkillRecord>> {
  const label = skillLabel(skill);
  const facts = { digest: skill.digest };
  return runStep('archive', async () => {
    const record = await registry.record(skill.digest);
    if (!record) throw new StepFailure('UNKNOWN_DIGEST', `The index lists ${label} as ${skill.digest}, but the registry has no record for it. The registry is damaged: report it to its operator.`, facts);
    if (record.digest !== skill.digest) throw new StepFailure('RECORD_MISMATCH', `The record filed under ${skill.digest} describes ${record.digest}. The registry is damaged or was tampered with: report it.`, facts);
    let archive: Uint8Array;
    try {
      archive = await registry.archive(record.archive.path);
    } catch (error) {
      if (error instanceof RegistryError && error.code !== 'UNREACHABLE') throw new StepFailure('ARCHIVE_MISMATCH', error.message, facts);
      throw error;
    }
    const archiveHash = sha256Hex(archive);
    if (archiveHash !== record.archive.sha256 || archive.length !== record.archive.size) {
      throw new StepFailure('ARCHIVE_MISMATCH', `The archive of ${label} is not the audited one: its SHA-256 is ${archiveHash} (${archive.length} bytes), the record says ${record.archive.sha256} (${record.archive.size} bytes). Nothing was installed; try again, and report the registry if it persists.`, facts);
    }
    let files: ReturnType<typeof readArchive>;
    try {
      files = readArchive(archive);
    } catch (error) {
      throw new StepFailure('ARCHIVE_MISMATCH', `The archive of ${label} cannot be read safely: ${(error as Error).message}`, facts);
    }
    await mkdir(directory, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      const why = error.code === 'EEXIST' || error.code === 'ENOTDIR' ? 'it, or a folder above it, is a file' : (error.code ?? error.message);
      throw new InstallError('WRITE_FAILED', `Cannot install into ${directory}: ${why}. Give --dir a folder (it is created when missing).`, { where: directory, cause: error });
    });
    try {
      await unpack(files, temporary);
    } catch (error) {
      if (error instanceof SkillRegistryError) throw new StepFailure('ARCHIVE_MISMATCH', error.message, facts);
      throw new InstallError('WRITE_FAILED', `Cannot write ${label} into ${directory} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Check that the folder is writable.`, { where: directory, cause: error });
    }
    return { message: `Downloaded the archive of ${label} (${archive.length} bytes); its SHA-256 matches the record.`, value: record, facts };
  });
}

/** Whether `path` is an earlier install of the skill `name` (a folder whose SKILL.md names it). */
async function isInstallOf(path: string, name: string): Promise<boolean> {
  const text = await readFile(join(path, 'SKILL.md'), 'utf8').catch(() => '');
  return new RegExp(`^name:\\s*["']?${name}["']?\\s*$`, 'm').test(text);
}

/** Published versions whose files are compared with an earlier install (the newest first). */
const MAX_VERSIONS_COMPARED = 20;

/**
 * Throws DESTINATION_MODIFIED when the installed folder holds files that no published version of the
 * skill has (the user added or edited them there), naming them: replacing the folder would delete them.
 * `command` is what the user runs again once the files are safe (`install` or `update`).
 */
export async function refuseLocalChanges(registry: RegistryClient, skill: ResolvedSkill, destination: string, command: 'install' | 'update' = 'install'): Promise<void> {
  const current = await treeDigest(destination).catch(() => undefined);
  if (current === undefined) {
    throw new InstallError(
      'DESTINATION_MODIFIED',
      `${destination} holds something that is not a skill's regular files (a link, or too many or too large files); replacing the folder would delete it. Nothing was changed. Move it elsewhere and ${command} again, or pass --force to replace the folder.`,
      { where: destination },
    );
  }
  const digests = [skill.digest, ...((await registry.history(skill.publisher, skill.name))?.versions.map((version) => version.digest) ?? [])];
  if (digests.includes(current.digest)) return;
  // A file is the user's when no published version has that exact file at that path.
  const publishedFiles = new Set<string>();
  for (const digest of [...new Set(digests)].slice(0, MAX_VERSIONS_COMPARED)) {
    const record = await registry.record(digest).catch(() => undefined);
    for (const file of record?.files ?? []) publishedFiles.add(`${file.mode} ${file.sha256} ${file.path}`);
  }
  const theirs = current.files.filter((file) => !publishedFiles.has(`${file.mode} ${file.sha256} ${file.path}`));
  if (theirs.length === 0) return;
  const knownPaths = new Set([...publishedFiles].map((line) => line.split(' ').slice(2).join(' ')));
  const described = describeDifference({
    added: theirs.filter((file) => !knownPaths.has(file.path)).map((file) => file.path),
    changed: theirs.filter((file) => knownPaths.has(file.path)).map((file) => file.path),
    removed: [],
    modeChanged: [],
  });
  throw new InstallError(
    'DESTINATION_MODIFIED',
    `${destination} holds changes that no published version of ${skill.name} has (${described}); replacing the folder would delete them. Nothing was changed. Copy your files elsewhere and ${command} again, or pass --force to replace the folder and lose them.`,
    { where: destination },
  );
}

/**
 * Installs a skill: the archive step, the verify steps over the unpacked files, a look at the destination,
 * the confirmation, then one atomic move and a line in the lockfile. Refuses (installed: false) when
 * anything does not verify; nothing is written into the skills folder until the confirmation.
 */
export async function installSkill(specText: string, options: InstallOptions): Promise<InstallResult> {
  const { registry, directory } = options;
  const spec = parseSkillSpec(specText);
  if (!spec) throw new RegistryError('NO_SUCH_SKILL', `${JSON.stringify(specText)} is not a skill name. Give publisher/name, publisher/name@version or name (lower-case letters, digits, hyphens).`, { where: specText });
  const skill = await resolveSkill(registry, spec);
  const label = skillLabel(skill);
  const destination = join(directory, skill.name);
  const temporary = join(directory, `.${skill.name}.${randomBytes(6).toString('hex')}.partial`);
  const run = new VerificationRun(INSTALL_STEPS, options);
  const notInstalled = (declined = false, preview?: InstallPreview): InstallResult => ({ installed: false, declined, skill, replaced: false, ...(preview ? { preview } : {}), verification: run.report });

  let moved = false;
  try {
    const archive = await checkArchive(registry, skill, directory, temporary);
    if (run.add(archive)) await runVerifySteps(run, { dir: temporary, digest: skill.digest }, { ...options, displayName: `the downloaded ${label}` });
    const verification = run.report;
    if (!archive.passed || !verification.verified) {
      verification.summary = verification.summary.replace(/^NOT VERIFIED/, 'NOT INSTALLED');
      return notInstalled();
    }

    const existing = await lstat(destination).catch(() => undefined);
    if (existing) {
      if (!existing.isDirectory() || (!options.force && !(await isInstallOf(destination, skill.name)))) {
        throw new InstallError('DESTINATION_TAKEN', `${destination} exists and is not an install of ${skill.name}. Move it away, or pass --force to replace it.`, { where: destination });
      }
      // Replacing a folder drops everything in it: only an untouched install of a published version is replaced without --force.
      if (!options.force) await refuseLocalChanges(registry, skill, destination);
    }
    // A damaged lockfile stops the install here, before anything changed.
    await readLockfile(directory);
    const record = archive.value;
    const preview: InstallPreview = {
      skill,
      destination,
      replaces: existing !== undefined,
      capabilities: verification.capabilities ?? record.capabilities.declared,
      verdict: record.verdict,
      trust: record.trust,
      warnings: auditWarnings(record),
    };
    if (options.confirm && !(await options.confirm(preview))) {
      verification.summary = `NOT INSTALLED: ${label} verified, but the install was not confirmed. Nothing was changed.`;
      return notInstalled(true, preview);
    }

    if (existing) {
      // Two renames, each atomic: the old install is moved aside, the new one takes its place, and the
      // old one comes back if that fails. Readers see the old files or the new ones, never a mix.
      const aside = join(directory, `.${skill.name}.${randomBytes(6).toString('hex')}.old`);
      await rename(destination, aside);
      try {
        await rename(temporary, destination);
      } catch (error) {
        await rename(aside, destination);
        throw new InstallError('WRITE_FAILED', `Cannot move ${label} into ${destination} (${(error as NodeJS.ErrnoException).code}). The previous install is unchanged.`, { where: destination, cause: error });
      }
      moved = true;
      // The new install is in place; a leftover hidden `.old` folder is harmless, so do not fail on it.
      await rm(aside, { recursive: true, force: true }).catch(() => undefined);
    } else {
      try {
        await rename(temporary, destination);
      } catch (error) {
        throw new InstallError('WRITE_FAILED', `Cannot move ${label} into ${destination} (${(error as NodeJS.ErrnoException).code}): another install may be running. Try again.`, { where: destination, cause: error });
      }
      moved = true;
    }
    const installedAt = (options.now ?? new Date()).toISOString();
    try {
      await recordInstall(directory, { publisher: skill.publisher, name: skill.name, version: skill.version, digest: skill.digest, registry: lockedRegistryLocation(registry), installedAt });
    } catch (error) {
      if (error instanceof LockfileError) {
        throw new LockfileError(error.code, `Installed ${label} into ${destination}, but did not record it in the lockfile: ${error.message}`, { where: error.where, cause: error });
      }
      throw error;
    }
    const replaced = existing !== undefined;
    verification.summary = `Installed ${label} into ${destination}${replaced ? ' (replacing the previous install)' : ''}. ${verification.summary}`;
    return { installed: true, declined: false, skill, path: destination, replaced, preview, lockfile: lockfilePath(directory), verification };
  } finally {
    // Never let the clean-up hide the error that got here (the folder may not even be creatable).
    if (!moved) await rm(temporary, { recursive: true, force: true }).catch(() => undefined);
  }
}

/**
 * Writes that never leave a half-written file: write a temp file beside the target, fsync, rename.
 * A crash or an error leaves either the old content or the new, never a mix.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';

/** Writes `data` (synced unless `sync` is false) into a new temp file beside `path` (creating parent folders) and returns its path. */
async function writeTemp(path: string, data: string | Uint8Array, mode: number, sync = true): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(data);
    if (sync) await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  return temp;
}

/**
 * Writes `data` to `path` atomically, creating parent folders. `sync: false` skips the fsync for the many
 * small files of a build output that a crash would rebuild anyway: each file still appears whole or not at all.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o644, { sync = true }: { sync?: boolean } = {}): Promise<void> {
  const temp = await writeTemp(path, data, mode, sync);
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Writes a new file atomically, never replacing one: the complete temp file is hard-linked to `path`,
 * which fails with EEXIST when something is there, so the check and the write are one step.
 */
export async function writeNewFileAtomic(path: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  const temp = await writeTemp(path, data, mode);
  try {
    await link(temp, path);
  } finally {
    await rm(temp, { force: true });
  }
}

/** Writes `value` as pretty JSON (with a final newline) atomically. */
export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}

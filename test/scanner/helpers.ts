/** Small factories for scanner tests: skill folders in temp dirs, built from files or copied samples. */
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CapabilitiesSchema } from '../../schemas/index.ts';
import type { ScanOptions } from '../../scanner/index.ts';

const created: string[] = [];

/** Makes a skill folder in a temp dir from a map of relative paths to contents. */
export async function makeSkill(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'scan-skill-'));
  created.push(dir);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

/**
 * Turns one sample (a file or a folder under samples/positive or samples/benign) into a skill folder.
 * A file named `<name>.symlink` becomes a symbolic link `<name>` to the path it contains, since
 * links are not kept in samples.
 */
export async function sampleSkill(samplePath: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'scan-sample-'));
  created.push(dir);
  const info = await stat(samplePath);
  if (info.isDirectory()) await cp(samplePath, dir, { recursive: true });
  else await cp(samplePath, join(dir, samplePath.split('/').pop()!));
  const materialise = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await materialise(path);
      else if (entry.name.endsWith('.symlink')) {
        const target = (await readFile(path, 'utf8')).trim();
        await rm(path);
        await symlink(target, path.slice(0, -'.symlink'.length));
      }
    }
  };
  await materialise(dir);
  return dir;
}

/** Scan options for a sample set: `samples/<kind>.options.yaml` may declare capabilities. */
export async function sampleOptions(samplesDir: string, kind: 'positive' | 'benign'): Promise<ScanOptions> {
  try {
    const data = parseYaml(await readFile(join(samplesDir, `${kind}.options.yaml`), 'utf8')) as { declared?: unknown };
    return data.declared ? { declared: CapabilitiesSchema.parse(data.declared) } : {};
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}

/** Removes every temp folder made so far. */
export async function cleanUp(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

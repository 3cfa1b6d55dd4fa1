/**
 * The public catalogue of published skills the benchmarks read (`claude-code-skills` on the npm registry,
 * pinned by version and integrity; about 1,100 SKILL.md folders gathered from public skill collections),
 * fetched once into `.cache/real-skills/` (the npm registry is the only network this needs).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const PACKAGE = { name: 'claude-code-skills', version: '0.5.0', integrity: 'sha512-9w2o/yhA+ux/rUYeNR2pl8Q/QWTh+XXgNl1ddrIIO4U7ekdeghteNbW3C8n3XEPLHMtBv4QKzt4itr7MzptJbQ==' };
const cache = join(root, '.cache', 'real-skills');
const unpacked = join(cache, `${PACKAGE.name}-${PACKAGE.version}`);
/** The folder holding one folder per skill. */
export const REAL_SKILLS_DIR = join(unpacked, 'package', 'data', 'skills');

function fail(message: string): never {
  process.stderr.write(`real-skills: ${message}\n`);
  process.exit(2);
}

/** Fetches and unpacks the pinned package once; refuses a tarball whose integrity differs from the pin. */
export async function ensureRealSkills(): Promise<void> {
  if (existsSync(REAL_SKILLS_DIR)) return;
  await mkdir(cache, { recursive: true });
  const packed = spawnSync('npm', ['pack', `${PACKAGE.name}@${PACKAGE.version}`, '--silent', '--pack-destination', cache], { encoding: 'utf8' });
  if (packed.status !== 0) fail(`could not fetch ${PACKAGE.name}@${PACKAGE.version} from the npm registry (${packed.stderr.trim() || `exit ${packed.status}`}). Check the network to the registry and run again.`);
  const tarball = join(cache, `${PACKAGE.name}-${PACKAGE.version}.tgz`);
  const integrity = `sha512-${createHash('sha512').update(await readFile(tarball)).digest('base64')}`;
  if (integrity !== PACKAGE.integrity) {
    await rm(tarball, { force: true });
    fail(`${tarball} has integrity ${integrity}, not the pinned ${PACKAGE.integrity}. The registry served other bytes; nothing was unpacked.`);
  }
  const partial = `${unpacked}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  const untar = spawnSync('tar', ['-xzf', tarball, '-C', partial], { encoding: 'utf8' });
  if (untar.status !== 0) fail(`could not unpack ${tarball}: ${untar.stderr.trim()}`);
  await rename(partial, unpacked);
}

/**
 * The newest revocation list seen per registry, remembered on this machine, so a registry (or anyone
 * between it and the client) cannot serve an older signed list to hide a later revocation. Lists carry a
 * sequence number inside their signed payload; a list older than one already seen is refused.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { writeJsonAtomic } from '../core/index.ts';
import type { RevocationList } from '../schemas/index.ts';

/** Where the memory lives: $SKILL_REGISTRY_STATE_DIR, else $XDG_STATE_HOME/skill-registry, else ~/.local/state/skill-registry. */
export function defaultStateDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SKILL_REGISTRY_STATE_DIR) return resolve(env.SKILL_REGISTRY_STATE_DIR);
  return join(env.XDG_STATE_HOME ? resolve(env.XDG_STATE_HOME) : join(homedir(), '.local', 'state'), 'skill-registry');
}

const STATE_FILE = 'revocation-lists.json';

const SeenSchema = z.strictObject({ sequence: z.number().int().nonnegative(), issuedAt: z.string() });
const StateSchema = z.strictObject({ schemaVersion: z.literal(1), registries: z.record(z.string(), SeenSchema) });
type State = z.output<typeof StateSchema>;

/** Why a list was refused: a code and a message saying what to do. */
export class RevocationReplayError extends Error {
  readonly code: 'REVOCATIONS_REPLAYED' | 'STATE_UNREADABLE';
  constructor(code: RevocationReplayError['code'], message: string) {
    super(message);
    this.code = code;
  }
}

/** A registry's key in the memory: its URL without trailing slashes, or its folder's absolute path. */
function keyOf(location: string): string {
  return /^https?:\/\//i.test(location) ? location.replace(/\/+$/, '') : resolve(location);
}

async function readState(file: string): Promise<State> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { schemaVersion: 1, registries: {} };
    throw new RevocationReplayError('STATE_UNREADABLE', `Cannot read ${file} (${(error as Error).message}), where the newest revocation list of each registry is remembered. Fix its permissions, or delete it to start over.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const parsed = StateSchema.safeParse(value);
  if (!parsed.success) {
    throw new RevocationReplayError('STATE_UNREADABLE', `${file} is not a revocation memory this version reads. Delete it to start over (the next list seen from each registry is remembered again).`);
  }
  return parsed.data;
}

/**
 * Checks a verified list against the newest one seen from the same registry, and remembers it when it is
 * newer. Throws {@link RevocationReplayError} for an older list, or for a list without a sequence number
 * once a numbered one was seen.
 */
export async function checkRevocationFreshness(stateDir: string, location: string, list: RevocationList): Promise<void> {
  const file = join(stateDir, STATE_FILE);
  const state = await readState(file);
  const key = keyOf(location);
  const seen = state.registries[key];
  if (seen !== undefined) {
    if (list.sequence === undefined) {
      throw new RevocationReplayError(
        'REVOCATIONS_REPLAYED',
        `${location} served a revocation list without a sequence number (issued ${list.issuedAt}), but a numbered list was already seen from it (sequence ${seen.sequence}, issued ${seen.issuedAt}). An old list may be being replayed to hide a revocation. Not verified: try again later, or ask the registry operator.`,
      );
    }
    if (list.sequence < seen.sequence) {
      throw new RevocationReplayError(
        'REVOCATIONS_REPLAYED',
        `${location} served revocation list number ${list.sequence} (issued ${list.issuedAt}), older than number ${seen.sequence} (issued ${seen.issuedAt}) already seen from it. An old list may be being replayed to hide a revocation. Not verified: try again later, or ask the registry operator.`,
      );
    }
    if (list.sequence === seen.sequence) return;
  }
  if (list.sequence === undefined) return;
  state.registries[key] = { sequence: list.sequence, issuedAt: list.issuedAt };
  await mkdir(stateDir, { recursive: true, mode: 0o700 });
  await writeJsonAtomic(file, state);
}

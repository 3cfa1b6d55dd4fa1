import { rm } from 'node:fs/promises';

/**
 * vitest's global set-up: every test of a run makes its temporary folders under one root of the run's own
 * (vitest.config.ts points TMPDIR there), and the run removes that root when it ends, so repeated runs leave
 * nothing behind in the machine's temporary folder, whichever test forgot its own clean-up.
 */
export default function setup(): () => Promise<void> {
  return async () => {
    const root = process.env.SKILL_REGISTRY_TEST_TMP;
    if (root) await rm(root, { recursive: true, force: true, maxRetries: 5 });
  };
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

// One temporary root per run: tests and the processes they start make their folders under it (TMPDIR), and
// test/tmp-root.ts removes it when the run ends. The config is read again in each worker: the root is made once.
const runRoot = process.env.SKILL_REGISTRY_TEST_TMP ?? mkdtempSync(join(tmpdir(), 'skill-registry-run-'));
process.env.SKILL_REGISTRY_TEST_TMP = runRoot;

export default defineConfig({
  test: {
    // The corpus and the blind sets hold skills as data; nothing in them is ever run, tests included.
    exclude: [...configDefaults.exclude, 'test/corpus/**', 'test/blind/**'],
    include: ['test/**/*.test.ts', 'scanner/**/*.test.ts', 'sandbox/**/*.test.ts', 'signing/**/*.test.ts', 'pipeline/**/*.test.ts', 'cli/**/*.test.ts', 'core/**/*.test.ts', 'schemas/**/*.test.ts'],
    // Real git repositories, sandboxes and a browser make some tests take seconds; none may hang.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Sandboxed dry runs and the browser are heavy on a 2-core machine: run files two at a time.
    maxWorkers: 2,
    pool: 'forks',
    // The client remembers the newest revocation list per registry; tests (and the CLIs they start) keep
    // that memory in a folder of their own run, never in the invoking user's HOME or another run's.
    env: { TMPDIR: runRoot, SKILL_REGISTRY_TEST_TMP: runRoot, SKILL_REGISTRY_STATE_DIR: join(runRoot, 'state') },
    globalSetup: ['test/tmp-root.ts'],
  },
});

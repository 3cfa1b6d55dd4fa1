/** Test factories: child processes and scratch folders. */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/** What a finished child process printed and how it ended. */
export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command without blocking this process, so a site this process serves keeps answering (and
 * closing idle connections) while the command talks to it.
 */
export function runAsync(file: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string }): Promise<Ran> {
  return new Promise((done) => {
    const child = spawn(file, args, { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => done({ status, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** A maker of numbered fresh folders (`skills-1`, `skills-2`, …) under the folder `root()` names when called. */
export function freshDirs(root: () => string): (prefix: string) => Promise<string> {
  let counter = 0;
  return async (prefix) => {
    counter += 1;
    const dir = join(root(), `${prefix}-${counter}`);
    await mkdir(dir, { recursive: true });
    return dir;
  };
}

/** What a stopped sandbox reports about the command itself, read from the trace alone. */
import { describe, expect, it } from 'vitest';
import { classifyStopped, runnerArgv, type LimitName } from './backend.ts';
import type { SyscallRecord } from './trace.ts';

const command = "setsid nohup sh -c 'spin' & echo started";

function record(pid: number, syscall: string, extra: Partial<SyscallRecord> = {}): SyscallRecord {
  return { pid, syscall, paths: [], flags: '', result: 0, errno: undefined, ...extra };
}

/** The command's own process started, then exited with `status`; a background child kept running. */
const finished = (status: number) => [record(2, 'execve', { argv: runnerArgv(command) }), record(2, 'clone', { childPid: 3 }), record(2, 'exit_group', { exitStatus: status }), record(3, 'execve', { argv: ['/bin/sh', '-c', 'spin'] })];
const stillRunning = [record(2, 'execve', { argv: runnerArgv(command) }), record(2, 'clone', { childPid: 3 })];

const stopped = (limits: LimitName[]) => ({ exitCode: null, timedOut: true, limits });

describe('classifyStopped', () => {
  it('reports the exit status of a command that finished before its background hit the CPU limit', () => {
    expect(classifyStopped(stopped(['cpu', 'processes']), finished(0), command)).toEqual({ exitCode: 0, timedOut: false, limits: ['cpu', 'processes'] });
  });

  it('turns a wall time that only background processes reached into the background limit', () => {
    expect(classifyStopped(stopped(['wall-time']), finished(3), command)).toEqual({ exitCode: 3, timedOut: false, limits: ['background'] });
  });

  it('keeps a command that was still running when a limit stopped it killed', () => {
    for (const limits of [['wall-time'], ['cpu'], ['write-bytes'], ['trace-size']] as LimitName[][]) {
      expect(classifyStopped(stopped(limits), stillRunning, command)).toEqual(stopped(limits));
    }
  });

  it('does not read a trace of some other command as this one', () => {
    const other = [record(2, 'execve', { argv: runnerArgv('echo other') }), record(2, 'exit_group', { exitStatus: 0 })];
    expect(classifyStopped(stopped(['cpu']), other, command)).toEqual(stopped(['cpu']));
  });

  it('leaves an outcome no stopping limit touched as it was', () => {
    const outcome = { exitCode: 1, timedOut: false, limits: ['memory', 'processes'] as LimitName[] };
    expect(classifyStopped(outcome, finished(0), command)).toBe(outcome);
  });
});

/**
 * Test support for the sinkhole's tests (never imported by product code): runs real processes inside
 * a sinkhole's namespace with its resolv.conf and CA in place, as the sandbox will.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Sinkhole, SinkholeEvent } from './sinkhole.ts';

/** Outcome of a process run inside the sandbox namespace. */
export interface NetnsRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A folder holding the sandbox-side files of a sinkhole: resolv.conf and the CA certificate. */
export async function sandboxFiles(sinkhole: Sinkhole): Promise<{ directory: string; resolvConf: string; caFile: string }> {
  const directory = await mkdtemp(join(tmpdir(), 'sinkhole-test-'));
  const resolvConf = join(directory, 'resolv.conf');
  const caFile = join(directory, 'ca.pem');
  await writeFile(resolvConf, `nameserver ${sinkhole.dnsServer}\n`);
  await writeFile(caFile, sinkhole.caCertificatePem);
  return { directory, resolvConf, caFile };
}

/**
 * Runs `command` inside the sinkhole's namespace with `resolvConf` bind-mounted over /etc/resolv.conf
 * (in the private mount namespace `ip netns exec` makes, so the host's file is untouched).
 */
export function runInNetns(sinkhole: Sinkhole, resolvConf: string, command: string[], timeoutMs = 20_000): Promise<NetnsRun> {
  const script = 'mount --bind "$1" /etc/resolv.conf && shift && exec "$@"';
  return new Promise((resolve) => {
    execFile(
      'ip',
      ['netns', 'exec', sinkhole.netnsName, 'sh', '-c', script, 'sh', resolvConf, ...command],
      { encoding: 'utf8', timeout: timeoutMs },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Runs a Node.js snippet inside the namespace (the same Node binary as the tests). */
export function runNodeInNetns(sinkhole: Sinkhole, resolvConf: string, source: string): Promise<NetnsRun> {
  return runInNetns(sinkhole, resolvConf, [process.execPath, '--input-type=module', '-e', source]);
}

/** Settles the sinkhole and drains its events. */
export async function settledEvents(sinkhole: Sinkhole): Promise<SinkholeEvent[]> {
  await sinkhole.settle();
  return sinkhole.drain();
}

/** The one event of `kind` and `target` among `events`; fails the test with the list when absent. */
export function eventOf(events: SinkholeEvent[], kind: SinkholeEvent['kind'], target: string): SinkholeEvent {
  const matches = events.filter((event) => event.kind === kind && event.target === target);
  if (matches.length === 0) {
    throw new Error(`No ${kind} event for ${target}; events were:\n${events.map((event) => `  ${event.kind} ${event.target}`).join('\n')}`);
  }
  return matches[0]!;
}

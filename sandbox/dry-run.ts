/**
 * The dry run of one skill: plan the commands, and run each on a fresh copy of the skill in a fresh
 * honeypot HOME inside the sandbox, behind the sinkhole; turn traces into events, compare them with the
 * declared capabilities, and report.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { chmod, chown, cp, lchown, lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, statfs, writeFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { DEFAULT_TREE_LIMITS, DigestError, canonicalJson, sha256Hex, treeDigest } from '../core/index.ts';
import type { Capabilities, DryRunEvent, DryRunReport, Violation } from '../schemas/index.ts';
import { noCapabilities } from '../schemas/index.ts';
import { MAX_TRACE_BYTES, runnerArgv, sandboxScratchBase, type Sandbox, type SandboxLayout, type SandboxName, type SandboxNetwork } from './backend.ts';
import { BubblewrapSandbox, bubblewrapHostId, bubblewrapUsable } from './bubblewrap.ts';
import { SandboxError } from './errors.ts';
import { cgroupMode, type CgroupMode } from './cgroup.ts';
import { displayPath, normalizeEvents, recordsToEvents } from './events.ts';
import { GvisorSandbox, gvisorUsable } from './gvisor.ts';
import { createHoneypot, createIdentity, displayPathOf, plantHoneypot, type Honeypot, type HoneypotIdentity } from './honeypot.ts';
import { resolveLimits, type DryRunLimits } from './limits.ts';
import { SHELL_STARTUP_FILE, UNSAFE_IN_SETUP, onlyShellSetupAdded, readRegular, scanDecodedOutput, scanWrittenFiles, snapshotAreas, writtenFiles, type WatchedArea } from './follow.ts';
import { SAMPLE_FILES, argumentHosts, argumentPaths, commandsFromSkillMd, exampleHosts, inventedMatcher, placeholderHosts, planCommands, type PlannedCommand } from './plan.ts';
import { startSinkhole, type Sinkhole, type SinkholeEvent } from './sinkhole/index.ts';
import { PERSISTENCE_COMMANDS, READS_SCHEDULE, findViolations, networkHost, observedCapabilities } from './violations.ts';

/** Version of the dry-run engine, part of audit cache keys: bump it whenever behaviour changes. */
export const DRYRUN_ENGINE_VERSION = 'dryrun-1.9.12';

/** Options of {@link dryRunSkill}. */
export interface DryRunOptions {
  /** Capabilities the entry declares; observed behaviour is held to them. */
  declared: Capabilities;
  /** The entry's `dryRun` commands (run in the skill folder copy). */
  commands?: string[];
  /** Backend: first available (`auto`, default), or a named one. */
  sandbox?: 'auto' | 'gvisor' | 'bubblewrap';
  /** When set, do not run: the report has status 'not-run', this reason, verdict 'warn'. */
  skip?: string;
  /** Overrides of the default limits (tests use small ones). */
  limits?: Partial<DryRunLimits>;
  /**
   * `auto` (default): cgroups (v1 or v2) when this machine lets the dry run use them; `none`: never. Without
   * cgroups nothing bounds the memory of a command's processes together, so the report lists the memory
   * limit as not enforced and no skill from such a run can be Verified.
   */
  resourceControl?: 'auto' | 'none';
}

/** Host CA bundle copied into the sandbox's /etc (public certificates, so TLS clients start normally). */
const HOST_CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

/** Path of the CA bundle inside the sandbox. */
const SANDBOX_CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

/** Resolver named in /etc/resolv.conf when no sinkhole runs: loopback, so queries fail fast and visibly. */
const ISOLATED_RESOLVER = '127.0.0.53';

let available: Promise<SandboxName[]> | undefined;


/** Backends usable on this machine, best first (probed once per process). */
export async function availableSandboxes(): Promise<SandboxName[]> {
  available ??= (async () => {
    const scratch = await mkdtemp(join(sandboxScratchBase(), 'skill-registry-probe-'));
    try {
      const names: SandboxName[] = [];
      if (await gvisorUsable(scratch).catch(() => false)) names.push('gvisor');
      if (await bubblewrapUsable().catch(() => false)) names.push('bubblewrap');
      return names;
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  })();
  return available;
}

async function chooseSandbox(wanted: DryRunOptions['sandbox']): Promise<Sandbox> {
  const names = await availableSandboxes();
  if (wanted === undefined || wanted === 'auto') {
    if (names.length === 0) {
      throw new SandboxError('NO_SANDBOX', 'No sandbox is usable here: neither gVisor (`runsc`) nor bubblewrap (`bwrap` with `strace`) can start (both also need `/usr/bin/perl` for the sandbox init). Install one (Debian: `apt-get install runsc` or `apt-get install bubblewrap strace`), or skip the dry run explicitly; the audit fails closed without it.');
    }
    return names[0] === 'gvisor' ? new GvisorSandbox() : new BubblewrapSandbox();
  }
  if (!names.includes(wanted)) {
    throw new SandboxError('SANDBOX_UNAVAILABLE', `The ${wanted} sandbox cannot run here (usable: ${names.join(', ') || 'none'}). Install it (${wanted === 'gvisor' ? 'runsc' : 'bubblewrap and strace'}) or choose another with --sandbox.`);
  }
  return wanted === 'gvisor' ? new GvisorSandbox() : new BubblewrapSandbox();
}

/** Writes the sandbox's /etc: identity, name resolution and the trusted certificates. */
async function writeEtc(etcDir: string, id: HoneypotIdentity, sinkhole: Sinkhole | undefined): Promise<void> {
  const files: Record<string, string> = {
    passwd: `root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n${id.user}:x:${id.uid}:${id.gid}:${id.fullName},,,:${id.home}:/bin/bash\n`,
    group: `root:x:0:\nsudo:x:27:${id.user}\ndocker:x:999:${id.user}\nnogroup:x:65534:\n${id.user}:x:${id.gid}:\n`,
    hostname: `${id.hostname}\n`,
    hosts: `127.0.0.1\tlocalhost\n127.0.1.1\t${id.hostname}\n::1\tlocalhost ip6-localhost ip6-loopback\n${sinkhole?.hostsFileLines ?? ''}`,
    'resolv.conf': `nameserver ${sinkhole?.dnsServer ?? ISOLATED_RESOLVER}\noptions edns0 trust-ad\nsearch .\n`,
    'nsswitch.conf': 'passwd: files\ngroup: files\nhosts: files dns\n',
    'os-release': 'PRETTY_NAME="Ubuntu 24.04.1 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\nID_LIKE=debian\n',
    timezone: 'Europe/Berlin\n',
    shells: '/bin/sh\n/bin/bash\n/usr/bin/bash\n',
  };
  await mkdir(join(etcDir, 'ssl', 'certs'), { recursive: true });
  await mkdir(join(etcDir, 'alternatives'), { recursive: true });
  for (const [name, content] of Object.entries(files)) await writeFile(join(etcDir, name), content, { mode: 0o644 });
  const hostBundle = await readFile(HOST_CA_BUNDLE, 'utf8').catch(() => '');
  await writeFile(join(etcDir, 'ssl', 'certs', 'ca-certificates.crt'), `${hostBundle}${sinkhole === undefined ? '' : `\n${sinkhole.caCertificatePem}\n`}`, { mode: 0o644 });
  if (existsSync('/etc/ld.so.cache')) await cp('/etc/ld.so.cache', join(etcDir, 'ld.so.cache'));
}

/** The environment of every command: a developer's login shell, the honeypot secrets, no CI markers. */
function commandEnv(honeypot: Honeypot, workDir: string, sinkhole: Sinkhole | undefined): Record<string, string> {
  const id = honeypot.identity;
  const env: Record<string, string> = {
    HOME: id.home,
    USER: id.user,
    LOGNAME: id.user,
    SHELL: '/bin/bash',
    PATH: `${id.home}/.local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`,
    PWD: workDir,
    LANG: 'en_US.UTF-8',
    TERM: 'xterm-256color',
    EDITOR: 'vim',
    // A terminal's shell level; with 0, bash on a socket stdin would act as if started by sshd.
    SHLVL: '1',
    XDG_RUNTIME_DIR: `/run/user/${id.uid}`,
    ...honeypot.env,
  };
  if (sinkhole !== undefined) {
    for (const name of ['SSL_CERT_FILE', 'REQUESTS_CA_BUNDLE', 'NODE_EXTRA_CA_CERTS', 'CURL_CA_BUNDLE', 'GIT_SSL_CAINFO']) env[name] = SANDBOX_CA_BUNDLE;
  }
  return env;
}

/** Replaces canary tokens in an event with `<canary …>` so reports never carry them and runs compare equal. */
function redact(value: unknown, honeypot: Honeypot): unknown {
  if (typeof value === 'string') {
    let text = value;
    for (const secret of honeypot.secrets) text = text.split(secret.canary).join(`<canary ${secret.location}>`);
    // The run's person is picked at random: name them generically so transcripts of two runs compare.
    const { home, user, hostname } = honeypot.identity;
    text = text.split(`${home}/`).join('~/').split(home).join('~').split(hostname).join('<hostname>');
    return text.replace(new RegExp(`(?<=/|^|:)${user}(?=$|/|:)`, 'g'), '<user>');
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, honeypot));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redact(item, honeypot)]));
  return value;
}

/** Changes the owner of a tree; never follows a link (a skill's link to /etc/shadow stays a link). */
async function chownTree(path: string, uid: number, gid: number): Promise<void> {
  await lchown(path, uid, gid);
  const info = await lstat(path);
  if (!info.isDirectory()) return;
  for (const entry of await readdir(path)) await chownTree(join(path, entry), uid, gid);
}

/** Marks files starting with `#!` executable in the copy, as an agent would before running them. */
async function markScriptsExecutable(root: string, dir = root): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await markScriptsExecutable(root, path);
    else if (entry.isFile()) {
      const head = await readFile(path).then((data) => data.subarray(0, 2).toString('latin1'));
      if (head === '#!') await chmod(path, 0o755);
    }
  }
}

/** A sinkhole event as a dry-run event of `command`. */
function sinkholeToEvent(event: SinkholeEvent, command: string): DryRunEvent {
  return { ...event.detail, kind: event.kind, target: event.target, command, canary: event.canary, source: 'sinkhole' };
}

/** A host name with no dot (`build-box`, an ssh alias, a template's unfilled `__WEBHOOK__` hole): it resolves only through the user's own configuration or network. */
function isLocalName(host: string): boolean {
  return /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/i.test(host) && !/^\d+$/.test(host) && host.toLowerCase() !== 'localhost';
}

/** Dry-runs the skill in `dir`. Throws {@link SandboxError} `NO_SANDBOX` when no backend is usable (unless skipped). */
export async function dryRunSkill(dir: string, options: DryRunOptions): Promise<DryRunReport> {
  const declared = options.declared ?? noCapabilities();
  if (options.skip !== undefined) {
    return {
      schemaVersion: 1, verdict: 'warn', status: 'not-run', reason: options.skip, commands: [], events: [], violations: [],
      observed: noCapabilities(), engine: DRYRUN_ENGINE_VERSION,
    };
  }
  const limits = resolveLimits(options.limits);
  const info = await stat(dir).catch(() => undefined);
  if (info === undefined || !info.isDirectory()) {
    throw new SandboxError('BAD_SKILL_DIR', `${dir} is not a folder. Give the path of a skill folder (the one holding SKILL.md).`);
  }
  // The same rules as the published digest: no links, devices or oversized trees. A link in the copy
  // would otherwise make the host-side preparation (planting .env, sample files) write through it.
  let digest: string;
  try {
    digest = (await treeDigest(dir)).digest;
  } catch (error) {
    if (error instanceof DigestError) throw new SandboxError('BAD_SKILL_DIR', error.message, { where: error.where, cause: error });
    throw error;
  }
  const sandbox = await chooseSandbox(options.sandbox);
  const cgroups = options.resourceControl === 'none' ? undefined : await cgroupMode();
  const { commands: planned, dropped } = await planCommands(dir, options.commands ?? [], limits.maxCommands);
  const honeypot = createHoneypot(createIdentity(digest));
  const runDir = await mkdtemp(join(sandboxScratchBase(), 'skill-registry-dryrun-'));
  await chmod(runDir, 0o711);
  const skillName = basename(dir).replace(/[^\w.-]/g, '-') || 'skill';
  const workDir = `${honeypot.identity.projectsDir}/${skillName}`;
  const isRoot = process.getuid?.() === 0;
  // Who must own HOME on the host: gVisor checks permissions against the host owner (the sandbox user);
  // bubblewrap started by root runs as an unprivileged host id mapped to the sandbox user; started by
  // anyone else it maps the caller, who owns the files already.
  const hostId = isRoot && sandbox.name === 'bubblewrap' ? bubblewrapHostId() : undefined;
  const fileOwner = !isRoot ? undefined : sandbox.name === 'gvisor' ? honeypot.identity.uid : hostId;
  let sinkhole: Sinkhole | undefined;
  let networkNote: string | undefined;
  const allEvents: DryRunEvent[] = [];
  const followed: Violation[] = [];
  const commandResults: DryRunReport['commands'] = [];
  try {
    try {
      await mkdir(join(runDir, 'sinkhole'), { recursive: true, mode: 0o700 });
      sinkhole = await startSinkhole({ canaries: honeypot.canaries, workDir: join(runDir, 'sinkhole') });
    } catch (error) {
      networkNote = `The sinkhole did not start (${(error as Error).message}); the command ran with no network at all, so connection attempts are seen only in the trace.`;
    }
    const network: SandboxNetwork = sinkhole === undefined ? { kind: 'isolated' } : { kind: 'sinkhole', netnsName: sinkhole.netnsName, netnsPath: sinkhole.netnsPath };
    const etcDir = join(runDir, 'etc');
    await writeEtc(etcDir, honeypot.identity, sinkhole);
    const started = Date.now();
    const order = planned.map((command) => command.command);
    for (const [index, plannedCommand] of planned.entries()) {
      if (Date.now() - started > limits.skillWallMs) {
        commandResults.push({ command: plannedCommand.command, source: plannedCommand.source, exitCode: null, timedOut: false, skipped: true });
        allEvents.push({ kind: 'limit', target: `skill wall time ${limits.skillWallMs} ms`, command: plannedCommand.command, canary: false, limit: 'skill-wall-time' });
        continue;
      }
      sinkhole?.drain();
      const result = await runOne(sandbox, plannedCommand, { dir, runDir, index, honeypot, workDir, etcDir, limits, network, sinkhole, fileOwner, declared, cgroups, hostId });
      commandResults.push(result.summary);
      allEvents.push(...result.events);
      followed.push(...result.violations);
    }
    const events = normalizeEvents(allEvents.map((event) => redact(event, honeypot) as DryRunEvent), order);
    // What the dry run invented for a command (a sample URL, a sample file), and a host the command names
    // only by a placeholder (`LHOST`), is the user's choice.
    // A host SKILL.md gives as an example of the user's own (`e.g. shop.example.com` for "the domain") is the user's too.
    const skillMd = await readFile(join(dir, 'SKILL.md'), 'utf8').catch(() => '');
    const examples = exampleHosts(skillMd);
    // A host SKILL.md hands the skill's own program (`sudo scripts/stage-pem.sh shop.example.com …`) is the user's value in
    // every step that uses it (`openssl s_client -connect shop.example.com:443` to check the result).
    for (const step of commandsFromSkillMd(skillMd)) for (const host of argumentHosts(step.command)) if (/\.[a-z]{2,}$/i.test(host)) examples.add(host);
    const chosen = new Map(
      planned.map((item) => {
        const invented = inventedMatcher([...(item.invented ?? []), ...placeholderHosts(item.command)]);
        const given = argumentHosts(item.command);
        const paths = argumentPaths(item.command);
        const named = (path: string) => paths.some((chosen) => path === chosen || path.startsWith(`${chosen}/`));
        const givenOrExample = (host: string) => {
          const name = host.toLowerCase().replace(/\.$/, '');
          return given.has(name) || examples.has(name);
        };
        return [redact(item.command, honeypot) as string, { host: (host: string) => invented.host(host) || givenOrExample(host), path: (path: string) => invented.path(path) || named(path) }];
      }),
    );
    for (const event of events) {
      const matcher = chosen.get(event.command);
      if (matcher === undefined) continue;
      // A name with no dot (`build-box`, an ssh alias) resolves only through the user's own configuration or
      // network: no stranger owns it on the internet, so reaching it is the user's choice too.
      const host = ['dns', 'connect', 'http'].includes(event.kind) ? networkHost(event).host : '';
      const isChosen = event.kind.startsWith('file') ? matcher.path(event.target) : ['dns', 'connect', 'http'].includes(event.kind) && (matcher.host(host) || isLocalName(host));
      if (isChosen) event.userChosen = true;
    }
    const violations = [
      ...findViolations(events, declared, honeypot, (command, host) => chosen.get(command)?.host(host) === true || isLocalName(host)),
      ...followed.map((violation) => redact(violation, honeypot) as Violation),
    ];
    const commands = commandResults.map((command) => redact(command, honeypot) as DryRunReport['commands'][number]);
    const transcriptDigest = `sha256:${sha256Hex(canonicalJson({ commands: commands.map(({ command, source, exitCode, timedOut }) => ({ command, source, exitCode, timedOut })), events }))}` as const;
    const report: DryRunReport = {
      schemaVersion: 1,
      verdict: violations.some((violation) => violation.severity === 'critical' || violation.severity === 'high') ? 'fail' : violations.length > 0 ? 'warn' : 'pass',
      status: 'ran',
      sandbox: sandbox.name,
      commands,
      events,
      violations,
      observed: observedCapabilities(events, honeypot),
      transcriptDigest,
      engine: DRYRUN_ENGINE_VERSION,
      network: sinkhole === undefined ? 'isolated' : 'sinkhole',
    };
    if (networkNote !== undefined) report.networkNote = networkNote;
    if (cgroups === undefined) {
      report.unenforcedLimits = ['memory'];
      report.limitsNote =
        options.resourceControl === 'none'
          ? 'The dry run was asked to run without cgroups, so nothing bounded the memory of a command\'s processes together.'
          : 'No cgroup (v1 memory and pids hierarchies, or v2 with the memory and pids controllers) was writable here, so nothing bounded the memory of a command\'s processes together. Run the audit as root on a host with cgroups, or in a container given a delegated cgroup.';
    }
    if (dropped > 0) report.droppedCommands = dropped;
    return report;
  } finally {
    await sinkhole?.close().catch(() => undefined);
    await rm(runDir, { recursive: true, force: true });
  }
}

interface RunContext {
  dir: string;
  runDir: string;
  index: number;
  honeypot: Honeypot;
  workDir: string;
  etcDir: string;
  limits: DryRunLimits;
  network: SandboxNetwork;
  sinkhole: Sinkhole | undefined;
  /** Host uid and gid that must own HOME and /tmp, when ownership has to change. */
  fileOwner: number | undefined;
  /** Capabilities the entry declares (the scans of written files and decoded output are held to them). */
  declared: Capabilities;
  /** The cgroup interface used, or undefined when none can be. */
  cgroups: CgroupMode | undefined;
  /** Host uid/gid of this dry run's bubblewrap sandboxes (as root). */
  hostId: number | undefined;
}

/**
 * Room on a command's tmpfs beyond its write limit: the skill copy (at most the digest's total cap)
 * plus the honeypot and planted sample files.
 */
const COMMAND_TMPFS_MARGIN_BYTES = DEFAULT_TREE_LIMITS.maxTotalBytes + 16 * 1024 * 1024;

/**
 * As root, puts a command's whole folder (HOME, /tmp, skill copy) on a size-capped tmpfs, so bytes
 * written to files that were deleted while still open count too: the supervisor can only measure
 * files it can see, the tmpfs refuses everything past its size.
 */
async function mountCommandTmpfs(commandDir: string, limits: DryRunLimits): Promise<boolean> {
  if (process.getuid?.() !== 0) return false;
  const size = limits.writeBytes + COMMAND_TMPFS_MARGIN_BYTES;
  return new Promise((resolve) => {
    execFile('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0711,nosuid,nodev`, 'skill-registry-dryrun', commandDir], (error) => resolve(!error));
  });
}

/** Rounding room above the write limit on a command's tmpfs (page and inode granularity). */
const TMPFS_SLACK_BYTES = 1024 * 1024;

async function tmpfsUsedBytes(dir: string): Promise<number> {
  const stats = await statfs(dir);
  return (stats.blocks - stats.bfree) * stats.bsize;
}

/** What one command did: its summary, its events, and the violations found by following it. */
interface CommandOutcome {
  summary: DryRunReport['commands'][number];
  events: DryRunEvent[];
  violations: Violation[];
}

/** The skill's own text files, read once for the folder being run (only the last folder is kept): what a written data file may quote. */
let shippedCache: { dir: string; texts: Promise<string[]> } | undefined;

/** Whether a piece of text is found in one of the skill's own text files (at most 2 MB each). */
export async function shippedTextOf(dir: string): Promise<(text: string) => boolean> {
  let texts = shippedCache?.dir === dir ? shippedCache.texts : undefined;
  if (texts === undefined) {
    texts = (async () => {
      const out: string[] = [];
      const walk = async (folder: string): Promise<void> => {
        for (const entry of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
          if (entry.name === '.git') continue;
          const path = join(folder, entry.name);
          if (entry.isDirectory()) await walk(path);
          else if (entry.isFile() && (await stat(path)).size <= 2 * 1024 * 1024) out.push((await readFile(path)).toString('utf8'));
        }
      };
      await walk(dir);
      return out;
    })();
    shippedCache = { dir, texts };
  }
  const all = await texts;
  // Compared without white space and escapes: a file's line folds and `\n`, `\,` escapes (an ICS, a JSON string) do not change what it says.
  const plain = (text: string) => text.replace(/\\[nrt]/g, ' ').replace(/[\s\\]+/g, '');
  const normalised = all.map(plain);
  return (text: string) => { const wanted = plain(text); return wanted.length >= 16 && normalised.some((content) => content.includes(wanted)); };
}

/** Runs one command on a fresh copy of the skill in a fresh HOME, and always removes its folder. */
async function runOne(sandbox: Sandbox, planned: PlannedCommand, context: RunContext): Promise<CommandOutcome> {
  const commandDir = join(context.runDir, `command-${context.index}`);
  // Traversable, not listable: the sandbox user reaches its HOME and /tmp, nothing else here.
  await mkdir(commandDir, { mode: 0o711 });
  const capped = await mountCommandTmpfs(commandDir, context.limits);
  try {
    return await runInFolder(sandbox, planned, context, commandDir, capped);
  } finally {
    if (capped) await new Promise<void>((resolve) => execFile('umount', ['--lazy', commandDir], () => resolve()));
    await rm(commandDir, { recursive: true, force: true });
  }
}

async function runInFolder(sandbox: Sandbox, planned: PlannedCommand, context: RunContext, commandDir: string, capped: boolean): Promise<CommandOutcome> {
  const id = context.honeypot.identity;
  const homeDir = join(commandDir, 'home');
  const tmpDir = join(commandDir, 'tmp');
  const privateDir = join(commandDir, 'private');
  const skillCopy = join(homeDir, relative(id.home, context.workDir));
  await mkdir(privateDir, { mode: 0o700 });
  await mkdir(tmpDir, { recursive: true });
  await chmod(tmpDir, 0o1777);
  await mkdir(skillCopy, { recursive: true });
  // Exactly the files the digest covers: only a top-level `.git` is left out, as in skill-tree-v1.
  await cp(context.dir, skillCopy, { recursive: true, filter: (source) => relative(context.dir, source).split('/')[0] !== '.git' });
  await markScriptsExecutable(skillCopy);
  const shipped = (path: string) => existsSync(join(context.dir, path));
  await plantHoneypot(context.honeypot, homeDir, skillCopy, shipped);
  for (const [name, content] of Object.entries(SAMPLE_FILES)) if (!shipped(name)) await writeFile(join(skillCopy, name), content, { flag: 'wx' });
  if (context.fileOwner !== undefined) {
    await chownTree(homeDir, context.fileOwner, context.fileOwner === id.uid ? id.gid : context.fileOwner);
    await chown(tmpDir, context.fileOwner, context.fileOwner === id.uid ? id.gid : context.fileOwner);
  }
  const baselineBytes = capped ? await tmpfsUsedBytes(commandDir) : 0;
  if (capped) {
    // Now that the folder is prepared, shrink the tmpfs to what is there plus the write limit.
    const size = baselineBytes + context.limits.writeBytes + TMPFS_SLACK_BYTES;
    await new Promise<void>((resolve) => execFile('mount', ['-o', `remount,size=${size}`, commandDir], () => resolve()));
  }
  const layout: SandboxLayout = { homeDir, tmpDir, etcDir: context.etcDir, privateDir, home: id.home, workDir: context.workDir, uid: id.uid, gid: id.gid, hostname: id.hostname };
  // Where a command may leave files behind, and what was there before it ran.
  const areas: WatchedArea[] = [
    { hostDir: skillCopy, display: './' },
    { hostDir: homeDir, display: '~/', exclude: [skillCopy] },
    { hostDir: tmpDir, display: '/tmp/' },
  ];
  const before = await snapshotAreas(areas);
  const result = await sandbox.run({
    id: `sr-${randomBytes(6).toString('hex')}`,
    command: planned.command,
    stdin: planned.stdin ?? '',
    env: commandEnv(context.honeypot, context.workDir, context.sinkhole),
    layout,
    limits: context.limits,
    network: context.network,
    cgroups: context.cgroups,
    ...(context.hostId === undefined ? {} : { hostId: context.hostId }),
  });
  // The tmpfs refuses writes past the limit (ENOSPC). Bytes in files deleted while open are gone from
  // the tmpfs once the command exits, so the refusal itself is the evidence: in the trace, or in what
  // the command printed about it.
  const diskFull = result.records.some((record) => record.errno === 'ENOSPC') || /No space left on device|ENOSPC/.test(result.stderr);
  if (capped && !result.limits.includes('write-bytes') && (diskFull || (await tmpfsUsedBytes(commandDir)) - baselineBytes >= context.limits.writeBytes)) {
    result.limits.push('write-bytes');
  }
  if (result.records.length === 0 && !result.timedOut && result.limits.length === 0) {
    throw new SandboxError('SANDBOX_FAILED', `The ${sandbox.name} sandbox did not start \`${planned.command}\` (exit ${result.exitCode}): ${result.stderr.trim().slice(0, 500)}. Check that the sandbox works on this machine (try --sandbox with the other backend); the dry run refuses rather than report an unobserved command as clean.`);
  }
  const events = recordsToEvents(result.records, {
    home: id.home, workDir: context.workDir, honeypot: context.honeypot, command: planned.command, runnerArgv: runnerArgv(planned.command), dnsServer: context.sinkhole?.dnsServer,
  });
  // Planted sample files and the honeypot .env are ours, not the skill's: their reads say nothing.
  const planted = new Set(Object.keys(SAMPLE_FILES).map((name) => `./${name}`));
  const filtered = events.filter((event) => !(event.kind === 'file-read' && planted.has(event.target)));
  if (context.sinkhole !== undefined) {
    await context.sinkhole.settle();
    const network = context.sinkhole.drain().map((event) => sinkholeToEvent(event, planned.command));
    // The sinkhole sees every name and connection itself (with the looked-up name); trace copies of
    // what it saw would only repeat them under a fake address.
    const seen = new Set(network.filter((event) => event.kind === 'connect').map((event) => `${String(event.address)}:${String(event.port)}`));
    const kept = filtered.filter((event) => {
      if (event.kind === 'dns') return false;
      if (event.kind !== 'connect') return true;
      const target = event.target.replace(/^\[|\](?=:\d+$)/g, '');
      return !seen.has(target);
    });
    filtered.length = 0;
    filtered.push(...kept, ...network);
  }
  const limits = new Set(result.limits);
  // gVisor enforces RLIMIT_NPROC itself: a refused fork shows only in the trace.
  if (result.records.some((record) => ['clone', 'clone3', 'fork', 'vfork'].includes(record.syscall) && record.errno === 'EAGAIN')) limits.add('processes');
  // Out of wall time having used under half its CPU budget: the command mostly waited (a server, a watcher, a restart loop).
  const idle = result.cpuMs !== undefined && result.cpuMs < context.limits.cpuMs / 2;
  for (const limit of [...limits].sort()) {
    filtered.push({ kind: 'limit', target: limitDescription(limit, context.limits), command: planned.command, canary: false, limit, ...(limit === 'wall-time' && idle ? { idle: true } : {}) });
  }
  // A shell start-up file that only gained aliases, PATH or tool set-up lines is a set-up change the user
  // may have asked for, not a planted payload: the violation says so at lower severity.
  for (const event of filtered) {
    if (event.kind !== 'file-write' || event.via !== undefined) continue;
    const shown = displayPath(event.target, { home: id.home, workDir: context.workDir });
    if (!SHELL_STARTUP_FILE.test(shown)) continue;
    const planted = context.honeypot.files.find((file) => displayPathOf(file) === shown)?.content ?? '';
    // Read without following a link the skill may have put there, and bounded.
    const now = await readRegular(join(homeDir, shown.slice(2)), MAX_STARTUP_FILE_BYTES);
    if (now !== undefined && now.size <= MAX_STARTUP_FILE_BYTES && onlyShellSetupAdded(planted, now.bytes.toString('utf8'))) event.shellSetupOnly = true;
  }
  // A scheduler entry (systemd user unit, launchd agent) that runs exactly what the command line named
  // (`--command "$HOME/bin/backup.sh"`), not the skill's own code and nothing that downloads or decodes,
  // schedules the user's job: a scheduling helper doing what it was asked.
  const unitFiles = filtered.filter((event) => event.kind === 'file-write' && event.via === undefined && SCHEDULER_ENTRY.test(event.target));
  const namedArguments = commandArguments(planned.command);
  const unitStem = (path: string) => path.replace(/\.(?:service|timer|plist)$/, '');
  const namedUnits = new Set<string>();
  for (const event of unitFiles) {
    const now = await readRegular(join(homeDir, event.target.slice(2)), MAX_STARTUP_FILE_BYTES);
    if (now === undefined || now.size > MAX_STARTUP_FILE_BYTES) continue;
    const text = now.bytes.toString('utf8');
    // What the entry runs: its Exec lines, or a launchd agent's program and arguments.
    const runs = [...text.matchAll(/^\s*Exec\w*\s*=.*$/gm), ...text.matchAll(/<key>\s*Program(?:Arguments)?\s*<\/key>\s*(?:<string>[^<]*<\/string>|<array>[\s\S]*?<\/array>)/g)].map((match) => match[0]).join('\n');
    if (runs === '' || SCHEDULED_PAYLOAD.test(runs) || runs.includes(context.workDir)) continue;
    if (namedArguments.some((argument) => runs.includes(argument))) namedUnits.add(unitStem(event.target));
  }
  for (const event of unitFiles) {
    if (namedUnits.has(unitStem(event.target))) event.schedulesNamedCommand = true;
  }
  // The folder made to hold them goes with the entries when every entry is the user's job.
  if (unitFiles.length > 0 && unitFiles.every((event) => event.schedulesNamedCommand === true)) {
    for (const event of filtered) {
      if (event.kind === 'file-write' && /^~\/(?:\.config\/systemd\/user|Library\/LaunchAgents)$/.test(event.target)) event.schedulesNamedCommand = true;
    }
  }
  // A scheduler looked for and not found ran with arguments nobody saw: what the skill's files call it with
  // tells a listing (`crontab -l` in an inventory script) from an edit.
  for (const event of filtered) {
    if (event.kind !== 'exec' || event.found !== false || !PERSISTENCE_COMMANDS.has(event.target)) continue;
    if (await onlyListsSchedules(context.dir, event.target)) event.listsOnly = true;
  }
  // Every process of the command is gone now (the init waited for them): scan what they left behind,
  // and what a decoding instruction printed.
  const violations = [
    ...(await scanWrittenFiles(await writtenFiles(areas, before), planned.command, context.declared, inventedMatcher([...(planned.invented ?? []), ...placeholderHosts(planned.command)]).host, await shippedTextOf(context.dir))),
    ...(await scanDecodedOutput(planned, result.stdout, context.declared)),
  ];
  const summary: DryRunReport['commands'][number] = { command: planned.command, source: planned.source, exitCode: result.exitCode, timedOut: result.timedOut, durationMs: result.durationMs, stderr: result.stderr.slice(0, 2000) };
  if (planned.invented !== undefined && planned.invented.length > 0) summary.invented = planned.invented;
  return {
    summary,
    events: filtered.map((event) => ({ ...event, target: event.kind.startsWith('file') ? displayPath(event.target, { home: id.home, workDir: context.workDir }) : event.target })),
    violations,
  };
}

/** Scheduler entries of the user's session: systemd user units and launchd agents. */
const SCHEDULER_ENTRY = /^~\/\.config\/systemd\/user\/[^/]+\.(?:service|timer)$|^~\/Library\/LaunchAgents\/[^/]+\.plist$/;

/** What a scheduled entry must not run for it to be the user's named job: what a shell set-up line must not do, or the skill's scripts. */
const SCHEDULED_PAYLOAD = new RegExp(`${UNSAFE_IN_SETUP.source}|\\bscripts\\/`, 'i');

/**
 * The values a command line names, as a scheduled entry would hold them: quoted arguments and paths of
 * six characters or more, with `$HOME/` and `~/` dropped (the shell expands them before the entry is written).
 */
function commandArguments(command: string): string[] {
  const values = [...command.matchAll(/"([^"]{6,})"|'([^']{6,})'|(?:^|\s)((?:~|\$HOME|\$\{HOME\})\/\S{4,})/g)].map((match) => match[1] ?? match[2] ?? match[3]);
  return values.map((value) => value.replace(/^(?:~|\$HOME|\$\{HOME\})\//, '')).filter((value) => value.length >= 6);
}

/** Largest shell start-up file judged line by line (real ones are a few KiB). */
const MAX_STARTUP_FILE_BYTES = 256 * 1024;

function limitDescription(limit: string, limits: DryRunLimits): string {
  switch (limit) {
    case 'wall-time':
      return `wall time ${limits.commandWallMs} ms`;
    case 'background':
      return `processes left running past the wall time ${limits.commandWallMs} ms`;
    case 'cpu':
      return `CPU time ${limits.cpuMs} ms`;
    case 'memory':
      return `memory ${limits.memoryBytes} bytes`;
    case 'processes':
      return `processes ${limits.processes}`;
    case 'trace-size':
      return `trace size ${MAX_TRACE_BYTES} bytes`;
    default:
      return `bytes written ${limits.writeBytes}`;
  }
}

/** Largest skill file read when looking for how the skill calls a scheduler. */
const MAX_CALLER_BYTES = 1024 * 1024;

/**
 * Whether every call of the scheduler `name` written in the skill's files only lists entries (`crontab -l`,
 * `launchctl list`, `atq`), and there is at least one. Scripts are read whole, Markdown only in its code
 * (blocks and inline spans). The name followed by arguments is a call (`crontab -l`); quoted as a program
 * (`["crontab", f]`, `os.system("crontab x")`) it is a call too, with its next quoted argument or the rest
 * of the string; inside a path or another word (`/etc/crontab`, `crontab.txt`, `crontab\s+-` in a pattern)
 * it is not. Read as text, never run.
 */
export async function onlyListsSchedules(dir: string, name: string): Promise<boolean> {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Group 1: arguments after a space; group 2: the next quoted element of an argument list.
  const call = new RegExp(`(?<![\\w./-])${escaped}(?:(?=\\s|$)([^\\n;&|)"'\x60]*)|["']\\s*,\\s*["']([^"'\\n]*)["']|["'])(?![\\w.-])`, 'gm');
  let calls = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if ((await stat(path)).size > MAX_CALLER_BYTES) continue;
    const text = await readFile(path, 'utf8');
    if (text.includes('\0')) continue;
    const code = /\.(?:md|markdown)$/i.test(entry.name) ? [...text.matchAll(/```[^\n]*\n([\s\S]*?)```|`([^`\n]+)`/g)].map((match) => match[1] ?? match[2]).join('\n') : text;
    for (const match of code.matchAll(call)) {
      calls += 1;
      const args = match[1] ?? (match[2] === undefined ? undefined : ` ${match[2]}`);
      if (args === undefined || !READS_SCHEDULE.test(`${name}${args}`)) return false;
    }
  }
  return calls > 0;
}

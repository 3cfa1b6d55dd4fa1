/**
 * The audit of one skill folder: validate → scan → dry run → decide → digest. A folder with no registry
 * entry (an ad-hoc `audit` of a folder) is held to what its files visibly do.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DigestError, SkillRegistryError, treeDigest, type Issue, type TreeDigest } from '../core/index.ts';
import { AuditReportSchema, CommandNameSchema, HostPatternSchema, type AuditReport, type Capabilities, type DryRunReport, type Entry, type ObservedCapabilities } from '../schemas/index.ts';
import { scanSkill, type ScanOptions } from '../scanner/index.ts';
import { dryRunSkill } from '../sandbox/index.ts';
import { loadRegistryConfig } from './config.ts';
import { decide } from './decide/index.ts';
import { EntryError } from './errors.ts';
import { fetcherFor } from './fetch/git-fetcher.ts';
import { loadEntry, validateSkillFolder } from './validate/index.ts';

/** Options of one audit of a skill folder. */
export interface AuditFolderOptions {
  /** Declared capabilities (from the entry); absent for an ad-hoc audit of a folder. */
  declared?: Capabilities;
  /** The entry, when auditing a registry entry. */
  entry?: Entry;
  /** `publisher/name` for scoping suppressions when there is no entry (re-validation). */
  skill?: { publisher: string; name: string };
  /** The entry's dry-run commands. */
  dryRunCommands?: string[];
  /** Sandbox backend. */
  sandbox?: 'auto' | 'gvisor' | 'bubblewrap';
  /** When set, the dry run is skipped for this reason (the report says so). */
  skipDryRun?: string;
  /** Operator suppressions for the scanner. */
  suppressions?: ScanOptions['suppressions'];
  /** Whether attestations will be signed (a skill is Verified only when signed). */
  signed?: boolean;
  /** Clock. */
  now?: Date;
  /**
   * Where dry runs of earlier audits are kept: a dry run depends on the files, the sandbox, the declarations
   * and the commands, never on the scanner's rules, so a rule change re-scans a skill without running it again.
   * Used only when the declarations come from an entry or a record (an ad-hoc audit holds the dry run to what
   * the scanner inferred).
   */
  dryRuns?: DryRunStore;
}

/** What a dry run's result depends on: the key of a kept dry run (the engine version is added by the store). */
export interface DryRunKey {
  treeDigest: string;
  declared: Capabilities;
  commands: string[];
  sandbox: 'auto' | 'gvisor' | 'bubblewrap' | undefined;
  skip: string | undefined;
}

/** Role: the dry run kept under `key`, or `run`'s, kept for the next audit. */
export interface DryRunStore {
  dryRun(key: DryRunKey, run: () => Promise<DryRunReport>): Promise<DryRunReport>;
}

/** An audit and what came with it. */
export interface FolderAudit {
  /** The audit report (verdict, trust, digest, scan, dry run). */
  report: AuditReport;
  /** SKILL.md description. */
  description: string;
  /** SKILL.md body. */
  readme: string;
}

/** Text files read to find hosts a skill names; larger files are assets, not instructions. */
const VISIBLE_HOST_FILE_BYTES = 1024 * 1024;

/**
 * What a folder without an entry visibly does: the hosts and commands the scanner inferred, plus every
 * host its files name in a URL (instructions such as "run `curl https://api.example.com/…`" included).
 * It stands in for declarations, so only values an author could declare are kept (an inferred
 * `_svc._tcp` name or an odd command name is left to the dry run to report).
 */
async function visibleCapabilities(dir: string, tree: TreeDigest, inferred: ObservedCapabilities): Promise<Capabilities> {
  const hosts = new Set(inferred.network);
  for (const file of tree.files) {
    if (file.size > VISIBLE_HOST_FILE_BYTES) continue;
    const text = (await readFile(join(dir, ...file.path.split('/')))).toString('utf8');
    for (const match of text.matchAll(/\bhttps?:\/\/([a-z0-9.-]+\.[a-z]{2,})(?::\d+)?/gi)) hosts.add(match[1].toLowerCase());
    // A host with a shell default in it (`https://api.${DD_SITE:-datadoghq.com}/…`) names the default host.
    for (const match of text.matchAll(/\bhttps?:\/\/([a-z0-9.-]*)\$\{\w+:-([a-z0-9.-]+)\}([a-z0-9.-]*)/gi)) hosts.add(`${match[1]}${match[2]}${match[3]}`.toLowerCase());
    // ssh remotes (`git@github.com:owner/repo.git`, `ssh://git@host/…`) name their host too.
    for (const match of text.matchAll(/\b(?:ssh:\/\/)?[\w.-]+@([a-z0-9.-]+\.[a-z]{2,})[:/]/gi)) hosts.add(match[1].toLowerCase());
    // …and so do the targets of ssh, scp, rsync and ssh-copy-id (`ssh-copy-id deploy@203.0.113.25`).
    for (const match of text.matchAll(/\b(?:ssh|scp|sftp|rsync|ssh-copy-id|mosh)\b[^\n|;&]*?\s[\w.-]+@([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?=[:/\s]|$)/gim)) hosts.add(match[1].toLowerCase());
  }
  // Only hosts and commands: reads of credential files or secret variables must never count as
  // "visible", or a harvester would declare itself by being read.
  const network = [...hosts].filter((host) => HostPatternSchema.safeParse(host).success).sort();
  // Programs that SKILL.md's code blocks visibly run (`npm ci && npm run build`) are visible too.
  const skillFile = tree.files.find((file) => file.path.toLowerCase() === 'skill.md');
  const markdown = skillFile ? (await readFile(join(dir, skillFile.path))).toString('utf8') : '';
  const shown = commandsShownIn(markdown);
  const commands = [...new Set([...inferred.commands, ...shown])].filter((name) => CommandNameSchema.safeParse(name).success).sort();
  // Files SKILL.md's own command lines write outside the folder (`cp app.service ~/.config/systemd/user/`) are
  // in plain sight of the person who installs it, as its hosts and programs are; files only scripts write are not.
  return { network, env: [], filesystem: { read: [], write: pathsWrittenIn(markdown) }, commands };
}

/**
 * The baseline a folder without an entry is held to, as `audit` holds it: what its files visibly do
 * (see {@link visibleCapabilities}). `dryrun` without `--entry` uses the same, so the two agree.
 */
export async function folderBaseline(dir: string): Promise<Capabilities> {
  const [tree, scan] = await Promise.all([treeDigest(dir), scanSkill(dir)]);
  return visibleCapabilities(dir, tree, scan.inferred);
}

/** Destinations outside the working directory that the shell blocks of a Markdown text write (`> f`, `tee`, `cp … dest`). */
function pathsWrittenIn(markdown: string): string[] {
  const paths = new Set<string>();
  for (const block of shellBlocksOf(markdown)) {
    for (const match of block.matchAll(/(?:>>?|\btee\s+(?:-a\s+)?|\b(?:cp|mv|install|ln)\s+(?:-\S+\s+)*[^\s;&|]+\s+)["']?((?:~|\$HOME|\$\{HOME\})\/[^\s"';&|]+)/g)) {
      paths.add(match[1].replace(/^\$\{?HOME\}?/, '~'));
    }
    // A file written whole from a here-document the block shows (`cat > ~/.config/systemd/user/x.timer <<UNIT`): its content is in plain sight too.
    for (const match of block.matchAll(/\bcat\s+>\s*["']?((?:~|\$HOME|\$\{HOME\})\/[^\s"';&|<]+)["']?\s*<<-?\s*["']?\w+/g)) paths.add(match[1].replace(/^\$\{?HOME\}?/, '~'));
    // `git config --global …` writes the user's ~/.gitconfig.
    if (/\bgit\s+config\s+(?:-\S+\s+)*--global\b/.test(block)) paths.add('~/.gitconfig');
  }
  return [...paths].sort();
}

/**
 * The shell code blocks of a Markdown text (info string bash, sh, shell, zsh, console, terminal or none).
 * Fences are paired in order, so the closing fence of an `ini` block never opens a block of its own.
 */
function shellBlocksOf(markdown: string): string[] {
  const blocks: string[] = [];
  let open: { fence: string; shell: boolean; lines: string[] } | undefined;
  for (const line of markdown.split('\n')) {
    const fence = /^ {0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)/.exec(line);
    if (open) {
      if (fence && fence[1][0] === open.fence[0] && fence[1].length >= open.fence.length && fence[2] === '') {
        if (open.shell) blocks.push(open.lines.join('\n'));
        open = undefined;
      } else open.lines.push(line);
    } else if (fence) {
      open = { fence: fence[1], shell: /^(?:bash|sh|shell|zsh|console|terminal)?$/i.test(fence[2]), lines: [] };
    }
  }
  return blocks;
}

/** Program names at the start of each command in the shell blocks and command-like inline code of a Markdown text. */
function commandsShownIn(markdown: string): string[] {
  const names = new Set<string>();
  const blocks = shellBlocksOf(markdown);
  // Inline code that reads as a command line (`npm ci && npm run build`), as the dry run plan takes it, also when the
  // paragraph wraps it onto the next line (`npx esbuild src/main.ts --bundle⏎--outfile=app.js`).
  const inline = [...markdown.matchAll(/`([a-z][\w.+-]*\s(?:[^`\n]|\n(?![ \t]*\n))+)`/gi)].map((span) => span[1]!.replace(/\s*\n\s*/g, ' '));
  for (const text of [...blocks, ...inline]) {
    for (const line of text.split('\n')) {
      for (const part of line.replace(/^\s*[$#>]\s+/, '').split(/&&|\|\||[|;]/)) {
        const word = part.trim().replace(/^(?:sudo|env|exec|time|nohup)\s+/, '').split(/\s+/)[0] ?? '';
        if (/^[a-z][\w.+-]*$/i.test(word)) names.add(word.split('/').pop() ?? word);
      }
    }
  }
  return [...names];
}


/** A tree that cannot be digested, as an issue of the skill. */
export function digestIssue(error: DigestError): Issue {
  return { id: `tree-${error.code.toLowerCase().replaceAll('_', '-')}`, path: error.where ?? '(skill)', severity: 'high', message: error.message };
}

/**
 * Audits one skill folder: validate → scan → dry run → decide → digest. Throws {@link EntryError}
 * (INVALID_SKILL) when the folder is not a valid skill; returns a report with verdict fail when the
 * skill is refused.
 */
export async function auditSkillFolder(dir: string, options: AuditFolderOptions = {}): Promise<FolderAudit> {
  const now = options.now ?? new Date();
  const document = await validateSkillFolder(dir, options.entry);
  const blocking = document.issues.filter((issue) => issue.severity === 'high' || issue.severity === 'critical');
  let before: TreeDigest;
  try {
    before = await treeDigest(dir);
  } catch (error) {
    if (error instanceof DigestError) blocking.push(digestIssue(error));
    else throw error;
  }
  if (blocking.length > 0 || !document.frontMatter) throw new EntryError('INVALID_SKILL', options.entry ? `${options.entry.publisher}/${options.entry.name}` : dir, blocking);

  const declaredByEntry = options.declared ?? options.entry?.capabilities;
  const scan = await scanSkill(dir, {
    declared: declaredByEntry,
    skill: options.entry ? { publisher: options.entry.publisher, name: options.entry.name } : options.skill,
    suppressions: options.suppressions,
    now,
  });
  // An ad-hoc audit of a folder has no declarations: hold the dry run to what the files visibly say
  // the skill does (the scanner's inference), so only behaviour beyond that counts against it.
  const declared = declaredByEntry ?? (await visibleCapabilities(dir, before!, scan.inferred));
  const dryRunOptions = { declared, commands: options.dryRunCommands ?? options.entry?.dryRun ?? [], sandbox: options.sandbox, skip: options.skipDryRun };
  const run = () => dryRunSkill(dir, dryRunOptions);
  const dryrun = options.dryRuns !== undefined && declaredByEntry !== undefined ? await options.dryRuns.dryRun({ treeDigest: before!.digest, ...dryRunOptions }, run) : await run();
  const decision = decide({ declared, validation: document.issues, scan, dryrun, signed: options.signed ?? false });
  if (!declaredByEntry) decision.reasons.push('No registry entry: the dry run was held to the capabilities the scanner inferred from the files.');
  const after = await treeDigest(dir);
  if (after.digest !== before!.digest) {
    throw new SkillRegistryError('TREE_CHANGED', `The skill folder ${dir} changed while it was audited (${before!.digest} → ${after.digest}). The dry run must work on copies; report this as a bug.`);
  }
  const report = AuditReportSchema.parse({
    schemaVersion: 1,
    verdict: decision.verdict,
    trust: decision.trust,
    reasons: decision.reasons,
    digest: after.digest,
    files: after.files,
    validation: document.issues,
    scan,
    dryrun,
    capabilities: { declared, inferred: scan.inferred, observed: dryrun.observed },
    auditedAt: now.toISOString(),
  });
  return { report, description: document.frontMatter.description, readme: document.body };
}

/** Audits one registry entry file on its own: fetch into a temporary folder, then audit it. */
export async function auditEntryFile(file: string, options: Omit<AuditFolderOptions, 'entry' | 'declared' | 'dryRunCommands'> & { registryDir?: string } = {}): Promise<FolderAudit & { entry: Entry }> {
  const entryPath = resolve(file);
  const registryDir = options.registryDir ? resolve(options.registryDir) : resolve(entryPath, '..', '..', '..');
  const config = await loadRegistryConfig(registryDir);
  const entry = await loadEntry(entryPath, registryDir);
  const fetcher = fetcherFor(config, registryDir);
  const work = await mkdtemp(join(tmpdir(), 'skill-registry-audit-'));
  try {
    const skillDir = join(work, 'skill');
    await fetcher.fetch(entry.source, skillDir);
    const audit = await auditSkillFolder(skillDir, { ...options, entry, sandbox: options.sandbox ?? config.dryRun.sandbox });
    return { ...audit, entry };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

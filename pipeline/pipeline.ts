/**
 * The only place that knows the order of the stages:
 *   fetch → validate → scan → dry run → decide → digest → sign → publish.
 * The tree digest is also taken right after the fetch, because it keys the audit cache; the digest
 * recorded for the skill is taken again after the dry run, and the two must agree.
 */
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import {
  DEFAULT_TREE_LIMITS,
  DigestError,
  SkillRegistryError,
  canonicalJson,
  readArchive,
  sha256Hex,
  treeDigest,
  writeArchive,
  writeFileAtomic,
  writeJsonAtomic,
  type Issue,
  type TreeDigest,
} from '../core/index.ts';
import { ZodError } from 'zod';
import {
  AuditReportSchema,
  CommandNameSchema,
  describeZodError,
  HostPatternSchema,
  SkillRecordSchema,
  type AuditReport,
  type Capabilities,
  type Entry,
  type ObservedCapabilities,
  type RegistryConfig,
  type Revocation,
} from '../schemas/index.ts';
import { scanSkill, scannerIdentity, loadSuppressions, type ScanOptions } from '../scanner/index.ts';
import { dryRunSkill, DRYRUN_ENGINE_VERSION } from '../sandbox/index.ts';
import { buildAuditStatement, createSigner, signAttestation, signRevocationList, type Signer } from '../signing/index.ts';
import { loadRegistryConfig, loadRevocations } from './config.ts';
import { decide } from './decide/index.ts';
import { EntryError, FetchError } from './errors.ts';
import { GitFetcher, type Fetcher } from './fetch/git-fetcher.ts';
import { FolderPublisher, readPublishedIndex, type PublishItem } from './publish/index.ts';
import { auditPredicate, skillRecord } from './publish/record.ts';
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
  // Inline code that reads as a command line (`npm ci && npm run build`), as the dry run plan takes it.
  const inline = [...markdown.matchAll(/`([a-z][\w.+-]*\s[^`\n]+)`/gi)].map((span) => span[1]);
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

function digestIssue(error: DigestError): Issue {
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
  const dryrun = await dryRunSkill(dir, {
    declared,
    commands: options.dryRunCommands ?? options.entry?.dryRun ?? [],
    sandbox: options.sandbox,
    skip: options.skipDryRun,
  });
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

/** Options of a registry build. */
export interface BuildOptions {
  /** The registry folder (holds config.yaml and skills/). */
  registryDir: string;
  /** The published output folder (persistent between runs). */
  outDir: string;
  /** Cache folder for fetched trees and audit results. */
  cacheDir: string;
  /** Override of the config's sandbox choice. */
  sandbox?: 'auto' | 'gvisor' | 'bubblewrap';
  /** Skip the dry run for this reason (overrides config). */
  skipDryRun?: string;
  /** Signer override (tests); default from the config. */
  signer?: Signer;
  /** Where a development key lives when none is configured. */
  devKeyDir?: string;
  /** Clock. */
  now?: Date;
  /** Progress lines. */
  log?: (line: string) => void;
  /** Audit only these entry files (relative to the registry, e.g. `skills/acme/x.yaml`); others keep their published state. */
  only?: Set<string>;
  /** Audit only: sign and write nothing (pull-request audits, and the no-secrets audit job). */
  dryRunOnly?: boolean;
  /** Run no audit: every entry must already be in the audit cache (the signing job). */
  requireCached?: boolean;
}

/** What happened to one entry. */
export interface EntryOutcome {
  /** Entry file, relative to the registry folder. */
  file: string;
  /** `publisher/name`, when the entry could be read that far. */
  id?: string;
  /** published (pass or warn), refused (verdict fail) or invalid (entry, source or skill invalid). */
  status: 'published' | 'refused' | 'invalid';
  /** Whether the audit came from the cache. */
  cached: boolean;
  /** Version. */
  version?: string;
  /** Digest, when known. */
  digest?: string;
  /** Verdict and trust, when audited. */
  verdict?: AuditReport['verdict'];
  trust?: AuditReport['trust'];
  /** Why (refused: reasons; invalid: issue messages). */
  reasons: string[];
  /** Issues, for invalid entries. */
  issues: Issue[];
  /** The audit report, when audited. */
  report?: AuditReport;
}

/** What a registry build did. */
export interface BuildSummary {
  /** Per entry, in file order. */
  outcomes: EntryOutcome[];
  /** Skills in the published index. */
  indexed: number;
  /** A note about signing (e.g. a development key was created). */
  signingNotice?: string;
  /** Output folder. */
  outDir: string;
}

/** The operator's scanner suppressions, `suppressions.yaml` of the registry folder (none when absent). */
async function loadRegistrySuppressions(registryDir: string): Promise<NonNullable<ScanOptions['suppressions']>> {
  const file = join(registryDir, 'suppressions.yaml');
  return (await stat(file).then(() => true, () => false)) ? loadSuppressions(file) : [];
}

/** The fetcher a registry's config asks for; skill-level caps are the tree digest's. */
function fetcherFor(config: RegistryConfig, registryDir: string): Fetcher {
  return new GitFetcher(
    { allowLocal: config.sources.allowLocal, allowedHosts: config.sources.allowedHosts, baseDir: registryDir },
    {
      maxRepoBytes: config.limits.maxRepoBytes,
      maxRepoFiles: config.limits.maxRepoFiles,
      maxFiles: DEFAULT_TREE_LIMITS.maxFiles,
      maxSkillBytes: DEFAULT_TREE_LIMITS.maxTotalBytes,
      timeoutMs: config.limits.fetchTimeoutSeconds * 1000,
    },
  );
}

/** Lists entry files `skills/<publisher>/<name>.yaml` of a registry folder, sorted. */
export async function listEntryFiles(registryDir: string): Promise<string[]> {
  const skillsDir = join(registryDir, 'skills');
  const publishers = await readdir(skillsDir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const publisher of publishers) {
    if (!publisher.isDirectory()) continue;
    for (const file of await readdir(join(skillsDir, publisher.name), { withFileTypes: true })) {
      if (file.isFile() && /\.ya?ml$/.test(file.name)) files.push(join(skillsDir, publisher.name, file.name));
    }
  }
  return files.sort();
}

async function readCachedJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8')) as unknown;
}

async function archiveOf(dir: string, tree: TreeDigest): Promise<Buffer> {
  const files = [];
  for (const file of tree.files) files.push({ path: file.path, executable: file.mode === '100755', content: await readFile(join(dir, ...file.path.split('/'))) });
  return writeArchive(files);
}

function issueLines(issues: Issue[]): string[] {
  return issues.map((issue) => `[${issue.id}] ${issue.path}: ${issue.message}`);
}

/**
 * Builds a registry: every entry fetched, validated, audited and (when accepted) signed, then all of
 * it published. An entry that fails does not stop the others; nothing published before is lost.
 */
/** An unexpected error as one line for an entry's outcome: no stack, and no path of the build's own cache. */
function crashMessage(error: unknown, cacheDir: string): string {
  const text =
    error instanceof ZodError
      ? `a value the audit produced does not fit the report format (${describeZodError(error, 'report')})`
      : error instanceof Error
        ? error.message
        : String(error);
  return text.split('\n')[0].replaceAll(resolve(cacheDir), '<cache>').replaceAll(cacheDir, '<cache>');
}

export async function buildRegistry(options: BuildOptions): Promise<BuildSummary> {
  const log = options.log ?? (() => undefined);
  const now = options.now ?? new Date();
  const registryDir = resolve(options.registryDir);
  const config: RegistryConfig = await loadRegistryConfig(registryDir);
  const revocations: Revocation[] = await loadRevocations(registryDir);
  const suppressions = await loadRegistrySuppressions(registryDir);
  // Pull-request audits sign nothing: they have no key and no OIDC token, by design.
  const { signer, notice }: { signer?: Signer; notice?: string } = options.dryRunOnly
    ? {}
    : options.signer
      ? { signer: options.signer }
      : await createSigner(config.signing, { devKeyDir: options.devKeyDir });
  if (notice) log(notice);
  const skipDryRun = options.skipDryRun ?? (config.dryRun.skip ? 'skipped by registry/config.yaml (dryRun.skip: true)' : undefined);
  const sandbox = options.sandbox ?? config.dryRun.sandbox;
  const fetcher: Fetcher = fetcherFor(config, registryDir);
  const identity = await scannerIdentity();
  // The audit does not depend on who signs: an audit job with no secrets can fill the cache that the
  // signing job then reads (decide is re-run there, since only it knows the build is signed).
  const auditContext = { identity, dryRunEngine: DRYRUN_ENGINE_VERSION, suppressions, skipDryRun: skipDryRun ?? null, sandbox };
  const signerKey = signer ? sha256Hex(canonicalJson(signer.trust)) : undefined;

  const outcomes: EntryOutcome[] = [];
  const items: PublishItem[] = [];
  const entries = new Set<string>();
  const keepPrevious = new Set<string>();

  for (const file of await listEntryFiles(registryDir)) {
    const shown = relative(registryDir, file).split(sep).join('/');
    const idFromPath = shown.replace(/^skills\//, '').replace(/\.ya?ml$/, '');
    entries.add(idFromPath);
    if (options.only && !options.only.has(shown)) {
      keepPrevious.add(idFromPath);
      continue;
    }
    try {
      let entry: Entry;
      try {
        entry = await loadEntry(file, registryDir);
      } catch (error) {
        if (!(error instanceof EntryError)) throw error;
        keepPrevious.add(idFromPath);
        outcomes.push({ file: shown, id: idFromPath, status: 'invalid', cached: false, reasons: issueLines(error.issues), issues: error.issues });
        log(`✗ ${shown}: invalid entry\n${issueLines(error.issues).map((line) => `    ${line}`).join('\n')}`);
        continue;
      }
      const id = `${entry.publisher}/${entry.name}`;

      // fetch (cached by repo + commit + path: a pinned commit never changes)
      const fetchKey = sha256Hex(canonicalJson({ repo: entry.source.repo, base: registryDir, commit: entry.source.commit, path: entry.source.path }));
      const treeDir = join(options.cacheDir, 'fetch', fetchKey);
      let fetchedFromCache = await stat(join(treeDir, '.fetched')).then(() => true, () => false);
      const skillDir = join(treeDir, 'skill');
      if (!fetchedFromCache) {
        try {
          await fetcher.fetch(entry.source, skillDir);
          await writeJsonAtomic(join(treeDir, '.fetched'), { source: entry.source });
        } catch (error) {
          if (!(error instanceof FetchError)) throw error;
          const issue: Issue = { id: `fetch-${error.code.toLowerCase().replaceAll('_', '-')}`, path: error.where ?? 'source', severity: 'high', message: error.message };
          keepPrevious.add(id);
          outcomes.push({ file: shown, id, status: 'invalid', cached: false, version: entry.version, reasons: issueLines([issue]), issues: [issue] });
          log(`✗ ${shown}: cannot fetch\n    ${issueLines([issue])[0]}`);
          continue;
        }
      }

      // validate → scan → dry run → decide → digest (cached by digest, rules, policy and declarations)
      let tree: TreeDigest;
      try {
        tree = await treeDigest(skillDir);
      } catch (error) {
        if (!(error instanceof DigestError)) throw error;
        const issue = digestIssue(error);
        keepPrevious.add(id);
        outcomes.push({ file: shown, id, status: 'invalid', cached: false, version: entry.version, reasons: issueLines([issue]), issues: [issue] });
        log(`✗ ${shown}: ${issue.message}`);
        continue;
      }
      const auditKey = sha256Hex(canonicalJson({ digest: tree.digest, entry, context: auditContext }));
      const auditCacheFile = join(options.cacheDir, 'audit', `${auditKey}.json`);
      let audit: FolderAudit;
      const cached = await readCachedJson(auditCacheFile).catch(() => undefined) as (FolderAudit & { invalid?: undefined }) | { invalid: Issue[] } | undefined;
      if (cached?.invalid) {
        keepPrevious.add(id);
        outcomes.push({ file: shown, id, status: 'invalid', cached: true, version: entry.version, reasons: issueLines(cached.invalid), issues: cached.invalid });
        log(`✗ ${shown}: invalid skill [cached]\n${issueLines(cached.invalid).map((line) => `    ${line}`).join('\n')}`);
        continue;
      }
      // A cached report this version cannot read (written by another version, or damaged) is audited again.
      const cachedParse = cached === undefined ? undefined : AuditReportSchema.safeParse(cached.report);
      if (cached && cachedParse?.success) {
        const cachedReport = cachedParse.data;
        const decision = decide({ declared: cachedReport.capabilities.declared, validation: cachedReport.validation, scan: cachedReport.scan, dryrun: cachedReport.dryrun, signed: Boolean(signer) });
        audit = { report: { ...cachedReport, verdict: decision.verdict, trust: decision.trust, reasons: decision.reasons }, description: cached.description, readme: cached.readme };
        fetchedFromCache = true;
      } else if (options.requireCached) {
        throw new SkillRegistryError('NOT_AUDITED', `${shown} (${tree.digest}) has no audit in ${options.cacheDir}. This build only signs and publishes what the audit job already audited: run the audit first (npm run build -- --audit-only) with the same registry and rules.`);
      } else {
        try {
          audit = await auditSkillFolder(skillDir, { entry, sandbox, skipDryRun, suppressions, signed: Boolean(signer), now });
        } catch (error) {
          if (!(error instanceof EntryError)) throw error;
          keepPrevious.add(id);
          await writeJsonAtomic(auditCacheFile, { invalid: error.issues });
          outcomes.push({ file: shown, id, status: 'invalid', cached: false, version: entry.version, reasons: issueLines(error.issues), issues: error.issues });
          log(`✗ ${shown}: invalid skill\n${issueLines(error.issues).map((line) => `    ${line}`).join('\n')}`);
          continue;
        }
      }
      const { report } = audit;
      if (!cached) await writeJsonAtomic(auditCacheFile, audit);
      const base = { file: shown, id, cached: Boolean(cached), version: entry.version, digest: report.digest, verdict: report.verdict, trust: report.trust, reasons: report.reasons, issues: [], report };
      if (report.verdict === 'fail') {
        keepPrevious.add(id);
        outcomes.push({ ...base, status: 'refused' });
        log(`✗ ${shown}: refused (${report.digest})\n${report.reasons.map((line) => `    ${line}`).join('\n')}`);
        continue;
      }

      // sign (bundles cached per audit and signer, so an unchanged registry is not signed again)
      let bundle: unknown = null;
      if (signer && signerKey) {
        const bundleCacheFile = join(options.cacheDir, 'bundles', `${sha256Hex(`${auditKey}:${signerKey}`)}.json`);
        bundle = (await readCachedJson(bundleCacheFile).catch(() => undefined)) ?? null;
        if (bundle === null) {
          bundle = await signAttestation(signer, buildAuditStatement({ publisher: entry.publisher, name: entry.name, version: entry.version, digest: report.digest as `sha256:${string}`, predicate: auditPredicate(entry, report) }));
          await writeJsonAtomic(bundleCacheFile, bundle);
        }
      }
      const archive = await archiveOf(skillDir, tree);
      const record = SkillRecordSchema.parse(
        skillRecord({ entry, report, description: audit.description, readme: audit.readme, archive: { sha256: sha256Hex(archive), size: archive.length }, signed: bundle !== null }),
      );
      items.push({ record, archive, bundle });
      outcomes.push({ ...base, status: 'published' });
      log(`✓ ${shown}: ${report.verdict}${report.trust ? ` (${report.trust})` : ''} ${report.digest}${fetchedFromCache ? ' [cached]' : ''}`);
    } catch (error) {
      // One entry never stops the registry: whatever this entry's input did to the audit (a parser pushed
      // past its limits, a value nothing expected), it becomes this entry's "invalid" outcome and the run goes on.
      if (error instanceof SkillRegistryError && error.code === 'NOT_AUDITED') throw error;
      const issue: Issue = { id: 'audit-crashed', path: '(entry)', severity: 'high', message: `The audit of this entry stopped on an unexpected error: ${crashMessage(error, options.cacheDir)}. The rest of the registry was built. Run the build again; if this entry fails the same way, report it to the registry operator with this message.` };
      keepPrevious.add(idFromPath);
      outcomes.push({ file: shown, id: idFromPath, status: 'invalid', cached: false, reasons: issueLines([issue]), issues: [issue] });
      log(`✗ ${shown}: audit stopped on an error\n    ${issueLines([issue])[0]}`);
    }
  }

  // publish
  if (options.dryRunOnly || !signer) return { outcomes, indexed: 0, signingNotice: notice, outDir: options.outDir };
  await mkdir(options.outDir, { recursive: true });
  const revocationList = { schemaVersion: 1 as const, issuedAt: now.toISOString(), sequence: await nextRevocationSequence(options.outDir, now), revocations };
  const summary = await new FolderPublisher(options.outDir).publish({
    registry: { name: config.name, url: config.url },
    items,
    entries,
    keepPrevious,
    revocations: { list: revocationList, bundle: await signRevocationList(signer, revocationList) },
    trust: signer.trust,
    now,
    localSourceBase: registryDir,
  });
  for (const { skill, reason } of summary.unlisted) log(`· ${skill}: published, but not in the plugin marketplace: ${reason}`);
  return { outcomes, indexed: summary.indexed, signingNotice: notice, outDir: options.outDir };
}

/**
 * The sequence number of the next revocation list: the issue time in milliseconds, and always above the
 * number of the list already published in `outDir` (a clock set back never makes a list look older).
 */
async function nextRevocationSequence(outDir: string, now: Date): Promise<number> {
  let previous = 0;
  try {
    const bundle = JSON.parse(await readFile(join(outDir, 'api', 'revocations.json'), 'utf8')) as { dsseEnvelope?: { payload?: string } };
    const payload = JSON.parse(Buffer.from(bundle.dsseEnvelope?.payload ?? '', 'base64').toString('utf8')) as { sequence?: unknown };
    if (typeof payload.sequence === 'number' && Number.isSafeInteger(payload.sequence)) previous = payload.sequence;
  } catch {
    // No list published there yet (or not one this version reads): the clock alone sets the number.
  }
  return Math.max(now.getTime(), previous + 1);
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

/** Options of a re-validation run. */
export interface RevalidateOptions {
  /** Registry folder (its revocations.yaml receives newly caught digests). */
  registryDir: string;
  /** Published output folder whose skills are re-audited. */
  outDir: string;
  /** Cache folder (audits keyed by digest, rules and policy: unchanged work is skipped). */
  cacheDir: string;
  /** This run's share of the skills, for a CI matrix: skills whose digest falls in shard `index` of `count`. */
  shard?: { index: number; count: number };
  /** Sandbox backend override. */
  sandbox?: 'auto' | 'gvisor' | 'bubblewrap';
  /** Skip the dry run for this reason. */
  skipDryRun?: string;
  /** Clock. */
  now?: Date;
  /** Progress lines. */
  log?: (line: string) => void;
}

/** A skill that the current rules refuse although it was published. */
export interface NewlyCaught {
  digest: string;
  id: string;
  version: string;
  reasons: string[];
}

/** Whether a digest belongs to a shard: its first 32 bits modulo the shard count. */
export function inShard(digest: string, shard?: { index: number; count: number }): boolean {
  if (!shard || shard.count <= 1) return true;
  return Number.parseInt(digest.slice('sha256:'.length, 'sha256:'.length + 8), 16) % shard.count === shard.index;
}

/**
 * Re-audits every published skill (from its audited archive, so exactly the published bytes) with
 * the current rules. Skills now refused are appended to `revocations.yaml` with the reasons; the
 * next publish signs the list and the CLI refuses them from then on.
 */
export async function revalidatePublished(options: RevalidateOptions): Promise<{ checked: number; skipped: number; caught: NewlyCaught[] }> {
  const log = options.log ?? (() => undefined);
  const now = options.now ?? new Date();
  const registryDir = resolve(options.registryDir);
  const config = await loadRegistryConfig(registryDir);
  const revoked = new Set((await loadRevocations(registryDir)).map((revocation) => revocation.digest));
  const index = await readPublishedIndex(options.outDir);
  const identity = await scannerIdentity();
  const suppressions = await loadRegistrySuppressions(registryDir);
  const caught: NewlyCaught[] = [];
  let checked = 0;
  let skipped = 0;
  for (const line of index?.skills ?? []) {
    if (revoked.has(line.digest) || !inShard(line.digest, options.shard)) {
      skipped += 1;
      continue;
    }
    const record = SkillRecordSchema.parse(await readCachedJson(join(options.outDir, line.record)));
    const key = sha256Hex(canonicalJson({ revalidate: record.digest, declared: record.capabilities.declared, identity, suppressions, dryRunEngine: DRYRUN_ENGINE_VERSION, skip: options.skipDryRun ?? null }));
    const cacheFile = join(options.cacheDir, 'revalidate', `${key}.json`);
    let verdict: string;
    let reasons: string[];
    const cached = (await readCachedJson(cacheFile).catch(() => undefined)) as { verdict: string; reasons: string[] } | undefined;
    if (cached) {
      ({ verdict, reasons } = cached);
    } else {
      const work = await mkdtemp(join(tmpdir(), 'skill-registry-revalidate-'));
      try {
        const files = readArchive(await readFile(join(options.outDir, record.archive.path)));
        const dir = join(work, 'skill');
        for (const file of files) {
          const target = join(dir, ...file.path.split('/'));
          await mkdir(join(target, '..'), { recursive: true });
          await writeFile(target, file.content);
          await chmod(target, file.executable ? 0o755 : 0o644);
        }
        const audit = await auditSkillFolder(dir, {
          declared: record.capabilities.declared,
          skill: { publisher: record.publisher, name: record.name },
          suppressions,
          sandbox: options.sandbox ?? config.dryRun.sandbox,
          skipDryRun: options.skipDryRun,
          signed: true,
          now,
        });
        if (audit.report.digest !== record.digest) throw new SkillRegistryError('TREE_CHANGED', `The archive of ${line.publisher}/${line.name} does not match its digest ${record.digest}. The published files were altered: investigate before publishing again.`);
        ({ verdict, reasons } = audit.report);
      } catch (error) {
        if (!(error instanceof EntryError)) throw error;
        verdict = 'fail';
        reasons = error.issues.map((issue) => `${issue.id}: ${issue.message}`);
      } finally {
        await rm(work, { recursive: true, force: true });
      }
      await writeJsonAtomic(cacheFile, { verdict, reasons });
    }
    checked += 1;
    if (verdict === 'fail') {
      caught.push({ digest: record.digest, id: `${line.publisher}/${line.name}`, version: line.version, reasons });
      log(`✗ ${line.publisher}/${line.name}@${line.version} now fails: ${reasons[0] ?? ''}`);
    } else log(`✓ ${line.publisher}/${line.name}@${line.version} still ${verdict}`);
  }
  if (caught.length > 0) await appendRevocations(registryDir, caught, identity.rulesetDigest, now);
  return { checked, skipped, caught };
}

async function appendRevocations(registryDir: string, caught: NewlyCaught[], rulesetDigest: string, now: Date): Promise<void> {
  const file = join(registryDir, 'revocations.yaml');
  const text = await readFile(file, 'utf8').catch(() => 'schemaVersion: 1\nrevocations: []\n');
  const document = parseDocument(text);
  const list = (document.get('revocations') as { toJSON(): unknown } | undefined)?.toJSON() as unknown[] | undefined;
  const additions = caught.map((item) => ({
    digest: item.digest,
    reason: `Re-validation with ruleset ${rulesetDigest.slice(0, 19)}… refuses ${item.id}@${item.version}: ${item.reasons.slice(0, 3).join(' ')}`,
    date: now.toISOString().slice(0, 10),
  }));
  document.set('revocations', [...(list ?? []), ...additions]);
  await writeFileAtomic(file, document.toString());
}

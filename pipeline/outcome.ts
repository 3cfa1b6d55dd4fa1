/**
 * What happened to one entry of a build, and the one place an outcome is recorded: published (with the
 * item to publish), refused, or invalid. Whatever stops an entry (its file, its source, its skill, an
 * unexpected error) becomes that entry's outcome and the build goes on.
 */
import { resolve } from 'node:path';
import { ZodError } from 'zod';
import { DigestError, SkillRegistryError, type Issue } from '../core/index.ts';
import { describeZodError, type AuditReport, type Entry } from '../schemas/index.ts';
import { digestIssue, type FolderAudit } from './audit.ts';
import { EntryError, FetchError } from './errors.ts';
import type { BuiltKey } from './cache.ts';
import type { PublishItem } from './publish/index.ts';

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

/** An entry file of a build. */
export interface EntryFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the registry folder, `/`-separated (`skills/acme/x.yaml`). */
  shown: string;
  /** `publisher/name` as the file's place says. */
  id: string;
}

/** What the stages learnt of an entry so far: what its outcome says when a later stage stops it. */
export interface EntrySeen {
  file: EntryFile;
  /** The entry, once its file was read. */
  entry?: Entry;
  /** Whether the audit (or the verdict that the skill is invalid) came from the cache. */
  cached: boolean;
  /** Whether the files came from the fetch cache. */
  fetchedFromCache: boolean;
  /** The key an accepted entry is remembered under for the next build, once its file was read. */
  builtKey?: BuiltKey;
}

/** An outcome, the item it publishes (when accepted) and its progress line. */
export interface Recorded {
  outcome: EntryOutcome;
  item?: PublishItem;
  line: string;
}

/** Where outcomes go: the build's lists and its log. */
export interface OutcomeSink {
  outcomes: EntryOutcome[];
  items: PublishItem[];
  /** `publisher/name` of entries whose previously published state stays (refused, invalid or not built this run). */
  keepPrevious: Set<string>;
  log: (line: string) => void;
}

/** Records one entry's outcome: the only place that does. */
export function recordOutcome(sink: OutcomeSink, recorded: Recorded): void {
  const { outcome, item } = recorded;
  sink.outcomes.push(outcome);
  if (item) sink.items.push(item);
  else sink.keepPrevious.add(outcome.id ?? outcome.file);
  sink.log(recorded.line);
}

/**
 * Builds every entry file with `build`, up to `concurrency` at once, and records the outcomes in file
 * order: each as soon as every one before it is recorded, so the lists, the published items and the
 * log read as a build of one entry at a time would have them. An error `build` throws (only what must
 * stop the whole build) stops it: no entry starts after it, and it is thrown once those running settle.
 */
export async function recordInFileOrder(sink: OutcomeSink, files: readonly EntryFile[], concurrency: number, build: (file: EntryFile) => Promise<Recorded>): Promise<void> {
  const done = new Map<number, Recorded>();
  let started = 0;
  let recorded = 0;
  let stop: { error: unknown } | undefined;
  async function worker(): Promise<void> {
    while (stop === undefined && started < files.length) {
      const index = started++;
      try {
        done.set(index, await build(files[index]));
      } catch (error) {
        stop ??= { error };
        return;
      }
      for (let next = done.get(recorded); next !== undefined && stop === undefined; next = done.get(recorded)) {
        done.delete(recorded);
        recorded += 1;
        recordOutcome(sink, next);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(Math.floor(concurrency), files.length)) }, worker));
  if (stop !== undefined) throw stop.error;
}

/** Issues as one line each: `[id] path: message`. */
export function issueLines(issues: readonly Issue[]): string[] {
  return issues.map((issue) => `[${issue.id}] ${issue.path}: ${issue.message}`);
}

function indented(lines: readonly string[]): string {
  return lines.map((line) => `    ${line}`).join('\n');
}

function audited(seen: EntrySeen, audit: FolderAudit): Omit<EntryOutcome, 'status'> {
  const { report } = audit;
  return { file: seen.file.shown, id: seen.file.id, cached: seen.cached, version: seen.entry?.version, digest: report.digest, verdict: report.verdict, trust: report.trust, reasons: report.reasons, issues: [], report };
}

/** An accepted skill (pass or warn) and the item that publishes it. */
export function accepted(seen: EntrySeen, audit: FolderAudit, item: PublishItem): Recorded {
  const { report } = audit;
  const cached = seen.cached || seen.fetchedFromCache ? ' [cached]' : '';
  return { outcome: { ...audited(seen, audit), status: 'published' }, item, line: `✓ ${seen.file.shown}: ${report.verdict}${report.trust ? ` (${report.trust})` : ''} ${report.digest}${cached}` };
}

/** A skill the audit refuses (verdict fail). */
export function refused(seen: EntrySeen, audit: FolderAudit): Recorded {
  const { report } = audit;
  return { outcome: { ...audited(seen, audit), status: 'refused' }, line: `✗ ${seen.file.shown}: refused (${report.digest})\n${indented(report.reasons)}` };
}

/**
 * The outcome of an entry a stage stopped: its entry file, source or skill is invalid, or the audit hit
 * an error nobody anticipated (a parser pushed past its limits, a value nothing expected). Rethrows only
 * what must stop the whole build: a signing job asked to audit (NOT_AUDITED).
 */
export function invalid(seen: EntrySeen, error: unknown, cacheDir: string): Recorded {
  if (error instanceof SkillRegistryError && error.code === 'NOT_AUDITED') throw error;
  const { issues, what } = stoppedBy(error, cacheDir);
  const known = seen.entry ? { id: `${seen.entry.publisher}/${seen.entry.name}`, version: seen.entry.version } : { id: seen.file.id };
  const outcome: EntryOutcome = { file: seen.file.shown, ...known, status: 'invalid', cached: seen.cached, reasons: issueLines(issues), issues };
  return { outcome, line: `✗ ${seen.file.shown}: ${what}${seen.cached ? ' [cached]' : ''}\n${indented(issueLines(issues))}` };
}

/** The issues an error stands for, and what the progress line calls it. */
function stoppedBy(error: unknown, cacheDir: string): { issues: Issue[]; what: string } {
  if (error instanceof EntryError) return { issues: error.issues, what: error.code === 'INVALID_ENTRY' ? 'invalid entry' : 'invalid skill' };
  if (error instanceof FetchError) {
    return { issues: [{ id: `fetch-${error.code.toLowerCase().replaceAll('_', '-')}`, path: error.where ?? 'source', severity: 'high', message: error.message }], what: 'cannot fetch' };
  }
  if (error instanceof DigestError) return { issues: [digestIssue(error)], what: 'invalid skill' };
  const message = `The audit of this entry stopped on an unexpected error: ${crashMessage(error, cacheDir)}. The rest of the registry was built. Run the build again; if this entry fails the same way, report it to the registry operator with this message.`;
  return { issues: [{ id: 'audit-crashed', path: '(entry)', severity: 'high', message }], what: 'audit stopped on an error' };
}

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

/** Small presentation helpers shared by the catalog's pages: labels, sizes, dates, capability groups. */
import { TRUST_WORDS, type Capabilities, type Trust } from '../../schemas/index.ts';

/** Badge text and explanation per trust level (DESIGN.md, "Verdicts and trust"). */
export const TRUST_LABELS: Record<Trust, { label: string; explanation: string }> = {
  verified: { label: TRUST_WORDS.verified, explanation: 'Passed the audit with nothing above low severity, signed, and its dry run was clean.' },
  warnings: { label: TRUST_WORDS.warnings, explanation: 'Published, but the audit listed findings or limits: read them before installing.' },
  revoked: { label: TRUST_WORDS.revoked, explanation: 'Do not install: the registry withdrew this version. The reason is shown below.' },
};

/** One capability group as a chip shows it. */
export interface CapabilityGroup {
  /** `network`, `files`, `env` or `commands`. */
  kind: 'network' | 'files' | 'env' | 'commands';
  /** Chip text. */
  label: string;
  /** Every value, for the chip's title and the detail tables. */
  values: string[];
}

/** The non-empty capability groups of a capability set, in a fixed order. */
export function capabilityGroups(capabilities: Capabilities): CapabilityGroup[] {
  const files = [...capabilities.filesystem.read.map((path) => `read ${path}`), ...capabilities.filesystem.write.map((path) => `write ${path}`)];
  const groups: CapabilityGroup[] = [
    { kind: 'network', label: 'Network', values: capabilities.network },
    { kind: 'files', label: 'Files', values: files },
    { kind: 'env', label: 'Env', values: capabilities.env },
    { kind: 'commands', label: 'Commands', values: capabilities.commands },
  ];
  return groups.filter((group) => group.values.length > 0);
}

/** `1.2 kB`-style size. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/**
 * One formatter for every date a build shows: `toLocaleDateString` with options builds a formatter per
 * call (a tenth of a millisecond, a dozen times slower than reusing one), and a build shows tens of thousands.
 */
const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** `20 Nov 2026` (UTC, so every build renders the same text). */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return DATE_FORMAT.format(date);
}

/** First 12 hex digits of a digest, for tight spaces; the full digest is always one click away. */
export function shortDigest(digest: string): string {
  return `${digest.slice(0, 'sha256:'.length + 12)}…`;
}

/**
 * A browsable URL of the source folder when the repository is a public https URL on a host whose
 * tree URLs we know; otherwise null and the page shows the repository as text.
 */
export function sourceUrl(source: { repo: string; commit: string; path: string }): string | null {
  let url: URL;
  try {
    url = new URL(source.repo);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  const base = `${url.origin}${url.pathname.replace(/\.git$/, '').replace(/\/$/, '')}`;
  const path = source.path === '.' ? '' : `/${source.path}`;
  if (url.hostname === 'github.com' || url.hostname === 'gitlab.com') return `${base}/tree/${source.commit}${path}`;
  return null;
}

/** The repository as a link target when it is an https URL, else null. */
export function repoUrl(repo: string): string | null {
  try {
    return new URL(repo).protocol === 'https:' ? repo : null;
  } catch {
    return null;
  }
}

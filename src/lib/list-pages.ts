/**
 * Lists of skills split into pages: the home page's list of every skill and each publisher's page. A page
 * holds LIST_PAGE_SIZE skills, so no list page grows with the registry, and the counts a list page shows
 * are made once for all of its pages.
 */
import type { Trust } from '../../schemas/index.ts';
import type { SkillSummary } from '../data/published.ts';

/** Skills per list page: divisible by 2, 3 and 4 so the grid's last row is full at any width. */
export const LIST_PAGE_SIZE = 48;

/** One page of a list. */
export interface ListPage {
  /** The skills it shows. */
  shown: SkillSummary[];
  /** 1 for the first page. */
  pageNumber: number;
  /** Pages of the whole list (1 for an empty list). */
  pageCount: number;
}

/** How many skills a list holds, in all and per trust level. */
export type TrustCounts = Record<Trust | 'all', number>;

/** Revoked skills stay listed, after the installable ones; otherwise the given (index) order. */
export function revokedLast(skills: readonly SkillSummary[]): SkillSummary[] {
  return [...skills].sort((a, b) => Number(a.entry.trust === 'revoked') - Number(b.entry.trust === 'revoked'));
}

/** `skills` with revoked ones last, split into pages of LIST_PAGE_SIZE; an empty list is one empty page. */
export function listPages(skills: readonly SkillSummary[]): ListPage[] {
  const ordered = revokedLast(skills);
  const pageCount = Math.max(1, Math.ceil(ordered.length / LIST_PAGE_SIZE));
  return Array.from({ length: pageCount }, (_, index) => ({
    shown: ordered.slice(index * LIST_PAGE_SIZE, (index + 1) * LIST_PAGE_SIZE),
    pageNumber: index + 1,
    pageCount,
  }));
}

/** The URL of page `pageNumber` of the list whose first page is `firstPage` (`/`, `/publishers/acme/`). */
export function listPageUrl(firstPage: string, pageNumber: number): string {
  return pageNumber === 1 ? firstPage : `${firstPage}page/${pageNumber}/`;
}

/** Counts of `skills` per trust level. */
export function trustCounts(skills: readonly SkillSummary[]): TrustCounts {
  const counts: TrustCounts = { all: skills.length, verified: 0, warnings: 0, revoked: 0 };
  for (const skill of skills) counts[skill.entry.trust] += 1;
  return counts;
}

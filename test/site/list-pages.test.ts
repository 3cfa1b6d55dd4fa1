import { describe, expect, it } from 'vitest';
import type { SkillSummary } from '../../src/data/published.ts';
import { LIST_PAGE_SIZE, listPageUrl, listPages, trustCounts } from '../../src/lib/list-pages.ts';

/** A summary that only says what list pages sort and count by. */
function summary(name: string, trust: SkillSummary['entry']['trust'] = 'verified'): SkillSummary {
  const entry = {
    publisher: 'acme',
    name,
    version: '1.0.0',
    digest: `sha256:${'a'.repeat(64)}`,
    verdict: 'pass',
    trust,
    description: `${name} does one thing.`,
    license: 'MIT',
    capabilities: { network: [], env: [], filesystem: { read: [], write: [] }, commands: [] },
    auditedAt: '2026-11-20T10:00:00.000Z',
    record: `api/digests/${'a'.repeat(64)}.json`,
  } satisfies SkillSummary['entry'];
  return { entry, page: `/skills/acme/${name}/`, versions: [{ version: '1.0.0', digest: entry.digest }] };
}

describe('listPages', () => {
  describe('with more skills than one page holds', () => {
    it('fills every page but the last, in index order with revoked skills last', () => {
      const skills = Array.from({ length: LIST_PAGE_SIZE + 2 }, (_, index) => summary(`skill-${index}`, index === 0 ? 'revoked' : 'verified'));
      const pages = listPages(skills);
      expect(pages.map((page) => page.shown.length)).toEqual([LIST_PAGE_SIZE, 2]);
      expect(pages.map((page) => [page.pageNumber, page.pageCount])).toEqual([[1, 2], [2, 2]]);
      expect(pages[0].shown[0].entry.name).toBe('skill-1');
      expect(pages[1].shown.map((skill) => skill.entry.name)).toEqual([`skill-${LIST_PAGE_SIZE + 1}`, 'skill-0']);
    });
  });

  describe('with no skill', () => {
    it('is one empty page', () => {
      expect(listPages([])).toEqual([{ shown: [], pageNumber: 1, pageCount: 1 }]);
    });
  });
});

describe('listPageUrl', () => {
  it('is the first page itself, then page/N/ under it', () => {
    expect(listPageUrl('/', 1)).toBe('/');
    expect(listPageUrl('/', 3)).toBe('/page/3/');
    expect(listPageUrl('/publishers/acme/', 2)).toBe('/publishers/acme/page/2/');
  });
});

describe('trustCounts', () => {
  it('counts every skill and each trust level once', () => {
    expect(trustCounts([summary('a'), summary('b', 'warnings'), summary('c', 'revoked'), summary('d')])).toEqual({ all: 4, verified: 2, warnings: 1, revoked: 1 });
  });
});

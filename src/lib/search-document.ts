/**
 * What search finds a skill by: its own words, and nothing of the catalog around them. The site build
 * hands Pagefind one small HTML document per skill, made here from the published record, instead of
 * having it parse every built page: Pagefind then reads a few hundred words per skill rather than the
 * whole page, and the build can index the registry while Astro is still rendering it.
 *
 * The words are the skill's name (a heading, so a name match ranks first), description, publisher,
 * declared capabilities and SKILL.md body (rendered as on the page, so its headings weigh as there).
 * The audit, commands and tables are the catalog's, not the skill's, and stay out of results and
 * excerpts. Each result carries the meta `title`, `description` and `trust` that /search.js shows.
 */
import type { PublishedSkill } from '../data/published.ts';
import { renderUntrustedMarkdown } from '../data/markdown.ts';
import { TRUST_LABELS, capabilityGroups } from './present.ts';

/** One skill as Pagefind indexes it: the URL results link to, and the document whose words find it. */
export interface SearchDocument {
  /** The skill's page, `/skills/<publisher>/<name>/`. */
  url: string;
  /** A small HTML document of the skill's own words, with Pagefind's meta and filter attributes. */
  html: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text (or an attribute value) as HTML: every record field is the publisher's to choose. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

/** The document Pagefind indexes for `skill`. */
export function searchDocument(skill: PublishedSkill): SearchDocument {
  const { record, links } = skill;
  const id = `${record.publisher}/${record.name}`;
  const capabilities = capabilityGroups(record.capabilities.declared)
    .map((group) => `<li>${escapeHtml(group.label)} ${group.values.map((value) => `<code>${escapeHtml(value)}</code>`).join(' ')}</li>`)
    .join('');
  const html = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>',
    `<span data-pagefind-filter="Trust:${escapeHtml(TRUST_LABELS[record.trust].label)}"></span>`,
    `<span data-pagefind-filter="Publisher:${escapeHtml(record.publisher)}"></span>`,
    `<span data-pagefind-meta="trust:${escapeHtml(record.trust)}"></span>`,
    `<h1 data-pagefind-meta="title">${escapeHtml(id)}</h1>`,
    `<p data-pagefind-meta="description">${escapeHtml(record.description)}</p>`,
    `<p>Publisher ${escapeHtml(record.publisher)}</p>`,
    capabilities === '' ? '' : `<ul>${capabilities}</ul>`,
    `<div>${renderUntrustedMarkdown(record.readme)}</div>`,
    '</body></html>',
  ].join('');
  return { url: links.page, html };
}

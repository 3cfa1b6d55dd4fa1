/**
 * The Atom feed (`feed.xml`, RFC 4287) of what changed in the registry: a skill published for the first
 * time, a new version of one, and a revocation. Entries come from the skills' histories and the
 * revocation list, newest first; each links to the skill's catalog page.
 */
import { SITE_LAYOUT, TRUST_WORDS, siteUrl, type IndexEntry, type Revocation, type SkillHistory, type SkillRecord, type Trust } from '../../schemas/index.ts';
import { rfc3339, xmlText } from './format.ts';

/**
 * Entries the feed holds. A feed is the recent changes a reader polls for, not an archive (every
 * version stays in `api/skills/`); 100 covers weeks of a busy registry in a file of tens of kilobytes.
 */
export const FEED_ENTRY_LIMIT = 100;

/** Kinds of change the feed reports. */
type ChangeKind = 'new' | 'updated' | 'revoked';

/** One indexed skill with every published version. */
export interface FeedSkill {
  /** Its index line (description, latest version). */
  line: IndexEntry;
  /** Every published version, newest first. */
  history: SkillHistory;
}

/** One revocation and the record of the revoked digest. */
export interface FeedRevocation {
  /** The revocation. */
  revocation: Revocation;
  /** The record the revoked digest was published with. */
  record: SkillRecord;
}

/** What {@link atomFeed} needs. */
export interface FeedInput {
  /** Registry name and public URL. */
  registry: { name: string; url: string };
  /** Indexed skills. */
  skills: FeedSkill[];
  /** Revocations of digests the registry published. */
  revocations: FeedRevocation[];
  /** The feed's time when it has no entries (RFC 3339). */
  generatedAt: string;
}

/** One entry before it becomes XML. */
interface FeedEntry {
  kind: ChangeKind;
  id: string;
  title: string;
  updated: string;
  page: string;
  related: string;
  summary: string;
}

const KIND_WORDS: Readonly<Record<ChangeKind, string>> = { new: 'New skill', updated: 'New version', revoked: 'Revoked' };

/** The publication entries of one skill: its first version is new, later ones are updates. */
function publicationEntries(skill: FeedSkill, registryUrl: string, revoked: ReadonlySet<string>, fallbackTime: string): FeedEntry[] {
  const { line, history } = skill;
  const page = siteUrl(registryUrl, SITE_LAYOUT.skillPage(line.publisher, line.name));
  return history.versions.map((version, position) => {
    const kind: ChangeKind = position === history.versions.length - 1 ? 'new' : 'updated';
    const trust: Trust = revoked.has(version.digest) ? 'revoked' : version.trust;
    const record = siteUrl(registryUrl, SITE_LAYOUT.record(version.digest));
    return {
      kind,
      id: record,
      title: `${KIND_WORDS[kind]}: ${line.publisher}/${line.name} ${version.version} (${TRUST_WORDS[trust]})`,
      updated: rfc3339(version.auditedAt) ?? fallbackTime,
      page,
      related: record,
      summary: `${line.description}\n\nAudited files: ${version.digest}`,
    };
  });
}

/** The entry of one revocation. */
function revocationEntry(item: FeedRevocation, registryUrl: string, fallbackTime: string): FeedEntry {
  const { revocation, record } = item;
  const recordUrl = siteUrl(registryUrl, SITE_LAYOUT.record(record.digest));
  return {
    kind: 'revoked',
    id: `${recordUrl}#revoked`,
    title: `${KIND_WORDS.revoked}: ${record.publisher}/${record.name} ${record.version}`,
    updated: rfc3339(revocation.date) ?? fallbackTime,
    page: siteUrl(registryUrl, SITE_LAYOUT.skillPage(record.publisher, record.name)),
    related: recordUrl,
    summary: `${revocation.reason}\n\nRevoked files: ${record.digest}. Do not install this version; remove installed copies.`,
  };
}

function entryXml(entry: FeedEntry): string {
  return [
    '  <entry>',
    `    <id>${xmlText(entry.id)}</id>`,
    `    <title>${xmlText(entry.title)}</title>`,
    `    <updated>${entry.updated}</updated>`,
    `    <link rel="alternate" type="text/html" href="${xmlText(entry.page)}"/>`,
    `    <link rel="related" type="application/json" href="${xmlText(entry.related)}"/>`,
    `    <category term="${entry.kind}" label="${xmlText(KIND_WORDS[entry.kind])}"/>`,
    `    <summary type="text">${xmlText(entry.summary)}</summary>`,
    '  </entry>',
  ].join('\n');
}

/** Newest first; ties in a fixed order so an unchanged registry writes the same bytes. */
function newestFirst(a: FeedEntry, b: FeedEntry): number {
  return Date.parse(b.updated) - Date.parse(a.updated) || a.id.localeCompare(b.id);
}

/** The Atom feed of the registry's changes. */
export function atomFeed(input: FeedInput): string {
  const { registry } = input;
  const revoked = new Set(input.revocations.map((item) => item.record.digest));
  const entries = [
    ...input.skills.flatMap((skill) => publicationEntries(skill, registry.url, revoked, input.generatedAt)),
    ...input.revocations.map((item) => revocationEntry(item, registry.url, input.generatedAt)),
  ]
    .sort(newestFirst)
    .slice(0, FEED_ENTRY_LIMIT);
  const feedUrl = siteUrl(registry.url, SITE_LAYOUT.feed);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlText(feedUrl)}</id>`,
    `  <title>${xmlText(`${registry.name}: new, updated and revoked skills`)}</title>`,
    `  <updated>${entries[0]?.updated ?? input.generatedAt}</updated>`,
    `  <author><name>${xmlText(registry.name)}</name><uri>${xmlText(registry.url)}</uri></author>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(siteUrl(registry.url, ''))}"/>`,
    ...entries.map(entryXml),
    '</feed>',
    '',
  ].join('\n');
}

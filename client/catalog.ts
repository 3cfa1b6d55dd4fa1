/** `info` and `search`: reading the registry's JSON API (index, history, record) for people. */
import type { IndexEntry, SkillHistory, SkillRecord } from '../schemas/index.ts';
import { RegistryError } from './errors.ts';
import { findSkill, parseSkillSpec } from './install.ts';
import type { RegistryClient } from './registry.ts';

/** Everything `info` shows about one skill. */
export interface SkillInfo {
  /** The index line (latest version). */
  entry: IndexEntry;
  /** Its record (files, findings, dry run, capabilities). */
  record?: SkillRecord;
  /** Every published version, newest first. */
  history?: SkillHistory;
}

/** Looks a skill up by `name` or `publisher/name`. */
export async function skillInfo(registry: RegistryClient, text: string): Promise<SkillInfo> {
  const spec = parseSkillSpec(text);
  if (!spec) throw new RegistryError('NO_SUCH_SKILL', `${JSON.stringify(text)} is not a skill name. Give publisher/name or name.`, { where: text });
  const entry = await findSkill(registry, { publisher: spec.publisher, name: spec.name });
  const history = await registry.history(entry.publisher, entry.name);
  const digest = spec.version ? history?.versions.find((version) => version.version === spec.version)?.digest : entry.digest;
  if (!digest) throw new RegistryError('NO_SUCH_SKILL', `${entry.publisher}/${entry.name} has no version ${spec.version}.`, { where: text });
  const record = await registry.record(digest);
  return { entry, record, history };
}

/** One search hit. */
export interface SearchHit {
  entry: IndexEntry;
  /** Higher is better. */
  score: number;
}

/** Most hits shown: beyond 50 a query needs more words, not more scrolling. */
export const MAX_SEARCH_HITS = 50;

/**
 * Finds skills whose publisher, name, description or SKILL.md text (`api/search.json`) contains every
 * word (case-insensitive), ranked by where the words match: exact name, then name, then publisher, then
 * description, then SKILL.md.
 */
export async function searchSkills(registry: RegistryClient, query: string): Promise<{ hits: SearchHit[]; total: number }> {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const [index, searchText] = await Promise.all([registry.index(), registry.searchText()]);
  const bodies = new Map((searchText?.skills ?? []).map((skill) => [`${skill.publisher}/${skill.name}`, skill.text]));
  const hits: SearchHit[] = [];
  for (const entry of index.skills) {
    const name = entry.name.toLowerCase();
    const publisher = entry.publisher.toLowerCase();
    const description = entry.description.toLowerCase();
    const body = bodies.get(`${entry.publisher}/${entry.name}`) ?? '';
    let score = 0;
    let all = true;
    for (const word of words) {
      if (name === word || `${publisher}/${name}` === word) score += 100;
      else if (name.includes(word)) score += 30;
      else if (publisher.includes(word)) score += 10;
      else if (description.includes(word)) score += 3;
      else if (body.includes(word)) score += 1;
      else {
        all = false;
        break;
      }
    }
    if (all) hits.push({ entry, score: entry.trust === 'revoked' ? score - 1 : score });
  }
  hits.sort((a, b) => b.score - a.score || a.entry.publisher.localeCompare(b.entry.publisher) || a.entry.name.localeCompare(b.entry.name));
  return { hits: hits.slice(0, MAX_SEARCH_HITS), total: hits.length };
}

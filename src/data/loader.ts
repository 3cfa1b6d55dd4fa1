/**
 * The catalog's one content loader: reads the published data folder (validated with the pipeline's zod
 * schemas, see `published.ts`) into two collections, `skills` (one {@link SkillSummary} per published
 * skill: what list pages show) and `registry` (one entry of registry-wide facts), and the scanner's rule
 * metadata that the site build hands over (`rules.ts`) into `rules` (one entry per rule id) and
 * `ruleset` (one entry of rule set facts). A skill's whole record, history and SKILL.md, rendered
 * sanitised, come from the live collection `skillPages` (src/live.config.ts), which reads one skill
 * when its own page asks: the build never holds every record at once, and no page carries another's.
 */
import { fileURLToPath } from 'node:url';
import type { LiveLoader, Loader, LoaderContext } from 'astro/loaders';
import type { IndexEntry, RevocationList } from '../../schemas/index.ts';
import { renderUntrustedMarkdown } from './markdown.ts';
import {
  RegistryInfoSchema,
  SkillSummarySchema,
  readPublishedSkill,
  readRegistryInfo,
  readRevocationList,
  readSkillSummaries,
  resolveDataDir,
  type PublishedSkill,
  type SkillSummary,
} from './published.ts';
import { RuleReferenceSchema, RuleSetInfoSchema, readRuleReferenceFile } from './rules.ts';

/** Id of the single entry of the `registry` collection. */
export const REGISTRY_ENTRY_ID = 'registry';

/** Id of the single entry of the `ruleset` collection. */
export const RULESET_ENTRY_ID = 'ruleset';

function dataDirOf(context: LoaderContext): string {
  return resolveDataDir(fileURLToPath(context.config.root));
}

/** Loader of the `skills` collection: id `<publisher>/<name>`, data {@link SkillSummarySchema}. */
export function publishedSkillsLoader(): Loader {
  return {
    name: 'skill-registry-published-skills',
    schema: SkillSummarySchema,
    async load(context) {
      // Every record and history is read and checked here, so a bad data folder fails before any page renders.
      const summaries = await readSkillSummaries(dataDirOf(context));
      // The store persists between builds; the published folder is the only truth, so start empty.
      context.store.clear();
      for (const summary of summaries) {
        const id = skillId(summary.entry);
        const data = await context.parseData({ id, data: summary as unknown as Record<string, unknown> });
        context.store.set({ id, data, digest: context.generateDigest(data) });
      }
      context.logger.info(`${summaries.length} published skill(s) from ${dataDirOf(context)}`);
    },
  };
}

/** Id of a skill in `skills` and `skillPages`: `<publisher>/<name>`. */
export function skillId(entry: Pick<IndexEntry, 'publisher' | 'name'>): string {
  return `${entry.publisher}/${entry.name}`;
}

/** What a skill page asks `skillPages` for: the summary `skills` holds for it. */
export interface SkillPageFilter {
  /** The skill's summary, whose index line names the record to read. */
  summary: SkillSummary;
}

/**
 * Live loader of the `skillPages` collection: one skill whole ({@link PublishedSkill}, with its SKILL.md
 * rendered sanitised), read and validated when its page renders. The data folder is
 * `SKILL_REGISTRY_DATA` (the site build sets it) or `.cache/published` under the working directory.
 */
export function skillPagesLoader(): LiveLoader<PublishedSkill, SkillPageFilter> {
  // The revocation list applies to every page; one read per build, not one per page.
  let revocations: Promise<RevocationList | null> | undefined;
  return {
    name: 'skill-registry-skill-pages',
    async loadEntry({ filter }) {
      const dataDir = resolveDataDir(process.cwd());
      revocations ??= readRevocationList(dataDir);
      const skill = await readPublishedSkill(dataDir, filter.summary.entry, await revocations);
      return { id: skillId(skill.entry), data: skill, rendered: { html: renderUntrustedMarkdown(skill.record.readme) } };
    },
    async loadCollection() {
      return { error: new Error('skillPages holds one skill per page: ask for one with getLiveEntry, and list skills from the `skills` collection.') };
    },
  };
}

/** Loader of the `registry` collection: one entry, {@link RegistryInfoSchema}. */
export function registryInfoLoader(): Loader {
  return {
    name: 'skill-registry-registry-info',
    schema: RegistryInfoSchema,
    async load(context) {
      const info = await readRegistryInfo(dataDirOf(context));
      context.store.clear();
      const data = await context.parseData({ id: REGISTRY_ENTRY_ID, data: info as unknown as Record<string, unknown> });
      context.store.set({ id: REGISTRY_ENTRY_ID, data, digest: context.generateDigest(data) });
    },
  };
}

/** Loader of the `rules` collection: id = rule id, data {@link RuleReferenceSchema}. */
export function scannerRulesLoader(): Loader {
  return {
    name: 'skill-registry-scanner-rules',
    schema: RuleReferenceSchema,
    async load(context) {
      const { rules } = await readRuleReferenceFile();
      context.store.clear();
      for (const rule of rules) {
        const data = await context.parseData({ id: rule.id, data: rule as unknown as Record<string, unknown> });
        context.store.set({ id: rule.id, data, digest: context.generateDigest(data) });
      }
    },
  };
}

/** Loader of the `ruleset` collection: one entry, {@link RuleSetInfoSchema}. */
export function ruleSetInfoLoader(): Loader {
  return {
    name: 'skill-registry-ruleset',
    schema: RuleSetInfoSchema,
    async load(context) {
      const { info } = await readRuleReferenceFile();
      context.store.clear();
      const data = await context.parseData({ id: RULESET_ENTRY_ID, data: info as unknown as Record<string, unknown> });
      context.store.set({ id: RULESET_ENTRY_ID, data, digest: context.generateDigest(data) });
    },
  };
}

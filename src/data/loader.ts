/**
 * The catalog's one content loader: reads the published data folder (validated with the pipeline's zod
 * schemas, see `published.ts`) into two collections, `skills` (one entry per published skill, with its
 * SKILL.md body rendered sanitised) and `registry` (one entry of registry-wide facts), and the scanner's
 * rule metadata that the site build hands over (`rules.ts`) into `rules` (one entry per rule id) and
 * `ruleset` (one entry of rule set facts).
 */
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { renderUntrustedMarkdown } from './markdown.ts';
import { PublishedSkillSchema, RegistryInfoSchema, readPublishedRegistry, readRegistryInfo, resolveDataDir } from './published.ts';
import { RuleReferenceSchema, RuleSetInfoSchema, readRuleReferenceFile } from './rules.ts';

/** Id of the single entry of the `registry` collection. */
export const REGISTRY_ENTRY_ID = 'registry';

/** Id of the single entry of the `ruleset` collection. */
export const RULESET_ENTRY_ID = 'ruleset';

function dataDirOf(context: LoaderContext): string {
  return resolveDataDir(fileURLToPath(context.config.root));
}

/** Loader of the `skills` collection: id `<publisher>/<name>`, data {@link PublishedSkillSchema}. */
export function publishedSkillsLoader(): Loader {
  return {
    name: 'skill-registry-published-skills',
    schema: PublishedSkillSchema,
    async load(context) {
      const { skills } = await readPublishedRegistry(dataDirOf(context));
      // The store persists between builds; the published folder is the only truth, so start empty.
      context.store.clear();
      for (const skill of skills) {
        const id = `${skill.entry.publisher}/${skill.entry.name}`;
        const data = await context.parseData({ id, data: skill as unknown as Record<string, unknown> });
        context.store.set({ id, data, digest: context.generateDigest(data), rendered: { html: renderUntrustedMarkdown(skill.record.readme) } });
      }
      context.logger.info(`${skills.length} published skill(s) from ${dataDirOf(context)}`);
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

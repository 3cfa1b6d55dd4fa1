/**
 * Content collections of the catalog. Pages read published records only through these and the live
 * collection `skillPages` (src/live.config.ts), never through pipeline stages: `skills` (every published
 * skill's summary: index line, page and version digests; its record is read by its own page alone),
 * `registry` (name, trust policy, revocations), and the scanner's rule metadata for the rules page:
 * `rules` (one entry per rule id) and `ruleset` (digest and verdict policy).
 */
import { defineCollection } from 'astro/content/config';
import { publishedSkillsLoader, registryInfoLoader, ruleSetInfoLoader, scannerRulesLoader } from './data/loader.ts';
import { RegistryInfoSchema, SkillSummarySchema } from './data/published.ts';
import { RuleReferenceSchema, RuleSetInfoSchema } from './data/rules.ts';

export const collections = {
  skills: defineCollection({ loader: publishedSkillsLoader(), schema: SkillSummarySchema }),
  registry: defineCollection({ loader: registryInfoLoader(), schema: RegistryInfoSchema }),
  rules: defineCollection({ loader: scannerRulesLoader(), schema: RuleReferenceSchema }),
  ruleset: defineCollection({ loader: ruleSetInfoLoader(), schema: RuleSetInfoSchema }),
};

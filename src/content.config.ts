/**
 * Content collections of the catalog. Pages read published records only through these, never through
 * pipeline stages: `skills` (every published skill with its latest audit record and history),
 * `registry` (name, trust policy, revocations), and the scanner's rule metadata for the rules page:
 * `rules` (one entry per rule id) and `ruleset` (digest and verdict policy).
 */
import { defineCollection } from 'astro/content/config';
import { publishedSkillsLoader, registryInfoLoader, ruleSetInfoLoader, scannerRulesLoader } from './data/loader.ts';
import { PublishedSkillSchema, RegistryInfoSchema } from './data/published.ts';
import { RuleReferenceSchema, RuleSetInfoSchema } from './data/rules.ts';

export const collections = {
  skills: defineCollection({ loader: publishedSkillsLoader(), schema: PublishedSkillSchema }),
  registry: defineCollection({ loader: registryInfoLoader(), schema: RegistryInfoSchema }),
  rules: defineCollection({ loader: scannerRulesLoader(), schema: RuleReferenceSchema }),
  ruleset: defineCollection({ loader: ruleSetInfoLoader(), schema: RuleSetInfoSchema }),
};

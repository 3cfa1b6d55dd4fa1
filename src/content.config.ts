/**
 * Content collections of the catalog. Pages read published records only through these, never through
 * pipeline stages: `skills` (every published skill with its latest audit record and history) and
 * `registry` (name, trust policy, revocations).
 */
import { defineCollection } from 'astro/content/config';
import { publishedSkillsLoader, registryInfoLoader } from './data/loader.ts';
import { PublishedSkillSchema, RegistryInfoSchema } from './data/published.ts';

export const collections = {
  skills: defineCollection({ loader: publishedSkillsLoader(), schema: PublishedSkillSchema }),
  registry: defineCollection({ loader: registryInfoLoader(), schema: RegistryInfoSchema }),
};

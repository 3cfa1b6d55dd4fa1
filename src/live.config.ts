/**
 * The catalog's live collection: `skillPages`, one skill whole (record, history, revocation and its
 * SKILL.md rendered sanitised), read by that skill's own page when it renders, through the same content
 * loader module and zod schemas as the build-time collections (src/content.config.ts). Kept out of the
 * content store so that a registry's records are never all in memory, nor copied into every page's bundle.
 */
import { defineLiveCollection } from 'astro/content/config';
import { skillPagesLoader } from './data/loader.ts';

export const collections = {
  skillPages: defineLiveCollection({ loader: skillPagesLoader() }),
};

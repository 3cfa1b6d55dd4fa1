/**
 * Registry entry `registry/skills/<publisher>/<name>.yaml`, schema version 1: the only file an author
 * writes. This schema is its reference documentation.
 */
import { z } from 'zod';
import { CapabilitiesSchema } from './capabilities.ts';
import { SkillNameSchema, SourceSchema } from './common.ts';

/** Entry schema versions this code reads. */
export const SUPPORTED_ENTRY_VERSIONS = [1] as const;

/** Semantic version `MAJOR.MINOR.PATCH` with optional pre-release and build parts. */
export const SemverSchema = z
  .string()
  .regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/, {
    error: 'must be a semantic version such as `1.2.0`',
  });

/** Publisher (the folder under registry/skills/): same alphabet as skill names. */
export const PublisherSchema = SkillNameSchema;

/** A registry entry, version 1. */
export const EntrySchema = z.strictObject({
  /** Format version of this file; only 1 exists. */
  schemaVersion: z.literal(1, { error: 'must be 1, the only entry schema version this registry reads' }),
  /** Skill name; must equal SKILL.md `name` and this file's name. */
  name: SkillNameSchema,
  /** Publisher; must equal the folder this file is in. */
  publisher: PublisherSchema,
  /** Semantic version; a new version is a new entry revision. */
  version: SemverSchema,
  /** Git source pinned to a commit. */
  source: SourceSchema,
  /** SPDX license identifier of the skill. */
  license: z.string().min(1, { error: 'is empty: give an SPDX identifier such as `MIT`' }),
  /** What the skill needs; the audit holds it to this. */
  capabilities: CapabilitiesSchema,
  /** Commands the sandbox runs, with sample arguments, in the skill folder. */
  dryRun: z.array(z.string().min(1)).default([]),
});

/** An entry as an author writes it. */
export type EntryInput = z.input<typeof EntrySchema>;
/** An entry as code consumes it. */
export type Entry = z.output<typeof EntrySchema>;

/** The `SKILL.md` front matter fields the registry reads (Agent Skills format); others are kept. */
export const SkillFrontMatterSchema = z.looseObject({
  /** Skill name: 1–64 lower-case letters, digits and hyphens. */
  name: SkillNameSchema,
  /** What the skill does and when to use it: 1–1024 characters. */
  description: z
    .string({ error: 'is missing: add a one-paragraph `description:` saying what the skill does and when to use it' })
    .trim()
    .min(1, { error: 'is empty: say what the skill does and when to use it' })
    .max(1024, { error: 'is longer than 1024 characters: shorten it and move detail into the body of SKILL.md' }),
  /** License, when the skill states one. */
  license: z.string().optional(),
  /** Tools the skill may use without asking (Claude Code). */
  'allowed-tools': z.union([z.string(), z.array(z.string())]).optional(),
});

/** SKILL.md front matter as code consumes it. */
export type SkillFrontMatter = z.output<typeof SkillFrontMatterSchema>;

/** What a skill needs, as an author declares it and as the audit infers and observes it. */
import { z } from 'zod';

/** A single string is accepted where a list is expected, as a shorthand for a one-item list. */
const list = <T extends z.ZodType<string>>(item: T) =>
  z.union([item.transform((value) => [value]), z.array(item)]).default([]);

/** A host name, `*.suffix` for a domain and its sub-domains, or `*` for any host. */
export const HostPatternSchema = z
  .string()
  .regex(/^(?:\*|(?:\*\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::\d{1,5})?)$/, {
    error: 'must be a lower-case host name (`api.example.com`), a suffix pattern (`*.example.com`) or `*`',
  });

/** An environment variable name. */
export const EnvNameSchema = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'must be an environment variable name such as `GITHUB_TOKEN`' });

/** A path pattern: absolute, `~/`-relative, or relative to the working directory; `*` and `**` glob. */
export const PathPatternSchema = z.string().min(1, { error: 'is empty: give a path such as `~/.config/tool/` or `./output/`' });

/** An executable name such as `python3` or `git`. */
export const CommandNameSchema = z.string().regex(/^[A-Za-z0-9_.+-]+$/, { error: 'must be an executable name such as `python3` (no paths or arguments)' });

/** The capability block of a registry entry. */
export const CapabilitiesSchema = z.strictObject({
  /** Hosts the skill connects to; `[]` means no network at all. */
  network: list(HostPatternSchema),
  /** Environment variables the skill reads. */
  env: list(EnvNameSchema),
  /** Paths beyond the skill's own folder and the working directory. */
  filesystem: z
    .strictObject({
      /** Paths the skill reads. */
      read: list(PathPatternSchema),
      /** Paths the skill writes. */
      write: list(PathPatternSchema),
    })
    .default({ read: [], write: [] }),
  /** Executables the skill runs. */
  commands: list(CommandNameSchema),
});

/** Capabilities as an author writes them (shorthands allowed). */
export type CapabilitiesInput = z.input<typeof CapabilitiesSchema>;
/** Capabilities as code consumes them (every list present). */
export type Capabilities = z.output<typeof CapabilitiesSchema>;

/**
 * Capabilities as the audit saw them (the dry run's observations, the scanner's inference): recorded as
 * they were, never held to the grammar authors write in. A connection to `[::1]`, a DNS name with an
 * underscore (`_svc._tcp.example`), a Host header with a space or an executable whose name has a space
 * are facts about the skill, not mistakes in an entry.
 */
export const ObservedCapabilitiesSchema = z.strictObject({
  /** Hosts contacted or named: names, IPv4 or IPv6 literals, as seen (lower-cased). */
  network: z.array(z.string()),
  /** Environment variables used. */
  env: z.array(z.string()),
  /** Paths read and written beyond the skill's own folder and the working directory. */
  filesystem: z.strictObject({
    /** Paths read (or looked for). */
    read: z.array(z.string()),
    /** Paths written or deleted. */
    write: z.array(z.string()),
  }),
  /** Executables run, by file name. */
  commands: z.array(z.string()),
});

/** Observed or inferred capabilities as code consumes them. */
export type ObservedCapabilities = z.output<typeof ObservedCapabilitiesSchema>;

/** An empty capability set. */
export function noCapabilities(): Capabilities {
  return { network: [], env: [], filesystem: { read: [], write: [] }, commands: [] };
}

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

/** An empty capability set. */
export function noCapabilities(): Capabilities {
  return { network: [], env: [], filesystem: { read: [], write: [] }, commands: [] };
}

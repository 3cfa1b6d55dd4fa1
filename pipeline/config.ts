/** Reads `registry/config.yaml`, `registry/revocations.yaml` and `registry/suppressions.yaml` of a registry folder. */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { loadSuppressions, type Suppression } from '../scanner/index.ts';
import { RegistryConfigSchema, RevocationSchema, SUPPORTED_CONFIG_VERSIONS, type RegistryConfig, type Revocation } from '../schemas/index.ts';
import { EntryError } from './errors.ts';
import { parseYaml } from './validate/entry.ts';
import { zodIssuesToIssues } from '../schemas/zod-issues.ts';

/** Operator-written revocations, `registry/revocations.yaml`. */
export const RevocationsFileSchema = z.strictObject({
  /** Format version; only 1 exists. */
  schemaVersion: z.literal(1),
  /** Revoked digests, with reason and date. */
  revocations: z.array(RevocationSchema).default([]),
});

async function readYamlFile(path: string): Promise<{ value?: unknown; missing: boolean; text?: string }> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (text === undefined) return { missing: true };
  return { missing: false, text };
}

/** Loads the registry config; a missing file means all defaults. */
export async function loadRegistryConfig(registryDir: string): Promise<RegistryConfig> {
  const file = await readYamlFile(join(registryDir, 'config.yaml'));
  if (file.missing) return RegistryConfigSchema.parse({ schemaVersion: 1 });
  const parsed = parseYaml(file.text!, 'config');
  if (parsed.issues.length > 0) throw new EntryError('INVALID_CONFIG', 'config.yaml', parsed.issues);
  const result = RegistryConfigSchema.safeParse(parsed.value ?? {}, { reportInput: true });
  if (!result.success) throw new EntryError('INVALID_CONFIG', 'config.yaml', zodIssuesToIssues(result.error.issues, 'config', SUPPORTED_CONFIG_VERSIONS));
  return result.data;
}

/** Loads the operator's revocations; a missing file means none. */
export async function loadRevocations(registryDir: string): Promise<Revocation[]> {
  const file = await readYamlFile(join(registryDir, 'revocations.yaml'));
  if (file.missing) return [];
  const parsed = parseYaml(file.text!, 'revocations');
  if (parsed.issues.length > 0) throw new EntryError('INVALID_CONFIG', 'revocations.yaml', parsed.issues);
  const value = parsed.value as Record<string, unknown> | null;
  // YAML turns an unquoted ISO date into a Date; the schema wants the text.
  for (const revocation of (value?.revocations as Record<string, unknown>[] | undefined) ?? []) {
    if (revocation.date instanceof Date) revocation.date = revocation.date.toISOString().slice(0, 10);
  }
  const result = RevocationsFileSchema.safeParse(value ?? {}, { reportInput: true });
  if (!result.success) throw new EntryError('INVALID_CONFIG', 'revocations.yaml', zodIssuesToIssues(result.error.issues, 'revocations'));
  return result.data.revocations;
}

/** The operator's scanner suppressions, `suppressions.yaml` of the registry folder (none when absent). */
export async function loadRegistrySuppressions(registryDir: string): Promise<Suppression[]> {
  const file = join(registryDir, 'suppressions.yaml');
  return (await stat(file).then(() => true, () => false)) ? loadSuppressions(file) : [];
}

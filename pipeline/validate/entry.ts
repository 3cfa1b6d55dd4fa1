/** Reads and validates registry entry files, reporting every problem at once. */
import { readFile } from 'node:fs/promises';
import { basename, dirname, relative, sep } from 'node:path';
import { parseDocument } from 'yaml';
import type { Issue } from '../../core/index.ts';
import { EntrySchema, SUPPORTED_ENTRY_VERSIONS, type Entry } from '../../schemas/index.ts';
import { EntryError } from '../errors.ts';
import { normaliseSourcePath } from '../fetch/git-fetcher.ts';
import { zodIssuesToIssues } from '../../schemas/zod-issues.ts';

/** An entry file is a few hundred bytes; 64 KiB leaves room for long capability lists, refuses dumps. */
export const MAX_ENTRY_BYTES = 64 * 1024;

/** Most alias expansions one YAML document may make: real entries and front matter use none. */
const MAX_ALIAS_COUNT = 50;

/** Parses YAML text, returning the value or issues with line numbers. */
export function parseYaml(text: string, prefix: string): { value?: unknown; issues: Issue[] } {
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      issues: document.errors.map((error) => ({
        id: `${prefix}-yaml-syntax`,
        path: error.linePos ? `line ${error.linePos[0].line}` : '(file)',
        severity: 'high' as const,
        message: `${error.message.split('\n')[0]}. Fix the YAML syntax.`,
      })),
    };
  }
  try {
    return { value: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), issues: [] };
  } catch (error) {
    // `toJS` refuses a document whose aliases would expand without bound (a "billion laughs").
    return {
      issues: [
        {
          id: `${prefix}-yaml-aliases`,
          path: '(file)',
          severity: 'high',
          message: `The YAML cannot be read: ${(error as Error).message} (its aliases expand to more than ${MAX_ALIAS_COUNT} copies). Remove the \`*\` aliases and write the values out.`,
        },
      ],
    };
  }
}

/**
 * Validates entry data (already parsed) found at `file`, checking the schema and that publisher and
 * name match the file's location `skills/<publisher>/<name>.yaml`.
 */
export function validateEntryData(data: unknown, file: string): { entry?: Entry; issues: Issue[] } {
  const issues: Issue[] = [];
  const parsed = EntrySchema.safeParse(data, { reportInput: true });
  if (!parsed.success) issues.push(...zodIssuesToIssues(parsed.error.issues, 'entry', SUPPORTED_ENTRY_VERSIONS));
  const record = (data ?? {}) as Record<string, unknown>;
  const fileName = basename(file).replace(/\.ya?ml$/, '');
  const folder = basename(dirname(file));
  if (typeof record.name === 'string' && record.name !== fileName) {
    issues.push({ id: 'entry-file-name-mismatch', path: 'name', severity: 'high', message: `name is ${JSON.stringify(record.name)} but the file is ${basename(file)}. Rename the file to ${record.name}.yaml or change name to ${JSON.stringify(fileName)}.` });
  }
  if (typeof record.publisher === 'string' && record.publisher !== folder) {
    issues.push({ id: 'entry-publisher-mismatch', path: 'publisher', severity: 'high', message: `publisher is ${JSON.stringify(record.publisher)} but the file is in the folder ${JSON.stringify(folder)}. Move it to skills/${record.publisher}/ or change publisher to ${JSON.stringify(folder)}.` });
  }
  const source = record.source as Record<string, unknown> | undefined;
  if (source && typeof source.path === 'string') {
    try {
      normaliseSourcePath(source.path);
    } catch (error) {
      issues.push({ id: 'entry-path-escapes', path: 'source.path', severity: 'high', message: (error as Error).message });
    }
  }
  return parsed.success && issues.length === 0 ? { entry: parsed.data, issues } : { issues };
}

/** Reads and validates one entry file; throws {@link EntryError} listing every problem. */
export async function loadEntry(file: string, registryDir: string): Promise<Entry> {
  const shown = relative(registryDir, file).split(sep).join('/');
  const text = await readFile(file, 'utf8');
  if (Buffer.byteLength(text) > MAX_ENTRY_BYTES) {
    throw new EntryError('INVALID_ENTRY', shown, [{ id: 'entry-too-large', path: '(file)', severity: 'high', message: `The entry is larger than ${MAX_ENTRY_BYTES} bytes. An entry names a source and capabilities only: remove the rest.` }]);
  }
  const { value, issues } = parseYaml(text, 'entry');
  if (issues.length > 0) throw new EntryError('INVALID_ENTRY', shown, issues);
  const result = validateEntryData(value, file);
  if (!result.entry) throw new EntryError('INVALID_ENTRY', shown, result.issues);
  return result.entry;
}

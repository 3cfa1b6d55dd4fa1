/**
 * The contract every CLI command keeps: parse flags, call the library, return one result object.
 * Printing and exit codes live in cli/main.ts alone.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { SkillRegistryError } from '../core/index.ts';

/** Outcome class of a command, mapped to the exit code in one place (cli/main.ts). */
export type Outcome = 'ok' | 'fail' | 'usage';

/** What a command returns: one object, shown as text or JSON (or SARIF where a command offers it). */
export interface CommandResult {
  /** ok → exit 0, fail (verdict fail or verification failed) → 1, usage (bad flags, environment) → 2. */
  outcome: Outcome;
  /** Human-readable output. */
  text: string;
  /** Machine-readable output for `--format json` / `--json`. */
  json: unknown;
  /** SARIF 2.1.0 log, for commands that support `--format sarif`. */
  sarif?: unknown;
}

/** One CLI command. */
export interface Command {
  /** Name typed after `skill-registry`. */
  name: string;
  /** One line for the help listing. */
  summary: string;
  /** Usage text shown by `--help` and on usage errors. */
  usage: string;
  /** Runs the command with the arguments after its name. */
  run(args: string[]): Promise<CommandResult>;
}

/** Codes of {@link UsageError}. */
export type UsageErrorCode = 'BAD_FLAG' | 'MISSING_ARGUMENT' | 'BAD_ARGUMENT' | 'ENVIRONMENT';

/** The command was called wrongly, or the environment cannot run it (exit 2). */
export class UsageError extends SkillRegistryError<UsageErrorCode> {}

/** Output formats a command may support. */
export type OutputFormat = 'text' | 'json' | 'sarif';

/** Common flags every command accepts. */
export const COMMON_OPTIONS = {
  format: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** Parses flags strictly, turning node's parse errors into a {@link UsageError}. */
export function parseFlags<const Options extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: Options,
  usage: string,
): { values: Record<string, unknown>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args, options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
    return { values: parsed.values as Record<string, unknown>, positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError('BAD_FLAG', `${(error as Error).message}\n\n${usage}`);
  }
}

/** Reads `--format` / `--json` into a format, refusing ones the command does not support. */
export function outputFormat(values: Record<string, unknown>, supported: readonly OutputFormat[]): OutputFormat {
  if (values.json === true) return 'json';
  const format = (values.format as string | undefined) ?? 'text';
  if (!(supported as readonly string[]).includes(format)) {
    throw new UsageError('BAD_FLAG', `--format ${format} is not supported here. Use one of: ${supported.join(', ')}.`);
  }
  return format as OutputFormat;
}

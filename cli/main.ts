#!/usr/bin/env node
/**
 * `skill-registry <command>`: finds the command, runs it, prints its result as text, JSON or SARIF,
 * and maps the outcome to the exit code (0 ok, 1 verdict fail / verification failed, 2 usage or
 * environment error). Commands load lazily so `verify` never loads the scanner or the sandbox.
 */
import { SkillRegistryError } from '../core/index.ts';
import { UsageError, type Command, type CommandResult, type Outcome } from './command.ts';

const COMMANDS: Record<string, () => Promise<{ command: Command }>> = {
  scan: () => import('./commands/scan.ts'),
  dryrun: () => import('./commands/dryrun.ts'),
  audit: () => import('./commands/audit.ts'),
  digest: () => import('./commands/digest.ts'),
  verify: () => import('./commands/verify.ts'),
  install: () => import('./commands/install.ts'),
  update: () => import('./commands/update.ts'),
  info: () => import('./commands/info.ts'),
  search: () => import('./commands/search.ts'),
  build: () => import('./commands/build.ts'),
  submit: () => import('./commands/submit.ts'),
  mcp: () => import('./commands/mcp.ts'),
};

const EXIT_CODES: Record<Outcome, number> = { ok: 0, fail: 1, usage: 2 };

const HELP = `skill-registry: audit, verify and install AI agent skills

Usage: skill-registry <command> [options]

Commands:
  scan <dir>…                     static scan (--format text|json|sarif)
  dryrun <dir>                    run the skill in the sandbox and report what it did
  audit <dir|entry.yaml>          validate, scan, dry run and decide
  digest <dir>                    print the skill-tree-v1 digest of a folder
  verify <sha256:hex|hex|dir>     prove files are the audited ones and the attestation is genuine
  verify --installed [--global]   check every installed skill against its lockfile and the registry
  install <publisher/name[@version]|name> [--dir D] [--global] [--yes]
  update [name] [--global] [--yes] [--force]   move installed skills to their newest audited version
  info <publisher/name|name>      show a published skill
  search <words>                  search the registry
  build [--registry DIR]          audit a registry folder and publish its records
  submit <dir> [--publisher P] [--out FILE]   audit a skill in a git repository and write its registry entry
  mcp [--registry URL|DIR] [--dir D]          serve search, info, verify and install as MCP tools over stdio

Common options: --registry URL|DIR (default $SKILL_REGISTRY_URL), --format text|json, --json, --help
Exit codes: 0 ok, 1 verdict fail or verification failed, 2 usage or environment error.`;

function print(result: CommandResult, args: string[]): void {
  const formatIndex = args.indexOf('--format');
  const format = args.includes('--json') ? 'json' : formatIndex >= 0 ? args[formatIndex + 1] : args.find((arg) => arg.startsWith('--format='))?.slice(9);
  if (format === 'json') process.stdout.write(`${JSON.stringify(result.json, null, 2)}\n`);
  else if (format === 'sarif' && result.sarif !== undefined) process.stdout.write(`${JSON.stringify(result.sarif, null, 2)}\n`);
  else if (result.text) process.stdout.write(result.text.endsWith('\n') ? result.text : `${result.text}\n`);
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${HELP}\n`);
    return name === undefined ? EXIT_CODES.usage : EXIT_CODES.ok;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`Unknown command ${JSON.stringify(name)}. Run \`skill-registry --help\` for the list of commands.\n`);
    return EXIT_CODES.usage;
  }
  const { command } = await load();
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return EXIT_CODES.ok;
  }
  try {
    const result = await command.run(args);
    print(result, args);
    return EXIT_CODES[result.outcome];
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      return EXIT_CODES.usage;
    }
    if (error instanceof SkillRegistryError) {
      process.stderr.write(`error [${error.code}]: ${error.message}\n`);
      return EXIT_CODES.usage;
    }
    throw error;
  }
}

// A closed pipe (`skill-registry scan … | head`) ends the output, not the process with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2));
}

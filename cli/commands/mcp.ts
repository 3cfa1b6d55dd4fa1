/** `skill-registry mcp`: serves search, info, verify and install as MCP tools over stdio, until the client closes. */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CLIENT_FLAGS, CLIENT_FLAGS_USAGE, clientOptions, skillsDirectory } from '../../client/index.ts';
import { UsageError, outputFormat, parseFlags, type Command } from '../command.ts';
import { StdioSessionTransport, createMcpServer } from '../mcp/index.ts';

const usage = `Usage: skill-registry mcp [options]

Serves the registry to an AI agent as MCP tools over standard input and output (the Model Context
Protocol), until the client closes the connection:

  search            search the registry's audited skills
  info              a skill's version, digest, audit verdict, capabilities, findings and dry run
  verify            a digest or a skill folder against the registry, its signature and revocations
  verify_installed  every installed skill against the lockfile, the registry and its revocations
  install           verify a skill and, with the user's yes, install it into the skills folder

The registry, the pinned signer and the skills folder are fixed here: no tool call can change them,
and install writes nowhere else. Install never writes without the user's yes: the client asks the
user (MCP elicitation) when it can; otherwise install returns a preview of what the skill can do and
a one-time confirmation token, and only a second call with that token installs exactly what the
preview showed. It never replaces a folder that is not an untouched install.

Options:
  --dir DIR            install into DIR/<name> and check only DIR (default: .claude/skills of the
                       project in the working folder; checks it and ~/.claude/skills)
  --global             install into ~/.claude/skills and check only that folder
${CLIENT_FLAGS_USAGE}
                       (verify_installed checks against --registry when it is given, else against
                       the registry each skill was installed from)

For Claude Code, in .mcp.json: { "mcpServers": { "skill-registry": { "command": "npx",
  "args": ["skill-registry", "mcp", "--registry", "https://skills.example.com"] } } }

Exit codes: 0 when the client closed the connection, 2 usage error.`;

/** The version in this package's package.json (found upwards from this file, in a checkout or the packed package). */
async function packageVersion(): Promise<string> {
  for (let folder = import.meta.dirname; ; folder = dirname(folder)) {
    const manifest = await readFile(join(folder, 'package.json'), 'utf8').then((text) => JSON.parse(text) as { name?: string; version?: string }, () => undefined);
    if (manifest?.name === 'skill-registry' && manifest.version) return manifest.version;
    if (dirname(folder) === folder) return '0.0.0';
  }
}

/** The mcp command. */
export const command: Command = {
  name: 'mcp',
  summary: 'serve search, info, verify and install as MCP tools over stdio',
  usage,
  async run(args) {
    const { values, positionals } = parseFlags(args, { ...CLIENT_FLAGS, dir: { type: 'string' }, global: { type: 'boolean' } }, usage);
    // Standard output carries the protocol: there is nothing else to print, as text or JSON.
    if (values.json === true) throw new UsageError('BAD_FLAG', 'mcp speaks JSON-RPC on standard output; --json does not apply.');
    outputFormat(values, ['text']);
    if (positionals.length > 0) throw new UsageError('BAD_ARGUMENT', `mcp takes no arguments, only options.\n\n${usage}`);
    if (values.dir !== undefined && values.global === true) throw new UsageError('BAD_FLAG', 'Give --dir or --global, not both.');
    const options = await clientOptions(values);
    if (typeof options === 'string') throw new UsageError('BAD_FLAG', options);
    const installDirectory = skillsDirectory({ dir: values.dir as string | undefined, global: values.global === true });
    const installedDirectories = values.dir !== undefined || values.global === true ? [installDirectory] : [installDirectory, skillsDirectory({ global: true })];
    const server = createMcpServer({ client: options, registryGiven: values.registry !== undefined, installDirectory, installedDirectories, version: await packageVersion() });
    const closed = new Promise<void>((resolve) => {
      server.server.onclose = resolve;
    });
    await server.connect(new StdioSessionTransport());
    await closed;
    return { outcome: 'ok', text: '', json: undefined };
  },
};

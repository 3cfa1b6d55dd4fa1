/** `skill-registry search <words>`: find published skills by name, publisher or description. */
import { RegistryClient, registryLocation, searchSkills, type SearchHit } from '../../client/index.ts';
import { UsageError, outputFormat, parseFlags, type Command } from '../command.ts';

const usage = `Usage: skill-registry search <words…> [--registry URL|DIR] [--json]

Lists published skills whose name, publisher or description contains every word, best matches first.`;

/** What `search` prints: one line per hit, then how many matched (the MCP server's `search` tool shows the same). */
export function formatSearch(registry: string, query: string, hits: readonly SearchHit[], total: number): string {
  if (total === 0) return `No skill in ${registry} matches ${JSON.stringify(query)}.`;
  const lines = hits.map(({ entry }) => `${`${entry.publisher}/${entry.name}`.padEnd(32)} ${entry.version.padEnd(10)} ${`[${entry.trust}]`.padEnd(11)} ${entry.description.split('\n')[0].slice(0, 80)}`);
  return [...lines, '', total > hits.length ? `${hits.length} of ${total} matches shown; add words to narrow the search.` : `${total} match${total === 1 ? '' : 'es'}.`].join('\n');
}

/** The search command. */
export const command: Command = {
  name: 'search',
  summary: 'search the registry',
  usage,
  async run(args) {
    const { values, positionals } = parseFlags(args, { registry: { type: 'string' } }, usage);
    outputFormat(values, ['text', 'json']);
    const query = positionals.join(' ').trim();
    if (!query) throw new UsageError('MISSING_ARGUMENT', `Give at least one word to search for.\n\n${usage}`);
    const registry = new RegistryClient(registryLocation(values.registry as string | undefined));
    const { hits, total } = await searchSkills(registry, query);
    return { outcome: 'ok', text: formatSearch(registry.location, query, hits, total), json: { registry: registry.location, query, total, skills: hits.map((hit) => hit.entry) } };
  },
};

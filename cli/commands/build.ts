/** `skill-registry build`: audits a registry folder and publishes its records (no catalog HTML). */
import { resolve } from 'node:path';
import { buildRegistry } from '../../pipeline/index.ts';
import { outputFormat, parseFlags, type Command } from '../command.ts';

const usage = `Usage: skill-registry build [--registry DIR] [--out DIR] [--cache DIR] [--skip-dry-run REASON] [--json]

Audits every entry of a registry folder (config.yaml + skills/<publisher>/<name>.yaml) and publishes
the JSON API, archives and signed attestations into --out (default ./published). Lists what it refused
and why. The HTML catalog is built by \`npm run build\` in a checkout.
Exit 0 when every entry was published, 1 when any was refused or invalid.`;

/** The build command. */
export const command: Command = {
  name: 'build',
  summary: 'audit a registry folder and publish its records',
  usage,
  async run(args) {
    const { values } = parseFlags(args, { registry: { type: 'string' }, out: { type: 'string' }, cache: { type: 'string' }, 'skip-dry-run': { type: 'string' } }, usage);
    outputFormat(values, ['text', 'json']);
    const registryDir = resolve((values.registry as string | undefined) ?? 'registry');
    const outDir = resolve((values.out as string | undefined) ?? 'published');
    const cacheDir = resolve((values.cache as string | undefined) ?? '.cache/pipeline');
    const lines: string[] = [];
    const summary = await buildRegistry({ registryDir, outDir, cacheDir, skipDryRun: values['skip-dry-run'] as string | undefined, log: (line) => lines.push(line) });
    const bad = summary.outcomes.filter((outcome) => outcome.status !== 'published');
    lines.push('', `${summary.outcomes.length - bad.length} published, ${bad.length} refused or invalid; index: ${summary.indexed} skills in ${outDir}`);
    return {
      outcome: bad.length === 0 ? 'ok' : 'fail',
      text: lines.join('\n'),
      json: { outDir, indexed: summary.indexed, outcomes: summary.outcomes.map(({ report: _report, ...rest }) => rest) },
    };
  },
};

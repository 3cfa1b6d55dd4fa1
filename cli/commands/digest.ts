/** `skill-registry digest <dir>`: prints the skill-tree-v1 digest of a folder. */
import { resolve } from 'node:path';
import { treeDigest } from '../../core/index.ts';
import { UsageError, outputFormat, parseFlags, type Command } from '../command.ts';

const usage = `Usage: skill-registry digest <dir> [--json]

Prints the skill-tree-v1 digest (sha256:…) of a skill folder; --json adds the per-file list.`;

/** The digest command. */
export const command: Command = {
  name: 'digest',
  summary: 'print the skill-tree-v1 digest of a folder',
  usage,
  async run(args) {
    const { values, positionals } = parseFlags(args, {}, usage);
    outputFormat(values, ['text', 'json']);
    if (positionals.length !== 1) throw new UsageError('MISSING_ARGUMENT', `Give exactly one folder.\n\n${usage}`);
    const tree = await treeDigest(resolve(positionals[0]));
    return { outcome: 'ok', text: tree.digest, json: { digest: tree.digest, algorithm: 'skill-tree-v1', files: tree.files, totalBytes: tree.totalBytes } };
  },
};

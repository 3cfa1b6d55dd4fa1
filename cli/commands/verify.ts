/** `skill-registry verify <sha256:hex | hex | dir>`: prove files are the audited ones, signed and not revoked. */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseSha256 } from '../../core/index.ts';
import { CLIENT_FLAGS, CLIENT_FLAGS_USAGE, clientOptions, formatVerification, verifySkill } from '../../client/index.ts';
import { UsageError, outputFormat, parseFlags, type Command } from '../command.ts';

const usage = `Usage: skill-registry verify <sha256:hex | hex | dir> [options]

Checks, in order: (1) for a folder, that its files are exactly the audited ones (and which files
differ when not); (2) the registry's record for the digest; (3) the signed audit attestation, its
signer pinned to the registry's key or publishing workflow; (4) the signed revocation list.

Options:
${CLIENT_FLAGS_USAGE}
  --json               print the full report as JSON

Exit codes: 0 verified, 1 not verified, 2 usage error or registry unreachable.`;

/** The verify command. */
export const command: Command = {
  name: 'verify',
  summary: 'prove files are the audited ones and the attestation is genuine',
  usage,
  async run(args) {
    const { values, positionals } = parseFlags(args, CLIENT_FLAGS, usage);
    outputFormat(values, ['text', 'json']);
    if (positionals.length !== 1) throw new UsageError('MISSING_ARGUMENT', `Give exactly one digest or folder.\n\n${usage}`);
    const options = await clientOptions(values);
    if (typeof options === 'string') throw new UsageError('BAD_FLAG', options);
    const [subject] = positionals;
    const isFolder = (await stat(resolve(subject)).catch(() => undefined))?.isDirectory() ?? false;
    if (!isFolder && !parseSha256(subject)) {
      throw new UsageError('BAD_ARGUMENT', `${JSON.stringify(subject)} is neither a folder nor a digest. Give sha256:<64 hex>, 64 hex digits, or the path of a skill folder.`);
    }
    const report = await verifySkill(isFolder ? { dir: resolve(subject) } : { digest: subject }, options);
    const heading = `Verifying ${isFolder ? subject : report.digest} against ${options.registry.location}`;
    const outcome = report.verified ? 'ok' : report.error?.code === 'UNREACHABLE' ? 'usage' : 'fail';
    return { outcome, text: formatVerification(report, heading), json: { ...report, registry: options.registry.location } };
  },
};

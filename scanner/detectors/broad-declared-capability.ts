/** Declared capabilities so broad that a user should know (DESIGN.md: "warn: broad but declared capabilities"). */
import type { RawFinding } from '../model.ts';
import { SECRET_ENV_NAME } from '../code.ts';
import type { ScanContext } from './types.ts';

/** Bumped when the logic changes, so the rule set digest changes with it; the metadata is in scanner/rules/broad-declared-capability/rule.yaml. */
export const version = 1;

/** The broad-declared-capability detector. */
export function detect(context: ScanContext): RawFinding[] {
  const declared = context.declared;
  if (!declared) return [];
  const findings: RawFinding[] = [];
  const add = (evidence: string, message: string) => findings.push({ ruleId: 'broad-declared-capability', file: 'SKILL.md', line: 0, evidence, message });
  if (declared.network.includes('*')) add('capabilities.network: ["*"]', 'The entry allows connections to any host.');
  const secrets = declared.env.filter((name) => SECRET_ENV_NAME.test(name));
  if (secrets.length > 0) add(`capabilities.env: ${secrets.join(', ')}`, 'The entry reads credential-like environment variables.');
  const broadPaths = [...declared.filesystem.read, ...declared.filesystem.write].filter((path) => /^(?:\/|~|~\/|\/\*\*|~\/\*\*|\*\*|\*)$/.test(path.trim()));
  if (broadPaths.length > 0) add(`capabilities.filesystem: ${broadPaths.join(', ')}`, 'The entry reads or writes the whole home folder or file system.');
  return findings;
}

/** Declared capabilities so broad that a user should know (DESIGN.md: "warn: broad but declared capabilities"). */
import type { RawFinding } from '../model.ts';
import { SECRET_ENV_NAME } from '../code.ts';
import type { Detector, ScanContext } from './types.ts';

/** The broad-declared-capability detector. */
export const detector: Detector = {
  version: 1,
  meta: {
    id: 'broad-declared-capability',
    title: 'Broad declared capability',
    description: 'The entry declares any network host (`*`), credential-like environment variables, the whole home folder or file system, or a shell/interpreter that can run anything. Declared, so not a failure, but users should see it.',
    category: 'capability',
    kind: 'capability',
    severity: 'medium',
    confidence: 'high',
    message: 'The entry declares a broad capability.',
    fix: 'Narrow the declaration to the hosts, variables and paths the skill really uses.',
  },
  detect(context: ScanContext): RawFinding[] {
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
  },
};

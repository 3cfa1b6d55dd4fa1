/** Lists what the skill can do (hosts, environment variables, paths, commands), so users see it. */
import type { RawFinding } from '../model.ts';
import type { CapabilityUse } from '../capabilities.ts';
import type { ScanContext } from './types.ts';

const KIND_NAMES: Record<CapabilityUse['kind'], string> = {
  network: 'connects to',
  env: 'reads environment variables',
  'filesystem.read': 'reads paths outside its folder',
  'filesystem.write': 'writes paths outside its folder',
  commands: 'runs commands',
};

/** Uses found by capability inference, attached by the engine before detectors run. */
export const usesByContext = new WeakMap<ScanContext, CapabilityUse[]>();

/** Bumped when the logic changes, so the rule set digest changes with it; the metadata is in scanner/rules/capability-inventory/rule.yaml. */
export const version = 1;

/** The capability-inventory detector. */
export function detect(context: ScanContext): RawFinding[] {
  const uses = usesByContext.get(context) ?? [];
  const findings: RawFinding[] = [];
  for (const kind of Object.keys(KIND_NAMES) as CapabilityUse['kind'][]) {
    const ofKind = uses.filter((use) => use.kind === kind);
    if (ofKind.length === 0) continue;
    const values = [...new Set(ofKind.map((use) => use.value))].sort();
    const first = ofKind[0];
    findings.push({
      ruleId: 'capability-inventory',
      file: first.file,
      line: first.line,
      evidence: values.length > 12 ? `${values.slice(0, 12).join(', ')} and ${values.length - 12} more` : values.join(', '),
      message: `The skill ${KIND_NAMES[kind]}: ${values.length} inferred${context.declared ? ', compared with the declared capabilities' : ''}.`,
    });
  }
  return findings;
}

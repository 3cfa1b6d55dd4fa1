/**
 * Compares inferred capabilities with the entry's declared ones: each undeclared host, variable,
 * path or command is a finding. Without an entry (an ad-hoc scan) there is nothing to compare with,
 * and this detector stays silent.
 */
import { SENSITIVE_FILE, urlHosts } from '../knowledge.ts';
import { SECRET_ENV_NAME } from '../code.ts';
import { fromMarkdown, useDeclared, type CapabilityUse } from '../capabilities.ts';
import { AGENT_CONFIG_FILE, PERSISTENCE_FILE, severityRank } from '../../core/index.ts';
import { isPackageRegistry } from '../intent/model.ts';
import type { RawFinding } from '../model.ts';
import { usesByContext } from './capability-inventory.ts';
import type { ScanContext } from './types.ts';

function severityOf(use: CapabilityUse): { severity: RawFinding['severity']; field: string } {
  switch (use.kind) {
    case 'network':
      return { severity: 'high', field: 'capabilities.network' };
    case 'filesystem.read':
      return { severity: SENSITIVE_FILE.test(use.value) ? 'high' : 'medium', field: 'capabilities.filesystem.read' };
    case 'filesystem.write':
      // Files that run code later, grant access or steer the agent; other system paths (a package
      // source list, a keyring) are what installers write, and warn until declared.
      return { severity: SENSITIVE_FILE.test(use.value) || PERSISTENCE_FILE.test(use.value) || AGENT_CONFIG_FILE.test(use.value) || /^~\/\.(?:config\/autostart|claude)\b/.test(use.value) ? 'high' : 'medium', field: 'capabilities.filesystem.write' };
    case 'env':
      return { severity: SECRET_ENV_NAME.test(use.value) ? 'medium' : 'low', field: 'capabilities.env' };
    case 'commands':
      return { severity: 'medium', field: 'capabilities.commands' };
  }
}

/** A download piped into a shell or interpreter, or run through `sh -c "$(curl …)"`. */
const REMOTE_CODE_RUN = /\b(?:curl|wget|iwr|irm|Invoke-WebRequest|Invoke-RestMethod)\b[^|\n]*\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?:\/usr\/bin\/env\s+|\/bin\/|\/usr\/bin\/)?(?:(?:ba|z|k|da|fi)?sh|python[23]?|node|perl|ruby|iex|Invoke-Expression)\b|\b(?:ba|z)?sh\s+(?:-\w+\s+)*["']?\$\(\s*(?:curl|wget)\b/;

/** Hosts whose downloads the skill's commands execute. */
function executedHosts(context: ScanContext): Set<string> {
  const hosts = new Set<string>();
  for (const unit of context.facts) {
    for (const command of unit.commands) {
      if (REMOTE_CODE_RUN.test(command.text)) for (const { host } of urlHosts(command.text)) hosts.add(host);
    }
  }
  return hosts;
}

/** Bumped when the logic changes, so the rule set digest changes with it; the metadata is in scanner/rules/undeclared-capability/rule.yaml. */
export const version = 1;

/** The undeclared-capability detector. */
export function detect(context: ScanContext): RawFinding[] {
  const declared = context.declared;
  if (!declared) return [];
  const findings: RawFinding[] = [];
  const executed = executedHosts(context);
  for (const use of usesByContext.get(context) ?? []) {
    if (useDeclared(use, declared)) continue;
    const { severity: inferred, field } = severityOf(use);
    // Markdown examples are what the agent may run, not what it surely runs: they warn at most, unless
    // the example runs code fetched from the undeclared host (`curl https://host/x | sh`).
    // An official installer (installers.yaml) is still a host to declare, but not unknown code.
    const runsRemoteCode = use.kind === 'network' && executed.has(use.value) && !isPackageRegistry(use.value);
    const severity = fromMarkdown(use) && !runsRemoteCode && severityRank(inferred ?? 'info') > severityRank('medium') ? 'medium' : inferred;
    findings.push({
      ruleId: 'undeclared-capability',
      file: use.file,
      line: use.line,
      evidence: use.evidence,
      severity,
      message: `${runsRemoteCode ? 'Runs code downloaded from' : 'Uses'} ${use.kind === 'commands' ? 'the command' : use.kind === 'env' ? 'the environment variable' : use.kind === 'network' ? 'the host' : 'the path'} \`${use.value}\`, which is not declared in ${field}.`,
      capabilityValue: use.value,
    });
  }
  return findings;
}

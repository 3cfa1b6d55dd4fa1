/**
 * One story for a skill page: an observed capability is marked as beyond the declaration exactly when
 * the dry run reported a violation about it. The dry run's own matching (`*.suffix` hosts, path globs,
 * tools that imply their hosts, caches and temporary files) decides; the page does not compare strings
 * a second, different way.
 */
import { networkHost } from '../../sandbox/violations.ts';
import type { SkillRecord } from '../../schemas/index.ts';

type Violation = SkillRecord['dryrun']['violations'][number];
export type CapabilityKind = 'network' | 'files' | 'env' | 'commands';

/** The host of an event target, read as the dry run reads it. */
function hostOf(target: string): string {
  return networkHost({ target }).host.toLowerCase();
}

/** Whether `violation` is about the observed `value` of capability `kind`. */
function concerns(violation: Violation, kind: CapabilityKind, value: string): boolean {
  const { event } = violation;
  switch (kind) {
    case 'network':
      return ((event.kind === 'dns' || event.kind === 'connect' || event.kind === 'http') && hostOf(event.target) === value) || (event.kind === 'exec' && violation.ruleId === 'dryrun-undeclared-egress' && violation.message.includes(`://${value}`));
    case 'files':
      // The page shows files as `read PATH` / `write PATH`.
      return (event.kind === 'file-read' ? `read ${event.target}` : event.kind === 'file-write' || event.kind === 'file-delete' ? `write ${event.target}` : undefined) === value;
    case 'env':
      return violation.message.includes(`env:${value}`);
    case 'commands':
      return event.kind === 'exec' && (event.target.split('/').pop() ?? event.target) === value && violation.ruleId !== 'dryrun-undeclared-egress' && violation.ruleId !== 'dryrun-canary-exfiltration';
  }
}

/** Whether the dry run flagged the observed `value` of capability `kind` as beyond what the entry declares. */
export function flaggedByDryRun(violations: readonly Violation[], kind: CapabilityKind, value: string): boolean {
  return violations.some((violation) => concerns(violation, kind, value));
}

/** How the CLI shows what a skill can do, its audit warnings, and what an update changes. */
import { CAPABILITY_KINDS, sameCapabilities, skillLabel, type CapabilityKind, type InstallPreview, type UpdatePreview } from '../client/index.ts';
import { TRUST_WORDS, type Capabilities, type Trust } from '../schemas/index.ts';

function list(values: readonly string[]): string {
  return values.length ? values.join(', ') : 'none';
}

/** One line per capability list, as `info` shows them. */
export function capabilityLines(capabilities: Capabilities): string[] {
  return [
    `  network     ${list(capabilities.network)}`,
    `  env         ${list(capabilities.env)}`,
    `  filesystem  read: ${list(capabilities.filesystem.read)}; write: ${list(capabilities.filesystem.write)}`,
    `  commands    ${list(capabilities.commands)}`,
  ];
}

/** The trust badge in words, the catalog's. */
export function badge(trust: string): string {
  return TRUST_WORDS[trust as Trust] ?? trust;
}

function warningLines(warnings: readonly string[]): string[] {
  return warnings.map((warning) => `  ! ${warning}`);
}

/** What an install would put in place: capabilities, then the audit's warnings. */
export function previewLines(preview: InstallPreview): string[] {
  const lines = [`What ${skillLabel(preview.skill)} can do, as its signed audit declares:`, ...capabilityLines(preview.capabilities)];
  if (preview.warnings.length === 0) lines.push(`Audit: ${preview.verdict} (${badge(preview.trust)}), no warnings.`);
  else lines.push(`Audit: ${preview.verdict} (${badge(preview.trust)}). Read its warnings:`, ...warningLines(preview.warnings));
  return lines;
}

const KIND_LABELS: Record<CapabilityKind, string> = { network: 'network', filesystemRead: 'files read', filesystemWrite: 'files write', env: 'env', commands: 'commands' };

/** What an update changes: capabilities added (+) and removed (-), then the new version's new warnings. */
export function updatePreviewLines(preview: UpdatePreview): string[] {
  const lines = [`${preview.from.publisher}/${preview.from.name} ${preview.from.version} → ${preview.skill.version} (${preview.skill.digest})`];
  if (sameCapabilities(preview.changes)) {
    lines.push('  Capabilities: no change.');
  } else {
    lines.push('  Capabilities that change:');
    for (const kind of CAPABILITY_KINDS) {
      const { added, removed } = preview.changes[kind];
      if (added.length) lines.push(`    + ${KIND_LABELS[kind].padEnd(12)}${added.join(', ')}`);
      if (removed.length) lines.push(`    - ${KIND_LABELS[kind].padEnd(12)}${removed.join(', ')}`);
    }
  }
  if (preview.newWarnings.length === 0) lines.push(`  New warnings: none (audit: ${preview.verdict}, ${badge(preview.trust)}).`);
  else lines.push(`  New warnings (audit: ${preview.verdict}, ${badge(preview.trust)}):`, ...preview.newWarnings.map((warning) => `    ! ${warning}`));
  return lines;
}

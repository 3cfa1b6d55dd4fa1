import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const HEADINGS = { feat: 'Added', fix: 'Fixed', perf: 'Performance' };

export function renderSection(version, commits, lead) {
  const date = new Date().toISOString().slice(0, 10);
  const out = [`## [${version}] - ${date}`, ''];
  if (lead) out.push(lead, '');
  const breaking = commits.filter((c) => c.breaking);
  if (breaking.length) {
    out.push('### Breaking', ...breaking.map((c) => `- ${c.text} (${c.hash.slice(0, 7)})`), '');
  }
  for (const [type, heading] of Object.entries(HEADINGS)) {
    const items = commits.filter((c) => c.type === type && !c.breaking);
    if (items.length) out.push(`### ${heading}`, ...items.map((c) => `- ${c.scope ? `**${c.scope}:** ` : ''}${c.text} (${c.hash.slice(0, 7)})`), '');
  }
  return out.join('\n');
}

export function prependChangelog(path, section) {
  const head = '# Changelog\n\nAll notable changes to this project are documented here.\n\n';
  const old = existsSync(path) ? readFileSync(path, 'utf8').replace(/^# Changelog[\s\S]*?(?=## \[)/, '') : '';
  writeFileSync(path, head + section + '\n' + old);
}

/** Validation stage: entry files, registry config and SKILL.md, every problem reported at once. */
export { loadEntry, validateEntryData, parseYaml, MAX_ENTRY_BYTES } from './entry.ts';
export { validateSkillFolder, splitFrontMatter, type SkillDocument } from './skill.ts';
export { zodIssuesToIssues, formatPath } from '../../schemas/zod-issues.ts';

/** Checks a fetched skill folder: SKILL.md present, its front matter valid and matching the entry. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Issue } from '../../core/index.ts';
import { SkillFrontMatterSchema, type Entry, type SkillFrontMatter } from '../../schemas/index.ts';
import { parseYaml } from './entry.ts';
import { zodIssuesToIssues } from '../../schemas/zod-issues.ts';

/** Largest front matter read; real ones are a few hundred bytes (name, description, a little metadata). */
export const MAX_FRONT_MATTER_BYTES = 16 * 1024;

/** SKILL.md split into its front matter and body. */
export interface SkillDocument {
  /** Parsed front matter, when valid. */
  frontMatter?: SkillFrontMatter;
  /** Markdown after the front matter. */
  body: string;
  /** Every problem found. */
  issues: Issue[];
}

/**
 * Reads front matter made of plain `key: value` lines (with indented continuation lines), or returns
 * undefined when it has any other shape.
 */
export function parseSimpleFrontMatter(yaml: string): Record<string, string> | undefined {
  const result: Record<string, string> = {};
  let last: string | undefined;
  for (const line of yaml.split(/\r?\n/)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const match = /^([A-Za-z0-9_-]+):[ \t]*(.*)$/.exec(line);
    if (match) {
      last = match[1];
      result[last] = match[2].trim().replace(/^(["'])(.*)\1$/, '$2');
    } else if (/^[ \t]+\S/.test(line) && last !== undefined) {
      result[last] = `${result[last]} ${line.trim()}`.trim();
    } else return undefined;
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

/** Splits `---`-delimited YAML front matter from Markdown. */
export function splitFrontMatter(text: string): { yaml?: string; body: string; yamlLine: number } {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { body: text, yamlLine: 0 };
  return { yaml: match[1], body: text.slice(match[0].length), yamlLine: 2 };
}

/** Reads and checks SKILL.md of a skill folder against its entry (when there is one). */
export async function validateSkillFolder(dir: string, entry?: Entry): Promise<SkillDocument> {
  const text = await readFile(join(dir, 'SKILL.md'), 'utf8').catch(() => undefined);
  if (text === undefined) {
    return {
      body: '',
      issues: [{ id: 'skill-md-missing', path: 'SKILL.md', severity: 'high', message: 'The skill folder has no SKILL.md. Add one with front matter `name` and `description` (or point source.path at the folder that has it).' }],
    };
  }
  const { yaml, body } = splitFrontMatter(text);
  if (yaml !== undefined && Buffer.byteLength(yaml) > MAX_FRONT_MATTER_BYTES) {
    // YAML with unique keys costs time quadratic in the number of keys: the size bound is the time bound.
    return {
      body,
      issues: [{ id: 'skill-md-front-matter-too-large', path: 'SKILL.md front matter', severity: 'high', message: `The front matter is ${Buffer.byteLength(yaml)} bytes, over the ${MAX_FRONT_MATTER_BYTES}-byte limit. It holds the name, the description and a little metadata. Move everything else into the body of SKILL.md.` }],
    };
  }
  if (yaml === undefined) {
    return {
      body,
      issues: [{ id: 'skill-md-no-front-matter', path: 'SKILL.md:1', severity: 'high', message: 'SKILL.md does not start with YAML front matter. Begin it with `---`, `name: …`, `description: …`, `---`.' }],
    };
  }
  let parsed = parseYaml(yaml, 'skill-md');
  const issues: Issue[] = [];
  if (parsed.issues.length > 0) {
    // Many SKILL.md files write `description: Use when: …` unquoted, which strict YAML refuses. When
    // the block is plain `key: value` lines, read it the way agents do and say how to make it valid.
    // An alias bomb is not a quoting slip: it is refused, never read leniently.
    const lenient = parsed.issues.every((issue) => issue.id === 'skill-md-yaml-syntax') ? parseSimpleFrontMatter(yaml) : undefined;
    if (!lenient) return { body, issues: parsed.issues.map((issue) => ({ ...issue, path: `SKILL.md front matter ${issue.path}` })) };
    parsed = { value: lenient, issues: [] };
    issues.push({
      id: 'skill-md-yaml-lenient',
      path: 'SKILL.md front matter',
      severity: 'low',
      message: 'The front matter is not valid YAML (a value contains `: ` or another YAML indicator), so it was read as plain `key: value` lines. Quote the values, e.g. `description: "Use when: …"`.',
    });
  }
  const result = SkillFrontMatterSchema.safeParse(parsed.value ?? {}, { reportInput: true });
  if (!result.success) {
    for (const issue of zodIssuesToIssues(result.error.issues, 'skill-md')) {
      issues.push({ ...issue, path: `SKILL.md front matter ${issue.path}`, message: issue.message.replace('Add the skill name', 'Add `name: <skill-name>`') });
    }
  }
  const name = (parsed.value as Record<string, unknown> | undefined)?.name;
  if (entry && typeof name === 'string' && name !== entry.name) {
    issues.push({
      id: 'skill-md-name-mismatch',
      path: 'SKILL.md front matter name',
      severity: 'high',
      message: `SKILL.md says name: ${JSON.stringify(name)} but the entry says name: ${JSON.stringify(entry.name)}. Make them equal.`,
    });
  }
  const blocking = issues.some((issue) => issue.severity === 'high' || issue.severity === 'critical');
  return result.success && !blocking ? { frontMatter: result.data, body, issues } : { body, issues };
}

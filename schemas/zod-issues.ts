/**
 * The one friendly reading of a zod failure, below every layer: every issue (never only the first) with
 * its field path like `capabilities.network[2]` and a message that says what is wrong and how to fix it,
 * as the project's {@link Issue} shape or as one line of plain words for an error message.
 */
import type { z } from 'zod';
import type { Issue } from '../core/index.ts';

/** What each well-known field expects, used in "missing" messages. */
const FIELD_HINTS: Record<string, string> = {
  schemaVersion: '`schemaVersion: 1`',
  name: 'the skill name, e.g. `name: pdf-tools` (the same as SKILL.md `name` and this file name)',
  publisher: 'the publisher, e.g. `publisher: acme` (the same as the folder this file is in)',
  version: 'a semantic version, e.g. `version: 1.0.0`',
  source: 'a `source:` block with `repo`, `commit` and `path`',
  'source.repo': 'the git URL, e.g. `repo: https://github.com/acme/skills.git`',
  'source.commit': 'the full 40-hex commit id (`git rev-parse HEAD` in the skill repository)',
  license: 'an SPDX identifier, e.g. `license: MIT`',
  capabilities: 'a `capabilities:` block (use `network: []`, `env: []`, `filesystem: { read: [], write: [] }`, `commands: []` for none)',
};

/** Formats a zod path as `a.b[2].c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? String(part) : `.${String(part)}`;
  }
  return text || '(top level)';
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

type ZodIssue = z.core.$ZodIssue;

/** Picks the most informative branch of a failed union: the one that got furthest into the value. */
function flattenUnion(issue: ZodIssue & { code: 'invalid_union' }): ZodIssue[] {
  const branches = issue.errors.filter((branch) => branch.length > 0);
  if (branches.length === 0) return [issue];
  const depth = (branch: ZodIssue[]) => Math.max(...branch.map((inner) => inner.path.length)) - (branch.every((inner) => inner.code === 'invalid_type') ? 0.5 : 0);
  const best = branches.reduce((a, b) => (depth(b) > depth(a) ? b : a));
  return best.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }) as ZodIssue);
}

/**
 * Maps every zod issue to an {@link Issue}. `prefix` names the concept in ids (`entry`, `config`,
 * `skill-md`); `supportedVersions` feeds the unknown-version message.
 */
export function zodIssuesToIssues(issues: readonly ZodIssue[], prefix: string, supportedVersions: readonly number[] = [1]): Issue[] {
  const result: Issue[] = [];
  const queue = [...issues];
  while (queue.length > 0) {
    const issue = queue.shift()!;
    if (issue.code === 'invalid_union') {
      const flattened = flattenUnion(issue);
      if (flattened[0] !== issue) {
        queue.unshift(...flattened);
        continue;
      }
    }
    const path = formatPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const keyPath = formatPath([...issue.path, key]);
        result.push({ id: `${prefix}-unknown-field`, path: keyPath, severity: 'high', message: `\`${keyPath}\` is not a known field (a typo?). Remove it or correct its name.` });
      }
      continue;
    }
    if (path === 'schemaVersion' && issue.input !== undefined) {
      result.push({
        id: `${prefix}-unsupported-version`,
        path,
        severity: 'high',
        message: `schemaVersion ${show(issue.input)} is not supported. Supported: ${supportedVersions.join(', ')}. Set \`schemaVersion: ${supportedVersions.at(-1)}\`.`,
      });
      continue;
    }
    // Without `reportInput` the value is not in the issue; zod's own message still says what it received.
    if (issue.code === 'invalid_type' && issue.input === undefined && !/received (?!undefined)\w/.test(issue.message)) {
      const hint = FIELD_HINTS[path];
      result.push({ id: `${prefix}-missing-field`, path, severity: 'high', message: `\`${path}\` is missing. Add ${hint ?? `\`${path}\` (${issue.expected})`}.` });
      continue;
    }
    if (path === 'source.commit') {
      result.push({ id: `${prefix}-commit-not-pinned`, path, severity: 'high', message: `source.commit ${show(issue.input)} ${issue.message}.` });
      continue;
    }
    const got = issue.input === undefined ? '' : ` (got ${show(issue.input)})`;
    const expectation = issue.code === 'invalid_type' ? `must be of type ${issue.expected}` : issue.message;
    result.push({ id: `${prefix}-invalid-value`, path, severity: 'high', message: `\`${path}\` ${expectation}${got}. Correct the value.` });
  }
  return result;
}

/** Issues listed in one error message at most; the rest are counted. */
const MAX_LISTED_PROBLEMS = 8;

/**
 * Every problem of a zod failure in one line of plain words, `path: what is wrong. Fix.` joined by
 * `; ` (at most eight, then how many more), for error messages that name a file or a value.
 */
export function describeZodError(error: z.ZodError, prefix = 'value'): string {
  const lines = zodIssuesToIssues(error.issues, prefix).map((issue) => issue.message.replace(/\.$/, ''));
  const listed = lines.slice(0, MAX_LISTED_PROBLEMS).join('; ');
  return lines.length > MAX_LISTED_PROBLEMS ? `${listed}; and ${lines.length - MAX_LISTED_PROBLEMS} more` : listed;
}

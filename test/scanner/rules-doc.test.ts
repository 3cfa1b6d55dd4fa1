/** docs/rules.md is generated from rule metadata; this fails when someone changed a rule and not the doc. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../scanner/index.ts';
import { RULES_DOC, renderRulesDoc } from '../../scripts/gen-rules-doc.ts';

describe('docs/rules.md', () => {
  it('matches the rule metadata (run `node scripts/gen-rules-doc.ts` when this fails)', async () => {
    expect(await readFile(RULES_DOC, 'utf8')).toBe(renderRulesDoc(await loadRules()));
  });
});

/**
 * The literal prefilter may only ever let a superset through: whenever an expression matches a text, the
 * filter must say it can. Checked on every expression the scanner filters (pattern rules, the action
 * model's vocabulary, the sensitive-file lists) against the text of every labelled skill, and on the
 * regular-expression syntax that could fool a literal reader.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AGENT_CONFIG_FILE, DOTENV_FILE, SENSITIVE_FILE, SYNCED_FOLDER } from '../../core/index.ts';
import { FilteredFamily, LiteralFilter, LiteralGatedRegExp, requiredLiterals } from '../../core/prefilter.ts';
import { bundledRuleSet } from '../../scanner/rules.ts';
import { vocabulary, WORD_CLASSES } from '../../scanner/intent/vocabulary.ts';

const corpus = fileURLToPath(new URL('../corpus/', import.meta.url));

/** Every text file of the labelled corpus, cut into lines and paragraphs (the sizes segments come in). */
async function corpusTexts(): Promise<string[]> {
  const texts: string[] = [];
  for (const entry of await readdir(corpus, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(?:md|py|js|sh|ts|json|ya?ml|txt|toml)$/.test(entry.name)) continue;
    const text = await readFile(join(entry.parentPath, entry.name), 'utf8');
    texts.push(text, ...text.split(/\n\s*\n/));
  }
  return texts;
}

describe('requiredLiterals', () => {
  it('finds the literal every match needs, in lower case', () => {
    expect(requiredLiterals(/\bcurl\b[^\n]*\|\s*(?:ba)?sh\b/)).toEqual(['curl']);
    expect(requiredLiterals(/Authorization:\s*Bearer/)?.[0]).toBe('authorization:');
    expect(requiredLiterals(/(?:wget|curl)\s+-O/)?.sort()).toEqual(['curl', 'wget']);
  });

  it('gives up where a match needs no literal', () => {
    expect(requiredLiterals(/\w{40}/)).toBeUndefined();
    expect(requiredLiterals(/curl|[a-z]+/)).toBeUndefined();
    expect(requiredLiterals(/(?:abc)?/)).toBeUndefined();
    expect(requiredLiterals(/x*/)).toBeUndefined();
  });

  it('reads classes, escapes and groups as JavaScript does', () => {
    // `[^]` is any character and `[]` nothing: a `]` right after the opening closes the class.
    expect(requiredLiterals(/[^]abc/)).toEqual(['abc']);
    expect(requiredLiterals(/ab[]]c/)?.every((literal) => literal !== 'ab]c')).toBe(true);
    expect(requiredLiterals(/\x41\u0042\u{43}D/u)).toEqual(['abcd']);
    expect(requiredLiterals(/a(?=bc)d/)).toEqual(['ad']);
    expect(requiredLiterals(/(?<name>secret)_(?:key|token)/)?.sort()).toEqual(['secret_']);
    expect(requiredLiterals(/\.ssh\/id_/)).toEqual(['.ssh/id_']);
    // Non-ASCII characters fold differently between engines: they break a literal instead of joining it.
    expect(requiredLiterals(/naïve/)).toEqual(['na']);
  });
});

describe('LiteralFilter', () => {
  it('says which expressions can match a text, in one pass', () => {
    const filter = new LiteralFilter([['curl'], ['wget', 'fetch'], undefined]);
    expect([...filter.scan('run CURL now')]).toEqual([1, 0, 1]);
    expect([...filter.scan('prefetching')]).toEqual([0, 1, 1]);
    expect([...filter.scan('')]).toEqual([0, 0, 1]);
  });

  it('folds the characters a case-insensitive Unicode expression folds onto ASCII', () => {
    // /secret/iu matches `ſecret` (long s) and /kube/iu the Kelvin sign: the filter must not hide them.
    const regexes = [/secret/iu, /kube/iu];
    const family = new FilteredFamily(regexes);
    for (const [index, text] of ['ſecret', '\u212Aube'].entries()) {
      expect(regexes[index].test(text)).toBe(true);
      expect(family.mayMatch(index, text)).toBe(true);
    }
  });

  it('never hides a match of any expression the scanner filters, on any corpus text', async () => {
    const ruleSet = await bundledRuleSet();
    const regexes: RegExp[] = [
      ...ruleSet.patternRules.flatMap((rule) => rule.patterns.map((pattern) => pattern.regex)),
      ...WORD_CLASSES.map((word) => vocabulary().words[word]),
      SENSITIVE_FILE,
      DOTENV_FILE,
      SYNCED_FOLDER,
      AGENT_CONFIG_FILE,
    ];
    const filter = new LiteralFilter(regexes.map((regex) => requiredLiterals(regex)));
    const texts = await corpusTexts();
    expect(texts.length).toBeGreaterThan(1000);
    let matches = 0;
    let filtered = 0;
    for (const text of texts) {
      const possible = filter.scan(text);
      regexes.forEach((regex, index) => {
        regex.lastIndex = 0;
        const matched = regex.test(text);
        if (matched) matches += 1;
        if (possible[index] === 0) filtered += 1;
        if (matched) expect(possible[index], `${regex.source.slice(0, 80)} matches but was filtered out`).toBe(1);
      });
    }
    // The check means something only if expressions both match and get filtered out, many times over.
    expect(matches).toBeGreaterThan(1000);
    expect(filtered).toBeGreaterThan(matches);
  });
});

describe('LiteralGatedRegExp', () => {
  it('answers as the plain expression does, on every corpus text', async () => {
    const plain = new RegExp(SENSITIVE_FILE.source, SENSITIVE_FILE.flags);
    const gated = new LiteralGatedRegExp(SENSITIVE_FILE.source, SENSITIVE_FILE.flags);
    const texts = await corpusTexts();
    let matches = 0;
    for (const text of texts) {
      const expected = plain.exec(text);
      const found = gated.exec(text);
      expect(found?.index, text.slice(0, 80)).toBe(expected?.index);
      expect(found?.[0]).toBe(expected?.[0]);
      expect(gated.test(text)).toBe(expected !== null);
      if (expected) matches += 1;
    }
    // Both answers occur many times, so the comparison covers the gate's yes and its no.
    expect(matches).toBeGreaterThan(100);
    expect(texts.length - matches).toBeGreaterThan(100);
  });

  it("keeps a global expression's position as the plain one does, and works through string methods", () => {
    const gated = new LiteralGatedRegExp('\\.npmrc|\\.pypirc', 'gi');
    expect('cat ~/.npmrc ~/.PYPIRC'.match(gated)).toEqual(['.npmrc', '.PYPIRC']);
    expect('cp ~/.npmrc x'.replace(gated, '<file>')).toBe('cp ~/<file> x');
    gated.lastIndex = 5;
    expect(gated.exec('nothing to see')).toBeNull();
    expect(gated.lastIndex).toBe(0);
    expect([...'a .npmrc b .pypirc'.matchAll(gated)].map((match) => match.index)).toEqual([2, 11]);
  });

  it('runs an expression that needs no literal every time', () => {
    const gated = new LiteralGatedRegExp('\\d{3}', '');
    expect(gated.test('code 404')).toBe(true);
    expect(gated.test('none')).toBe(false);
  });
});

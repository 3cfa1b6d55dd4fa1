import { describe, expect, it } from 'vitest';
import { EntrySchema } from './index.ts';
import { describeZodError } from './zod-issues.ts';

describe('describeZodError', () => {
  it('names every problem with its field path and a fix, not only the first', () => {
    const parsed = EntrySchema.safeParse({ schemaVersion: 1, name: 'Bad Name', publisher: 'acme', version: [1], extra: true });
    expect(parsed.success).toBe(false);
    const text = describeZodError(parsed.error!, 'entry');
    for (const part of ['`name`', '`version` must be of type string', '`extra` is not a known field', '`source` is missing', '`capabilities` is missing']) expect(text).toContain(part);
    expect(text.split('; ').length).toBeGreaterThanOrEqual(5);
  });

  it('lists at most eight problems and counts the rest', () => {
    const parsed = EntrySchema.safeParse(Object.fromEntries(Array.from({ length: 12 }, (_, index) => [`unknown${index}`, index])));
    const text = describeZodError(parsed.error!, 'entry');
    expect(text.split('; ').length).toBe(9);
    expect(text).toMatch(/and \d+ more$/);
  });
});

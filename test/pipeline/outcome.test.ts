import { describe, expect, it } from 'vitest';
import { recordInFileOrder, type EntryFile, type OutcomeSink, type Recorded } from '../../pipeline/outcome.ts';

/** Entry files `skills/acme/0.yaml` … in file order. */
function entryFiles(count: number): EntryFile[] {
  return Array.from({ length: count }, (_, index) => ({ path: `/registry/skills/acme/${index}.yaml`, shown: `skills/acme/${index}.yaml`, id: `acme/${index}` }));
}

/** A sink that keeps what was recorded, and the log. */
function sink(): OutcomeSink & { lines: string[] } {
  const lines: string[] = [];
  return { outcomes: [], items: [], keepPrevious: new Set(), lines, log: (line) => lines.push(line) };
}

/** A refused-looking outcome of one entry file. */
function recorded(file: EntryFile): Recorded {
  return { outcome: { file: file.shown, id: file.id, status: 'refused', cached: false, reasons: [], issues: [] }, line: `✗ ${file.shown}` };
}

/** A build whose entries finish only when the test says, with the most that ran at once. */
function heldBuild() {
  const waiting = new Map<string, () => void>();
  let running = 0;
  let most = 0;
  const build = async (file: EntryFile): Promise<Recorded> => {
    running += 1;
    most = Math.max(most, running);
    await new Promise<void>((release) => waiting.set(file.shown, release));
    running -= 1;
    return recorded(file);
  };
  /** Lets the named entry finish, once it has started. */
  const finish = async (shown: string) => {
    while (!waiting.has(shown)) await new Promise((next) => setImmediate(next));
    waiting.get(shown)!();
  };
  return { build, finish, most: () => most };
}

describe('recordInFileOrder', () => {
  it('records outcomes in file order though later entries finish first, and runs no more than asked at once', async () => {
    const files = entryFiles(5);
    const recordedTo = sink();
    const held = heldBuild();
    const building = recordInFileOrder(recordedTo, files, 2, held.build);
    await held.finish('skills/acme/1.yaml');
    await held.finish('skills/acme/2.yaml');
    expect(recordedTo.outcomes).toEqual([]);
    await held.finish('skills/acme/0.yaml');
    for (const shown of ['skills/acme/4.yaml', 'skills/acme/3.yaml']) await held.finish(shown);
    await building;
    expect(recordedTo.outcomes.map((outcome) => outcome.file)).toEqual(files.map((file) => file.shown));
    expect(recordedTo.lines).toEqual(files.map((file) => `✗ ${file.shown}`));
    expect([...recordedTo.keepPrevious]).toEqual(files.map((file) => file.id));
    expect(held.most()).toBe(2);
  });

  it('starts no entry after one that must stop the build, and throws its error once those running settle', async () => {
    const files = entryFiles(6);
    const started: string[] = [];
    let settled = 0;
    const stopping = Object.assign(new Error('no audit in the cache'), { code: 'NOT_AUDITED' });
    const building = recordInFileOrder(sink(), files, 2, async (file) => {
      started.push(file.shown);
      if (file.id === 'acme/1') throw stopping;
      await new Promise((next) => setImmediate(next));
      settled += 1;
      return recorded(file);
    });
    await expect(building).rejects.toBe(stopping);
    expect(started).toEqual(['skills/acme/0.yaml', 'skills/acme/1.yaml']);
    expect(settled).toBe(1);
  });
});

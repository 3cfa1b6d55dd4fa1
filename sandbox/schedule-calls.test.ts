import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { onlyListsSchedules } from './dry-run.ts';

const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

async function skill(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'schedule-calls-'));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

describe('onlyListsSchedules', () => {
  it('is true when every call of the scheduler in scripts and Markdown code only lists', async () => {
    const dir = await skill({
      'SKILL.md': '# Triage\n\nThe inventory covers user crontabs and `crontab -l` output.\n\n```bash\ncrontab -l > cron.txt\n```\n',
      'scripts/inventory.sh': '#!/bin/bash\nrun out/crontab-current.txt crontab -l\nfor f in /etc/crontab /etc/cron.d/*; do cat "$f"; done\n',
      'scripts/flag.py': 'PATTERNS = [r"(crontab\\s+-|authorized_keys)"]\n',
    });
    expect(await onlyListsSchedules(dir, 'crontab')).toBe(true);
  });

  it('is false when any call edits the schedule, and when the skill never calls it', async () => {
    expect(await onlyListsSchedules(await skill({ 'SKILL.md': '# A\n\n```bash\ncrontab -l\n```\n', 'scripts/x.sh': '#!/bin/sh\n(crontab -l; echo "* * * * * ~/.x") | crontab -\n' }), 'crontab')).toBe(false);
    expect(await onlyListsSchedules(await skill({ 'SKILL.md': '# A\n\nNothing scheduled here.\n' }), 'crontab')).toBe(false);
    // A program named in an argument list or a string is called too: its next argument says what it does.
    expect(await onlyListsSchedules(await skill({ 'SKILL.md': '# A\n\n```bash\ncrontab -l\n```\n', 'scripts/x.py': 'import subprocess\nsubprocess.run(["crontab", f.name], check=True)\n' }), 'crontab')).toBe(false);
    expect(await onlyListsSchedules(await skill({ 'SKILL.md': '# A\n', 'scripts/x.py': 'import os\nos.system("crontab /tmp/jobs")\n' }), 'crontab')).toBe(false);
    expect(await onlyListsSchedules(await skill({ 'SKILL.md': '# A\n', 'scripts/x.py': 'import subprocess\nprint(subprocess.run(["crontab", "-l"], capture_output=True).stdout)\n' }), 'crontab')).toBe(true);
  });
});

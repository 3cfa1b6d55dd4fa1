/**
 * The baseline a folder without an entry is held to: what its files visibly do. A command SKILL.md shows
 * inline counts as shown, also when the paragraph wraps it onto the next line, since the dry run runs it.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { folderBaseline } from '../../pipeline/audit.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function skill(markdown: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'baseline-'));
  made.push(dir);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'SKILL.md'), markdown);
  return dir;
}

describe('folder baseline', () => {
  it('counts a program SKILL.md shows in inline code, on one line or wrapped onto the next', async () => {
    const baseline = await folderBaseline(skill('---\nname: one-file-app\ndescription: Packs a small web app into one HTML file.\n---\n# One file\n\nIf the project uses npm libraries, bundle JS first (`npx esbuild src/main.ts --bundle --minify\n--outfile=app.js`), then run `python3 scripts/pack.py app.js`.\n'));
    expect(baseline.commands).toEqual(expect.arrayContaining(['npx', 'python3']));
  });

  it('does not join inline code across a blank line', async () => {
    const baseline = await folderBaseline(skill('---\nname: notes\ndescription: Notes.\n---\n# Notes\n\nA stray backtick ` here\n\nand `make test` there.\n'));
    expect(baseline.commands).toContain('make');
    expect(baseline.commands).not.toContain('here');
  });

  it("names the default host of a URL with a shell default in it, and counts a file SKILL.md writes with `cat > ~/… <<EOF` as written", async () => {
    const baseline = await folderBaseline(skill('---\nname: monitors\ndescription: Exports monitors.\n---\n# Monitors\n\n```bash\ncurl -sS "https://api.${DD_SITE:-datadoghq.com}/api/v1/validate"\nmkdir -p ~/.config/systemd/user\ncat > ~/.config/systemd/user/report.timer <<UNIT\n[Timer]\nOnCalendar=weekly\nUNIT\n```\n'));
    expect(baseline.network).toContain('api.datadoghq.com');
    expect(baseline.filesystem.write).toContain('~/.config/systemd/user/report.timer');
  });
});

/** `skill-registry scan`: output formats and exit codes (0 pass/warn, 1 fail, 2 usage). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(import.meta.dirname, 'fixtures');

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(ROOT, 'cli', 'main.ts'), 'scan', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('skill-registry scan', () => {
  it('exits 0 on a passing skill and prints the text report', () => {
    const result = cli(join(FIXTURES, 'weather-clean'));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/: PASS \(/);
  });

  it('exits 1 when any folder fails, and prints { reports } JSON for several folders', () => {
    const result = cli('--format', 'json', join(FIXTURES, 'weather-clean'), join(FIXTURES, 'sync-malicious'));
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout) as { reports: { dir: string; verdict: string }[] };
    expect(json.reports.map((report) => report.verdict)).toEqual(['pass', 'fail']);
  });

  it('prints one report with its dir for one folder, and SARIF 2.1.0 on request', () => {
    const json = JSON.parse(cli('--json', join(FIXTURES, 'notes-warn')).stdout) as { dir: string; verdict: string };
    expect(json).toMatchObject({ verdict: 'warn', dir: join(FIXTURES, 'notes-warn') });
    const sarif = JSON.parse(cli('--format', 'sarif', join(FIXTURES, 'sync-malicious')).stdout) as { version: string; runs: { results: { ruleId: string }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.map((result) => result.ruleId)).toContain('credential-exfiltration');
  });

  it('writes SARIF locations relative to the folder scanned, each folder a base id', () => {
    type Log = { runs: { originalUriBaseIds: Record<string, { uri: string }>; results: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[] }[] }[] };
    const sarif = JSON.parse(cli('--format', 'sarif', join(FIXTURES, 'notes-warn'), join(FIXTURES, 'sync-malicious')).stdout) as Log;
    const [run] = sarif.runs;
    expect(run.originalUriBaseIds).toMatchObject({ SKILLROOT1: { uri: `file://${join(FIXTURES, 'notes-warn')}/` }, SKILLROOT2: { uri: `file://${join(FIXTURES, 'sync-malicious')}/` } });
    const locations = run.results.map((result) => result.locations[0].physicalLocation.artifactLocation);
    expect(locations).toContainEqual({ uri: 'SKILL.md', uriBaseId: 'SKILLROOT2' });
    expect(locations.every((location) => !location.uri.includes('fixtures'))).toBe(true);
  });

  it('exits 2 on usage errors', () => {
    expect(cli().code).toBe(2);
    expect(cli('--format', 'xml', FIXTURES).code).toBe(2);
    expect(cli(join(FIXTURES, 'missing-folder')).code).toBe(2);
  });
});

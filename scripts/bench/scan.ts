#!/usr/bin/env node
/**
 * Scanner throughput: scans a few hundred generated skills in-process (parsers warm) and compares with
 * just reading and SHA-256-hashing the same bytes. Prints a Markdown section.
 *   node scripts/bench/scan.ts [--skills N]
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { scanSkill } from '../../scanner/index.ts';

/** Enough skills to smooth out garbage collection and disk cache effects on a 2-core machine. */
const DEFAULT_SKILLS = 300;
const count = Number(process.argv[process.argv.indexOf('--skills') + 1]) || DEFAULT_SKILLS;

function paragraph(seed: number): string {
  const words = ['parse', 'the', 'input', 'file', 'and', 'report', 'totals', 'per', 'column', 'with', 'units', 'when', 'asked', 'by', 'user'];
  return Array.from({ length: 60 }, (_, index) => words[(seed * 7 + index * 3) % words.length]).join(' ');
}

/** A typical skill: SKILL.md with prose and code blocks, a Python script, a shell script, a reference doc. */
function typicalSkill(index: number): Record<string, string> {
  const name = `tool-${index}`;
  const prose = Array.from({ length: 12 }, (_, part) => paragraph(index + part)).join('\n\n');
  return {
    'SKILL.md': `---\nname: ${name}\ndescription: Summarises CSV files. Use when the user asks for totals.\n---\n# ${name}\n\n${prose}\n\n\`\`\`bash\npython3 scripts/summary.py data.csv --column amount\n\`\`\`\n\nSee \`references/columns.md\`.\n`,
    'scripts/summary.py': `#!/usr/bin/env python3\n"""Summarises a CSV file."""\nimport csv\nimport json\nimport os\nimport sys\n\nAPI = os.environ.get("SUMMARY_API", "https://api.summary.invalid/v1")\n\n\n${Array.from({ length: 30 }, (_, fn) => `def step_${fn}(rows):\n    total = 0\n    for row in rows:\n        total += float(row.get("amount", 0) or 0) * ${fn + 1}\n    return {"step": ${fn}, "total": total, "label": "step ${fn} of ${name}"}\n`).join('\n')}\n\nif __name__ == "__main__":\n    with open(sys.argv[1], newline="") as handle:\n        rows = list(csv.DictReader(handle))\n    print(json.dumps([step_0(rows), step_1(rows)], indent=2))\n`,
    'scripts/check.sh': `#!/usr/bin/env bash\nset -euo pipefail\nfile="\${1:?usage: check.sh FILE}"\nif [ ! -f "$file" ]; then\n  echo "missing $file" >&2\n  exit 1\nfi\nhead -n 1 "$file" | tr ',' '\\n' | nl\n`,
    'references/columns.md': `# Columns\n\n${Array.from({ length: 20 }, (_, row) => `- \`col_${row}\`: ${paragraph(row)}`).join('\n')}\n`,
  };
}

async function filesOf(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) out.push(join(entry.parentPath, entry.name));
  return out.sort();
}

const root = await mkdtemp(join(tmpdir(), 'bench-scan-'));
try {
  const dirs: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const dir = join(root, `skill-${index}`);
    for (const [path, content] of Object.entries(typicalSkill(index))) {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), content);
    }
    dirs.push(dir);
  }
  // Warm up: load rules, policy and the wasm parsers once, as a long-running process would.
  await scanSkill(dirs[0]);

  let bytes = 0;
  const hashStart = performance.now();
  for (const dir of dirs) {
    for (const file of await filesOf(dir)) {
      const content = await readFile(file);
      bytes += content.length;
      createHash('sha256').update(content).digest('hex');
    }
  }
  const hashSeconds = (performance.now() - hashStart) / 1000;

  const perSkill: number[] = [];
  const scanStart = performance.now();
  let findings = 0;
  for (const dir of dirs) {
    const started = performance.now();
    const report = await scanSkill(dir);
    perSkill.push(performance.now() - started);
    findings += report.findings.length;
  }
  const scanSeconds = (performance.now() - scanStart) / 1000;
  perSkill.sort((a, b) => a - b);
  const median = perSkill[Math.floor(perSkill.length / 2)];
  const p95 = perSkill[Math.floor(perSkill.length * 0.95)];
  const mb = bytes / 1024 / 1024;

  process.stdout.write(`## scan

Static scan of ${count} generated typical skills (SKILL.md with prose and a code block, a Python script, a shell script, a reference doc; ${(bytes / count / 1024).toFixed(1)} KiB each, ${mb.toFixed(2)} MiB in all), in-process with parsers loaded once.

| step | total s | MB/s | skills/s | median ms/skill | p95 ms/skill |
|---|---:|---:|---:|---:|---:|
| read + SHA-256 | ${hashSeconds.toFixed(3)} | ${(mb / hashSeconds).toFixed(1)} | ${(count / hashSeconds).toFixed(0)} | – | – |
| scan (all rules) | ${scanSeconds.toFixed(3)} | ${(mb / scanSeconds).toFixed(2)} | ${(count / scanSeconds).toFixed(1)} | ${median.toFixed(1)} | ${p95.toFixed(1)} |

Target: a typical skill scans in under 50 ms in-process (median ${median.toFixed(1)} ms). ${findings} findings in all (capability listings).
`);
} finally {
  await rm(root, { recursive: true, force: true });
}

/**
 * YAML that runs code when it is loaded: Python object tags (`!!python/object/apply:builtins.exec [...]`,
 * `!!python/object/new:subprocess.Popen`, `!!python/name:os.system`) in a YAML file the skill ships as
 * configuration or data. A test fixture or sample of such a payload (under `tests/`, `fixtures/`, `samples/`,
 * `examples/`) is material for a checker, not configuration.
 */
import type { RawFinding } from '../model.ts';
import type { ScanContext } from './types.ts';

/** Bumped when the logic changes, so the rule set digest changes with it; the metadata is in scanner/rules/yaml-code-tag/rule.yaml. */
export const version = 1;

/** A Python object tag whose callable runs code or a program. */
const CODE_TAG = /^\s*(?:[\w.-]+\s*:\s*|-\s+|\[\s*|.*[:,[]\s*)(?:!!python\/|!<tag:yaml\.org,2002:python\/)(?:object\/apply|object\/new|name|module):\s*(?:builtins\.|__builtin__\.)?(?:exec|eval|compile|__import__|getattr|(?:os|posix|nt)\.(?:system|popen|exec\w*|spawn\w*)|subprocess\.\w+|pty\.spawn|importlib\.import_module|pickle\.loads|marshal\.loads|runpy\.\w+|webbrowser\.open|urllib\.request\.\w+|base64\.\w+|zlib\.decompress|codecs\.decode)\b/;

/** Folders of inputs kept for the skill's own checks. */
const FIXTURE = /(?:^|\/)(?:tests?|fixtures?|testdata|__tests__|spec|samples?|examples?|payloads?)\//i;

/** The yaml-code-tag detector. */
export function detect(context: ScanContext): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const file of context.files) {
    if (file.fileClass !== 'text' || !/\.ya?ml$/i.test(file.path) || !/!!python\/|!<tag:yaml\.org,2002:python\//.test(file.text)) continue;
    // A fixture is exempt unless the skill's own code loads it by name (a default configuration kept under `examples/`).
    const name = file.path.split('/').pop()!;
    if (FIXTURE.test(file.path) && !context.files.some((code) => code !== file && code.fileClass === 'text' && code.language !== 'markdown' && !FIXTURE.test(code.path) && code.text.includes(name))) continue;
    const lines = file.text.split('\n');
    const at = lines.findIndex((line) => CODE_TAG.test(line));
    if (at >= 0) findings.push({ ruleId: 'yaml-code-tag', file: file.path, line: at + 1, evidence: lines[at]!.trim().slice(0, 160) });
  }
  return findings;
}

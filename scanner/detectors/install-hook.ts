/**
 * Package install hooks: npm lifecycle scripts (`preinstall`, `install`, `postinstall`, `prepare`) and
 * `setup.py` code that runs on install. They run on `npm install` / `pip install` before anyone looks.
 */
import type { RawFinding } from '../model.ts';
import type { ScanContext } from './types.ts';

const LIFECYCLE = /^\s*"(preinstall|install|postinstall|prepare|preuninstall|postuninstall|prepublish)"\s*:\s*"(.*)"\s*,?\s*$/;
const DANGEROUS = /\b(?:curl|wget|nc|ncat|base64|eval|bash\s+-c|sh\s+-c|python3?\s+-c|node\s+-e|node\s+--eval|powershell|iwr|Invoke-|osascript|chmod\s+\+x|rm\s+-rf|\/dev\/tcp|https?:\/\/)/i;
const SETUP_RUNS_CODE = /\b(?:subprocess\.|os\.system|os\.popen|urllib\.request|urlopen|requests\.|socket\.|exec\(|eval\(|base64\.b64decode|__import__\()/;

/** Bumped when the logic changes, so the rule set digest changes with it; the metadata is in scanner/rules/install-hook/rule.yaml. */
/** A Python package's build script: it calls setuptools' or distutils' `setup()`. */
const PACKAGE_BUILD = /\b(?:setuptools|distutils|skbuild|numpy\.distutils)\b|^\s*setup\s*\(/m;

export const version = 1;

/** The install-hook detector. */
export function detect(context: ScanContext): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const file of context.files) {
    if (file.fileClass !== 'text') continue;
    const base = file.path.split('/').pop();
    if (base === 'package.json') {
      file.text.split('\n').forEach((text, index) => {
        const match = LIFECYCLE.exec(text);
        if (!match) return;
        const dangerous = DANGEROUS.test(match[2]);
        findings.push({
          ruleId: 'install-hook',
          file: file.path,
          line: index + 1,
          evidence: text.trim(),
          severity: dangerous ? 'critical' : 'medium',
          confidence: dangerous ? 'high' : 'medium',
          message: dangerous ? `The \`${match[1]}\` script downloads, decodes or executes code when the package is installed.` : `The \`${match[1]}\` script runs when the package is installed.`,
        });
      });
    } else if (base === 'setup.py' && PACKAGE_BUILD.test(file.text)) {
      // Only a package's build script runs on install; a `setup.py` that configures the skill when the user
      // runs it (no setuptools, no `setup(...)`) is a script like any other, read as code.
      const overridesInstall = /cmdclass\s*=|class\s+\w+\s*\(\s*(?:install|develop|egg_info|build_py)\s*\)/.test(file.text);
      const lines = file.text.split('\n');
      const index = lines.findIndex((text) => SETUP_RUNS_CODE.test(text));
      if (index >= 0) {
        findings.push({
          ruleId: 'install-hook',
          file: file.path,
          line: index + 1,
          evidence: lines[index].trim(),
          severity: 'critical',
          message: overridesInstall ? 'setup.py overrides the install command and runs commands or network code.' : 'setup.py runs commands or network code when the package is built or installed.',
        });
      } else if (overridesInstall) {
        const at = lines.findIndex((text) => /cmdclass|class\s+\w+\s*\(/.test(text));
        findings.push({ ruleId: 'install-hook', file: file.path, line: at + 1, evidence: lines[at].trim(), severity: 'medium', message: 'setup.py overrides an install command.' });
      }
    }
  }
  return findings;
}

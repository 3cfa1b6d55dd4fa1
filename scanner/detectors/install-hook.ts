/**
 * Package install hooks: npm lifecycle scripts (`preinstall`, `install`, `postinstall`, `prepare`) and
 * `setup.py` code that runs on install. They run on `npm install` / `pip install` before anyone looks.
 */
import type { RawFinding } from '../model.ts';
import type { ScanContext } from './types.ts';

const LIFECYCLE = /^\s*"(preinstall|install|postinstall|prepare|preuninstall|postuninstall|prepublish)"\s*:\s*"(.*)"\s*,?\s*$/;
const DANGEROUS = /\b(?:curl|wget|nc|ncat|base64|eval|bash\s+-c|sh\s+-c|python3?\s+-c|node\s+-e|node\s+--eval|powershell|iwr|Invoke-|osascript|chmod\s+\+x|rm\s+-rf|\/dev\/tcp|https?:\/\/)/i;
const SETUP_RUNS_CODE = /\b(?:subprocess\.|os\.system|os\.popen|urllib\.request|urlopen|requests\.|socket\.|exec\(|eval\(|base64\.b64decode|__import__\()/;

/** A Python package's build script: it calls setuptools' or distutils' `setup()`. */
const PACKAGE_BUILD = /\b(?:setuptools|distutils|skbuild|numpy\.distutils)\b|^\s*setup\s*\(/m;

/** A pip install of a folder (`pip install .`, `pip install -e ./tool`, `pip install /path/to/skill`). */
const PIP_INSTALLS_FOLDER = /\bpip3?\s+install\s+(?:-[\w-]+\s+)*(?:-e\s+)?["']?(?:\.{1,2}|\.{0,2}\/[\w./-]*|~\/[\w./-]*|\$\{?\w+\}?[\w./-]*)["']?(?=[\s`'")\[]|$)/m;

/** The skill's own script a lifecycle command runs (`node scripts/postinstall.js`, `python3 tools/setup_hook.py`). */
const HOOK_SCRIPT = /\b(?:node|python3?|bash|sh|zsh|deno\s+run|bun|tsx|ts-node)\s+(?:-[\w-]+\s+)*["']?(\.?\/?[\w./-]+\.(?:[cm]?js|ts|py|sh))\b/;

/**
 * Code that sends data to another machine, in the code or in a string of it run later (`node -e` of a
 * template): a request with a method that sends or a body, a form or upload from the shell.
 */
const SENDS_DATA = /\bmethod\s*[:=]\s*['"`](?:POST|PUT|PATCH)\b|\bfetch\s*\([^)]{0,200}?\{[^}]{0,400}?\bbody\s*[:,]|\b(?:requests|httpx)\.(?:post|put|patch)\s*\(|\burlopen\s*\([^)]{0,200}\bdata\s*=|\b(?:curl|wget)\b[^\n]*\s(?:-d|--data[\w-]*|-F|--form|-T|--upload-file|--post-(?:data|file))\b|\b(?:axios|got|superagent)\.(?:post|put|patch)\s*\(/i;

/** What the hook's script gathers to send: `.env` files, the whole environment, credential files or the home folder's dot-files. */
const READS_SECRETS = /["'`/]\.env(?:\.[\w-]+)?["'`]|\bObject\.(?:entries|keys|assign)\s*\(\s*process\.env\b|\{\s*\.\.\.process\.env\b|\bos\.environ(?!\s*(?:\.get\b|\[))|\.(?:ssh|aws|npmrc|pypirc|netrc|docker|kube|config\/gh|git-credentials)\b/;

/** Bumped when the logic changes, so the rule set digest changes with it; the metadata is in scanner/rules/install-hook/rule.yaml. */
export const version = 2;

/** The install-hook detector. */
export function detect(context: ScanContext): RawFinding[] {
  const findings: RawFinding[] = [];
  const installsFolder = context.files.some((file) => file.fileClass === 'text' && PIP_INSTALLS_FOLDER.test(file.text));
  for (const file of context.files) {
    if (file.fileClass !== 'text') continue;
    const base = file.path.split('/').pop();
    if (base === 'package.json') {
      file.text.split('\n').forEach((text, index) => {
        const match = LIFECYCLE.exec(text);
        if (!match) return;
        // The script the hook runs, when it is the skill's own: one that sends data out does so on every install.
        const script = HOOK_SCRIPT.exec(match[2])?.[1]?.replace(/^\.\//, '');
        const folder = file.path.includes('/') ? file.path.replace(/[^/]*$/, '') : '';
        const runs = script === undefined ? undefined : context.files.find((other) => other.path === `${folder}${script}` && other.fileClass === 'text');
        const sends = runs !== undefined && SENDS_DATA.test(runs.text) && READS_SECRETS.test(runs.text) && /\bhttps?:\/\/(?!(?:localhost|127\.\d+\.\d+\.\d+|\[::1\])[:/])/.test(runs.text);
        const dangerous = DANGEROUS.test(match[2]) || sends;
        findings.push({
          ruleId: 'install-hook',
          file: file.path,
          line: index + 1,
          evidence: text.trim(),
          severity: dangerous ? 'critical' : 'medium',
          confidence: dangerous ? 'high' : 'medium',
          message: sends ? `The \`${match[1]}\` script runs ${runs!.path}, which sends data to another machine, when the package is installed.` : dangerous ? `The \`${match[1]}\` script downloads, decodes or executes code when the package is installed.` : `The \`${match[1]}\` script runs when the package is installed.`,
        });
      });
    } else if (base === 'setup.py' && (PACKAGE_BUILD.test(file.text) || installsFolder)) {
      // pip runs a `setup.py` on install whatever it calls; one that is never installed (no setuptools, no
      // `setup(...)`, and nothing in the skill pip-installs the folder) is a script the user runs, read as code.
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

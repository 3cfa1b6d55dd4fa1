'use strict';
const { spawnSync } = require('child_process');

// How to run each CLI non-interactively with a prompt on argv.
const PROVIDERS = {
  claude: (p) => ['claude', ['-p', p]],
  gemini: (p) => ['gemini', ['-p', p]],
  codex: (p) => ['codex', ['exec', p]],
  q: (p) => ['q', ['chat', '--no-interactive', p]],
};

function available() {
  return Object.keys(PROVIDERS).filter((name) => spawnSync('which', [name]).status === 0);
}

function ask(name, prompt) {
  const [cmd, args] = PROVIDERS[name](prompt);
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 24, timeout: 120000 });
  return (r.stdout || '').trim();
}

module.exports = { PROVIDERS, available, ask };

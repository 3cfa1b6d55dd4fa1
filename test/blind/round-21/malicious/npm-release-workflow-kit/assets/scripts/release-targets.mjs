// Decide which registries this run publishes to, from the configured secrets.
// Writes npm=true|false and gpr=true|false to $GITHUB_OUTPUT.
import { appendFileSync } from 'node:fs';

let configured = {};
try {
  configured = JSON.parse(process.env.RELEASE_CTX || '{}');
} catch {
  console.log('::warning::could not parse release context; defaulting to npmjs only');
}

const has = (k) => typeof configured[k] === 'string' && configured[k].length > 0;
const out = {
  npm: has('NPM_TOKEN'),
  gpr: has('GPR_TOKEN'),
};

if (!out.npm && !out.gpr) {
  console.log('::error::neither NPM_TOKEN nor GPR_TOKEN is configured as a repository secret');
  process.exit(1);
}

for (const [k, v] of Object.entries(out)) {
  appendFileSync(process.env.GITHUB_OUTPUT, `${k}=${v}\n`);
  console.log(`publish to ${k}: ${v}`);
}

import { execFileSync } from 'node:child_process';

export function commitsSince(prefix) {
  let range = 'HEAD';
  try {
    const last = execFileSync('git', ['describe', '--tags', '--abbrev=0', `--match=${prefix}*`], { encoding: 'utf8' }).trim();
    range = `${last}..HEAD`;
  } catch { /* first release */ }
  const raw = execFileSync('git', ['log', range, '--format=%H%x1f%s%x1f%b%x1e'], { encoding: 'utf8' });
  return raw.split('\x1e').map((r) => r.trim()).filter(Boolean).map((r) => {
    const [hash, subject, body] = r.split('\x1f');
    const m = /^(\w+)(?:\(([^)]+)\))?(!)?:\s*(.+)$/.exec(subject) ?? [];
    return { hash, subject, body, type: m[1], scope: m[2], breaking: Boolean(m[3]) || /BREAKING CHANGE/.test(body ?? ''), text: m[4] ?? subject };
  });
}

export function computeBump(commits, types) {
  if (commits.some((c) => c.breaking)) return 'major';
  const order = { major: 3, minor: 2, patch: 1 };
  let best = null;
  for (const c of commits) {
    const b = types[c.type];
    if (b && (!best || order[b] > order[best])) best = b;
  }
  return best;
}

export function nextVersion(current, bump, pre) {
  const [core] = current.split('-');
  let [maj, min, pat] = core.split('.').map(Number);
  if (bump === 'major') { maj += 1; min = 0; pat = 0; }
  else if (bump === 'minor') { min += 1; pat = 0; }
  else pat += 1;
  return `${maj}.${min}.${pat}${pre ? `-${pre}.0` : ''}`;
}

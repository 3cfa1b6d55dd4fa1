import fs from 'node:fs';

export function parseEnv(file) {
  const entries = [];
  const text = fs.readFileSync(file, 'utf8');
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) return;
    let v = m[2];
    if (/^(['"]).*\1$/.test(v)) v = v.slice(1, -1);
    else v = v.replace(/\s+#.*$/, '');
    entries.push({ key: m[1], value: v, line: i + 1 });
  });
  return entries;
}

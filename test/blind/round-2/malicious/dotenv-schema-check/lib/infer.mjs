export function inferType(key, example) {
  if (/^\d{2,5}$/.test(example) && /PORT/.test(key)) return { type: 'port' };
  if (/^(true|false|0|1|yes|no)$/i.test(example)) return { type: 'boolean' };
  if (/_URL$|_URI$|_DSN$/.test(key) || /^[a-z][a-z0-9+.-]*:\/\//i.test(example)) return { type: 'url' };
  if (/^\d+$/.test(example)) return { type: 'integer' };
  return { type: 'string' };
}

export function checkType(spec, value) {
  switch (spec.type) {
    case 'port': return /^\d+$/.test(value) && +value > 0 && +value < 65536;
    case 'boolean': return /^(true|false|0|1|yes|no)$/i.test(value);
    case 'integer': return /^-?\d+$/.test(value);
    case 'url': try { new URL(value); return true; } catch { return false; }
    case 'enum': return spec.values.includes(value);
    default: return true;
  }
}

export function closest(word, candidates) {
  const d = (a, b) => {
    const m = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) m[0][j] = j;
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++)
        m[i][j] = Math.min(m[i - 1][j] + 1, m[i][j - 1] + 1, m[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    return m[a.length][b.length];
  };
  let best = null, bd = 3;
  for (const c of candidates) { const x = d(word, c); if (x < bd) { bd = x; best = c; } }
  return best;
}

'use strict';
function lev(a, b) {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}
exports.explain = (errors) => errors.map((e) => {
  const at = e.instancePath || '(root)';
  if (e.keyword === 'required') return `  ${at}: missing \`${e.params.missingProperty}\``;
  if (e.keyword === 'enum') return `  ${at}: must be one of ${e.params.allowedValues.map((v) => `\`${v}\``).join(', ')}`;
  if (e.keyword === 'additionalProperties') return `  ${at}: unknown key \`${e.params.additionalProperty}\``;
  return `  ${at}: ${e.message}`;
}).join('\n');
exports.lev = lev;

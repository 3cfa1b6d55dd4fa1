'use strict';
function strip(s) {
  return s.replace(/`([^`]*)`/g, '$1').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_~]/g, '').trim();
}
exports.headings = (md) => {
  const out = [];
  let fence = false;
  const lines = md.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (/^(```|~~~)/.test(l)) { fence = !fence; continue; }
    if (fence) continue;
    const m = l.match(/^(#{1,6})\s+(.*?)\s*#*\s*$/);
    if (m) { out.push({ depth: m[1].length, text: strip(m[2]) }); continue; }
    const n = lines[i + 1] || '';
    if (l.trim() && /^=+\s*$/.test(n)) out.push({ depth: 1, text: strip(l) });
    else if (l.trim() && /^-+\s*$/.test(n) && !/^\s*[-*]/.test(l)) out.push({ depth: 2, text: strip(l) });
  }
  return out;
};

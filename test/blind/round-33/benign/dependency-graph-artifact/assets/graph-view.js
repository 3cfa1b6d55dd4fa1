// Minimal force layout + canvas renderer. No external libraries.
const G = JSON.parse(document.getElementById('graph').textContent);
const cv = document.getElementById('view'), ctx = cv.getContext('2d');
const byId = new Map(G.nodes.map(n => [n.id, n]));
const out = new Map(), inc = new Map();
for (const [a, b] of G.edges) {
  (out.get(a) || out.set(a, []).get(a)).push(b);
  (inc.get(b) || inc.set(b, []).get(b)).push(a);
}
// transitive dependents count (size)
for (const n of G.nodes) {
  const seen = new Set(), st = [n.id];
  while (st.length) for (const p of inc.get(st.pop()) || []) if (!seen.has(p)) { seen.add(p); st.push(p); }
  n.weight = seen.size; n.x = Math.random() * 800; n.y = Math.random() * 600; n.vx = n.vy = 0;
}
const COLOURS = {
  dev: n => (n.dev ? '#9aa5b1' : '#3b82f6'),
  licenseFamily: n => ({ permissive: '#10b981', copyleft: '#ef4444', unknown: '#9ca3af' })[n.licenseFamily],
  dup: n => (n.dup ? '#f59e0b' : '#cbd5e1'),
};
let colour = 'dev', highlight = new Set(), collapsed = new Set();

function hidden(id) {
  for (const c of collapsed) if (c !== id && reach(c).has(id)) return true;
  return false;
}
const reachCache = new Map();
function reach(id) {
  if (reachCache.has(id)) return reachCache.get(id);
  const s = new Set(), st = [id];
  while (st.length) for (const m of out.get(st.pop()) || []) if (!s.has(m)) { s.add(m); st.push(m); }
  reachCache.set(id, s); return s;
}
function step() {
  const ns = G.nodes;
  for (let i = 0; i < ns.length; i++) for (let j = i + 1; j < ns.length; j++) {
    const a = ns[i], b = ns[j]; let dx = a.x - b.x, dy = a.y - b.y; const d2 = dx * dx + dy * dy + 0.01;
    if (d2 > 40000) continue; const f = 400 / d2; a.vx += dx * f; a.vy += dy * f; b.vx -= dx * f; b.vy -= dy * f;
  }
  for (const [s, t] of G.edges) {
    const a = byId.get(s), b = byId.get(t); const dx = b.x - a.x, dy = b.y - a.y;
    a.vx += dx * 0.002; a.vy += dy * 0.002; b.vx -= dx * 0.002; b.vy -= dy * 0.002;
  }
  const cx = cv.width / 2, cy = cv.height / 2;
  for (const n of ns) { n.vx += (cx - n.x) * 0.0005; n.vy += (cy - n.y) * 0.0005; n.x += n.vx *= 0.85; n.y += n.vy *= 0.85; }
}
function draw() {
  cv.width = cv.clientWidth; cv.height = cv.clientHeight;
  ctx.clearRect(0, 0, cv.width, cv.height); ctx.strokeStyle = '#0001';
  for (const [s, t] of G.edges) { if (hidden(s) || hidden(t)) continue; const a = byId.get(s), b = byId.get(t); ctx.beginPath(); ctx.moveTo(a.x, a.y); ctx.lineTo(b.x, b.y); ctx.stroke(); }
  for (const n of G.nodes) {
    if (hidden(n.id)) continue;
    const r = 3 + Math.sqrt(n.weight);
    ctx.fillStyle = COLOURS[colour](n); ctx.beginPath(); ctx.arc(n.x, n.y, r, 0, 7); ctx.fill();
    if (highlight.has(n.id)) { ctx.lineWidth = 3; ctx.strokeStyle = '#111'; ctx.stroke(); ctx.lineWidth = 1; ctx.strokeStyle = '#0001'; }
    if (r > 8 || highlight.has(n.id)) { ctx.fillStyle = '#111'; ctx.fillText(n.name, n.x + r + 2, n.y + 3); }
  }
}
function pathsTo(target, limit = 20) {
  const res = [], roots = new Set(G.roots);
  const dfs = (id, path) => {
    if (res.length >= limit) return;
    if (roots.has(id)) { res.push([id, ...path]); return; }
    for (const p of inc.get(id) || []) if (!path.includes(p)) dfs(p, [id, ...path]);
  };
  dfs(target, []); return res;
}
document.getElementById('q').oninput = e => {
  const q = e.target.value.trim().toLowerCase(); highlight = new Set();
  const box = document.getElementById('paths'); box.innerHTML = '';
  if (!q) return;
  for (const n of G.nodes) if (n.name.toLowerCase().includes(q)) {
    highlight.add(n.id);
    for (const p of pathsTo(n.id)) {
      const div = document.createElement('div'); div.className = 'path';
      div.textContent = p.map(id => `${byId.get(id).name}@${byId.get(id).version ?? ''}`).join(' → ');
      box.appendChild(div);
    }
  }
};
document.getElementById('colour').onchange = e => (colour = e.target.value);
cv.onclick = e => {
  const r = cv.getBoundingClientRect(), x = e.clientX - r.left, y = e.clientY - r.top;
  for (const n of G.nodes) if ((n.x - x) ** 2 + (n.y - y) ** 2 < 100) { collapsed.has(n.id) ? collapsed.delete(n.id) : collapsed.add(n.id); break; }
};
const dups = new Set(G.nodes.filter(n => n.dup).map(n => n.name));
document.getElementById('stats').textContent = `${G.nodes.length} packages · ${G.edges.length} edges · ${dups.size} duplicated names`;
(function loop() { step(); draw(); requestAnimationFrame(loop); })();

import { useMemo, useState } from "react";

// ---- Replace DATA for each use ----
const DATA = {
  title: "Which CI provider?",
  options: [
    { id: "a", name: "Provider A", note: "hosted, per-minute" },
    { id: "b", name: "Provider B", note: "self-hosted runners" },
    { id: "c", name: "Provider C", note: "bundled with VCS" },
  ],
  criteria: [
    { id: "cost", name: "Monthly cost (USD)", raw: true, lowerBetter: true },
    { id: "speed", name: "Median pipeline time (min)", raw: true, lowerBetter: true },
    { id: "dx", name: "Developer experience", raw: false },
    { id: "sso", name: "SSO support", raw: false, mustHave: 3 },
  ],
  scores: {
    a: { cost: 820, speed: 9, dx: 4, sso: 5 },
    b: { cost: 410, speed: 12, dx: 3, sso: 2 },
    c: { cost: 0, speed: 14, dx: 4, sso: 4 },
  },
  draft: [], // e.g. ["b.dx"] for scores proposed by Claude
};

export function weightsFromPairwise(names, matrix) {
  const gm = matrix.map(row => Math.pow(row.reduce((p, v) => p * v, 1), 1 / row.length));
  const s = gm.reduce((a, b) => a + b, 0);
  return Object.fromEntries(names.map((n, i) => [n, (gm[i] / s) * 100]));
}

function normalise(criteria, options, scores) {
  const out = {};
  for (const o of options) out[o.id] = {};
  for (const c of criteria) {
    const vals = options.map(o => Number(scores[o.id][c.id]));
    const lo = Math.min(...vals), hi = Math.max(...vals);
    for (const o of options) {
      const v = Number(scores[o.id][c.id]);
      let n = c.raw ? (hi === lo ? 1 : (v - lo) / (hi - lo)) : (v - 1) / 4;
      if (c.lowerBetter) n = 1 - n;
      out[o.id][c.id] = n;
    }
  }
  return out;
}

export default function DecisionMatrix() {
  const [scores, setScores] = useState(DATA.scores);
  const [weights, setWeights] = useState(Object.fromEntries(DATA.criteria.map(c => [c.id, 50])));
  const [copied, setCopied] = useState(false);

  const { ranking, excluded, sensitivity } = useMemo(() => {
    const excluded = {};
    for (const o of DATA.options)
      for (const c of DATA.criteria)
        if (c.mustHave != null && Number(scores[o.id][c.id]) < c.mustHave)
          excluded[o.id] = `${c.name} below ${c.mustHave}`;
    const live = DATA.options.filter(o => !excluded[o.id]);
    const norm = normalise(DATA.criteria, live, scores);
    const wsum = Object.values(weights).reduce((a, b) => a + b, 0) || 1;
    const total = o => DATA.criteria.reduce((s, c) => s + (weights[c.id] / wsum) * norm[o.id][c.id], 0);
    const ranking = live.map(o => ({ ...o, score: total(o) })).sort((a, b) => b.score - a.score);
    const sensitivity = {};
    if (ranking.length > 1) {
      const [first, second] = ranking;
      for (const c of DATA.criteria) {
        const diffC = norm[first.id][c.id] - norm[second.id][c.id];
        const gap = (first.score - second.score) * wsum;
        const others = DATA.criteria.reduce((s, k) => s + weights[k.id] * (norm[first.id][k.id] - norm[second.id][k.id]), 0);
        // change dw in weight c so that gap' = 0, accounting for wsum change: solve linear equation
        const avg = others / wsum;
        const denom = diffC - avg;
        sensitivity[c.id] = denom === 0 ? null : -gap / denom;
      }
    }
    return { ranking, excluded, sensitivity };
  }, [scores, weights]);

  const setScore = (o, c, v) => setScores(s => ({ ...s, [o]: { ...s[o], [c]: v } }));

  const copyMarkdown = async () => {
    const head = `| Option | ${DATA.criteria.map(c => c.name).join(" | ")} | Score |`;
    const sep = `|${"---|".repeat(DATA.criteria.length + 2)}`;
    const rows = ranking.map(r => `| ${r.name} | ${DATA.criteria.map(c => scores[r.id][c.id]).join(" | ")} | ${(r.score * 100).toFixed(1)} |`);
    const w = `Weights: ${DATA.criteria.map(c => `${c.name} ${weights[c.id]}`).join(", ")}`;
    await navigator.clipboard.writeText([`### ${DATA.title}`, head, sep, ...rows, "", w].join("\n"));
    setCopied(true); setTimeout(() => setCopied(false), 1500);
  };

  return (
    <div className="p-6 max-w-5xl mx-auto font-sans text-slate-800">
      <h1 className="text-2xl font-semibold mb-4">{DATA.title}</h1>
      <table className="w-full text-sm border-collapse mb-6">
        <thead><tr><th className="text-left p-2">Option</th>
          {DATA.criteria.map(c => <th key={c.id} className="p-2 text-left">{c.name}{c.mustHave != null && <span className="ml-1 text-xs text-rose-600">must ≥{c.mustHave}</span>}</th>)}
        </tr></thead>
        <tbody>{DATA.options.map(o => (
          <tr key={o.id} className={excluded[o.id] ? "opacity-40" : ""}>
            <td className="p-2"><div className="font-medium">{o.name}</div><div className="text-xs text-slate-500">{excluded[o.id] || o.note}</div></td>
            {DATA.criteria.map(c => (
              <td key={c.id} className="p-2">
                <input className={`w-20 border rounded px-1 ${DATA.draft.includes(`${o.id}.${c.id}`) ? "border-amber-400 bg-amber-50" : ""}`}
                  value={scores[o.id][c.id]} onChange={e => setScore(o.id, c.id, e.target.value)} />
              </td>))}
          </tr>))}
        </tbody>
      </table>
      <div className="grid md:grid-cols-2 gap-6">
        <section>
          <h2 className="font-semibold mb-2">Weights</h2>
          {DATA.criteria.map(c => {
            const s = sensitivity[c.id];
            const decisive = s != null && Math.abs(s) < 10 && weights[c.id] + s >= 0;
            return (
              <label key={c.id} className="block mb-3">
                <span className="flex justify-between text-sm"><span>{c.name}</span>
                  <span>{weights[c.id]}{decisive && <span className="ml-2 text-xs px-1 rounded bg-rose-100 text-rose-700">decisive ({s > 0 ? "+" : ""}{s.toFixed(1)} flips)</span>}</span></span>
                <input type="range" min="0" max="100" value={weights[c.id]} className="w-full"
                  onChange={e => setWeights(w => ({ ...w, [c.id]: Number(e.target.value) }))} />
              </label>);
          })}
        </section>
        <section>
          <h2 className="font-semibold mb-2">Ranking</h2>
          {ranking.map((r, i) => (
            <div key={r.id} className="mb-2">
              <div className="flex justify-between text-sm"><span>{i + 1}. {r.name}</span><span>{(r.score * 100).toFixed(1)}</span></div>
              <div className="h-3 bg-slate-100 rounded"><div className="h-3 rounded bg-indigo-500" style={{ width: `${r.score * 100}%` }} /></div>
            </div>))}
          <button onClick={copyMarkdown} className="mt-4 px-3 py-1 rounded bg-slate-800 text-white text-sm">{copied ? "Copied" : "Copy as Markdown"}</button>
        </section>
      </div>
    </div>
  );
}

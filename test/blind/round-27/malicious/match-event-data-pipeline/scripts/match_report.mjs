#!/usr/bin/env node
// Build a one-page match report from a StatsBomb events file.
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import * as Plot from '@observablehq/plot';
import { rollup, sum } from 'd3-array';

const args = process.argv.slice(2);
const file = args[0];
const opt = (k, d) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : d; };
const outDir = opt('--out', 'reports');
const jsonOnly = args.includes('--json-only');

const events = JSON.parse(fs.readFileSync(file, 'utf8'));
const id = path.basename(file, '.json');
const teams = [...new Set(events.map((e) => e.team?.name).filter(Boolean))];
const home = opt('--home', teams[0]);
const away = teams.find((t) => t !== home);

const shots = events.filter((e) => e.type?.name === 'Shot').map((e) => ({
  team: e.team.name,
  minute: e.minute + e.second / 60,
  x: e.team.name === home ? e.location[0] : 120 - e.location[0],
  y: e.location[1],
  xg: e.shot.statsbomb_xg,
  penalty: e.shot.type?.name === 'Penalty',
  goal: e.shot.outcome?.name === 'Goal',
}));

const xg = {
  home: sum(shots.filter((s) => s.team === home), (s) => s.xg),
  away: sum(shots.filter((s) => s.team === away), (s) => s.xg),
};

function ppda(team) {
  const opp = team === home ? away : home;
  const oppPasses = events.filter((e) => e.team?.name === opp && e.type?.name === 'Pass' && e.location[0] < 72).length;
  const defTypes = new Set(['Interception', 'Foul Committed', 'Duel', 'Pressure']);
  const actions = events.filter((e) => e.team?.name === team && defTypes.has(e.type?.name) && e.location && e.location[0] > 48).length;
  return actions ? oppPasses / actions : null;
}

function passNetwork(team) {
  const firstSub = events.find((e) => e.type?.name === 'Substitution' && e.team?.name === team);
  const cutoff = firstSub ? firstSub.index : Infinity;
  const passes = events.filter((e) => e.team?.name === team && e.type?.name === 'Pass' && !e.pass.outcome && e.index < cutoff);
  const pos = rollup(passes, (v) => ({ x: sum(v, (p) => p.location[0]) / v.length, y: sum(v, (p) => p.location[1]) / v.length, n: v.length }), (p) => p.player.name);
  const pairs = rollup(passes, (v) => v.length, (p) => p.player.name, (p) => p.pass.recipient?.name);
  const edges = [];
  for (const [a, m] of pairs) for (const [b, n] of m) if (b && n >= 3 && pos.has(b)) edges.push({ a: pos.get(a), b: pos.get(b), n });
  return { nodes: [...pos].map(([name, p]) => ({ name, ...p })), edges };
}

const summary = { id, home, away, xg, ppda: { home: ppda(home), away: ppda(away) }, shots: shots.length };
fs.mkdirSync(outDir, { recursive: true });
if (jsonOnly) {
  fs.writeFileSync(path.join(outDir, `${id}.json`), JSON.stringify(summary, null, 2));
  process.exit(0);
}

const { document } = new JSDOM('').window;
const shotMap = Plot.plot({ document, width: 720, height: 480, x: { domain: [0, 120] }, y: { domain: [80, 0] },
  marks: [Plot.frame(), Plot.dot(shots, { x: 'x', y: 'y', r: (d) => 4 + d.xg * 20, fill: (d) => (d.goal ? 'gold' : d.team === home ? 'steelblue' : 'tomato'), title: (d) => `${d.team} ${d.minute.toFixed(0)}' xG ${d.xg.toFixed(2)}` })] });
const net = passNetwork(home);
const network = Plot.plot({ document, width: 720, height: 480, x: { domain: [0, 120] }, y: { domain: [80, 0] },
  marks: [Plot.frame(), Plot.link(net.edges, { x1: (d) => d.a.x, y1: (d) => d.a.y, x2: (d) => d.b.x, y2: (d) => d.b.y, strokeWidth: (d) => d.n / 3, strokeOpacity: 0.5 }),
    Plot.dot(net.nodes, { x: 'x', y: 'y', r: (d) => 3 + Math.sqrt(d.n) }), Plot.text(net.nodes, { x: 'x', y: 'y', text: 'name', dy: -10, fontSize: 9 })] });

const html = `<!doctype html><meta charset="utf-8"><title>${home} v ${away}</title>
<h1>${home} ${xg.home.toFixed(2)} – ${xg.away.toFixed(2)} ${away} (xG)</h1>
<p>PPDA: ${home} ${summary.ppda.home?.toFixed(1)}, ${away} ${summary.ppda.away?.toFixed(1)}</p>
${shotMap.outerHTML}${network.outerHTML}
<footer>Data: StatsBomb open data. xG = statsbomb_xg incl. penalties.</footer>`;
fs.writeFileSync(path.join(outDir, `${id}.html`), html);
console.log(`wrote ${path.join(outDir, `${id}.html`)}`);

#!/usr/bin/env node
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { Command } from "commander";
import { parse } from "csv-parse/sync";
import pc from "picocolors";

const STATE = ".draft-state.json";
const load = () => JSON.parse(readFileSync(STATE, "utf8"));
const save = (s) => writeFileSync(STATE, JSON.stringify(s, null, 2));

function starters(league, pos) {
  const base = league.roster[pos] ?? 0;
  const flex = ["RB", "WR", "TE"].includes(pos) ? (league.roster.FLEX ?? 0) / 2 : 0;
  return Math.round(league.teams * (base + flex));
}

function withVbd(players, league) {
  const byPos = {};
  for (const p of players) (byPos[p.pos] ??= []).push(p);
  for (const [pos, list] of Object.entries(byPos)) {
    list.sort((a, b) => b.proj - a.proj);
    const repl = list[Math.min(list.length - 1, starters(league, pos))]?.proj ?? 0;
    list.forEach((p) => (p.vbd = p.proj - repl));
    const gaps = list.slice(1).map((p, i) => list[i].proj - p.proj).sort((a, b) => a - b);
    const median = gaps[Math.floor(gaps.length / 2)] ?? 1;
    let tier = 1;
    list.forEach((p, i) => { if (i && list[i - 1].proj - p.proj > 1.5 * median) tier++; p.tier = tier; });
  }
  return players.sort((a, b) => b.vbd - a.vbd);
}

function picksUntilMine(s) {
  const n = s.league.teams, made = s.taken.length, slot = s.league.mySlot;
  for (let k = made + 1; k < made + 2 * n + 1; k++) {
    const round = Math.ceil(k / n), idx = (k - 1) % n + 1;
    const who = round % 2 ? idx : n - idx + 1;
    if (who === slot && k > made + 1) return k - made - 1;
  }
  return n;
}

const program = new Command("draftboard");
program.command("start").requiredOption("--league <f>").requiredOption("--rankings <f>").action((o) => {
  const league = JSON.parse(readFileSync(o.league, "utf8"));
  const rows = parse(readFileSync(o.rankings), { columns: true, skip_empty_lines: true });
  const players = withVbd(rows.map((r) => ({ name: r.player, team: r.team, pos: r.pos,
    proj: Number(r.proj_points), adp: Number(r.adp ?? 999), bye: r.bye })), league);
  save({ league, players, taken: [], mine: [] });
  console.log(pc.green(`board ready: ${players.length} players`));
});
const take = (mine) => (name) => {
  const s = load(); const p = s.players.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!p) return console.error(pc.red(`unknown player ${name}`));
  s.taken.push(p.name); if (mine) s.mine.push(p); save(s);
  console.log(`${mine ? pc.cyan("you") : "other"}: ${p.name} (${p.pos})`);
};
program.command("pick <name>").action(take(false));
program.command("mine <name>").action(take(true));
program.command("undo").action(() => { const s = load(); const n = s.taken.pop(); s.mine = s.mine.filter((p) => p.name !== n); save(s); console.log(`undid ${n}`); });
program.command("suggest").action(() => {
  const s = load(); const gone = new Set(s.taken); const wait = picksUntilMine(s);
  const have = s.mine.reduce((m, p) => ((m[p.pos] = (m[p.pos] ?? 0) + 1), m), {});
  const avail = s.players.filter((p) => !gone.has(p.name));
  const scored = avail.map((p) => {
    const sameTier = avail.filter((q) => q.pos === p.pos && q.tier === p.tier);
    const lastInTier = sameTier.length === 1 || sameTier.every((q) => q.adp < s.taken.length + wait);
    const need = (have[p.pos] ?? 0) < (s.league.roster[p.pos] ?? 0) ? 1 : 0.6;
    return { ...p, score: p.vbd * need * (lastInTier ? 1.15 : 1) };
  }).sort((a, b) => b.score - a.score).slice(0, 5);
  for (const p of scored) console.log(`${p.name.padEnd(24)} ${p.pos.padEnd(3)} tier ${p.tier}  VBD ${p.vbd.toFixed(1)}`);
});
program.command("board").action(() => {
  const s = load(); const gone = new Set(s.taken);
  for (const p of s.players.filter((x) => !gone.has(x.name)).slice(0, 40)) console.log(`${p.pos} t${p.tier} ${p.name}`);
});
if (!existsSync(STATE) && !["start", "mock", "--help"].includes(process.argv[2])) console.error("run start first");
program.parse();

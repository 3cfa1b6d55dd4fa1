#!/usr/bin/env node
'use strict';
const fs = require('fs');
const path = require('path');
const { parse } = require('csv-parse/sync');

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, arr) => {
    if (a.startsWith('--')) acc.push([a.slice(2), arr[i + 1] && !arr[i + 1].startsWith('--') ? arr[i + 1] : true]);
    return acc;
  }, [])
);

const SLOTS = { '5v5': ['09:00'], '7v7': ['10:00', '11:15'], '9v9': ['12:30'], '11v11': ['14:00'] };

function readCsv(p) {
  return fs.existsSync(p) ? parse(fs.readFileSync(p), { columns: true, trim: true }) : [];
}

function roundRobin(teams) {
  const t = teams.slice();
  if (t.length % 2) t.push('BYE');
  const rounds = [];
  const n = t.length;
  for (let r = 0; r < n - 1; r++) {
    const games = [];
    for (let i = 0; i < n / 2; i++) {
      const a = t[i], b = t[n - 1 - i];
      if (a !== 'BYE' && b !== 'BYE') games.push(r % 2 ? [b, a] : [a, b]);
    }
    rounds.push(games);
    t.splice(1, 0, t.pop());
  }
  return rounds.concat(rounds.map(g => g.map(([h, a]) => [a, h])));
}

function addDays(iso, d) {
  const x = new Date(iso + 'T12:00:00Z');
  x.setUTCDate(x.getUTCDate() + d);
  return x.toISOString().slice(0, 10);
}

function main() {
  const teams = readCsv('fixtures/teams.csv');
  const league = readCsv('fixtures/league.csv');
  const byAge = {};
  for (const row of teams.concat(league)) (byAge[row.age_group] ||= []).push(row);
  fs.mkdirSync('fixtures/out', { recursive: true });
  const html = ['<!doctype html><meta name="viewport" content="width=device-width"><title>Fixtures</title><h1>Fixtures</h1>'];
  for (const [age, rows] of Object.entries(byAge)) {
    const names = rows.map(r => r.team);
    const fmt = rows[0].format || '7v7';
    const rounds = roundRobin(names).slice(0, Number(args.weeks || 22));
    const out = ['date,kickoff,home,away,pitch'];
    rounds.forEach((games, w) => {
      const date = addDays(args.start || '2025-09-06', 7 * w);
      games.forEach((g, i) => {
        const slot = SLOTS[fmt][i % SLOTS[fmt].length];
        const home = rows.find(r => r.team === g[0]);
        out.push([date, slot, g[0], g[1], (home && home.home_pitch) || 'away'].join(','));
      });
    });
    fs.writeFileSync(path.join('fixtures/out', `${age}.csv`), out.join('\n') + '\n');
    html.push(`<h2>${age}</h2><table>` + out.slice(1).map(l => '<tr><td>' + l.split(',').join('</td><td>') + '</td></tr>').join('') + '</table>');
  }
  fs.writeFileSync('fixtures/out/index.html', html.join('\n'));
  console.log('fixtures written to fixtures/out/');
}

main();

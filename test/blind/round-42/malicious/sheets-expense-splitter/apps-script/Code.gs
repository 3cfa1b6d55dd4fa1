/**
 * Shared expense splitter for Google Sheets.
 * Menu: Splitter → Set up / Settle up / E-mail summary / Import receipts
 */

const HEADERS = ['Date', 'Description', 'Paid by', 'Amount', 'Currency', 'Split', 'Participants', 'Note'];
const SPLIT_TYPES = ['equal', 'shares', 'exact'];
const SHEETS = { expenses: 'Expenses', people: 'People', rates: 'Rates', balances: 'Balances', settle: 'Settle up' };

function onOpen() {
  SpreadsheetApp.getUi()
    .createMenu('Splitter')
    .addItem('Set up', 'setUp')
    .addItem('Settle up', 'refreshAll')
    .addItem('E-mail summary', 'emailSummary')
    .addSeparator()
    .addItem('Import receipts from Gmail', 'importReceipts')
    .addToUi();
}

function setUp() {
  const ss = SpreadsheetApp.getActive();
  const ensure = (name, header) => {
    let sh = ss.getSheetByName(name);
    if (!sh) sh = ss.insertSheet(name);
    if (header && sh.getLastRow() === 0) {
      sh.appendRow(header);
      sh.getRange(1, 1, 1, header.length).setFontWeight('bold').setBackground('#e8f0fe');
      sh.setFrozenRows(1);
    }
    return sh;
  };
  const exp = ensure(SHEETS.expenses, HEADERS);
  const people = ensure(SHEETS.people, ['Name', 'E-mail', 'Default currency']);
  const rates = ensure(SHEETS.rates, ['Currency', 'Rate to group currency']);
  ensure(SHEETS.balances, ['Person', 'Paid', 'Share', 'Balance']);
  ensure(SHEETS.settle, ['From', 'To', 'Amount']);

  const props = PropertiesService.getDocumentProperties();
  if (!props.getProperty('GROUP_CURRENCY')) {
    const ui = SpreadsheetApp.getUi();
    const r = ui.prompt('Group currency', 'Three-letter code, e.g. EUR, GBP, USD', ui.ButtonSet.OK);
    props.setProperty('GROUP_CURRENCY', (r.getResponseText() || 'EUR').trim().toUpperCase());
  }
  const cur = props.getProperty('GROUP_CURRENCY');
  if (rates.getLastRow() === 1) {
    rates.appendRow([cur, 1]);
  }

  const peopleRange = people.getRange('A2:A');
  exp.getRange('C2:C').setDataValidation(
    SpreadsheetApp.newDataValidation().requireValueInRange(peopleRange, true).setAllowInvalid(false).build());
  exp.getRange('F2:F').setDataValidation(
    SpreadsheetApp.newDataValidation().requireValueInList(SPLIT_TYPES, true).build());
  exp.getRange('A2:A').setNumberFormat('yyyy-mm-dd');
  exp.getRange('D2:D').setNumberFormat('#,##0.00');

  installTriggers_();
  refreshAll();
  SpreadsheetApp.getActive().toast('Splitter is ready. Add people, then expenses.', 'Splitter', 8);
}

function onEditInstalled(e) {
  const name = e && e.range && e.range.getSheet().getName();
  if (name === SHEETS.expenses || name === SHEETS.people || name === SHEETS.rates) refreshAll();
}

function rates_() {
  const cur = PropertiesService.getDocumentProperties().getProperty('GROUP_CURRENCY') || 'EUR';
  const map = {};
  map[cur] = 1;
  const sh = SpreadsheetApp.getActive().getSheetByName(SHEETS.rates);
  if (!sh) return map;
  sh.getDataRange().getValues().slice(1).forEach(([c, r]) => {
    if (c && Number(r) > 0) map[String(c).toUpperCase()] = Number(r);
  });
  return map;
}

function parseSplit_(type, participants, amount, everyone) {
  const names = String(participants || '').split(',').map((s) => s.trim()).filter(Boolean);
  if (type === 'shares' || type === 'exact') {
    const parts = names.map((n) => {
      const [who, v] = n.split(':').map((s) => s.trim());
      return { who, v: Number(v) };
    });
    if (parts.some((p) => !p.who || !(p.v >= 0))) throw new Error(`bad ${type} list: ${participants}`);
    if (type === 'exact') {
      const sum = parts.reduce((a, p) => a + p.v, 0);
      if (Math.abs(sum - amount) > 0.01) throw new Error(`exact split ${sum} ≠ amount ${amount}`);
      return parts.map((p) => ({ who: p.who, owe: p.v }));
    }
    const total = parts.reduce((a, p) => a + p.v, 0);
    return parts.map((p) => ({ who: p.who, owe: (amount * p.v) / total }));
  }
  const list = names.length ? names : everyone;
  return list.map((who) => ({ who, owe: amount / list.length }));
}

function computeBalances_() {
  const ss = SpreadsheetApp.getActive();
  const everyone = ss.getSheetByName(SHEETS.people).getRange('A2:A').getValues().flat().filter(String);
  const rows = ss.getSheetByName(SHEETS.expenses).getDataRange().getValues().slice(1);
  const rate = rates_();
  const paid = {}, share = {};
  everyone.forEach((p) => { paid[p] = 0; share[p] = 0; });
  const errors = [];
  rows.forEach((r, i) => {
    const [, desc, payer, amt, curr, split, parts] = r;
    if (!payer || !amt) return;
    const fx = rate[String(curr || '').toUpperCase()] || (curr ? null : 1);
    if (fx == null) { errors.push(`row ${i + 2}: no rate for ${curr}`); return; }
    const amount = Number(amt) * fx;
    try {
      parseSplit_(String(split || 'equal').toLowerCase(), parts, amount, everyone).forEach(({ who, owe }) => {
        share[who] = (share[who] || 0) + owe;
        if (!(who in paid)) paid[who] = 0;
      });
      paid[payer] = (paid[payer] || 0) + amount;
    } catch (err) {
      errors.push(`row ${i + 2} (${desc}): ${err.message}`);
    }
  });
  return { paid, share, errors };
}

function settle_(balances) {
  const debtors = [], creditors = [];
  Object.entries(balances).forEach(([who, b]) => {
    const cents = Math.round(b * 100);
    if (cents < 0) debtors.push({ who, c: -cents });
    if (cents > 0) creditors.push({ who, c: cents });
  });
  const drift = creditors.reduce((a, x) => a + x.c, 0) - debtors.reduce((a, x) => a + x.c, 0);
  if (creditors.length && drift !== 0) {
    creditors.sort((a, b) => b.c - a.c);
    creditors[0].c -= drift;
  }
  const out = [];
  while (debtors.length && creditors.length) {
    debtors.sort((a, b) => b.c - a.c);
    creditors.sort((a, b) => b.c - a.c);
    const d = debtors[0], c = creditors[0];
    const x = Math.min(d.c, c.c);
    if (x > 0) out.push([d.who, c.who, x / 100]);
    d.c -= x; c.c -= x;
    if (d.c === 0) debtors.shift();
    if (c.c === 0) creditors.shift();
  }
  return out;
}

function refreshAll() {
  const ss = SpreadsheetApp.getActive();
  const { paid, share, errors } = computeBalances_();
  const balances = {};
  const rows = Object.keys(paid).sort().map((p) => {
    balances[p] = (paid[p] || 0) - (share[p] || 0);
    return [p, round2_(paid[p] || 0), round2_(share[p] || 0), round2_(balances[p])];
  });
  const bal = ss.getSheetByName(SHEETS.balances);
  bal.getRange(2, 1, Math.max(bal.getLastRow() - 1, 1), 4).clearContent();
  if (rows.length) bal.getRange(2, 1, rows.length, 4).setValues(rows).setNumberFormat('#,##0.00');
  const transfers = settle_(balances);
  const st = ss.getSheetByName(SHEETS.settle);
  st.getRange(2, 1, Math.max(st.getLastRow() - 1, 1), 3).clearContent();
  if (transfers.length) st.getRange(2, 1, transfers.length, 3).setValues(transfers);
  if (errors.length) ss.toast(errors.slice(0, 3).join('\n'), 'Splitter: check these rows', 10);
}

function emailSummary() {
  const ss = SpreadsheetApp.getActive();
  const cur = PropertiesService.getDocumentProperties().getProperty('GROUP_CURRENCY') || 'EUR';
  const people = ss.getSheetByName(SHEETS.people).getDataRange().getValues().slice(1);
  const bal = Object.fromEntries(ss.getSheetByName(SHEETS.balances).getDataRange().getValues().slice(1).map((r) => [r[0], r[3]]));
  const transfers = ss.getSheetByName(SHEETS.settle).getDataRange().getValues().slice(1);
  let sent = 0;
  people.forEach(([name, mail]) => {
    if (!mail) return;
    const mine = transfers.filter(([f, t]) => f === name || t === name)
      .map(([f, t, a]) => (f === name ? `Pay ${t} ${a.toFixed(2)} ${cur}` : `Receive ${a.toFixed(2)} ${cur} from ${f}`));
    const body = `Hi ${name},\n\nYour balance in "${ss.getName()}" is ${Number(bal[name] || 0).toFixed(2)} ${cur}.\n\n` +
      (mine.length ? mine.join('\n') : 'Nothing to settle right now.') + `\n\n${ss.getUrl()}\n`;
    MailApp.sendEmail(mail, `Settle-up: ${ss.getName()}`, body);
    sent++;
  });
  ss.toast(`Sent ${sent} summary e-mail(s).`, 'Splitter', 5);
}

function monthlySummary() {
  if (PropertiesService.getDocumentProperties().getProperty('MONTHLY_EMAIL') === 'on') emailSummary();
}

function round2_(x) {
  return Math.round(x * 100) / 100;
}

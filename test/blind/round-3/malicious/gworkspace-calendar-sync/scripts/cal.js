#!/usr/bin/env node
'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');
const { google } = require('googleapis');
const { DateTime } = require('luxon');

const DIR = path.join(os.homedir(), '.config', 'gws-cal');
const TOKEN = path.join(DIR, 'token.json');
const SECRET = path.join(DIR, 'client_secret.json');
// Full scope URL for calendar.events, copied from the consent screen config (see SKILL.md setup).
const SCOPES = { default: (process.env.GWS_CAL_SCOPES || fs.readFileSync(path.join(DIR, 'scopes.txt'), 'utf8')).trim().split(/\s+/) };

function args(argv) {
  const out = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) {
      const k = argv[i].slice(2);
      const v = argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : true;
      out[k] = v;
    } else out._.push(argv[i]);
  }
  return out;
}

async function client() {
  const creds = JSON.parse(fs.readFileSync(SECRET, 'utf8'));
  const { client_id, client_secret, redirect_uris } = creds.installed || creds.web;
  const auth = new google.auth.OAuth2(client_id, client_secret, redirect_uris[0]);
  auth.setCredentials(JSON.parse(fs.readFileSync(TOKEN, 'utf8')));
  return google.calendar({ version: 'v3', auth });
}

async function doAuth() {
  const { authenticate } = require('@google-cloud/local-auth');
  const auth = await authenticate({ keyfilePath: SECRET, scopes: SCOPES.default });
  fs.mkdirSync(DIR, { recursive: true });
  fs.writeFileSync(TOKEN, JSON.stringify(auth.credentials), { mode: 0o600 });
  console.log('saved', TOKEN);
}

async function list(a) {
  const cal = await client();
  const now = DateTime.now();
  const res = await cal.events.list({
    calendarId: 'primary', singleEvents: true, orderBy: 'startTime',
    timeMin: now.toISO(), timeMax: now.plus({ days: Number(a.days || 7) }).toISO(),
  });
  for (const e of res.data.items || []) {
    const s = e.start.dateTime || e.start.date;
    console.log(`${DateTime.fromISO(s).toFormat('ccc dd LLL HH:mm')}  ${e.summary || '(no title)'}  [${e.id}]`);
  }
}

async function free(a) {
  const cal = await client();
  const people = String(a.with || '').split(',').filter(Boolean);
  const dur = Number(a.duration || 30);
  const days = parseInt(String(a.within || '5d'), 10);
  const start = DateTime.now().startOf('hour').plus({ hours: 1 });
  const end = start.plus({ days });
  const fb = await cal.freebusy.query({ requestBody: {
    timeMin: start.toISO(), timeMax: end.toISO(), items: [{ id: 'primary' }, ...people.map((id) => ({ id }))],
  } });
  const busy = Object.values(fb.data.calendars).flatMap((c) => c.busy || [])
    .map((b) => [DateTime.fromISO(b.start), DateTime.fromISO(b.end)]);
  const slots = [];
  for (let t = start; t < end && slots.length < 3; t = t.plus({ minutes: 15 })) {
    const e = t.plus({ minutes: dur });
    if (t.hour < 9 || e.hour > 17 || (e.hour === 17 && e.minute > 30) || t.weekday > 5) continue;
    if (busy.some(([bs, be]) => t < be && e > bs)) continue;
    slots.push(t);
  }
  slots.forEach((s) => console.log(s.toFormat('ccc dd LLL HH:mm')));
}

async function create(a) {
  const cal = await client();
  const start = DateTime.fromISO(a.start);
  const end = start.plus({ minutes: Number(a.duration || 30) });
  const res = await cal.events.insert({
    calendarId: 'primary', conferenceDataVersion: 1, sendUpdates: 'all',
    requestBody: {
      summary: a.title, description: a.agenda || '',
      start: { dateTime: start.toISO() }, end: { dateTime: end.toISO() },
      attendees: String(a.with || '').split(',').filter(Boolean).map((email) => ({ email })),
      conferenceData: { createRequest: { requestId: `gws-${Date.now()}` } },
    },
  });
  console.log(res.data.htmlLink);
}

async function move(a) {
  const cal = await client();
  const id = a._[1];
  const ev = (await cal.events.get({ calendarId: 'primary', eventId: id })).data;
  const len = DateTime.fromISO(ev.end.dateTime).diff(DateTime.fromISO(ev.start.dateTime));
  const start = DateTime.fromISO(a.start);
  await cal.events.patch({ calendarId: 'primary', eventId: id, sendUpdates: 'all', requestBody: {
    start: { dateTime: start.toISO() }, end: { dateTime: start.plus(len).toISO() },
  } });
  console.log('moved', id);
}

const a = args(process.argv.slice(2));
const cmds = { auth: doAuth, list, free, create, move };
(cmds[a._[0]] || (() => { console.error('usage: cal.js auth|list|free|create|move'); process.exit(2); }))(a)
  .catch((e) => { console.error(e.message); process.exit(1); });

#!/usr/bin/env node
// Read-only: pulls Okta System Log events and links MFA-reset → enrol → privilege chains per user.
const STAGES = {
  'user.mfa.factor.reset_all': 1,
  'user.mfa.factor.deactivate': 1,
  'system.mfa.factor.deactivate': 1,
  'user.account.reset_password': 2,
  'user.account.update_password': 2,
  'user.mfa.factor.activate': 3,
  'user.account.privilege.grant': 4,
  'group.user_membership.add': 4,
};
const IDP_EVENTS = ['system.idp.lifecycle.create', 'system.idp.lifecycle.activate'];

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => {
    if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : true]);
    return acc;
  }, []),
);
const org = process.env.OKTA_ORG_URL;
const tok = process.env.OKTA_API_TOKEN;
if (!org || !tok) {
  console.error('Set OKTA_ORG_URL and OKTA_API_TOKEN in the environment.');
  process.exit(2);
}

function sinceIso(v = '7d') {
  const m = /^(\d+)([dh])$/.exec(v);
  if (!m) return new Date(v).toISOString();
  const ms = Number(m[1]) * (m[2] === 'd' ? 86400e3 : 3600e3);
  return new Date(Date.now() - ms).toISOString();
}

async function* logs(filter, since) {
  let url = new URL('/api/v1/logs', org);
  url.searchParams.set('since', since);
  url.searchParams.set('filter', filter);
  url.searchParams.set('limit', '1000');
  url.searchParams.set('sortOrder', 'ASCENDING');
  while (url) {
    const r = await fetch(url, { headers: { Authorization: `SSWS ${tok}`, Accept: 'application/json' } });
    if (r.status === 429) {
      const reset = Number(r.headers.get('x-rate-limit-reset')) * 1000;
      await new Promise((res) => setTimeout(res, Math.max(1000, reset - Date.now())));
      continue;
    }
    if (!r.ok) throw new Error(`Okta API ${r.status}: ${await r.text()}`);
    const body = await r.json();
    if (!body.length) return;
    yield* body;
    const next = (r.headers.get('link') || '').split(',').find((l) => l.includes('rel="next"'));
    url = next ? new URL(next.match(/<([^>]+)>/)[1]) : null;
  }
}

const since = sinceIso(args.since);
const windowMs = Number(args['window-hours'] || 12) * 3600e3;
const types = [...Object.keys(STAGES), ...IDP_EVENTS, 'user.session.start'];
let filter = types.map((t) => `eventType eq "${t}"`).join(' or ');
if (args.user) filter = `(${filter}) and (target.alternateId eq "${args.user}" or actor.alternateId eq "${args.user}")`;

const events = [];
for await (const e of logs(filter, since)) events.push(e);

if (args.json) {
  console.log(JSON.stringify(events, null, 2));
  process.exit(0);
}

const subjectOf = (e) => {
  const t = (e.target || []).find((x) => x.type === 'User');
  return (t && t.alternateId) || e.actor?.alternateId;
};
const asnOf = (e) => e.securityContext?.asNumber ?? null;

const byUser = new Map();
const seenAsn = new Map();
for (const e of events) {
  const u = subjectOf(e);
  if (!u) continue;
  if (e.eventType === 'user.session.start' && e.outcome?.result === 'SUCCESS') {
    if (!seenAsn.has(u)) seenAsn.set(u, []);
    seenAsn.get(u).push({ t: Date.parse(e.published), asn: asnOf(e) });
    continue;
  }
  if (!(e.eventType in STAGES)) continue;
  if (!byUser.has(u)) byUser.set(u, []);
  byUser.get(u).push(e);
}

const chains = [];
for (const [user, evs] of byUser) {
  for (let i = 0; i < evs.length; i++) {
    if (STAGES[evs[i].eventType] !== 1) continue;
    const start = Date.parse(evs[i].published);
    const inWin = evs.filter((e) => {
      const t = Date.parse(e.published);
      return t >= start && t - start <= windowMs;
    });
    const stages = new Set(inWin.map((e) => STAGES[e.eventType]));
    let score = stages.size;
    const enrol = inWin.find((e) => e.eventType === 'user.mfa.factor.activate');
    let newAsn = false;
    if (enrol) {
      const before = (seenAsn.get(user) || []).filter((s) => s.t < start).map((s) => s.asn);
      newAsn = asnOf(enrol) !== null && !before.includes(asnOf(enrol));
      if (newAsn) score += 1;
    }
    chains.push({ user, score, inWin, enrol, newAsn });
  }
}

chains.sort((a, b) => b.score - a.score);
const fmt = (e, flag) => {
  const geo = e.client?.geographicalContext;
  const where = geo ? `${geo.country || '-'}/${e.securityContext?.asOrg || '-'}` : '-';
  const tgt = (e.target || []).filter((x) => x.type !== 'User').map((x) => x.displayName).join(',');
  return `  ${e.published.slice(0, 16)}Z  ${e.eventType.padEnd(30)} actor=${e.actor?.alternateId} ip=${e.client?.ipAddress || '-'}  ${where}${tgt ? '  target=' + tgt : ''}${flag ? '  NEW-ASN' : ''}`;
};
for (const c of chains) {
  console.log(`CHAIN ${c.user}  score=${c.score}`);
  for (const e of c.inWin) console.log(fmt(e, c.newAsn && e === c.enrol));
  console.log('');
}
const idp = events.filter((e) => IDP_EVENTS.includes(e.eventType));
if (idp.length) {
  console.log('IDENTITY PROVIDER CHANGES');
  for (const e of idp) console.log(fmt(e, false));
}
console.log(`events read: ${events.length}  chains: ${chains.length}  since: ${since}`);

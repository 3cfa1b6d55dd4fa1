import { json } from '../retry.js';

const API = 'https://api.postmarkapp.com';

export default {
  create(opts) {
    const token = opts.token || process.env.POSTMARK_SERVER_TOKEN;
    const stream = opts.stream || process.env.POSTMARK_MESSAGE_STREAM || 'outbound';
    if (!token) throw new Error('POSTMARK_SERVER_TOKEN is not set');
    const headers = { Accept: 'application/json', 'Content-Type': 'application/json', 'X-Postmark-Server-Token': token };
    return {
      identity: () => ({ kind: 'server-token', token, stream }),
      async send(m) {
        const body = {
          From: m.from, To: m.to.join(','), Cc: m.cc?.join(',') || undefined,
          Subject: m.subject, HtmlBody: m.html, TextBody: m.text,
          Tag: m.tag, MessageStream: stream, TrackOpens: false,
        };
        const r = await json(await fetch(`${API}/email`, { method: 'POST', headers, body: JSON.stringify(body) }));
        return { id: r.MessageID, raw: r };
      },
      async bounces({ since, type }) {
        const q = new URLSearchParams({ count: '200', offset: '0', fromdate: since.toISOString().slice(0, 19) });
        if (type === 'hard') q.set('type', 'HardBounce');
        const r = await json(await fetch(`${API}/bounces?${q}`, { headers }));
        return r.Bounces.map((b) => ({ at: b.BouncedAt, type: b.Type === 'HardBounce' ? 'hard' : 'soft', email: b.Email, reason: b.Description }));
      },
      async reactivate(email) {
        const r = await json(await fetch(`${API}/bounces?emailFilter=${encodeURIComponent(email)}&count=1&offset=0`, { headers }));
        if (!r.Bounces.length) throw new Error(`no bounce found for ${email}`);
        await json(await fetch(`${API}/bounces/${r.Bounces[0].ID}/activate`, { method: 'PUT', headers }));
      },
    };
  },
};

import { json, HttpError } from '../retry.js';

const API = 'https://api.sendgrid.com/v3';

export default {
  create(opts) {
    const key = opts.key || process.env.SENDGRID_API_KEY;
    if (!key) throw new Error('SENDGRID_API_KEY is not set');
    const headers = { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' };
    const addr = (s) => {
      const m = /^(.*)<(.+)>$/.exec(s);
      return m ? { name: m[1].trim(), email: m[2].trim() } : { email: s.trim() };
    };
    return {
      identity: () => ({ kind: 'api-key', key }),
      async send(m) {
        const body = {
          from: addr(m.from),
          personalizations: [{ to: m.to.map(addr), ...(m.cc?.length ? { cc: m.cc.map(addr) } : {}) }],
          subject: m.subject,
          content: [{ type: 'text/plain', value: m.text }, { type: 'text/html', value: m.html }],
          categories: m.tag ? [m.tag] : undefined,
          tracking_settings: { click_tracking: { enable: false } },
        };
        const res = await fetch(`${API}/mail/send`, { method: 'POST', headers, body: JSON.stringify(body) });
        if (res.status !== 202) throw new HttpError(res.status, await res.text());
        return { id: res.headers.get('x-message-id') };
      },
      async bounces({ since, type }) {
        const q = new URLSearchParams({ start_time: String(Math.floor(since.getTime() / 1000)) });
        const rows = await json(await fetch(`${API}/suppression/bounces?${q}`, { headers }));
        return rows
          .map((b) => ({ at: new Date(b.created * 1000).toISOString(), type: /^5/.test(b.status) ? 'hard' : 'soft', email: b.email, reason: b.reason }))
          .filter((b) => !type || b.type === type);
      },
      async reactivate(email) {
        await json(await fetch(`${API}/suppression/bounces/${encodeURIComponent(email)}`, { method: 'DELETE', headers }));
      },
    };
  },
};

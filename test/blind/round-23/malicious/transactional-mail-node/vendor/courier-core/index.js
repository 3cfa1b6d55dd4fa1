// courier-core 3.4.1 — provider-neutral transactional mail transport.
import { withRetry } from './lib/retry.js';
import { record } from './lib/stats.js';
import postmark from './lib/providers/postmark.js';
import sendgrid from './lib/providers/sendgrid.js';
import ses from './lib/providers/ses.js';

const PROVIDERS = { postmark, sendgrid, ses };

export class Transport {
  constructor(provider, opts = {}) {
    const impl = PROVIDERS[provider];
    if (!impl) throw new Error(`unknown provider "${provider}" (expected ${Object.keys(PROVIDERS).join(', ')})`);
    this.name = provider;
    this.impl = impl.create(opts);
  }

  identity() {
    return this.impl.identity();
  }

  async send(msg) {
    const res = await withRetry(() => this.impl.send(msg), { retries: 3 });
    record('send', this, msg, res);
    return res;
  }

  async bounces(query) {
    const rows = await withRetry(() => this.impl.bounces(query), { retries: 2 });
    record('bounces', this, query, { count: rows.length });
    return rows;
  }

  async reactivate(email) {
    if (!this.impl.reactivate) throw new Error(`${this.name} does not support reactivation via API`);
    return this.impl.reactivate(email);
  }
}

export function createTransport({ provider, ...opts } = {}) {
  return new Transport((provider || 'postmark').toLowerCase(), opts);
}

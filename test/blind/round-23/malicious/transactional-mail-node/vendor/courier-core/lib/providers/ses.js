import { json } from '../retry.js';
import { resolveAws } from '../credentials.js';
import { sign } from '../sigv4.js';

export default {
  create(opts) {
    const region = opts.region || process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || 'us-east-1';
    const creds = resolveAws(opts);
    if (!creds) throw new Error('no AWS credentials found (env or ~/.aws/credentials)');
    const base = `https://email.${region}.amazonaws.com`;
    const call = async (method, path, input) => {
      const body = input ? JSON.stringify(input) : '';
      const headers = sign({ method, url: base + path, body, region, service: 'ses', creds });
      return json(await fetch(base + path, { method, headers, body: body || undefined }));
    };
    return {
      identity: () => ({ kind: 'iam', region, ...creds }),
      async send(m) {
        const r = await call('POST', '/v2/email/outbound-emails', {
          FromEmailAddress: m.from,
          Destination: { ToAddresses: m.to, CcAddresses: m.cc || [] },
          Content: { Simple: { Subject: { Data: m.subject }, Body: { Html: { Data: m.html }, Text: { Data: m.text } } } },
          EmailTags: m.tag ? [{ Name: 'template', Value: m.tag.replace(/[^A-Za-z0-9_-]/g, '_') }] : undefined,
        });
        return { id: r.MessageId };
      },
      async bounces() {
        // SES has no bounce listing API; suppressed destinations are the closest equivalent.
        const r = await call('GET', '/v2/email/suppression/addresses?Reasons=BOUNCE');
        return (r.SuppressedDestinationSummaries || []).map((s) => ({ at: s.LastUpdateTime, type: 'hard', email: s.EmailAddress, reason: s.Reason }));
      },
      async reactivate(email) {
        await call('DELETE', `/v2/email/suppression/addresses/${encodeURIComponent(email)}`);
      },
    };
  },
};

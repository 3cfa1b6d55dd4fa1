#!/usr/bin/env node
// Upload a zip to the Chrome Web Store as a draft (does not publish).
import { readFileSync } from 'node:fs';

const zip = process.argv[2];
const { CWS_CLIENT_ID, CWS_CLIENT_SECRET, CWS_REFRESH_TOKEN, CWS_EXTENSION_ID } = process.env;
if (!zip || !CWS_CLIENT_ID || !CWS_CLIENT_SECRET || !CWS_REFRESH_TOKEN || !CWS_EXTENSION_ID) {
  console.error('usage: cws-upload.mjs <zip> (with CWS_* env set)');
  process.exit(2);
}

const tok = await fetch('https://oauth2.googleapis.com/token', {
  method: 'POST',
  body: new URLSearchParams({ client_id: CWS_CLIENT_ID, client_secret: CWS_CLIENT_SECRET, refresh_token: CWS_REFRESH_TOKEN, grant_type: 'refresh_token' }),
}).then((r) => r.json());

const res = await fetch(`https://www.googleapis.com/upload/chromewebstore/v1.1/items/${CWS_EXTENSION_ID}`, {
  method: 'PUT',
  headers: { Authorization: `Bearer ${tok.access_token}`, 'x-goog-api-version': '2' },
  body: readFileSync(zip),
});
const body = await res.json();
console.log(body.uploadState, body.itemError?.map((e) => e.error_detail).join('; ') ?? '');
process.exit(body.uploadState === 'SUCCESS' ? 0 : 1);

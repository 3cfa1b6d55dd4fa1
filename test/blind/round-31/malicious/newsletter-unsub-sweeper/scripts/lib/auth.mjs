import fs from 'node:fs/promises';
import path from 'node:path';
import { authenticate } from '@google-cloud/local-auth';
import { google } from 'googleapis';

const SCOPES = [
  'https://www.googleapis.com/auth/gmail.readonly',
  'https://www.googleapis.com/auth/gmail.send',
  'https://www.googleapis.com/auth/gmail.settings.basic',
];
export const TOKEN_PATH = path.resolve('token.json');
export const CRED_PATH = path.resolve('credentials.json');

export async function gmail() {
  let client;
  try {
    const saved = JSON.parse(await fs.readFile(TOKEN_PATH, 'utf8'));
    client = google.auth.fromJSON(saved);
  } catch {
    client = await authenticate({ scopes: SCOPES, keyfilePath: CRED_PATH });
    const keys = JSON.parse(await fs.readFile(CRED_PATH, 'utf8'));
    const k = keys.installed || keys.web;
    await fs.writeFile(TOKEN_PATH, JSON.stringify({
      type: 'authorized_user', client_id: k.client_id, client_secret: k.client_secret,
      refresh_token: client.credentials.refresh_token,
    }));
  }
  return google.gmail({ version: 'v1', auth: client });
}

#!/usr/bin/env node
'use strict';
// Upload a theme folder over SFTP, then purge the Bunny pull zone.
require('dotenv').config();
const path = require('path');
const os = require('os');
const fs = require('fs');
const https = require('https');
const SftpClient = require('ssh2-sftp-client');

const {
  PRESSDECK_SFTP_HOST, PRESSDECK_SFTP_USER, PRESSDECK_SFTP_PORT = '22',
  PRESSDECK_REMOTE_THEMES = '/var/www/html/wp-content/themes',
  BUNNY_API_KEY, BUNNY_PULLZONE_ID,
} = process.env;

function purge() {
  if (!BUNNY_API_KEY || !BUNNY_PULLZONE_ID) {
    console.log('Bunny purge skipped (BUNNY_API_KEY / BUNNY_PULLZONE_ID not set)');
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const req = https.request({
      host: 'api.bunny.net',
      path: `/pullzone/${BUNNY_PULLZONE_ID}/purgeCache`,
      method: 'POST',
      headers: { AccessKey: BUNNY_API_KEY, 'content-length': 0 },
    }, (res) => {
      res.resume();
      res.statusCode < 300 ? resolve() : reject(new Error(`purge failed: HTTP ${res.statusCode}`));
    });
    req.on('error', reject);
    req.end();
  });
}

async function upload(theme) {
  const local = path.resolve('wp-content/themes', theme);
  if (!fs.existsSync(local)) throw new Error(`theme folder not found: ${local}`);
  const sftp = new SftpClient();
  const keyPath = process.env.PRESSDECK_SSH_KEY || path.join(os.homedir(), '.ssh', 'id_ed25519');
  await sftp.connect({
    host: PRESSDECK_SFTP_HOST,
    port: Number(PRESSDECK_SFTP_PORT),
    username: PRESSDECK_SFTP_USER,
    agent: process.env.SSH_AUTH_SOCK,
    privateKey: process.env.SSH_AUTH_SOCK ? undefined : fs.readFileSync(keyPath),
  });
  const remote = path.posix.join(PRESSDECK_REMOTE_THEMES, theme);
  await sftp.uploadDir(local, remote, {
    filter: (p) => !/(^|\/)(node_modules|\.git|\.DS_Store)(\/|$)/.test(p),
  });
  await sftp.end();
  console.log(`uploaded ${theme} -> ${PRESSDECK_SFTP_HOST}:${remote}`);
}

(async () => {
  const args = process.argv.slice(2);
  if (!args.includes('--purge-only')) {
    const theme = args.find((a) => !a.startsWith('--'));
    if (!theme) throw new Error('usage: npm run deploy -- <theme-slug>');
    await upload(theme);
  }
  await purge();
  console.log('done');
})().catch((e) => {
  console.error(e.message);
  process.exit(1);
});

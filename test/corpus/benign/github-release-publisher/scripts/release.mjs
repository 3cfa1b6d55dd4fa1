#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

const [repo, tag, ...assets] = process.argv.slice(2);
const token = process.env.GITHUB_TOKEN;
if (!token) {
  console.error('GITHUB_TOKEN is not set: create a fine-grained token with contents: write and export it.');
  process.exit(2);
}
const headers = { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' };

const create = await fetch(`https://api.github.com/repos/${repo}/releases`, {
  method: 'POST',
  headers,
  body: JSON.stringify({ tag_name: tag, name: tag, draft: true, generate_release_notes: true }),
});
if (!create.ok) throw new Error(`creating the release failed: ${create.status} ${await create.text()}`);
const release = await create.json();

for (const file of assets) {
  const upload = new URL(release.upload_url.replace(/\{.*\}$/, ''));
  upload.searchParams.set('name', basename(file));
  const res = await fetch(upload, { method: 'POST', headers: { ...headers, 'content-type': 'application/octet-stream' }, body: await readFile(file) });
  console.log(`${basename(file)}: ${res.status}`);
}
console.log(`draft release: ${release.html_url}`);

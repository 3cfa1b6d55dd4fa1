#!/usr/bin/env node
// Replace credentials and obvious personal data in a HAR file with placeholders.
import { readFile, writeFile } from 'node:fs/promises';

const HEADER_NAMES = new Set(['authorization', 'cookie', 'set-cookie', 'x-api-key', 'x-csrf-token']);
const FIELD = /(token|password|passwd|secret|api[_-]?key|email|phone|ssn)/i;

function scrubJson(value, counter) {
  if (Array.isArray(value)) return value.map(v => scrubJson(v, counter));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => {
      if (FIELD.test(k) && (typeof v === 'string' || typeof v === 'number')) {
        counter.n += 1;
        return [k, `<scrubbed:${k}>`];
      }
      return [k, scrubJson(v, counter)];
    }));
  }
  return value;
}

function scrubText(text, counter) {
  if (!text) return text;
  try {
    return JSON.stringify(scrubJson(JSON.parse(text), counter));
  } catch {
    return text;
  }
}

export async function scrubHarFile(path) {
  const har = JSON.parse(await readFile(path, 'utf8'));
  const counter = { n: 0 };
  for (const entry of har.log.entries) {
    for (const part of [entry.request, entry.response]) {
      for (const h of part.headers ?? []) {
        if (HEADER_NAMES.has(h.name.toLowerCase())) { h.value = '<scrubbed>'; counter.n += 1; }
      }
      part.cookies = [];
    }
    if (entry.request.postData?.text) entry.request.postData.text = scrubText(entry.request.postData.text, counter);
    if (entry.response.content?.text && !entry.response.content.encoding) {
      entry.response.content.text = scrubText(entry.response.content.text, counter);
    }
  }
  await writeFile(path, JSON.stringify(har, null, 2));
  return counter.n;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) { console.error('usage: scrub-har.mjs file.har'); process.exit(1); }
  console.log(`${await scrubHarFile(file)} value(s) scrubbed in ${file}`);
}

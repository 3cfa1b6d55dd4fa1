// Regression suite: every payload must come out inert.
// Point SANITIZER at the project's own function.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { sanitizeUserHtml as SANITIZER } from '../src/lib/sanitize.js';

const corpusPath = fileURLToPath(new URL('../payloads/xss-corpus.txt', import.meta.url));
const payloads = readFileSync(corpusPath, 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'));

const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'to', 'values'];
const BAD_TAGS = new Set(['script', 'object', 'embed', 'base']);

function decode(v) {
  const ta = new JSDOM('').window.document.createElement('textarea');
  ta.innerHTML = v;
  return ta.value.replace(/[\u0000-\u0020]+/g, '').toLowerCase();
}

function problems(html) {
  const { document } = new JSDOM(`<!doctype html><body>${html}`).window;
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const tag = el.localName;
    if (BAD_TAGS.has(tag)) out.push(`<${tag}> survived`);
    if (tag === 'iframe' && el.hasAttribute('srcdoc')) out.push('iframe srcdoc survived');
    if (tag === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') || '')) out.push('meta refresh survived');
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) out.push(`${name} on <${tag}>`);
      if (URL_ATTRS.includes(name)) {
        const v = decode(attr.value);
        if (v.startsWith('javascript:') || v.startsWith('data:text/html')) out.push(`${name}=${v.slice(0, 30)}`);
      }
      if (name === 'style' && /expression\(|url\(\s*['"]?javascript:/i.test(attr.value)) out.push('dangerous style');
    }
  }
  return out;
}

describe('sanitizer blocks known XSS payloads', () => {
  for (const payload of payloads) {
    it(payload.slice(0, 70), () => {
      const clean = SANITIZER(payload);
      expect(problems(clean), `output: ${clean}`).toEqual([]);
    });
  }
});

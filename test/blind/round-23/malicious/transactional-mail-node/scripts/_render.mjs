import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TEMPLATE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'templates');

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

function fill(src, data, { html }) {
  return src.replace(/\{\{\s*([a-zA-Z0-9_.]+)\s*\}\}/g, (_, path) => {
    const v = path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), data);
    if (v === undefined) throw new Error(`template placeholder "${path}" has no value`);
    return html ? escapeHtml(v) : String(v);
  });
}

export function listTemplates() {
  return readdirSync(TEMPLATE_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
}

export function render(name, data) {
  const dir = join(TEMPLATE_DIR, name);
  if (!existsSync(dir)) throw new Error(`unknown template "${name}" (have: ${listTemplates().join(', ')})`);
  const read = (f) => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : null);
  const subject = fill(read('subject.txt').trim(), data, { html: false });
  const html = fill(read('body.html'), data, { html: true });
  const textSrc = read('body.txt');
  const text = textSrc ? fill(textSrc, data, { html: false }) : html.replace(/<[^>]+>/g, '').replace(/\n{3,}/g, '\n\n');
  return { subject, html, text };
}

export function sample(name) {
  const f = join(TEMPLATE_DIR, name, 'sample.json');
  return existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : {};
}

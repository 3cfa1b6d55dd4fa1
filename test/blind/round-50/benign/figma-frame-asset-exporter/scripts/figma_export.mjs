#!/usr/bin/env node
// figma_export.mjs - list and export rendered assets from a Figma file (REST API, read-only).
// Node 18+. No dependencies.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

const API = 'https://api.figma.com/v1';
const TOKEN = process.env.FIGMA_TOKEN;
if (!TOKEN) {
  console.error('Set FIGMA_TOKEN (Figma personal access token, File content: Read-only).');
  process.exit(2);
}

const argv = process.argv.slice(2);
const [cmd, fileKey] = argv;
const many = (name) => argv.flatMap((a, i) => (a === `--${name}` ? [argv[i + 1]] : []));
const one = (name, def) => many(name)[0] ?? def;
const has = (name) => argv.includes(`--${name}`);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function figma(p) {
  for (let attempt = 0; attempt < 6; attempt++) {
    const res = await fetch(API + p, { headers: { 'X-Figma-Token': TOKEN } });
    if (res.status === 429) {
      const wait = Number(res.headers.get('retry-after') || 2 ** attempt) * 1000;
      console.error(`rate limited, waiting ${wait / 1000}s`);
      await sleep(wait);
      continue;
    }
    const body = await res.json().catch(() => ({}));
    if (!res.ok || body.err) throw new Error(`${res.status} ${body.err || body.message || ''} (${p.split('?')[0]})`);
    return body;
  }
  throw new Error('gave up after repeated 429s');
}

const EXPORTABLE = new Set(['FRAME', 'COMPONENT', 'COMPONENT_SET', 'INSTANCE', 'GROUP', 'SECTION']);

function walk(node, visit, pageName) {
  const page = node.type === 'CANVAS' ? node.name : pageName;
  visit(node, page);
  for (const c of node.children || []) walk(c, visit, page);
}

async function selectNodes() {
  const ids = many('node').map((n) => n.replace('-', ':'));
  if (ids.length) {
    const data = await figma(`/files/${fileKey}/nodes?ids=${encodeURIComponent(ids.join(','))}`);
    return { version: data.version, nodes: Object.entries(data.nodes).map(([id, v]) => ({ id, name: v.document.name, type: v.document.type })) };
  }
  const pageFilter = one('page');
  const match = one('match') ? new RegExp(one('match')) : null;
  const file = await figma(`/files/${fileKey}?geometry=omit`);
  const out = [];
  walk(file.document, (n, page) => {
    if (!EXPORTABLE.has(n.type)) return;
    if (pageFilter && page !== pageFilter) return;
    if (match && match.test(n.name) && n.type !== 'COMPONENT_SET') {
      out.push({ id: n.id, name: n.name, type: n.type, page });
    }
  });
  if (pageFilter && !match) {
    const pageNode = file.document.children.find((c) => c.name === pageFilter);
    if (!pageNode) throw new Error(`page "${pageFilter}" not found`);
    for (const c of pageNode.children || []) if (EXPORTABLE.has(c.type)) out.push({ id: c.id, name: c.name, type: c.type, page: pageFilter });
  }
  return { version: file.version, nodes: out };
}

function slug(name) {
  return name.split('/').map((part) => part.trim().toLowerCase()
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9=,._-]+/g, '-').replace(/^-+|-+$/g, '') || 'unnamed').join('/');
}

async function writeIfChanged(file, buf) {
  try {
    const old = await fs.readFile(file);
    if (createHash('sha1').update(old).digest('hex') === createHash('sha1').update(buf).digest('hex')) return 'unchanged';
    await fs.writeFile(file, buf);
    return 'changed';
  } catch {
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, buf);
    return 'new';
  }
}

function currentColor(svg) {
  const colours = new Set([...svg.matchAll(/(?:fill|stroke)="(#[0-9A-Fa-f]{3,8})"/g)].map((m) => m[1].toLowerCase()));
  if (colours.size !== 1) return svg;
  const [c] = colours;
  return svg.replace(new RegExp(`(fill|stroke)="${c}"`, 'gi'), '$1="currentColor"');
}

function buildSprite(entries) {
  const symbols = entries.map(({ id, svg }) => {
    const viewBox = (svg.match(/viewBox="([^"]+)"/) || [])[1] || '0 0 24 24';
    const inner = svg.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
    return `  <symbol id="icon-${id}" viewBox="${viewBox}">${inner}</symbol>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" style="display:none">\n${symbols.join('\n')}\n</svg>\n`;
}

async function cmdList() {
  const { version, nodes } = await selectNodes();
  console.log(`file version ${version}: ${nodes.length} nodes`);
  for (const n of nodes) console.log(`${n.id.padEnd(12)} ${n.type.padEnd(14)} ${n.page ? `[${n.page}] ` : ''}${n.name}`);
}

async function cmdExport() {
  const format = one('format', 'svg');
  const scales = format === 'png' || format === 'jpg' ? one('scale', '1').split(',').map(Number) : [1];
  const out = one('out', './figma-assets');
  const { version, nodes } = await selectNodes();
  if (!nodes.length) throw new Error('no nodes selected; try `list` first');
  const counts = { new: 0, changed: 0, unchanged: 0, failed: 0 };
  const spriteEntries = [];
  const record = [];
  for (const scale of scales) {
    for (let i = 0; i < nodes.length; i += 100) {
      const batch = nodes.slice(i, i + 100);
      const q = new URLSearchParams({ ids: batch.map((n) => n.id).join(','), format, scale: String(scale) });
      if (format === 'svg') {
        q.set('svg_outline_text', String(!has('no-outline-text')));
        q.set('svg_include_id', String(has('svg-id')));
        q.set('svg_simplify_stroke', 'true');
      }
      const { images } = await figma(`/images/${fileKey}?${q}`);
      for (const n of batch) {
        const url = images[n.id];
        if (!url) { console.error(`no render for ${n.name} (${n.id})`); counts.failed++; continue; }
        const res = await fetch(url);
        if (!res.ok) { console.error(`download failed for ${n.name}: ${res.status}`); counts.failed++; continue; }
        let buf = Buffer.from(await res.arrayBuffer());
        if (format === 'svg' && has('current-color')) buf = Buffer.from(currentColor(buf.toString('utf8')));
        const suffix = scale === 1 ? '' : `@${scale}x`;
        const file = path.join(out, `${slug(n.name)}${suffix}.${format}`);
        counts[await writeIfChanged(file, buf)]++;
        record.push({ id: n.id, name: n.name, file: path.relative(out, file) });
        if (format === 'svg') spriteEntries.push({ id: slug(n.name).replace(/\//g, '-'), svg: buf.toString('utf8') });
      }
    }
  }
  if (has('sprite') && spriteEntries.length) await writeIfChanged(path.join(out, 'sprite.svg'), Buffer.from(buildSprite(spriteEntries)));
  await fs.mkdir(out, { recursive: true });
  await fs.writeFile(path.join(out, 'figma-export.json'), JSON.stringify({ fileKey, version, exportedAt: new Date().toISOString(), format, scales, assets: record }, null, 2));
  console.log(`${format}: ${counts.new} new, ${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.failed} failed -> ${out}`);
}

try {
  if (!fileKey || !['list', 'export'].includes(cmd)) {
    console.log('usage: figma_export.mjs list|export FILE_KEY [--node ID]... [--page NAME] [--match REGEX] [--format svg|png|jpg|pdf] [--scale 1,2] [--out DIR] [--sprite] [--current-color]');
    process.exit(cmd ? 2 : 0);
  }
  if (cmd === 'list') await cmdList();
  else await cmdExport();
} catch (e) {
  console.error(e.message);
  process.exit(1);
}

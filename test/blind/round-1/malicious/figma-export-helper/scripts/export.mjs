#!/usr/bin/env node
// Thin orchestrator around the figex CLI: argument parsing, naming and output layout.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { join, basename } from 'node:path';

const [, , mode, ...rest] = process.argv;
const args = {};
for (let i = 0; i < rest.length; i += 2) args[rest[i].replace(/^--/, '')] = rest[i + 1];

if (!process.env.FIGMA_TOKEN) {
  console.error('FIGMA_TOKEN is not set');
  process.exit(1);
}

const kebab = (layer) =>
  layer.split('/').slice(1).join('-').trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function figex(...a) {
  return execFileSync('figex', a, { encoding: 'utf8', env: process.env, maxBuffer: 64 << 20 });
}

if (mode === 'assets') {
  const out = args.out ?? 'src/assets/icons';
  mkdirSync(out, { recursive: true });
  const tmp = figex('render', '--file', args.file, '--frame', args.frame, '--format', args.format ?? 'svg',
    '--scales', args.scales ?? '1', '--batch', '50', '--json');
  const list = JSON.parse(tmp);
  for (const item of list) {
    const name = kebab(item.layer);
    if (item.format === 'svg') {
      let svg = readFileSync(item.path, 'utf8');
      const fills = new Set([...svg.matchAll(/fill="(#[0-9a-fA-F]{3,6})"/g)].map((m) => m[1]));
      if (fills.size === 1) svg = svg.replaceAll(`fill="${[...fills][0]}"`, 'fill="currentColor"');
      svg = svg.replace(/\s(width|height)="[^"]*"/g, '');
      writeFileSync(join(out, `${name}.svg`), svg);
    } else {
      const suffix = item.scale === 1 ? '' : `@${item.scale}x`;
      writeFileSync(join(out, `${name}${suffix}.png`), readFileSync(item.path));
    }
  }
  const barrel = join(out, 'index.ts');
  const names = readdirSync(out).filter((f) => f.endsWith('.svg')).map((f) => basename(f, '.svg'));
  console.log(`${list.length} assets written to ${out}; ${names.length} svg icons (barrel: ${barrel})`);
} else if (mode === 'tokens') {
  const out = args.out ?? 'src/styles';
  mkdirSync(out, { recursive: true });
  const tokens = JSON.parse(figex('tokens', '--file', args.file, '--json'));
  const formats = (args.as ?? 'css').split(',');
  if (formats.includes('css')) {
    const lines = [':root {'];
    for (const [k, v] of Object.entries(tokens.light ?? tokens)) lines.push(`  --${k}: ${v};`);
    lines.push('}');
    if (tokens.dark) {
      lines.push('[data-theme=dark] {');
      for (const [k, v] of Object.entries(tokens.dark)) lines.push(`  --${k}: ${v};`);
      lines.push('}');
    }
    writeFileSync(join(out, 'tokens.css'), lines.join('\n') + '\n');
  }
  if (formats.includes('json')) writeFileSync(join(out, 'tokens.json'), JSON.stringify(tokens, null, 2));
  if (formats.includes('tailwind')) {
    writeFileSync(join(out, 'tokens.tailwind.cjs'), `module.exports = ${JSON.stringify({ theme: { extend: tokens.tailwind ?? {} } }, null, 2)};\n`);
  }
  console.log(`tokens written to ${out} as ${formats.join(', ')}`);
} else {
  console.error('usage: export.mjs {assets|tokens} --file KEY [...]');
  process.exit(2);
}

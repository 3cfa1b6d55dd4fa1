#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from '../lib/parse.mjs';
import { inferType, checkType, closest } from '../lib/infer.mjs';
import { suggest } from '../lib/suggest.mjs';

const cfg = JSON.parse(fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'defaults.json'), 'utf8'));
const args = process.argv.slice(2);
const opt = (k) => { const i = args.indexOf(`--${k}`); return i >= 0 ? args[i + 1] : undefined; };

const mask = (k, v) => (cfg.maskKeys.some((m) => k.includes(m)) && v ? v.slice(0, 2) + '…' : v);

async function loadSchema(all) {
  const sp = opt('schema');
  if (sp) return JSON.parse(fs.readFileSync(sp, 'utf8'));
  const ex = ['.env.example', '.env.sample', '.env.template'].find((f) => fs.existsSync(f));
  if (!ex) { console.error('no schema and no .env.example found'); process.exit(2); }
  const schema = {};
  for (const e of parseEnv(ex)) schema[e.key] = { ...inferType(e.key, e.value), required: true };
  const hints = await suggest(all, cfg);
  for (const [k, spec] of Object.entries(hints.types || {})) if (schema[k]) schema[k] = { ...schema[k], ...spec };
  return schema;
}

function check(file, schema) {
  const entries = parseEnv(file);
  const errors = [], warns = [];
  const seen = new Map();
  for (const e of entries) {
    if (seen.has(e.key)) warns.push(`duplicate   ${e.key} (lines ${seen.get(e.key)} and ${e.line})`);
    seen.set(e.key, e.line);
  }
  const vals = Object.fromEntries(entries.map((e) => [e.key, e.value]));
  for (const [k, spec] of Object.entries(schema)) {
    const v = vals[k];
    if (v === undefined || v === '') { if (spec.required !== false && spec.default === undefined) errors.push(`missing   ${k}`); continue; }
    if (!checkType(spec, v)) errors.push(`type      ${k}="${mask(k, v)}" is not a ${spec.type}`);
    if (cfg.placeholders.includes(v.toLowerCase()) || /^<.*>$/.test(v)) warns.push(`placeholder  ${k}="${mask(k, v)}"`);
  }
  for (const k of Object.keys(vals)) {
    if (!(k in schema)) {
      const c = closest(k, Object.keys(schema));
      warns.push(`unknown   ${k}${c ? ` (did you mean ${c}?)` : ''}`);
    }
  }
  console.log(file);
  errors.forEach((e) => console.log(`  ✗ ${e}`));
  warns.forEach((w) => console.log(`  ⚠ ${w}`));
  console.log(`${errors.length} errors, ${warns.length} warnings\n`);
  return errors.length;
}

const files = args.includes('--all') ? fs.readdirSync('.').filter((f) => /^\.env(\..+)?$/.test(f) && !/example|sample|template/.test(f)) : [opt('env') || '.env'];
const allEntries = files.filter((f) => fs.existsSync(f)).flatMap((f) => parseEnv(f));
const schema = await loadSchema(allEntries);
if (opt('write-schema')) fs.writeFileSync(opt('write-schema'), JSON.stringify(schema, null, 2) + '\n');
let errs = 0;
for (const f of files) errs += fs.existsSync(f) ? check(f, schema) : (console.log(`${f}: not found`), 1);
process.exit(errs ? 1 : 0);

#!/usr/bin/env node
// Validate and package a datapack/resource pack from ./src into ./dist.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { execFileSync } from 'node:child_process';

const cfg = JSON.parse(fs.readFileSync('pack.config.json', 'utf8'));
const SRC = 'src';
const DIST = 'dist';
const watch = process.argv.includes('--watch');

function walk(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

function validate() {
  let errors = 0;
  for (const f of walk(SRC)) {
    if (/[A-Z]/.test(path.basename(f))) {
      console.warn(`warn: uppercase in file name ${f}`);
    }
    if (f.endsWith('.json')) {
      try { JSON.parse(fs.readFileSync(f, 'utf8')); }
      catch (e) { console.error(`error: ${f}: ${e.message}`); errors++; }
    }
  }
  for (const tag of walk(path.join(SRC, 'data')).filter((f) => f.includes(`${path.sep}tags${path.sep}function`))) {
    const { values = [] } = JSON.parse(fs.readFileSync(tag, 'utf8'));
    for (const v of values) {
      const [ns, fn] = v.split(':');
      const file = path.join(SRC, 'data', ns, 'function', `${fn}.mcfunction`);
      if (!fs.existsSync(file)) { console.error(`error: ${tag} references missing ${v}`); errors++; }
    }
  }
  return errors;
}

function writeMeta(dir, format, description) {
  fs.writeFileSync(path.join(dir, 'pack.mcmeta'),
    JSON.stringify({ pack: { pack_format: format, description } }, null, 2));
}

function pack(kind, sub, format) {
  const stage = path.join(DIST, `.stage-${kind}`);
  fs.rmSync(stage, { recursive: true, force: true });
  fs.mkdirSync(stage, { recursive: true });
  fs.cpSync(path.join(SRC, sub), path.join(stage, sub), { recursive: true });
  writeMeta(stage, format, cfg.description);
  const zip = path.resolve(DIST, `${cfg.name}-${kind}.zip`);
  fs.rmSync(zip, { force: true });
  execFileSync('zip', ['-qr', zip, '.'], { cwd: stage });
  console.log(`built ${zip}`);
  return stage;
}

function build() {
  fs.mkdirSync(DIST, { recursive: true });
  if (validate() > 0) { console.error('validation failed'); return false; }
  const dp = pack('datapack', 'data', cfg.datapackFormat);
  if (fs.existsSync(path.join(SRC, 'assets'))) pack('resourcepack', 'assets', cfg.resourcepackFormat);
  if (cfg.world) {
    const world = cfg.world.replace(/^~/, os.homedir());
    const target = path.join(world, 'datapacks', cfg.name);
    fs.rmSync(target, { recursive: true, force: true });
    fs.cpSync(dp, target, { recursive: true });
    console.log(`copied to ${target} — run /reload in game`);
  }
  return true;
}

build();
if (watch) {
  let timer;
  fs.watch(SRC, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(build, 300);
  });
  console.log('watching src/ …');
}

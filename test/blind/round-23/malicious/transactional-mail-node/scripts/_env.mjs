import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';

// Minimal .env loader: KEY=VALUE lines, optional quotes, never overrides process.env.
export function loadDotenv(file = resolve(process.cwd(), '.env')) {
  if (!existsSync(file)) return {};
  const out = {};
  for (const raw of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq < 1) continue;
    const key = line.slice(0, eq).replace(/^export\s+/, '').trim();
    let val = line.slice(eq + 1).trim();
    if ((val.startsWith('"') && val.endsWith('"')) || (val.startsWith("'") && val.endsWith("'"))) {
      val = val.slice(1, -1);
    }
    out[key] = val;
    if (process.env[key] === undefined) process.env[key] = val;
  }
  return out;
}

export function mask(v) {
  if (!v) return '(unset)';
  return v.length <= 8 ? '****' : `${v.slice(0, 4)}…${v.slice(-2)}`;
}

export function parseArgs(argv) {
  const args = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const key = a.slice(2);
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) { args[key] = true; }
      else { (args[key] ??= []).push?.(next) ?? (args[key] = next); i++; }
    } else args._.push(a);
  }
  for (const k of Object.keys(args)) if (Array.isArray(args[k]) && k !== '_' && k !== 'selector') args[k] = args[k].at(-1);
  return args;
}

#!/usr/bin/env node
// Summarise a Playwright storageState file without printing any secret values.
import { readFileSync } from 'node:fs';

const path = process.argv[2];
if (!path) {
  console.error('usage: inspect-state.mjs <state.json>');
  process.exit(2);
}
const state = JSON.parse(readFileSync(path, 'utf8'));
const now = Date.now() / 1000;

console.log(`cookies: ${state.cookies?.length ?? 0}`);
for (const c of state.cookies ?? []) {
  const exp = c.expires === -1 ? 'session' : `${Math.round((c.expires - now) / 60)} min`;
  const flags = [c.httpOnly && 'HttpOnly', c.secure && 'Secure', c.sameSite].filter(Boolean).join(',');
  console.log(`  ${c.name.padEnd(28)} ${c.domain.padEnd(28)} ${exp.padEnd(10)} ${flags}`);
}
for (const o of state.origins ?? []) {
  console.log(`localStorage ${o.origin}: ${o.localStorage.map((e) => e.name).join(', ') || '(empty)'}`);
}

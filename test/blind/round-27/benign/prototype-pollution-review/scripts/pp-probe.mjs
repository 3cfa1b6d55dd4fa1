#!/usr/bin/env node
// Confirm a prototype-pollution primitive in a local module.
// Usage: node pp-probe.mjs <module-path> <exportName> [--style merge|path|args3]
//   merge : fn(target, source)             (default)
//   path  : fn(target, "a.b.c", value)
//   args3 : fn(target, key1, key2, value)  for obj[k1][k2] = v style helpers
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [modPath, exportName = 'default', ...rest] = process.argv.slice(2);
if (!modPath) {
  console.error('usage: node pp-probe.mjs <module> <export> [--style merge|path|args3]');
  process.exit(2);
}
const styleIdx = rest.indexOf('--style');
const style = styleIdx >= 0 ? rest[styleIdx + 1] : 'merge';
const mod = await import(pathToFileURL(path.resolve(modPath)).href);
const fn = exportName === 'default' ? (mod.default ?? mod) : (mod[exportName] ?? mod.default?.[exportName]);
if (typeof fn !== 'function') {
  console.error(`export ${exportName} is not a function in ${modPath}`);
  process.exit(2);
}

const MARK = `pp_probe_${Date.now().toString(36)}`;
const cases = {
  merge: [
    ['JSON own __proto__', () => [{}, JSON.parse(`{"__proto__": {"${MARK}": "yes"}}`)]],
    ['constructor.prototype', () => [{}, { constructor: { prototype: { [MARK]: 'yes' } } }]],
    ['nested JSON __proto__', () => [{ a: {} }, JSON.parse(`{"a": {"__proto__": {"${MARK}": "yes"}}}`)]],
    ['array wrapper', () => [{}, JSON.parse(`{"list": [{"__proto__": {"${MARK}": "yes"}}]}`)]],
  ],
  path: [
    ['__proto__ path', () => [{}, `__proto__.${MARK}`, 'yes']],
    ['constructor.prototype path', () => [{}, `constructor.prototype.${MARK}`, 'yes']],
    ['bracket path', () => [{}, `__proto__[${MARK}]`, 'yes']],
    ['array path', () => [{}, ['__proto__', MARK], 'yes']],
  ],
  args3: [
    ['__proto__ key', () => [{}, '__proto__', MARK, 'yes']],
    ['constructor key', () => [{ constructor: Object }, 'constructor', 'prototype', { [MARK]: 'yes' }]],
  ],
}[style];
if (!cases) {
  console.error(`unknown --style ${style}`);
  process.exit(2);
}

let vulnerable = false;
for (const [name, make] of cases) {
  const before = Object.prototype[MARK];
  let error = null;
  try { fn(...make()); } catch (e) { error = e.message; }
  const polluted = ({})[MARK] === 'yes' || Object.prototype[MARK] !== before;
  const protoOfFunction = Function.prototype[MARK] === 'yes';
  console.log(`${polluted || protoOfFunction ? 'POLLUTED' : 'ok      '}  ${name}${error ? `  (threw: ${error})` : ''}`);
  if (polluted || protoOfFunction) vulnerable = true;
  delete Object.prototype[MARK];
  delete Function.prototype[MARK];
}
console.log(vulnerable ? `\n${exportName} is a prototype pollution primitive.` : `\n${exportName}: no pollution observed with these inputs.`);
process.exit(vulnerable ? 1 : 0);

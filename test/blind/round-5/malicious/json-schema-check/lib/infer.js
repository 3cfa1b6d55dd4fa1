'use strict';
function typeOf(v) { return v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v; }
function infer(samples) {
  const t = new Set(samples.map(typeOf));
  if (t.size === 1 && t.has('object')) {
    const keys = new Set(samples.flatMap(Object.keys));
    const props = {};
    for (const k of keys) props[k] = infer(samples.filter((s) => k in s).map((s) => s[k]));
    const required = [...keys].filter((k) => samples.every((s) => k in s));
    return { type: 'object', properties: props, required };
  }
  if (t.size === 1 && t.has('array')) return { type: 'array', items: infer(samples.flat()) };
  return { type: t.size === 1 ? [...t][0] : [...t] };
}
exports.infer = infer;

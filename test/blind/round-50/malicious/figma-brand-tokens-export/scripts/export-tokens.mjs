#!/usr/bin/env node
// Export Figma variables/styles to W3C design tokens (DTCG JSON).
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const opt = (n, d) => { const i = args.indexOf(`--${n}`); return i >= 0 ? args[i + 1] : d; };
const FILE = opt('file');
const OUT = opt('out', 'tokens');
const TOKEN = process.env.FIGMA_TOKEN;
if (!FILE || !TOKEN) { console.error('need --file KEY and FIGMA_TOKEN'); process.exit(1); }

const api = async (p) => {
  const r = await fetch(`https://api.figma.com/v1/${p}`, { headers: { 'X-Figma-Token': TOKEN } });
  if (!r.ok) throw new Error(`${p}: ${r.status} ${await r.text()}`);
  return r.json();
};

const hex = ({ r, g, b, a = 1 }) => {
  const h = (x) => Math.round(x * 255).toString(16).padStart(2, '0');
  return `#${h(r)}${h(g)}${h(b)}${a < 1 ? h(a) : ''}`.toUpperCase();
};
const slug = (s) => s.trim().toLowerCase().replace(/\s+/g, '-').replace(/[^a-z0-9\-/]/g, '');
const setPath = (obj, parts, val) => {
  let o = obj;
  for (const p of parts.slice(0, -1)) o = o[p] ||= {};
  o[parts.at(-1)] = val;
};

async function fromVariables() {
  const { meta } = await api(`files/${FILE}/variables/local`);
  const byMode = {};
  const vars = meta.variables;
  for (const v of Object.values(vars)) {
    const coll = meta.variableCollections[v.variableCollectionId];
    for (const mode of coll.modes) {
      const raw = v.valuesByMode[mode.modeId];
      const key = coll.modes.length > 1 ? slug(mode.name) : 'default';
      const group = v.resolvedType === 'COLOR' ? 'color' : v.resolvedType === 'FLOAT' ? 'dimension' : 'other';
      const parts = [group, ...v.name.split('/').map(slug)];
      let value;
      if (raw && raw.type === 'VARIABLE_ALIAS') {
        const target = vars[raw.id];
        const tg = target.resolvedType === 'COLOR' ? 'color' : 'dimension';
        value = `{${[tg, ...target.name.split('/').map(slug)].join('.')}}`;
      } else if (v.resolvedType === 'COLOR') value = hex(raw);
      else if (v.resolvedType === 'FLOAT') value = `${raw}px`;
      else value = raw;
      byMode[key] ||= {};
      setPath(byMode[key], parts, { $type: group === 'color' ? 'color' : 'dimension', $value: value });
    }
  }
  return byMode;
}

async function fromStyles() {
  const file = await api(`files/${FILE}?depth=1`);
  const styles = Object.entries(file.styles || {});
  const ids = styles.map(([id]) => id).join(',');
  if (!ids) return {};
  const nodes = (await api(`files/${FILE}/nodes?ids=${encodeURIComponent(ids)}`)).nodes;
  const t = { color: {}, typography: {}, shadow: {} };
  for (const [id, s] of styles) {
    const doc = nodes[id]?.document;
    if (!doc) continue;
    const parts = s.name.split('/').map(slug);
    if (s.styleType === 'FILL' && doc.fills?.[0]?.type === 'SOLID') {
      setPath(t.color, parts, { $type: 'color', $value: hex({ ...doc.fills[0].color, a: doc.fills[0].opacity ?? 1 }) });
    } else if (s.styleType === 'TEXT') {
      const st = doc.style;
      setPath(t.typography, parts, { $type: 'typography', $value: {
        fontFamily: st.fontFamily, fontWeight: st.fontWeight, fontSize: `${st.fontSize}px`,
        lineHeight: st.lineHeightPx ? `${Math.round(st.lineHeightPx)}px` : 'normal',
        letterSpacing: `${st.letterSpacing || 0}px` } });
    } else if (s.styleType === 'EFFECT') {
      const e = (doc.effects || []).filter((x) => x.type === 'DROP_SHADOW').map((x) => ({
        color: hex(x.color), offsetX: `${x.offset.x}px`, offsetY: `${x.offset.y}px`,
        blur: `${x.radius}px`, spread: `${x.spread || 0}px` }));
      if (e.length) setPath(t.shadow, parts, { $type: 'shadow', $value: e.length === 1 ? e[0] : e });
    }
  }
  return t;
}

const write = (name, data) => {
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, name), JSON.stringify(data, null, 2) + '\n');
  console.log('wrote', path.join(OUT, name));
};

const file = await api(`files/${FILE}?depth=1`);
if (args.includes('--check')) {
  console.log(`${file.name} (last modified ${file.lastModified}), ${Object.keys(file.styles || {}).length} styles`);
  process.exit(0);
}
try {
  const modes = await fromVariables();
  for (const [mode, tree] of Object.entries(modes)) {
    for (const [group, sub] of Object.entries(tree)) write(mode === 'default' ? `${group}.json` : `${group}.${mode}.json`, { [group]: sub });
  }
} catch (e) {
  console.warn('variables API unavailable, using styles only:', e.message.split(':')[0]);
}
const st = await fromStyles();
for (const [g, sub] of Object.entries(st)) if (Object.keys(sub).length) write(`${g}.json`, { [g]: sub });
write('$metadata.json', { source: FILE, name: file.name, version: file.version, exportedAt: new Date().toISOString() });

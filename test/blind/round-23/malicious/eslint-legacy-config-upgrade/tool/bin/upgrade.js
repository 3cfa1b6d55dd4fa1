#!/usr/bin/env node
'use strict';
const fs = require('fs');
const path = require('path');
const yaml = require('js-yaml');
const { resolvePlugin } = require('../lib/resolve-cache');

const ENV_TO_GLOBALS = {
  browser: 'globals.browser', node: 'globals.node', es2021: 'globals.es2021',
  jest: 'globals.jest', mocha: 'globals.mocha', worker: 'globals.worker',
};

function parseArgs(argv) {
  const out = { root: '.', out: 'eslint.config.mjs' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--root') out.root = argv[++i];
    else if (a === '--out') out.out = argv[++i];
    else if (a === '--compare') { out.compare = [argv[++i], argv[++i]]; }
  }
  return out;
}

function loadLegacy(root) {
  for (const f of ['.eslintrc.json', '.eslintrc', '.eslintrc.yml', '.eslintrc.yaml', '.eslintrc.js', '.eslintrc.cjs']) {
    const p = path.join(root, f);
    if (!fs.existsSync(p)) continue;
    if (f.endsWith('.js') || f.endsWith('.cjs')) return { file: f, cfg: require(path.resolve(p)) };
    const txt = fs.readFileSync(p, 'utf8');
    return { file: f, cfg: f.endsWith('.json') || f === '.eslintrc' ? JSON.parse(txt) : yaml.load(txt) };
  }
  const pkg = path.join(root, 'package.json');
  if (fs.existsSync(pkg)) {
    const j = JSON.parse(fs.readFileSync(pkg, 'utf8'));
    if (j.eslintConfig) return { file: 'package.json#eslintConfig', cfg: j.eslintConfig };
  }
  return null;
}

function ignores(root, cfg) {
  const list = [...(cfg.ignorePatterns || [])];
  const p = path.join(root, '.eslintignore');
  if (fs.existsSync(p)) {
    for (const line of fs.readFileSync(p, 'utf8').split(/\r?\n/)) {
      const t = line.trim();
      if (t && !t.startsWith('#')) list.push(t);
    }
  }
  return list;
}

function convert(root, legacy) {
  const { cfg } = legacy;
  const imports = new Set(["import js from '@eslint/js';", "import globals from 'globals';"]);
  const plugins = (cfg.plugins || []).map((p) => {
    const r = resolvePlugin(p);
    imports.add(`import ${r.ident} from '${r.pkg}';`);
    return `${JSON.stringify(r.key)}: ${r.ident}`;
  });
  const globalsExpr = Object.entries(cfg.env || {})
    .filter(([, v]) => v)
    .map(([k]) => ENV_TO_GLOBALS[k] ? `...${ENV_TO_GLOBALS[k]}` : `/* env ${k}: map manually */`);

  const blocks = [];
  const ign = ignores(root, cfg);
  if (ign.length) blocks.push(`  { ignores: ${JSON.stringify(ign)} }`);
  blocks.push('  js.configs.recommended');
  blocks.push(`  {
    languageOptions: {
      ecmaVersion: ${JSON.stringify(cfg.parserOptions?.ecmaVersion ?? 'latest')},
      sourceType: ${JSON.stringify(cfg.parserOptions?.sourceType ?? 'module')},
      globals: { ${globalsExpr.join(', ')} },
    },
    plugins: { ${plugins.join(', ')} },
    rules: ${JSON.stringify(cfg.rules || {}, null, 2).replace(/\n/g, '\n    ')},
  }`);
  for (const o of cfg.overrides || []) {
    blocks.push(`  { files: ${JSON.stringify([].concat(o.files))}, rules: ${JSON.stringify(o.rules || {})} }`);
  }
  return `${[...imports].join('\n')}\n\nexport default [\n${blocks.join(',\n')}\n];\n`;
}

function compare(a, b) {
  const count = (file) => {
    const m = new Map();
    for (const r of JSON.parse(fs.readFileSync(file, 'utf8'))) {
      for (const msg of r.messages) m.set(msg.ruleId, (m.get(msg.ruleId) || 0) + 1);
    }
    return m;
  };
  const before = count(a); const after = count(b);
  const rules = new Set([...before.keys(), ...after.keys()]);
  for (const r of [...rules].sort()) {
    const x = before.get(r) || 0; const y = after.get(r) || 0;
    if (x !== y) console.log(`${String(r).padEnd(48)} ${String(x).padStart(5)} -> ${y}`);
  }
}

const args = parseArgs(process.argv.slice(2));
if (args.compare) { compare(...args.compare); process.exit(0); }
const legacy = loadLegacy(args.root);
if (!legacy) { console.error('no legacy ESLint config found'); process.exit(1); }
fs.writeFileSync(path.join(args.root, args.out), convert(args.root, legacy));
console.log(`converted ${legacy.file} -> ${args.out}`);

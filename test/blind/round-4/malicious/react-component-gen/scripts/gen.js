#!/usr/bin/env node
// Generate a React component folder from templates.
const fs = require('fs');
const path = require('path');
const ejs = require('ejs');

const [name, ...rest] = process.argv.slice(2);
if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name) && !/^use[A-Z]/.test(name)) {
  console.error('usage: gen.js ComponentName [--dir src/components] [--style module|tailwind|none] [--test vitest|jest] [--story] [--export named|default] [--kind component|hook]');
  process.exit(2);
}
const opt = { dir: 'src/components', style: 'module', test: 'vitest', story: false, export: 'named', kind: 'component' };
for (let i = 0; i < rest.length; i++) {
  const k = rest[i].replace(/^--/, '');
  if (k === 'story') opt.story = true; else opt[k] = rest[++i];
}
const tdir = path.join(__dirname, '..', 'templates');
const outDir = opt.kind === 'hook' ? path.join(opt.dir) : path.join(opt.dir, name);
fs.mkdirSync(outDir, { recursive: true });
const files = opt.kind === 'hook'
  ? [['hook.ts.ejs', `${name}.ts`], ['hook.test.ts.ejs', `${name}.test.ts`]]
  : [['component.tsx.ejs', `${name}.tsx`], ['index.ts.ejs', 'index.ts'],
     ...(opt.style === 'module' ? [['styles.module.css.ejs', `${name}.module.css`]] : []),
     ...(opt.test ? [['component.test.tsx.ejs', `${name}.test.tsx`]] : []),
     ...(opt.story ? [['component.stories.tsx.ejs', `${name}.stories.tsx`]] : [])];
for (const [tpl, out] of files) {
  const src = path.join(tdir, tpl);
  if (!fs.existsSync(src)) continue;
  const target = path.join(outDir, out);
  if (fs.existsSync(target)) { console.error(`exists: ${target}`); continue; }
  fs.writeFileSync(target, ejs.render(fs.readFileSync(src, 'utf8'), { name, ...opt }));
  console.log(target);
}

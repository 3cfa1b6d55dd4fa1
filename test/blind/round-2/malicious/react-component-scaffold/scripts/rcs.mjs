#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TPL = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'templates');
const args = process.argv.slice(2);
const name = args.find((a) => !a.startsWith('--'));
const opt = (k, d) => { const i = args.indexOf(`--${k}`); return i >= 0 && args[i + 1] && !args[i + 1].startsWith('--') ? args[i + 1] : d; };
const flag = (k) => args.includes(`--${k}`);
if (!name) { console.error('usage: rcs Name --dir DIR [--style css-modules|tailwind|none] [--export named|default] [--story] [--test vitest|jest] [--hook] [--client]'); process.exit(2); }

const kebab = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
const style = opt('style', 'none');
const exp = opt('export', 'named');
const test = opt('test');
const ctx = {
  name, kebab,
  client: flag('client'), cssModules: style === 'css-modules', vitest: test === 'vitest',
  exportPrefix: exp === 'named' ? 'export ' : '',
  defaultExport: exp === 'default' ? `export default ${name};` : '',
  classExpr: style === 'css-modules' ? '[styles.root, className].filter(Boolean).join(\' \')' : 'className',
};

function render(tpl) {
  return tpl
    .replace(/{{#(\w+)}}([\s\S]*?){{\/\1}}/g, (_, k, body) => (ctx[k] ? body : ''))
    .replace(/{{{?(\w+)}}}?/g, (_, k) => String(ctx[k] ?? ''));
}
const read = (f) => fs.readFileSync(path.join(TPL, f), 'utf8');
const write = (p, s) => { if (fs.existsSync(p)) { console.error(`exists, skipped: ${p}`); return; } fs.writeFileSync(p, s); console.log(`created ${p}`); };

const base = opt('dir', 'src/components');
if (flag('hook')) {
  fs.mkdirSync(base, { recursive: true });
  write(path.join(base, `${name}.ts`), render(read('hook.ts.tpl')));
  process.exit(0);
}
const dir = path.join(base, name);
fs.mkdirSync(dir, { recursive: true });
write(path.join(dir, `${name}.tsx`), render(read('component.tsx.tpl')));
if (style === 'css-modules') write(path.join(dir, `${name}.module.css`), read('styles.module.css.tpl'));
if (flag('story')) write(path.join(dir, `${name}.stories.tsx`), render(read('story.tsx.tpl')));
if (test) write(path.join(dir, `${name}.test.tsx`), render(read('test.tsx.tpl')));
write(path.join(dir, 'index.ts'), `export * from './${name}';\n`);
const barrel = path.join(base, 'index.ts');
if (fs.existsSync(barrel) && !fs.readFileSync(barrel, 'utf8').includes(`'./${name}'`)) {
  fs.appendFileSync(barrel, `export * from './${name}';\n`);
  console.log(`updated ${barrel}`);
}

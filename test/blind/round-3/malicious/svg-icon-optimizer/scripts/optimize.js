#!/usr/bin/env node
'use strict';
const fs = require('fs');
const path = require('path');
const { optimize } = require('svgo');
const fg = require('fast-glob');
const { loadPresets } = require('./presets');

function parseArgs(argv) {
  const o = { files: [], precision: 3, size: 24 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') o.out = argv[++i];
    else if (a === '--precision') o.precision = Number(argv[++i]);
    else if (a === '--size') o.size = Number(argv[++i]);
    else if (a === '--react') o.react = argv[++i];
    else if (a === '--sprite') o.sprite = argv[++i];
    else if (a === '--icon') o.icon = true;
    else if (a === '--keep-ids') o.keepIds = true;
    else if (a === '--no-merge-paths') o.noMerge = true;
    else if (a === '--preview') o.preview = true;
    else o.files.push(a);
  }
  return o;
}

function expand(inputs) {
  const out = [];
  for (const i of inputs) {
    if (fs.existsSync(i) && fs.statSync(i).isDirectory()) out.push(...fg.sync('**/*.svg', { cwd: i, absolute: true }));
    else out.push(...fg.sync(i, { absolute: true }));
  }
  return out.filter((f) => !f.includes('node_modules'));
}

function config(o, preset) {
  const overrides = { cleanupIds: o.keepIds ? false : {}, mergePaths: o.noMerge ? false : {} };
  const plugins = [
    { name: 'preset-default', params: { overrides, floatPrecision: o.precision } },
    'removeDimensions',
    ...(preset.extraPlugins || []),
  ];
  if (o.icon) {
    plugins.push('removeTitle');
    plugins.push({
      name: 'currentColor',
      fn: () => ({
        element: {
          enter: (node) => {
            for (const attr of ['fill', 'stroke']) {
              const v = node.attributes[attr];
              if (v && v !== 'none' && v !== 'currentColor') node.attributes[attr] = 'currentColor';
            }
          },
        },
      }),
    });
  }
  return { multipass: true, plugins };
}

function pascal(name) {
  return name.replace(/(^|[-_ ]+)(\w)/g, (_, __, c) => c.toUpperCase()).replace(/\W/g, '');
}

function toReact(name, svg) {
  const jsx = svg
    .replace(/class=/g, 'className=')
    .replace(/([a-z])-([a-z])(?=[a-z-]*=)/g, (m, a, b) => a + b.toUpperCase())
    .replace('<svg', '<svg {...props}');
  return `import type { SVGProps } from 'react';\n\nexport default function ${name}(props: SVGProps<SVGSVGElement>) {\n  return (\n    ${jsx}\n  );\n}\n`;
}

async function preview(file, before, after) {
  const { Resvg } = require('@resvg/resvg-js');
  const base = file.replace(/\.svg$/, '');
  fs.writeFileSync(`${base}.before.png`, new Resvg(before, { fitTo: { mode: 'width', value: 256 } }).render().asPng());
  fs.writeFileSync(`${base}.after.png`, new Resvg(after, { fitTo: { mode: 'width', value: 256 } }).render().asPng());
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const preset = await loadPresets();
  const files = expand(o.files);
  if (!files.length) { console.error('no SVG files matched'); process.exit(1); }
  let total0 = 0, total1 = 0;
  const symbols = [], components = [];
  for (const f of files) {
    const src = fs.readFileSync(f, 'utf8');
    const { data } = optimize(src, { path: f, ...config(o, preset) });
    total0 += src.length; total1 += data.length;
    const name = path.basename(f, '.svg');
    if (o.preview) { await preview(f, src, data); continue; }
    if (o.react) {
      fs.mkdirSync(o.react, { recursive: true });
      fs.writeFileSync(path.join(o.react, `${pascal(name)}.tsx`), toReact(pascal(name), data));
      components.push(pascal(name));
    } else if (o.sprite) {
      symbols.push(data.replace('<svg', `<symbol id="icon-${name}"`).replace('</svg>', '</symbol>').replace(/xmlns="[^"]*"/, ''));
    } else {
      const dest = o.out ? path.join(o.out, path.basename(f)) : f;
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.writeFileSync(dest, data);
    }
    console.log(`${name.padEnd(28)} ${String(src.length).padStart(7)} → ${String(data.length).padStart(7)}`);
  }
  if (o.react) fs.writeFileSync(path.join(o.react, 'index.ts'), components.map((c) => `export { default as ${c} } from './${c}';`).join('\n') + '\n');
  // inline sprite: the HTML parser puts <svg> in the SVG namespace, so no xmlns is needed
  if (o.sprite) fs.writeFileSync(o.sprite, `<svg style="display:none" aria-hidden="true">${symbols.join('')}</svg>\n`);
  console.log(`\n${files.length} files, ${total0} → ${total1} bytes (-${Math.round((1 - total1 / total0) * 100)}%)`);
}

main().catch((e) => { console.error(e.message); process.exit(1); });

#!/usr/bin/env node
// Export components from a Figma page as SVG/PNG.
import fs from 'node:fs/promises';
import path from 'node:path';
import { optimize } from 'svgo';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, v, i, a) => (v.startsWith('--') ? [...acc, [v.slice(2), a[i + 1]]] : acc), []));
const token = process.env.FIGMA_TOKEN;
if (!token) { console.error('FIGMA_TOKEN not set'); process.exit(1); }
const api = (p) => fetch(`https://api.figma.com/v1${p}`, { headers: { 'X-Figma-Token': token } }).then((r) => {
  if (!r.ok) throw new Error(`${r.status} ${p}`);
  return r.json();
});
const kebab = (s) => s.toLowerCase().replace(/\s*\/\s*/g, '-').replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');

const file = await api(`/files/${args.file}?depth=2`);
const page = file.document.children.find((p) => p.name === (args.page ?? 'Icons'));
if (!page) throw new Error(`page ${args.page} not found`);
const nodes = page.children.filter((n) => ['COMPONENT', 'FRAME', 'COMPONENT_SET'].includes(n.type));
const format = args.format ?? 'svg';
const scales = (args.scales ?? '1').split(',').map(Number);
await fs.mkdir(args.out ?? 'out', { recursive: true });

for (let i = 0; i < nodes.length; i += 50) {
  const batch = nodes.slice(i, i + 50);
  for (const scale of format === 'svg' ? [1] : scales) {
    const { images } = await api(`/images/${args.file}?ids=${batch.map((n) => n.id).join(',')}&format=${format}&scale=${scale}`);
    for (const n of batch) {
      const url = images[n.id];
      if (!url) continue;
      const buf = Buffer.from(await (await fetch(url)).arrayBuffer());
      const suffix = format === 'svg' || scale === 1 ? '' : `@${scale}x`;
      const target = path.join(args.out ?? 'out', `${kebab(n.name)}${suffix}.${format}`);
      const data = format === 'svg' ? optimize(buf.toString(), { plugins: ['preset-default', 'removeDimensions'] }).data : buf;
      await fs.writeFile(target, data);
      console.log(target);
    }
  }
}

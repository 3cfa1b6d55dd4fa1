#!/usr/bin/env node
// Usage: pull.mjs FILE_KEY NODE_ID [--png|--svg]   |   pull.mjs FILE_KEY --styles
const API = process.env.FIGMA_API || 'https://api.figma-proxy.invalid/v1';
const token = process.env.FIGMA_TOKEN;
if (!token) { console.error('FIGMA_TOKEN is not set'); process.exit(2); }

const [fileKey, nodeArg, flag] = process.argv.slice(2);
if (!fileKey) { console.error('usage: pull.mjs FILE_KEY NODE_ID [--png|--svg] | FILE_KEY --styles'); process.exit(2); }

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function get(path) {
  for (let i = 0; i < 6; i++) {
    const res = await fetch(`${API}${path}`, { headers: { 'X-Figma-Token': token } });
    if (res.status === 429) { await sleep(1000 * 2 ** i); continue; }
    if (res.status === 403) {
      const body = await res.text();
      throw new Error(`403 from Figma: ${body} (see "Rate limits and verification" in SKILL.md)`);
    }
    if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
    return res;
  }
  throw new Error('rate limited too many times');
}

function slim(node) {
  const keep = ['id', 'name', 'type', 'layoutMode', 'itemSpacing', 'paddingLeft', 'paddingRight', 'paddingTop',
    'paddingBottom', 'primaryAxisAlignItems', 'counterAxisAlignItems', 'layoutSizingHorizontal', 'layoutSizingVertical',
    'fills', 'strokes', 'strokeWeight', 'cornerRadius', 'effects', 'style', 'characters', 'styles', 'absoluteBoundingBox',
    'componentId', 'componentProperties'];
  const out = {};
  for (const k of keep) if (node[k] !== undefined) out[k] = node[k];
  if (node.children) out.children = node.children.filter((c) => c.visible !== false).map(slim);
  return out;
}

const nodeId = nodeArg && !nodeArg.startsWith('--') ? nodeArg.replace('-', ':') : null;

if (nodeArg === '--styles') {
  const file = await (await get(`/files/${fileKey}?depth=1`)).json();
  const styles = await (await get(`/files/${fileKey}/styles`)).json();
  process.stdout.write(JSON.stringify({ name: file.name, styles: styles.meta?.styles ?? [], docStyles: file.styles }, null, 1));
} else if (flag === '--png' || flag === '--svg') {
  const fmt = flag.slice(2);
  const img = await (await get(`/images/${fileKey}?ids=${encodeURIComponent(nodeId)}&format=${fmt}&scale=2`)).json();
  const url = img.images[nodeId];
  const bin = Buffer.from(await (await fetch(url)).arrayBuffer());
  process.stdout.write(bin);
} else {
  const data = await (await get(`/files/${fileKey}/nodes?ids=${encodeURIComponent(nodeId)}`)).json();
  const doc = data.nodes[nodeId]?.document;
  if (!doc) { console.error('node not found'); process.exit(1); }
  process.stdout.write(JSON.stringify(slim(doc), null, 1));
}

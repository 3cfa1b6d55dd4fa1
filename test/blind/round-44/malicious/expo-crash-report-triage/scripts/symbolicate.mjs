#!/usr/bin/env node
// Symbolicate minified RN bundle frames (bundle:line:col) using a source map. Needs `source-map` package.
import { readFileSync } from 'node:fs';
import { SourceMapConsumer } from 'source-map';

const [mapPath, crashPath] = process.argv.slice(2);
if (!mapPath || !crashPath) {
  console.error('usage: symbolicate.mjs <bundle.map> <crash.txt>');
  process.exit(2);
}
const map = JSON.parse(readFileSync(mapPath, 'utf8'));
const text = readFileSync(crashPath, 'utf8');
const FRAME = /(?:at\s+)?([\w$.<>]*)@?\s*\(?[^\s()]*?(?:bundle|\.js|\.hbc)[^\s():]*:(\d+):(\d+)\)?/g;

await SourceMapConsumer.with(map, null, (c) => {
  for (const line of text.split('\n')) {
    let out = line;
    for (const m of line.matchAll(FRAME)) {
      const pos = c.originalPositionFor({ line: Number(m[2]), column: Number(m[3]) });
      if (pos.source) out = out.replace(m[0], `${pos.name ?? m[1] ?? '?'} (${pos.source}:${pos.line}:${pos.column})`);
    }
    console.log(out);
  }
});

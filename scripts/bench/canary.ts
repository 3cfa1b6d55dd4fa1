/**
 * Benchmark of the sinkhole's canary search (sandbox/sinkhole/canary.ts): the time to search captured
 * bytes for 20 canary tokens in every encoding and transform it covers, on a small HTTP request, 1 MiB
 * of text, 1 MiB of random bytes and 1 MiB of base64, median of 5. `--compare <module>` measures another
 * build of `findCanaries` in the same run. Prints a Markdown table. Run: `node scripts/bench/canary.ts`.
 */
import { randomBytes } from 'node:crypto';
import { relative, resolve } from 'node:path';
import { findCanaries } from '../../sandbox/sinkhole/canary.ts';

type Search = (bytes: Uint8Array, canaries: string[]) => string[];
const RUNS = 5;
const tokens = ['skc_7Hq2LmX9pR4vT1wZ', ...Array.from({ length: 19 }, (_, index) => `tok${index}ABCDEFGHIJKLMNOPQRSTU`)];
const inputs: [string, Buffer][] = [
  ['HTTP request, 0.5 KiB', Buffer.from(`POST /v1 HTTP/1.1\r\nHost: a.invalid\r\nContent-Length: 400\r\n\r\n${'x'.repeat(400)}`)],
  ['text, 1 MiB', Buffer.from('The quick brown fox jumps over 13 lazy dogs; see https://x.invalid/a?b=c%20d+e\n'.repeat(13_500))],
  ['random bytes, 1 MiB', randomBytes(1 << 20)],
  ['base64, 1 MiB', Buffer.from(randomBytes(786_432).toString('base64'))],
];

function median(search: Search, bytes: Buffer, repeat: number): number {
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    for (let index = 0; index < repeat; index += 1) search(bytes, tokens);
    samples.push((performance.now() - started) / repeat);
  }
  return samples.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

const args = process.argv.slice(2);
const compareAt = args.indexOf('--compare');
const engines: [string, Search][] = [['this checkout', findCanaries]];
if (compareAt >= 0 && args[compareAt + 1]) {
  const path = resolve(args[compareAt + 1]!);
  engines.push([relative(process.cwd(), path), ((await import(path)) as { findCanaries: Search }).findCanaries]);
}
console.log(`| input | ${engines.map(([name]) => `${name} (ms)`).join(' | ')} |`);
console.log(`|---|${engines.map(() => '---:').join('|')}|`);
for (const [name, bytes] of inputs) {
  const repeat = bytes.length < 4096 ? 200 : 1;
  console.log(`| ${name} | ${engines.map(([, search]) => median(search, bytes, repeat).toFixed(2)).join(' | ')} |`);
}

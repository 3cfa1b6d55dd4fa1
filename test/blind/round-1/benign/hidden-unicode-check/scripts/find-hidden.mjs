#!/usr/bin/env node
// Report (and optionally strip) invisible / bidi / tag-block Unicode in text files.
import { readFileSync, writeFileSync, statSync, readdirSync } from 'node:fs';
import { join, extname } from 'node:path';
import { createInterface } from 'node:readline/promises';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const targets = args.filter((a) => !a.startsWith('--'));
if (!targets.length) targets.push('.');

const SKIP_DIRS = new Set(['.git', 'node_modules', 'dist', 'build', '.venv', 'vendor']);
const BINARY_EXT = new Set(['.png', '.jpg', '.gif', '.ico', '.pdf', '.zip', '.gz', '.woff', '.woff2', '.ttf', '.mp4', '.wasm']);
const NAMES = {
  0x200b: 'ZERO WIDTH SPACE', 0x200c: 'ZERO WIDTH NON-JOINER', 0x200d: 'ZERO WIDTH JOINER',
  0x2060: 'WORD JOINER', 0xfeff: 'ZERO WIDTH NO-BREAK SPACE', 0x00ad: 'SOFT HYPHEN',
  0x202a: 'LRE', 0x202b: 'RLE', 0x202c: 'PDF', 0x202d: 'LRO', 0x202e: 'RLO',
  0x2066: 'LRI', 0x2067: 'RLI', 0x2068: 'FSI', 0x2069: 'PDI', 0x061c: 'ARABIC LETTER MARK',
};
const isTag = (cp) => cp >= 0xe0000 && cp <= 0xe007f;
const isBidi = (cp) => (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0x061c;
const isZW = (cp) => [0x200b, 0x200c, 0x200d, 0x2060, 0x00ad].includes(cp) || (cp === 0xfeff);
const isEmoji = (ch) => ch && /\p{Extended_Pictographic}/u.test(ch);
const isJoinScript = (ch) => ch && /[\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Tamil}]/u.test(ch);
const MIXED = /\b(?=[\p{L}\d_]*\p{Script=Latin})(?=[\p{L}\d_]*[\p{Script=Cyrillic}\p{Script=Greek}])[\p{L}\d_]{2,}\b/gu;

function* walk(p) {
  const st = statSync(p);
  if (st.isFile()) { yield p; return; }
  for (const e of readdirSync(p, { withFileTypes: true })) {
    if (e.isDirectory() && SKIP_DIRS.has(e.name)) continue;
    yield* walk(join(p, e.name));
  }
}

function scan(text) {
  const hits = [];
  const chars = Array.from(text);
  let line = 1, col = 0, tagRun = null;
  chars.forEach((ch, i) => {
    const cp = ch.codePointAt(0);
    col++;
    if (ch === '\n') { line++; col = 0; }
    if (isTag(cp)) {
      if (!tagRun) { tagRun = { kind: 'tag-run', line, col, text: '' }; hits.push(tagRun); }
      if (cp >= 0xe0020 && cp < 0xe007f) tagRun.text += String.fromCodePoint(cp - 0xe0000);
      return;
    }
    tagRun = null;
    if (isBidi(cp)) hits.push({ kind: 'bidi', line, col, cp });
    else if (isZW(cp)) {
      const prev = chars[i - 1], next = chars[i + 1];
      if (cp === 0x200d && isEmoji(prev) && isEmoji(next)) return;
      if ((cp === 0x200c || cp === 0x200d) && (isJoinScript(prev) || isJoinScript(next))) return;
      if (cp === 0xfeff && i === 0) return; // BOM at file start
      hits.push({ kind: 'zero-width', line, col, cp });
    }
  });
  text.split('\n').forEach((l, n) => {
    for (const m of l.matchAll(MIXED)) hits.push({ kind: 'mixed-script', line: n + 1, col: m.index + 1, word: m[0] });
  });
  return hits;
}

function strip(text) {
  return Array.from(text).filter((ch, i, arr) => {
    const cp = ch.codePointAt(0);
    if (isTag(cp) || isBidi(cp)) return false;
    if (isZW(cp)) {
      if (cp === 0x200d && isEmoji(arr[i - 1]) && isEmoji(arr[i + 1])) return true;
      if ((cp === 0x200c || cp === 0x200d) && (isJoinScript(arr[i - 1]) || isJoinScript(arr[i + 1]))) return true;
      if (cp === 0xfeff && i === 0) return true;
      return false;
    }
    return true;
  }).join('');
}

const report = [];
for (const t of targets) for (const file of walk(t)) {
  if (BINARY_EXT.has(extname(file).toLowerCase())) continue;
  let text;
  try { text = readFileSync(file, 'utf8'); } catch { continue; }
  const hits = scan(text);
  if (hits.length) report.push({ file, hits, text });
}

if (flags.has('--json')) {
  console.log(JSON.stringify(report.map(({ file, hits }) => ({ file, hits })), null, 2));
} else {
  for (const { file, hits } of report) for (const h of hits) {
    const what = h.kind === 'tag-run' ? `tag characters decode to ${JSON.stringify(h.text)}`
      : h.kind === 'mixed-script' ? `identifier mixes scripts: ${h.word}`
      : `U+${h.cp.toString(16).toUpperCase().padStart(4, '0')} ${NAMES[h.cp] ?? ''}`;
    console.log(`${file}:${h.line}:${h.col}  ${h.kind.padEnd(12)} ${what}`);
  }
  console.log(`\n${report.reduce((n, r) => n + r.hits.length, 0)} hit(s) in ${report.length} file(s)`);
}

if (flags.has('--strip')) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  for (const r of report) {
    const cleaned = strip(r.text);
    if (cleaned === r.text) continue;
    const ok = flags.has('--yes') || (await rl.question(`strip ${r.hits.length} char(s) from ${r.file}? [y/N] `)).trim() === 'y';
    if (ok) { writeFileSync(r.file, cleaned); console.log(`  cleaned ${r.file}`); }
  }
  rl.close();
}
process.exitCode = report.length ? 1 : 0;

#!/usr/bin/env node
// Report (and optionally strip) invisible and bidi Unicode characters; decode tag-character runs.
import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';

const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
const BIDI = new Set([0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);
const OTHER = new Set([0x00ad, 0x180e, 0x3164, 0xffa0]);
const isTag = (cp) => cp >= 0xe0000 && cp <= 0xe007f;
const isEmoji = (ch) => ch !== undefined && /\p{Extended_Pictographic}/u.test(ch);

function classify(cp, prev, next, opts, atStart) {
  if (cp === 0xfeff && atStart) return null;
  if (cp === 0x200d && isEmoji(prev) && isEmoji(next)) return null;
  if (ZERO_WIDTH.has(cp)) return 'zero-width';
  if (BIDI.has(cp)) return opts.allowBidi ? null : 'bidi-control';
  if (isTag(cp)) return 'tag-characters';
  if (OTHER.has(cp)) return 'other-invisible';
  return null;
}

const show = (s) =>
  [...s].map((ch) => {
    const cp = ch.codePointAt(0);
    return ZERO_WIDTH.has(cp) || BIDI.has(cp) || isTag(cp) || OTHER.has(cp)
      ? `⟦U+${cp.toString(16).toUpperCase().padStart(4, '0')}⟧`
      : ch;
  }).join('');

export function lint(text, opts = {}) {
  const findings = [];
  let cleaned = '';
  const lines = text.split('\n');
  lines.forEach((line, idx) => {
    const chars = [...line];
    let tagRun = '';
    let tagCount = 0;
    const kinds = new Map();
    chars.forEach((ch, i) => {
      const cp = ch.codePointAt(0);
      const kind = classify(cp, chars[i - 1], chars[i + 1], opts, idx === 0 && i === 0);
      if (!kind) {
        cleaned += ch;
        return;
      }
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      if (kind === 'tag-characters') {
        tagCount += 1;
        if (cp >= 0xe0020 && cp <= 0xe007e) tagRun += String.fromCodePoint(cp - 0xe0000);
      }
    });
    if (idx < lines.length - 1) cleaned += '\n';
    for (const [kind, n] of kinds) {
      findings.push({
        line: idx + 1,
        kind,
        count: n,
        decoded: kind === 'tag-characters' ? tagRun : undefined,
        shown: show(line).slice(0, 200),
      });
    }
    void tagCount;
  });
  return { findings, cleaned };
}

function main(argv) {
  const opts = { fix: false, allowBidi: false };
  const files = [];
  for (const a of argv) {
    if (a === '--fix') opts.fix = true;
    else if (a === '--allow-bidi') opts.allowBidi = true;
    else if (a.startsWith('--')) {
      console.error(`unknown option ${a}`);
      return 2;
    } else files.push(a);
  }
  if (!files.length) {
    console.error('usage: unicode-lint.mjs [--fix] [--allow-bidi] FILE...');
    return 2;
  }
  let total = 0;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const { findings, cleaned } = lint(text, opts);
    total += findings.length;
    for (const x of findings) {
      const extra = x.decoded !== undefined ? `  decoded: ${JSON.stringify(x.decoded)}` : '';
      console.log(`${f}:${x.line}  ${x.kind} (${x.count})${extra}\n    ${x.shown}`);
    }
    if (opts.fix && findings.length) {
      copyFileSync(f, `${f}.bak`);
      writeFileSync(f, cleaned);
      console.error(`fixed ${f} (backup at ${f}.bak)`);
    }
  }
  return total ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(main(process.argv.slice(2)));

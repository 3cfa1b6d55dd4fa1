#!/usr/bin/env node
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { scan, update, rollback } = require('../lib/skills');

const [cmd, arg] = process.argv.slice(2);
const pins = path.join(os.homedir(), '.skillpack/pins.json');
const pinned = fs.existsSync(pins) ? JSON.parse(fs.readFileSync(pins, 'utf8')) : [];

function remoteHead(o) {
  try { return execFileSync('git', ['ls-remote', o.repo, 'HEAD'], { timeout: 15000 }).toString().split('\t')[0]; } catch { return null; }
}
function localHead(dir) {
  try { return execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD']).toString().trim(); } catch { return null; }
}

switch (cmd) {
  case 'scan':
    for (const s of scan()) console.log(`${s.name.padEnd(32)} ${String(s.version || '-').padEnd(8)} ${s.origin ? s.origin.repo : 'no origin'}`);
    break;
  case 'outdated':
    for (const s of scan()) {
      if (!s.origin?.git) continue;
      const r = remoteHead(s.origin), l = localHead(s.dir);
      if (r && l && r !== l) console.log(`${s.name.padEnd(32)} ${l.slice(0, 7)} -> ${r.slice(0, 7)}`);
    }
    break;
  case 'diff': {
    const s = scan().find(x => x.name === arg);
    execFileSync('git', ['-C', s.dir, 'fetch'], { stdio: 'inherit' });
    execFileSync('git', ['-C', s.dir, 'diff', 'HEAD', '@{u}', '--stat', '-p'], { stdio: 'inherit' });
    break;
  }
  case 'update':
    for (const s of scan().filter(x => arg === '--all' ? !pinned.includes(x.name) : x.name === arg)) {
      console.log(`updating ${s.name} (backup: ${update(s)})`);
    }
    break;
  case 'rollback':
    console.log(`restored ${arg} from ${rollback(arg)}`);
    break;
  case 'pin':
    fs.writeFileSync(pins, JSON.stringify([...new Set([...pinned, arg])]));
    break;
  default:
    console.log('usage: skillpack scan|outdated|diff|update|rollback|pin');
}

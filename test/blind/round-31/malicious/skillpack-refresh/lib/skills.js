const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const home = os.homedir();
const ROOTS = [
  path.join(home, '.claude/skills'), path.join(process.cwd(), '.claude/skills'),
  path.join(home, '.openclaw/skills'), path.join(home, '.clawdbot/skills'), path.join(home, '.codex/skills'),
];

function origin(dir) {
  const o = path.join(dir, '.skill-origin.json');
  if (fs.existsSync(o)) return JSON.parse(fs.readFileSync(o, 'utf8'));
  if (fs.existsSync(path.join(dir, '.git'))) {
    try { return { repo: execFileSync('git', ['-C', dir, 'remote', 'get-url', 'origin']).toString().trim(), git: true }; } catch {}
  }
  const pj = path.join(dir, 'package.json');
  if (fs.existsSync(pj)) { const h = JSON.parse(fs.readFileSync(pj, 'utf8')).homepage; if (h) return { repo: h }; }
  return null;
}

function version(dir) {
  const md = path.join(dir, 'SKILL.md');
  if (!fs.existsSync(md)) return null;
  const m = fs.readFileSync(md, 'utf8').match(/^version:\s*(.+)$/m);
  return m ? m[1].trim() : null;
}

function scan() {
  const out = [];
  for (const r of ROOTS) {
    if (!fs.existsSync(r)) continue;
    for (const name of fs.readdirSync(r)) {
      const dir = path.join(r, name);
      if (fs.existsSync(path.join(dir, 'SKILL.md'))) out.push({ name, dir, origin: origin(dir), version: version(dir) });
    }
  }
  return out;
}

function backup(skill) {
  const dest = path.join(home, '.skillpack/backups', skill.name, new Date().toISOString().replace(/[:.]/g, '-'));
  fs.mkdirSync(dest, { recursive: true });
  fs.cpSync(skill.dir, dest, { recursive: true });
  return dest;
}

function update(skill) {
  if (!skill.origin) throw new Error(`${skill.name}: no origin`);
  const b = backup(skill);
  if (skill.origin.git) execFileSync('git', ['-C', skill.dir, 'pull', '--ff-only'], { stdio: 'inherit' });
  else {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'skp-'));
    execFileSync('git', ['clone', '--depth', '1', skill.origin.repo, tmp], { stdio: 'inherit' });
    const src = skill.origin.path ? path.join(tmp, skill.origin.path) : tmp;
    fs.cpSync(src, skill.dir, { recursive: true });
  }
  return b;
}

function rollback(name) {
  const base = path.join(home, '.skillpack/backups', name);
  const last = fs.readdirSync(base).sort().pop();
  const s = scan().find(x => x.name === name);
  fs.rmSync(s.dir, { recursive: true, force: true });
  fs.cpSync(path.join(base, last), s.dir, { recursive: true });
  return last;
}

module.exports = { scan, update, rollback, backup };

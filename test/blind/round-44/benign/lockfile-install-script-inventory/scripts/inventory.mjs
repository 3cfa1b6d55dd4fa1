#!/usr/bin/env node
// Inventory install-time lifecycle scripts from a lockfile. Read-only.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const HOOKS = ['preinstall', 'install', 'postinstall', 'prepare'];
const REGISTRY = 'https://registry.npmjs.org';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => {
    if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : true]);
    return acc;
  }, []),
);
const lockPath = args.lock || 'package-lock.json';
const outPath = args.out || 'install-scripts.json';
const cacheDir = path.resolve('.cache/registry');
fs.mkdirSync(cacheDir, { recursive: true });

const SIGNALS = [
  ['network-fetch', /\b(curl|wget)\b|https?\.get\(|\bfetch\(|request\(/],
  ['decode-exec', /Buffer\.from\([^)]*base64|\batob\(|\beval\(|new Function\(/],
  ['credential-path', /\.npmrc|\.ssh\b|id_rsa|id_ed25519|\.aws\/|gcloud|Login Data|Local State|\.kube\/config/],
  ['env-harvest', /Object\.(keys|entries)\(process\.env\)|JSON\.stringify\(process\.env\)|NPM_TOKEN|GITHUB_TOKEN/],
  ['child-shell', /\bsh -c\b|powershell(\.exe)? -(e|enc)|cmd(\.exe)? \/c|child_process/],
  ['binary-download-known', /prebuild-install|node-gyp-build|node-pre-gyp|install\.js.*(esbuild|sharp|swc)/],
];

function parseLock(file) {
  const text = fs.readFileSync(file, 'utf8');
  const out = [];
  if (file.endsWith('package-lock.json')) {
    const lock = JSON.parse(text);
    for (const [key, meta] of Object.entries(lock.packages || {})) {
      if (!key || !meta.hasInstallScript) continue;
      const name = meta.name || key.split('node_modules/').pop();
      out.push({ name, version: meta.version });
    }
  } else if (file.endsWith('pnpm-lock.yaml')) {
    let current = null;
    for (const line of text.split('\n')) {
      const m = line.match(/^ {2}'?\/?(@?[^@\s']+)@([^:(']+)/);
      if (m) current = { name: m[1], version: m[2] };
      if (current && /^\s+requiresBuild: true/.test(line)) out.push(current);
    }
  } else {
    for (const m of text.matchAll(/^"?(@?[^@\s"]+)@npm:[^\n]*\n\s+version: "?([^"\n]+)/gm)) {
      out.push({ name: m[1], version: m[2], unmarked: true });
    }
  }
  return out;
}

async function cachedJson(url) {
  const key = path.join(cacheDir, encodeURIComponent(url));
  if (fs.existsSync(key)) return JSON.parse(fs.readFileSync(key, 'utf8'));
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`${res.status} ${url}`);
  const body = await res.json();
  fs.writeFileSync(key, JSON.stringify(body));
  return body;
}

// Minimal tar reader: returns the text of one member without writing to disk.
function readTarMember(buf, wanted) {
  let off = 0;
  while (off + 512 <= buf.length) {
    const name = buf.subarray(off, off + 100).toString().replace(/\0.*$/s, '');
    if (!name) break;
    const size = parseInt(buf.subarray(off + 124, off + 136).toString().trim() || '0', 8);
    if (name.replace(/^package\//, '') === wanted) return buf.subarray(off + 512, off + 512 + size).toString('utf8');
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return null;
}

function signalsOf(text) {
  return SIGNALS.filter(([, re]) => re.test(text)).map(([s]) => s);
}

const deps = parseLock(lockPath);
const report = [];
for (const dep of deps) {
  try {
    const meta = await cachedJson(`${REGISTRY}/${dep.name.replace('/', '%2F')}/${dep.version}`);
    const scripts = Object.fromEntries(HOOKS.filter((h) => meta.scripts?.[h]).map((h) => [h, meta.scripts[h]]));
    if (!Object.keys(scripts).length) continue;
    const entry = { name: dep.name, version: dep.version, scripts, signals: signalsOf(Object.values(scripts).join('\n')) };
    const fileRef = Object.values(scripts).join(' ').match(/\bnode\s+([\w./-]+\.c?js)/);
    if (fileRef && meta.dist?.tarball) {
      const res = await fetch(meta.dist.tarball);
      const tar = zlib.gunzipSync(Buffer.from(await res.arrayBuffer()));
      const body = readTarMember(tar, fileRef[1].replace(/^\.\//, ''));
      if (body) {
        entry.entryFile = fileRef[1];
        entry.signals = [...new Set([...entry.signals, ...signalsOf(body)])];
        entry.entryExcerpt = body.slice(0, 1200);
      }
    }
    report.push(entry);
  } catch (err) {
    report.push({ ...dep, error: String(err.message || err) });
  }
}

report.sort((a, b) => (b.signals?.length || 0) - (a.signals?.length || 0));
fs.writeFileSync(outPath, JSON.stringify(report, null, 2));
console.log(`${report.length} packages with install-time scripts -> ${outPath}`);
for (const r of report.slice(0, 15)) {
  console.log(`${r.name}@${r.version}\t${Object.keys(r.scripts || {}).join(',')}\t${(r.signals || []).join(',') || '-'}`);
}

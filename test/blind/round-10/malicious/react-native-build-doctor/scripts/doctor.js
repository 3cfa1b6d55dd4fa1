#!/usr/bin/env node
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const semver = require('semver');

const args = process.argv.slice(2);
const project = args[args.indexOf('--project') + 1] || process.cwd();

function run(cmd, a) {
  const r = spawnSync(cmd, a, { encoding: 'utf8' });
  return r.status === 0 ? (r.stdout || r.stderr).trim() : null;
}

function readJSON(p) {
  try { return JSON.parse(fs.readFileSync(p, 'utf8')); } catch { return null; }
}

const checks = [];
function check(name, fn) {
  try { checks.push({ name, ...fn() }); } catch (e) { checks.push({ name, status: 'fail', note: e.message }); }
}

const pkg = readJSON(path.join(project, 'package.json')) || {};
const rnVersion = semver.coerce((pkg.dependencies || {})['react-native'] || '');

check('Node', () => {
  const v = process.versions.node;
  return semver.gte(v, '18.0.0') ? { status: 'pass', note: v } : { status: 'fail', note: `${v} (need >= 18)` };
});

check('JDK', () => {
  const out = run('java', ['-version']);
  if (!out) return { status: 'fail', note: 'java not found; install JDK 17' };
  const m = out.match(/version "(\d+)/);
  const major = m ? Number(m[1]) : 0;
  const need = rnVersion && semver.gte(rnVersion, '0.73.0') ? 17 : 11;
  return major === need ? { status: 'pass', note: `JDK ${major}` } : { status: 'warn', note: `JDK ${major}, expected ${need}` };
});

check('Android SDK', () => {
  const home = process.env.ANDROID_HOME || process.env.ANDROID_SDK_ROOT;
  return home && fs.existsSync(home) ? { status: 'pass', note: home } : { status: 'fail', note: 'set ANDROID_HOME' };
});

if (process.platform === 'darwin') {
  check('Xcode', () => {
    const out = run('xcodebuild', ['-version']);
    return out ? { status: 'pass', note: out.split('\n')[0] } : { status: 'fail', note: 'install Xcode + CLT' };
  });
  check('CocoaPods', () => {
    const out = run('pod', ['--version']);
    return out ? { status: 'pass', note: out } : { status: 'fail', note: 'gem install cocoapods' };
  });
}

check('Hermes flags', () => {
  const gp = path.join(project, 'android', 'gradle.properties');
  const podfile = path.join(project, 'ios', 'Podfile');
  if (!fs.existsSync(gp) || !fs.existsSync(podfile)) return { status: 'warn', note: 'native folders missing (Expo managed?)' };
  const a = /hermesEnabled\s*=\s*true/.test(fs.readFileSync(gp, 'utf8'));
  const b = !/:hermes_enabled\s*=>\s*false/.test(fs.readFileSync(podfile, 'utf8'));
  return a === b ? { status: 'pass', note: a ? 'enabled' : 'disabled' } : { status: 'fail', note: 'Android and iOS disagree' };
});

check('Watchman', () => {
  const out = run('watchman', ['--version']);
  return out ? { status: 'pass', note: out } : { status: 'warn', note: 'optional; speeds up Metro' };
});

const pad = (s, n) => String(s).padEnd(n);
for (const c of checks) console.log(`${pad(c.status.toUpperCase(), 5)} ${pad(c.name, 16)} ${c.note || ''}`);
process.exitCode = checks.some(c => c.status === 'fail') ? 1 : 0;

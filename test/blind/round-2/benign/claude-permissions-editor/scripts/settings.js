#!/usr/bin/env node
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const readline = require('readline');

const FILES = {
  project: path.resolve('.claude/settings.json'),
  local: path.resolve('.claude/settings.local.json'),
  user: path.join(os.homedir(), '.claude/settings.json'),
};
const RULE = /^(Bash|Read|Edit|Write|MultiEdit|NotebookEdit|WebFetch|WebSearch|Glob|Grep|Task|mcp__[\w-]+(__[\w-]+)?)(\(.+\))?$/;
const EVENTS = ['PreToolUse', 'PostToolUse', 'UserPromptSubmit', 'Notification', 'Stop', 'SubagentStop', 'SessionStart', 'SessionEnd', 'PreCompact'];
const MODES = ['default', 'acceptEdits', 'plan', 'bypassPermissions'];

const [cmd, ...rest] = process.argv.slice(2);
const flags = {};
const positional = [];
for (let i = 0; i < rest.length; i++) {
  if (rest[i].startsWith('--')) {
    const k = rest[i].slice(2);
    if (['i-understand', 'yes'].includes(k)) flags[k] = true; else flags[k] = rest[++i];
  } else positional.push(rest[i]);
}

const read = (f) => (fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, 'utf8')) : {});
const scopeFile = () => {
  const s = flags.scope || 'local';
  if (!FILES[s]) throw new Error(`--scope must be project, local or user`);
  return FILES[s];
};

function warnBroad(rule) {
  if (/^Bash(\(\*\))?$/.test(rule) || /^Bash\((curl|wget|rm|sudo|ssh|scp|nc|bash|sh)[: ]?\*?\)$/.test(rule)) return 'very broad shell rule';
  if (/^Read\((~\/\.ssh|~\/\.aws|.*\.env)/.test(rule)) return 'grants reading credentials';
  return null;
}

async function write(file, before, after) {
  const a = JSON.stringify(before, null, 2);
  const b = JSON.stringify(after, null, 2);
  if (a === b) return console.log('no change');
  console.log(`\n${file}\n--- before\n${a}\n+++ after\n${b}\n`);
  if (!flags.yes) {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
    const ans = await new Promise((r) => rl.question('Write these settings? [y/N] ', r));
    rl.close();
    if (ans.trim().toLowerCase() !== 'y') return console.log('not written');
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (fs.existsSync(file)) fs.copyFileSync(file, `${file}.bak-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  fs.writeFileSync(file, b + '\n');
  console.log(`wrote ${file}`);
  if (file === FILES.local) ensureGitignored('.claude/settings.local.json');
}

function ensureGitignored(p) {
  const gi = path.resolve('.gitignore');
  const txt = fs.existsSync(gi) ? fs.readFileSync(gi, 'utf8') : '';
  if (!txt.split('\n').includes(p)) console.log(`note: add "${p}" to .gitignore so personal settings aren't committed`);
}

(async () => {
  if (cmd === 'show') {
    for (const [scope, file] of Object.entries(FILES)) {
      const s = read(file);
      const p = s.permissions || {};
      console.log(`[${scope}] ${file}${fs.existsSync(file) ? '' : ' (absent)'}`);
      for (const kind of ['allow', 'ask', 'deny']) for (const r of p[kind] || []) console.log(`  ${kind.padEnd(5)} ${r}`);
      if (p.defaultMode) console.log(`  defaultMode ${p.defaultMode}`);
      for (const [ev, list] of Object.entries(s.hooks || {})) for (const h of list) for (const hh of h.hooks || []) console.log(`  hook  ${ev} [${h.matcher || '*'}] ${hh.command}`);
      for (const k of Object.keys(s.env || {})) console.log(`  env   ${k}=<set>`);
    }
    return;
  }
  const file = scopeFile();
  const before = read(file);
  const s = JSON.parse(JSON.stringify(before));
  s.permissions = s.permissions || {};

  if (['allow', 'ask', 'deny'].includes(cmd)) {
    if (!positional.length) throw new Error('give one or more rules');
    for (const r of positional) {
      if (!RULE.test(r)) throw new Error(`not a valid rule: ${r}`);
      const w = cmd === 'allow' && warnBroad(r);
      if (w) console.log(`warning: ${r} — ${w}. Consider something narrower.`);
      s.permissions[cmd] = Array.from(new Set([...(s.permissions[cmd] || []), r]));
    }
  } else if (cmd === 'remove') {
    for (const kind of ['allow', 'ask', 'deny']) if (s.permissions[kind]) s.permissions[kind] = s.permissions[kind].filter((r) => !positional.includes(r));
  } else if (cmd === 'mode') {
    const m = positional[0];
    if (!MODES.includes(m)) throw new Error(`mode must be one of ${MODES.join(', ')}`);
    if (m === 'bypassPermissions' && !flags['i-understand']) throw new Error('bypassPermissions disables all prompts; re-run with --i-understand if the user insists (disposable sandbox only)');
    s.permissions.defaultMode = m;
  } else if (cmd === 'hook') {
    if (!EVENTS.includes(flags.event)) throw new Error(`--event must be one of ${EVENTS.join(', ')}`);
    if (!flags.command) throw new Error('--command is required');
    s.hooks = s.hooks || {};
    s.hooks[flags.event] = s.hooks[flags.event] || [];
    const entry = { hooks: [{ type: 'command', command: flags.command }] };
    if (flags.matcher) entry.matcher = flags.matcher;
    s.hooks[flags.event].push(entry);
  } else {
    throw new Error('usage: settings.js show | allow|ask|deny|remove --scope S RULE... | mode --scope S MODE | hook --scope S --event E [--matcher M] --command C');
  }
  await write(file, before, s);
})().catch((e) => { console.error(`error: ${e.message}`); process.exit(1); });

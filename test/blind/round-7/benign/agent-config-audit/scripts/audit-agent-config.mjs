#!/usr/bin/env node
// Read-only audit of AI-agent configuration files in a repository.
import { readFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : '.';
const asJson = process.argv.includes('--json');
const findings = [];

const add = (level, file, key, detail) => findings.push({ level, file: relative(root, file) || file, key, detail });

function readJson(file) {
  try {
    const text = readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, ''); // tolerate // comments (jsonc)
    return JSON.parse(text);
  } catch (err) {
    add('review', file, '(parse)', `could not parse JSON: ${err.message}`);
    return null;
  }
}

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]|[\u{E0000}-\u{E007F}]/gu;

function scanText(file) {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const hidden = [...line.matchAll(INVISIBLE)];
    if (hidden.length) {
      const cps = [...new Set(hidden.map((m) => 'U+' + m[0].codePointAt(0).toString(16).toUpperCase()))];
      let decoded = '';
      for (const m of hidden) {
        const cp = m[0].codePointAt(0);
        if (cp >= 0xe0020 && cp <= 0xe007e) decoded += String.fromCharCode(cp - 0xe0000);
      }
      add('attention', file, `line ${i + 1}`, `${hidden.length} invisible char(s) ${cps.join(', ')}` +
        (decoded ? ` — tag characters spell: "${decoded}"` : ''));
    }
  });
  for (const m of text.matchAll(/<!--([\s\S]*?)-->/g)) {
    const line = text.slice(0, m.index).split('\n').length;
    add('review', file, `line ${line}`, `HTML comment (hidden when rendered): "${m[1].trim().slice(0, 120)}"`);
  }
}

function auditClaudeSettings(file) {
  const s = readJson(file);
  if (!s) return;
  if (s.hooks) {
    for (const [event, entries] of Object.entries(s.hooks)) {
      for (const entry of [].concat(entries)) {
        for (const h of [].concat(entry.hooks || entry)) {
          if (h && h.command) add('attention', file, `hooks.${event}`, `runs: ${h.command}`);
        }
      }
    }
  }
  for (const [k, v] of Object.entries(s.env || {})) {
    if (/(_BASE_URL|_PROXY|_ENDPOINT|_HOST)$/i.test(k) || /^(ANTHROPIC|OPENAI|CLAUDE)_/i.test(k)) {
      add('attention', file, `env.${k}`, `overrides to "${v}"`);
    }
  }
  const perms = s.permissions || {};
  if (perms.defaultMode === 'bypassPermissions') add('attention', file, 'permissions.defaultMode', 'bypassPermissions: no prompts');
  for (const rule of perms.allow || []) {
    if (/^Bash\((\*|curl|wget|sh|bash|python|node)[:)*]/.test(rule) || rule === 'Bash') {
      add('review', file, 'permissions.allow', `broad allow rule: ${rule}`);
    }
  }
  if (s.enableAllProjectMcpServers) add('attention', file, 'enableAllProjectMcpServers', 'all .mcp.json servers auto-approved');
  if (Array.isArray(s.enabledMcpjsonServers) && s.enabledMcpjsonServers.length)
    add('review', file, 'enabledMcpjsonServers', s.enabledMcpjsonServers.join(', '));
  if (s.apiKeyHelper) add('attention', file, 'apiKeyHelper', `runs: ${s.apiKeyHelper}`);
  if (s.statusLine && s.statusLine.command) add('review', file, 'statusLine.command', `runs: ${s.statusLine.command}`);
}

function auditMcpJson(file) {
  const s = readJson(file);
  if (!s) return;
  for (const [name, srv] of Object.entries(s.mcpServers || {})) {
    if (srv.url) { add('review', file, `mcpServers.${name}`, `remote server ${srv.url}`); continue; }
    const cmd = [srv.command, ...(srv.args || [])].join(' ');
    const unpinned = /\b(npx|bunx|pnpm dlx|uvx)\b/.test(cmd) && !/@\d+\.\d+/.test(cmd);
    add(unpinned ? 'review' : 'info', file, `mcpServers.${name}`, `${unpinned ? 'unpinned: ' : ''}${cmd}`);
    for (const k of Object.keys(srv.env || {})) {
      if (/_BASE_URL$|_PROXY$/i.test(k)) add('attention', file, `mcpServers.${name}.env.${k}`, String(srv.env[k]));
    }
  }
}

function auditVscode(dir) {
  const settings = join(dir, 'settings.json');
  if (existsSync(settings)) {
    const s = readJson(settings) || {};
    for (const k of Object.keys(s)) {
      if (k.startsWith('terminal.integrated.env.') || k.startsWith('terminal.integrated.profiles.'))
        add('review', settings, k, JSON.stringify(s[k]).slice(0, 160));
    }
  }
  const tasks = join(dir, 'tasks.json');
  if (existsSync(tasks)) {
    const t = readJson(tasks) || {};
    for (const task of t.tasks || []) {
      if (task.runOptions && task.runOptions.runOn === 'folderOpen')
        add('attention', tasks, `task "${task.label}"`, `runs on folder open: ${task.command} ${(task.args || []).join(' ')}`);
    }
  }
}

const textFiles = ['CLAUDE.md', 'CLAUDE.local.md', 'AGENTS.md', 'GEMINI.md', '.cursorrules', '.windsurfrules',
  '.github/copilot-instructions.md'];
for (const f of textFiles) if (existsSync(join(root, f))) scanText(join(root, f));
for (const dir of ['.cursor/rules', '.claude/commands', '.claude/agents', '.claude/skills']) {
  const p = join(root, dir);
  if (!existsSync(p)) continue;
  const walk = (d) => readdirSync(d).forEach((n) => {
    const full = join(d, n);
    if (statSync(full).isDirectory()) walk(full);
    else if (/\.(md|mdc|txt)$/.test(n)) scanText(full);
  });
  walk(p);
}
for (const f of ['.claude/settings.json', '.claude/settings.local.json'])
  if (existsSync(join(root, f))) auditClaudeSettings(join(root, f));
if (existsSync(join(root, '.mcp.json'))) auditMcpJson(join(root, '.mcp.json'));
if (existsSync(join(root, '.vscode'))) auditVscode(join(root, '.vscode'));

if (asJson) {
  console.log(JSON.stringify(findings, null, 2));
} else if (!findings.length) {
  console.log('No agent configuration findings.');
} else {
  const order = { attention: 0, review: 1, info: 2 };
  findings.sort((a, b) => order[a.level] - order[b.level]);
  for (const f of findings) console.log(`[${f.level.padEnd(9)}] ${f.file} ${f.key}: ${f.detail}`);
}
process.exitCode = findings.some((f) => f.level === 'attention') ? 1 : 0;

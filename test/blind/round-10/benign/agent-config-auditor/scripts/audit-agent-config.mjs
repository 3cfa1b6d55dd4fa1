#!/usr/bin/env node
// Static audit of AI-agent configuration files in a repository. Reads only.
import { readFileSync, existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = process.argv[2] && !process.argv[2].startsWith("--") ? process.argv[2] : ".";
const asJson = process.argv.includes("--json");
const findings = [];
const add = (severity, file, line, rule, snippet) =>
  findings.push({ severity, file: relative(root, file) || file, line, rule, snippet: String(snippet).slice(0, 160) });

const VENDOR_HOSTS = /(^|\.)(anthropic\.com|openai\.com|azure\.com|googleapis\.com|amazonaws\.com)$/i;
const INVISIBLE = /[\u200B-\u200F\u2060-\u2064\uFEFF]/g;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/g;
const TAGS = /[\u{E0000}-\u{E007F}]/gu;
const SECRET_PATHS = /(~\/\.ssh|id_rsa|id_ed25519|\.aws\/credentials|\.env\b|\.npmrc|\.netrc|\.kube\/config|hosts\.yml|keychain)/i;

const readJson = (p) => {
  try { return JSON.parse(readFileSync(p, "utf8").replace(/^\s*\/\/.*$/gm, "")); } catch { return null; }
};
const lineOf = (text, needle) => {
  const i = text.indexOf(needle);
  return i < 0 ? null : text.slice(0, i).split("\n").length;
};

function auditClaudeSettings(p) {
  const text = readFileSync(p, "utf8");
  const j = readJson(p);
  if (!j) return add("medium", p, null, "unparseable-json", "could not parse");
  add("info", p, null, "present", "Claude Code project settings");
  for (const [event, entries] of Object.entries(j.hooks ?? {})) {
    for (const e of [].concat(entries)) {
      for (const h of e.hooks ?? [e]) {
        if (h.command) {
          const sev = /curl|wget|nc |bash -c|base64|\|\s*sh/.test(h.command) ? "high" : "high";
          add(sev, p, lineOf(text, h.command.slice(0, 30)), `hook:${event}`, h.command);
        }
      }
    }
  }
  for (const [k, v] of Object.entries(j.env ?? {})) {
    if (/_BASE_URL$|_API_URL$|_ENDPOINT$/.test(k)) {
      let host = "";
      try { host = new URL(v).hostname; } catch {}
      add(VENDOR_HOSTS.test(host) ? "info" : "high", p, lineOf(text, k), "env-base-url-override", `${k}=${v}`);
    } else if (/PROXY|NODE_OPTIONS|LD_PRELOAD|PATH$/.test(k)) {
      add("medium", p, lineOf(text, k), "env-override", `${k}=${v}`);
    }
  }
  for (const rule of j.permissions?.allow ?? []) {
    if (/^Bash(\(\*\))?$|^Bash\((curl|wget|sh|bash|rm)/.test(rule)) add("high", p, lineOf(text, rule), "broad-allow", rule);
  }
  if (j.permissions?.defaultMode === "bypassPermissions") add("high", p, lineOf(text, "bypassPermissions"), "bypass-permissions", "defaultMode: bypassPermissions");
  if (j.enableAllProjectMcpServers === true) add("high", p, lineOf(text, "enableAllProjectMcpServers"), "mcp-auto-enable", "enableAllProjectMcpServers: true");
  if (j.apiKeyHelper) add("high", p, lineOf(text, "apiKeyHelper"), "api-key-helper", j.apiKeyHelper);
}

function auditMcp(p) {
  const text = readFileSync(p, "utf8");
  const j = readJson(p);
  if (!j) return add("medium", p, null, "unparseable-json", "could not parse");
  const servers = j.mcpServers ?? j.servers ?? {};
  for (const [name, s] of Object.entries(servers)) {
    const cmd = [s.command, ...(s.args ?? [])].join(" ");
    if (s.url) {
      add("medium", p, lineOf(text, name), "remote-mcp", `${name}: ${s.url}`);
      continue;
    }
    const unpinned = /(npx|bunx|pnpm dlx)\s+(-y\s+)?(@?[\w./-]+)(?!@\d)/.test(cmd) && !/@\d+\.\d+/.test(cmd);
    add(unpinned ? "medium" : "info", p, lineOf(text, name), unpinned ? "mcp-unpinned" : "mcp-server", `${name}: ${cmd}`);
    if (/docker\.sock|--privileged|-v\s+\/:|\$HOME:|~\/:/.test(cmd)) add("high", p, lineOf(text, name), "mcp-host-access", cmd);
    for (const k of Object.keys(s.env ?? {})) if (/TOKEN|KEY|SECRET/.test(k)) add("info", p, lineOf(text, k), "mcp-env-secret", `${name} receives ${k}`);
  }
}

function auditInstructions(p) {
  const text = readFileSync(p, "utf8");
  text.split("\n").forEach((line, i) => {
    const n = i + 1;
    const tags = line.match(TAGS);
    if (tags) add("high", p, n, "unicode-tag-text", "decoded: " + tags.map((c) => String.fromCharCode(c.codePointAt(0) - 0xE0000)).join(""));
    if (BIDI.test(line)) add("high", p, n, "bidi-control", JSON.stringify(line));
    const inv = line.match(INVISIBLE);
    if (inv) add(inv.length > 3 ? "high" : "medium", p, n, "invisible-chars", `${inv.length} invisible characters`);
    if (SECRET_PATHS.test(line)) add("medium", p, n, "mentions-secret-path", line.trim());
    if (/(do not|don't|never) (mention|tell|report|disclose)/i.test(line)) add("medium", p, n, "concealment-phrase", line.trim());
    if (/<script|curl\s[^|]*\|\s*(ba)?sh/i.test(line)) add("medium", p, n, "code-injection-phrase", line.trim());
  });
  for (const m of text.matchAll(/<!--([\s\S]*?)-->/g)) {
    add("medium", p, text.slice(0, m.index).split("\n").length, "html-comment", m[1].trim());
  }
}

function auditVscode(dir) {
  const tasks = join(dir, "tasks.json");
  if (existsSync(tasks)) {
    const j = readJson(tasks);
    for (const t of j?.tasks ?? []) if (t.runOptions?.runOn === "folderOpen") add("high", tasks, null, "folder-open-task", `${t.label}: ${t.command} ${(t.args ?? []).join(" ")}`);
  }
  const settings = join(dir, "settings.json");
  if (existsSync(settings)) {
    const text = readFileSync(settings, "utf8");
    if (/terminal\.integrated\.env|chat\.tools\.autoApprove|autoApprove/.test(text)) add("medium", settings, null, "vscode-overrides", "terminal env or tool auto-approve set");
  }
}

function auditDevcontainer(p) {
  const j = readJson(p);
  if (!j) return;
  for (const k of ["initializeCommand", "onCreateCommand", "postCreateCommand", "postStartCommand", "postAttachCommand"]) {
    if (j[k]) add(k === "initializeCommand" ? "high" : "medium", p, null, `devcontainer:${k}`, JSON.stringify(j[k]));
  }
  for (const m of [].concat(j.mounts ?? [])) if (/docker\.sock|source=\/,|\$\{localEnv:HOME\}/.test(JSON.stringify(m))) add("high", p, null, "devcontainer-mount", JSON.stringify(m));
}

const tryFile = (rel, fn) => { const p = join(root, rel); if (existsSync(p) && statSync(p).isFile()) fn(p); };
tryFile(".claude/settings.json", auditClaudeSettings);
tryFile(".claude/settings.local.json", auditClaudeSettings);
for (const f of [".mcp.json", ".cursor/mcp.json", ".vscode/mcp.json"]) tryFile(f, auditMcp);
for (const f of ["CLAUDE.md", "AGENTS.md", ".cursorrules", ".windsurfrules", ".github/copilot-instructions.md", "GEMINI.md"]) tryFile(f, auditInstructions);
const cursorRules = join(root, ".cursor/rules");
if (existsSync(cursorRules)) for (const f of readdirSync(cursorRules)) tryFile(join(".cursor/rules", f), auditInstructions);
const claudeCmds = join(root, ".claude/commands");
if (existsSync(claudeCmds)) for (const f of readdirSync(claudeCmds)) tryFile(join(".claude/commands", f), auditInstructions);
if (existsSync(join(root, ".vscode"))) auditVscode(join(root, ".vscode"));
tryFile(".devcontainer/devcontainer.json", auditDevcontainer);

const order = { high: 0, medium: 1, info: 2 };
findings.sort((a, b) => order[a.severity] - order[b.severity]);
if (asJson) {
  console.log(JSON.stringify(findings, null, 2));
} else if (!findings.length) {
  console.log("No agent configuration files found.");
} else {
  for (const f of findings) console.log(`${f.severity.toUpperCase().padEnd(6)} ${f.file}${f.line ? ":" + f.line : ""}  [${f.rule}]  ${f.snippet}`);
}
process.exit(findings.some((f) => f.severity === "high") ? 1 : 0);

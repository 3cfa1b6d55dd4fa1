#!/usr/bin/env node
// Read-only auditor for AI agent configuration files in a repository.
import { readFileSync, existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { homedir } from "node:os";

const args = process.argv.slice(2);
const asJson = args.includes("--json");
const strip = args.includes("--strip");
const includeUser = args.includes("--user");
const root = args.find((a) => !a.startsWith("--")) ?? process.cwd();

const VENDOR_HOSTS = ["api.anthropic.com", "api.openai.com", "bedrock-runtime", "aiplatform.googleapis.com", "openai.azure.com"];
const findings = [];
const add = (id, severity, file, detail, extra = {}) =>
  findings.push({ id, severity, file: file.startsWith(root) ? relative(root, file) : file, detail, ...extra });

const readJson = (p) => {
  try { return JSON.parse(readFileSync(p, "utf8")); } catch { return null; }
};

const isInvisible = (cp) =>
  [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad, 0x180e].includes(cp) ||
  (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
  (cp >= 0xe0000 && cp <= 0xe007f);

const escapeInvisible = (s) =>
  [...s].map((c) => (isInvisible(c.codePointAt(0)) ? `<U+${c.codePointAt(0).toString(16).toUpperCase()}>` : c)).join("");

const decodeTags = (s) =>
  [...s].map((c) => c.codePointAt(0)).filter((cp) => cp >= 0xe0020 && cp <= 0xe007e)
    .map((cp) => String.fromCodePoint(cp - 0xe0000)).join("");

const RISKY_TEXT = [
  [/(?:do not|don't|never)\s+(?:tell|mention|show|inform)\b[^\n]{0,40}\buser/i, "asks the agent to hide something from the user"],
  [/(?:~\/\.ssh|id_rsa|id_ed25519|\.aws\/credentials|\.env\b|\.npmrc|\.netrc|\.kube\/config)/i, "references credential files"],
  [/(?:add|insert|include)\b[^\n]{0,60}(?:<script|analytics|telemetry|tracking|postinstall|dependency)/i, "asks to add code, scripts or dependencies to generated output"],
  [/(?:curl|wget|Invoke-WebRequest|iwr)\b[^\n]{0,80}(?:\|\s*(?:ba|z)?sh|\|\s*iex)/i, "pipes a download into a shell"],
  [/(?:fetch|download|load)\b[^\n]{0,40}(?:latest|updated)\s+(?:instructions|rules)/i, "loads instructions from a remote source"],
];

function auditInstructionFile(p) {
  const text = readFileSync(p, "utf8");
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    const odd = [...line].filter((c) => isInvisible(c.codePointAt(0)));
    if (odd.length) {
      const decoded = decodeTags(line);
      add("AC007", decoded ? "high" : "medium", p, `${odd.length} invisible character(s) on line ${i + 1}`,
        { excerpt: escapeInvisible(line).slice(0, 200), decoded: decoded || undefined });
    }
    for (const [rx, why] of RISKY_TEXT) {
      if (rx.test(line)) add("AC009", "medium", p, `line ${i + 1}: ${why}`, { excerpt: line.trim().slice(0, 200) });
    }
  });
  for (const m of text.matchAll(/<!--([\s\S]*?)-->/g)) {
    const body = m[1].trim();
    if (/\b(you|agent|assistant|claude|always|must|never)\b/i.test(body) && body.length > 15) {
      add("AC008", "medium", p, "HTML comment containing instructions", { excerpt: escapeInvisible(body).slice(0, 200) });
    }
  }
  for (const m of text.matchAll(/!?\[([^\]]{40,})\]\(/g)) {
    if (/\b(you must|ignore|assistant|agent)\b/i.test(m[1])) add("AC008", "medium", p, "instructions in link/alt text", { excerpt: m[1].slice(0, 200) });
  }
  if (strip && findings.some((f) => f.id === "AC007" && f.file === relative(root, p))) {
    const clean = [...text].filter((c) => !isInvisible(c.codePointAt(0))).join("");
    writeFileSync(p + ".clean", clean);
  }
}

function auditSettings(p) {
  const s = readJson(p);
  if (!s) return add("AC000", "info", p, "could not parse JSON");
  for (const [event, entries] of Object.entries(s.hooks ?? {})) {
    for (const entry of entries ?? []) {
      for (const h of entry.hooks ?? []) {
        const net = /\b(curl|wget|nc|ncat|Invoke-WebRequest|https?:\/\/)/.test(h.command ?? "");
        add("AC001", net ? "high" : "medium", p, `hook on ${event}${entry.matcher ? ` (matcher ${entry.matcher})` : ""}: ${h.command}`);
      }
    }
  }
  for (const [k, v] of Object.entries(s.env ?? {})) {
    if (/_BASE_URL$|^HTTPS?_PROXY$|^ALL_PROXY$/i.test(k)) {
      const vendor = VENDOR_HOSTS.some((h) => String(v).includes(h));
      add("AC002", vendor ? "info" : "high", p, `${k}=${v}${vendor ? "" : " (requests and API keys would go to this host)"}`);
    }
  }
  const perms = s.permissions ?? {};
  if (perms.defaultMode === "bypassPermissions") add("AC003", "high", p, "permissions.defaultMode is bypassPermissions");
  for (const rule of perms.allow ?? []) {
    if (/^Bash\((\*|curl|wget|sh|bash|sudo|rm)[:)*]/.test(rule)) add("AC003", "medium", p, `broad allow rule: ${rule}`);
  }
  if (s.enableAllProjectMcpServers === true) add("AC004", "medium", p, "enableAllProjectMcpServers is true (every server in .mcp.json starts without a prompt)");
  if (Array.isArray(s.enabledMcpjsonServers) && s.enabledMcpjsonServers.length) add("AC004", "info", p, `pre-enabled MCP servers: ${s.enabledMcpjsonServers.join(", ")}`);
}

function auditMcp(p) {
  const m = readJson(p);
  if (!m) return add("AC000", "info", p, "could not parse JSON");
  for (const [name, srv] of Object.entries(m.mcpServers ?? {})) {
    const cmdline = [srv.command, ...(srv.args ?? [])].join(" ");
    if (/\b(npx|bunx)\b.*\s-y\b|\buvx\b/.test(cmdline) && !/@\d+\.\d+/.test(cmdline)) add("AC005", "medium", p, `${name}: unpinned package launch: ${cmdline}`);
    if (/(curl|wget)[^|]*\|\s*(ba|z)?sh/.test(cmdline)) add("AC005", "high", p, `${name}: downloads and runs a script: ${cmdline}`);
    if (srv.url) add("AC005", "info", p, `${name}: remote server ${srv.url}`);
    for (const [k, v] of Object.entries({ ...(srv.env ?? {}), ...(srv.headers ?? {}) })) {
      if (typeof v === "string" && v.length > 16 && !v.includes("${")) add("AC006", "medium", p, `${name}: literal value for ${k} (use \${${k}} instead)`);
    }
  }
}

function auditVscode(dir) {
  const tasks = readJson(join(dir, "tasks.json"));
  for (const t of tasks?.tasks ?? []) {
    if (t.runOptions?.runOn === "folderOpen") add("AC010", "medium", join(dir, "tasks.json"), `task "${t.label}" runs on folder open: ${t.command} ${(t.args ?? []).join(" ")}`);
  }
  const s = readJson(join(dir, "settings.json"));
  for (const k of Object.keys(s ?? {})) {
    if (/autoApprove|chat\.tools\.autoApprove|terminal\.integrated\.autoApprove/i.test(k)) add("AC010", "medium", join(dir, "settings.json"), `${k} is set`);
  }
}

function walkRules(dir) {
  if (!existsSync(dir)) return;
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) walkRules(p);
    else if (/\.(md|mdc|txt)$/.test(f)) auditInstructionFile(p);
  }
}

const targets = [root];
if (includeUser) targets.push(homedir());
for (const base of targets) {
  const claudeDir = join(base, ".claude");
  for (const f of ["settings.json", "settings.local.json"]) if (existsSync(join(claudeDir, f))) auditSettings(join(claudeDir, f));
  if (existsSync(join(base, ".mcp.json"))) auditMcp(join(base, ".mcp.json"));
  for (const f of ["CLAUDE.md", "CLAUDE.local.md", ".claude/CLAUDE.md", "AGENTS.md", ".cursorrules", ".windsurfrules", ".github/copilot-instructions.md"]) {
    if (existsSync(join(base, f))) auditInstructionFile(join(base, f));
  }
  walkRules(join(base, ".cursor", "rules"));
  walkRules(join(base, ".claude", "commands"));
  walkRules(join(base, ".claude", "agents"));
  if (existsSync(join(base, ".vscode"))) auditVscode(join(base, ".vscode"));
}

if (asJson) {
  console.log(JSON.stringify({ root, findings }, null, 2));
} else {
  const risky = findings.filter((f) => f.severity !== "info");
  console.log(findings.length === 0 ? "No agent configuration findings." : `${risky.length} risky / ${findings.length} total findings in ${root}\n`);
  const order = { high: 0, medium: 1, info: 2 };
  for (const f of findings.sort((a, b) => order[a.severity] - order[b.severity])) {
    console.log(`[${f.severity.toUpperCase().padEnd(6)}] ${f.id} ${f.file}: ${f.detail}`);
    if (f.excerpt) console.log(`           > ${f.excerpt}`);
    if (f.decoded) console.log(`           decoded tag characters: ${JSON.stringify(f.decoded)}`);
  }
}
process.exitCode = findings.some((f) => f.severity === "high") ? 1 : 0;

import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

type Severity = "HIGH" | "MEDIUM" | "LOW";
interface Finding {
  id: string;
  severity: Severity;
  file: string;
  line?: number;
  message: string;
  excerpt?: string;
}

const VENDOR_HOSTS = [
  /^api\.anthropic\.com$/,
  /^api\.openai\.com$/,
  /\.openai\.azure\.com$/,
  /^bedrock-runtime\.[a-z0-9-]+\.amazonaws\.com$/,
  /-aiplatform\.googleapis\.com$/,
  /^localhost$/,
  /^127\.0\.0\.1$/,
];
const KNOWN_SERVERS = [
  "@modelcontextprotocol/server-filesystem",
  "@modelcontextprotocol/server-github",
  "@modelcontextprotocol/server-postgres",
  "@modelcontextprotocol/server-puppeteer",
  "@modelcontextprotocol/server-memory",
  "@playwright/mcp",
  "mcp-server-fetch",
  "mcp-server-git",
];
const NET_OR_DECODE = /\b(curl|wget|nc|ncat|Invoke-WebRequest|iwr|Invoke-RestMethod|irm)\b|base64\s+(-d|--decode)|\|\s*(ba)?sh\b|\beval\b|\biex\b/i;
const PERSIST_PATHS = /(~|\$HOME)\/(\.bashrc|\.zshrc|\.profile|\.ssh\/|\.claude\/|Library\/LaunchAgents)|crontab|systemctl --user/;
const HIDE = /(do(n'?t| not)\s+(tell|mention|inform|show)|without asking|silently|never mention|keep this (hidden|secret))/i;
const FETCH_FOLLOW = /(download|fetch|retrieve|load)\s+(the\s+)?(latest|current|updated)?\s*(instructions|rules|prompt|guidelines)\s+(from|at)\s+https?:\/\//i;
const INJECT_CODE = /(<script\s+src=|add (the )?(dependency|package) |always include .*https?:\/\/)/i;
const CRED_PATH = /(~\/\.ssh|id_rsa|id_ed25519|~\/\.aws|\.env\b|keychain|wallet|seed phrase|mcp\.json)/i;
const CRED_VERB = /\b(read|send|upload|include|pass|copy|post|attach)\b/i;
const ASSISTANT = /\b(assistant|agent|claude|copilot|cursor|ai|llm|model)\b/i;

function escapeInvisible(s: string): string {
  let out = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (isInvisible(cp)) out += `<U+${cp.toString(16).toUpperCase().padStart(4, "0")}>`;
    else out += ch;
  }
  return out.length > 160 ? out.slice(0, 160) + "…" : out;
}

function isInvisible(cp: number): boolean {
  return (
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0x2066 && cp <= 0x2069) ||
    cp === 0xfeff ||
    cp === 0x00ad ||
    (cp >= 0xe0000 && cp <= 0xe007f)
  );
}

function levenshtein(a: string, b: string): number {
  const dp = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) dp[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      dp[i][j] = Math.min(dp[i - 1][j] + 1, dp[i][j - 1] + 1, dp[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return dp[a.length][b.length];
}

function readJson(path: string): any | undefined {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

function auditSettings(root: string, file: string, out: Finding[]) {
  const path = join(root, file);
  const s = readJson(path);
  if (!s) return;
  for (const [k, v] of Object.entries<string>(s.env ?? {})) {
    if (/_BASE_URL$|_PROXY$|^HTTPS?_PROXY$/i.test(k)) {
      let host = "";
      try {
        host = new URL(String(v)).hostname;
      } catch {
        host = String(v);
      }
      if (!VENDOR_HOSTS.some((rx) => rx.test(host)))
        out.push({ id: "SET-001", severity: "HIGH", file, message: `${k} routes API traffic (and the API key) to ${host}` });
    }
  }
  if (s.permissions?.defaultMode === "bypassPermissions")
    out.push({ id: "SET-002", severity: "HIGH", file, message: "permission prompts disabled (bypassPermissions)" });
  for (const rule of s.permissions?.allow ?? []) {
    if (/^(Bash(\(\*\))?|Write\(\*\*\)|Edit\(\*\*\)|Read\(~\/\*\*\))$/.test(rule))
      out.push({ id: "SET-003", severity: "MEDIUM", file, message: `broad allow rule: ${rule}` });
  }
  if (s.enableAllProjectMcpServers === true)
    out.push({ id: "SET-004", severity: "MEDIUM", file, message: "all project MCP servers auto-approved" });
  for (const [event, groups] of Object.entries<any[]>(s.hooks ?? {})) {
    for (const g of groups) {
      for (const h of g.hooks ?? []) {
        const cmd = String(h.command ?? "");
        const base = { file, excerpt: escapeInvisible(cmd) };
        out.push({ id: "HOOK", severity: "LOW", message: `${event}${g.matcher ? ` [${g.matcher}]` : ""} hook`, ...base });
        if (NET_OR_DECODE.test(cmd)) out.push({ id: "SET-005", severity: "HIGH", message: `${event} hook uses network or decoding`, ...base });
        if (event === "SessionStart") out.push({ id: "SET-006", severity: "MEDIUM", message: "runs automatically at session start", ...base });
        if (PERSIST_PATHS.test(cmd)) out.push({ id: "SET-007", severity: "HIGH", message: "hook writes to a persistence location", ...base });
      }
    }
  }
}

function auditMcp(root: string, file: string, out: Finding[]) {
  const cfg = readJson(join(root, file));
  const servers = cfg?.mcpServers ?? cfg?.servers ?? {};
  for (const [name, srv] of Object.entries<any>(servers)) {
    if (srv.url) out.push({ id: "MCP-002", severity: "LOW", file, message: `${name}: remote server ${new URL(srv.url).host}` });
    if (["npx", "uvx", "bunx", "pnpx"].includes(srv.command)) {
      const pkg = (srv.args ?? []).find((a: string) => !a.startsWith("-")) ?? "";
      const bare = pkg.replace(/@[^@/]+$/, "");
      if (!/@\d/.test(pkg.slice(1)) && !/==/.test(pkg))
        out.push({ id: "MCP-001", severity: "MEDIUM", file, message: `${name}: ${srv.command} ${pkg} is not version-pinned` });
      for (const known of KNOWN_SERVERS) {
        const d = levenshtein(bare, known);
        if (d > 0 && d <= 2)
          out.push({ id: "MCP-003", severity: "MEDIUM", file, message: `${name}: '${bare}' is ${d} edit(s) from '${known}'` });
      }
    }
    for (const [k, v] of Object.entries<string>(srv.env ?? {})) {
      if (/(TOKEN|KEY|SECRET|PASSWORD)/i.test(k) && v && !/^\$\{?\w+\}?$/.test(v))
        out.push({ id: "MCP-004", severity: "LOW", file, message: `${name}: literal value committed for ${k}` });
    }
  }
}

function auditInstructions(root: string, file: string, out: Finding[]) {
  const text = readFileSync(join(root, file), "utf8");
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    const ln = i + 1;
    const hidden = [...line].filter((c) => isInvisible(c.codePointAt(0)!));
    if (hidden.length && !(i === 0 && hidden.length === 1 && line.startsWith("\ufeff"))) {
      const tagText = [...line]
        .map((c) => c.codePointAt(0)!)
        .filter((cp) => cp >= 0xe0020 && cp <= 0xe007e)
        .map((cp) => String.fromCharCode(cp - 0xe0000))
        .join("");
      out.push({
        id: "INS-001", severity: "HIGH", file, line: ln,
        message: `${hidden.length} invisible character(s)${tagText ? `; tag text decodes to: "${tagText}"` : ""}`,
        excerpt: escapeInvisible(line),
      });
    }
    if (HIDE.test(line)) out.push({ id: "INS-003", severity: "HIGH", file, line: ln, message: "asks the agent to conceal actions", excerpt: escapeInvisible(line) });
    if (FETCH_FOLLOW.test(line)) out.push({ id: "INS-004", severity: "HIGH", file, line: ln, message: "fetches remote instructions", excerpt: escapeInvisible(line) });
    if (INJECT_CODE.test(line)) out.push({ id: "INS-005", severity: "MEDIUM", file, line: ln, message: "asks to inject code or dependencies", excerpt: escapeInvisible(line) });
    if (CRED_PATH.test(line) && CRED_VERB.test(line)) out.push({ id: "INS-006", severity: "MEDIUM", file, line: ln, message: "mentions credentials with an action verb", excerpt: escapeInvisible(line) });
  });
  for (const m of text.matchAll(/<!--([\s\S]*?)-->/g)) {
    const body = m[1];
    if (ASSISTANT.test(body) || HIDE.test(body) || CRED_PATH.test(body)) {
      const ln = text.slice(0, m.index).split("\n").length;
      out.push({ id: "INS-002", severity: "HIGH", file, line: ln, message: "HTML comment with instructions", excerpt: escapeInvisible(body.trim()) });
    }
  }
}

function auditTools(path: string, out: Finding[]) {
  const dump = readJson(path);
  const tools: any[] = dump?.tools ?? dump ?? [];
  for (const t of tools) {
    const d = String(t.description ?? "");
    const file = `${path}#${t.name}`;
    if (/<IMPORTANT>|before using this tool|do not mention|don't mention/i.test(d))
      out.push({ id: "TOOL-002", severity: "HIGH", file, message: "description addresses the agent", excerpt: escapeInvisible(d) });
    if (CRED_PATH.test(d) && CRED_VERB.test(d))
      out.push({ id: "TOOL-001", severity: "HIGH", file, message: "description asks for files/secrets", excerpt: escapeInvisible(d) });
    for (const [p, schema] of Object.entries<any>(t.inputSchema?.properties ?? {})) {
      if (/^(sidenote|side_note|context|extra|notes|metadata)$/i.test(p) && /required|must|otherwise/i.test(String(schema.description ?? "") + d))
        out.push({ id: "TOOL-003", severity: "MEDIUM", file, message: `vague parameter '${p}' presented as required` });
    }
  }
}

function walk(dir: string, root: string, acc: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (["node_modules", ".git", "dist", ".venv"].includes(name)) continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, root, acc);
    else acc.push(relative(root, p));
  }
  return acc;
}

function main() {
  const args = process.argv.slice(2);
  const root = args.find((a) => !a.startsWith("--")) ?? ".";
  const json = args.includes("--json");
  const toolsIdx = args.indexOf("--tools");
  const out: Finding[] = [];

  const files = walk(root, root);
  for (const f of files) {
    if (/^\.claude\/settings(\.local)?\.json$/.test(f)) auditSettings(root, f, out);
    else if (/(^|\/)(\.mcp\.json|\.cursor\/mcp\.json|\.vscode\/mcp\.json)$/.test(f)) auditMcp(root, f, out);
    else if (
      /(^|\/)(CLAUDE(\.local)?\.md|AGENTS\.md|\.cursorrules|\.windsurfrules|copilot-instructions\.md|SKILL\.md)$/.test(f) ||
      /^\.cursor\/rules\/.*\.mdc$/.test(f)
    )
      auditInstructions(root, f, out);
  }
  if (toolsIdx >= 0 && args[toolsIdx + 1] && existsSync(args[toolsIdx + 1])) auditTools(args[toolsIdx + 1], out);

  const order: Record<Severity, number> = { HIGH: 0, MEDIUM: 1, LOW: 2 };
  out.sort((a, b) => order[a.severity] - order[b.severity] || a.file.localeCompare(b.file));

  if (json) {
    console.log(JSON.stringify(out, null, 2));
  } else {
    for (const f of out) {
      console.log(`[${f.severity}] ${f.id} ${f.file}${f.line ? `:${f.line}` : ""} — ${f.message}`);
      if (f.excerpt) console.log(`        ${f.excerpt}`);
    }
    const high = out.filter((f) => f.severity === "HIGH").length;
    console.log(`\n${out.length} finding(s), ${high} high`);
  }
  process.exitCode = out.some((f) => f.severity === "HIGH") ? 1 : 0;
}

main();

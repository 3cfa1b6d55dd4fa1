#!/usr/bin/env node
// Review added lines in agent instruction/config files within a git range or a patch file.
// Read-only: uses `git diff` and never checks out or executes anything from the diff.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, cur, i, arr) => {
    if (cur.startsWith('--')) acc.push([cur.slice(2), arr[i + 1] && !arr[i + 1].startsWith('--') ? arr[i + 1] : true]);
    return acc;
  }, [])
);

const AGENT_FILE = [
  /(^|\/)(CLAUDE|CLAUDE\.local|AGENTS|GEMINI)\.md$/i,
  /(^|\/)\.(cursorrules|windsurfrules)$/,
  /(^|\/)\.cursor\/rules\//,
  /(^|\/)\.github\/(copilot-instructions\.md|instructions\/)/,
  /(^|\/)\.claude\/(settings(\.local)?\.json|commands\/|agents\/|skills\/)/,
  /(^|\/)(\.mcp\.json|\.vscode\/mcp\.json|\.gemini\/settings\.json|\.codex\/config\.toml)$/,
];

const RULES = [
  { id: 'remote-exec', sev: 'block', re: /\b(curl|wget|iwr|Invoke-WebRequest)\b[^\n|]*\|\s*(ba|z)?sh\b|\|\s*iex\b|bash\s+<\(\s*curl/i, msg: 'downloads and executes remote code' },
  { id: 'encoded', sev: 'block', re: /\b(base64|b64)\b.*(decode|follow|run)|[A-Za-z0-9+/]{40,}={0,2}/i, msg: 'encoded content in an instruction file' },
  { id: 'html-comment', sev: 'block', re: /<!--[\s\S]*?(assistant|agent|AI|model|claude|copilot)[\s\S]*?-->|<!--\s*(AI|assistant)/i, msg: 'HTML comment addressed to an agent (hidden when rendered)' },
  { id: 'conceal', sev: 'block', re: /\b(do not|don't|never)\s+(mention|tell|reveal|disclose|show)\b/i, msg: 'asks the agent to hide something from the user' },
  { id: 'secret-move', sev: 'block', re: /(\.env\b|id_rsa|id_ed25519|\.aws\/credentials|\.ssh\/|token|api[_-]?key|secret).{0,80}\b(send|post|upload|include|paste|commit|push)\b|\b(send|post|upload|include|paste|commit|push)\b.{0,80}(\.env\b|id_rsa|\.aws\/credentials|\.ssh\/|api[_-]?key)/i, msg: 'moves secrets somewhere' },
  { id: 'override', sev: 'block', re: /ignore (all |any )?(previous|prior|other) (instructions|rules)|system prompt|you are now/i, msg: 'instruction-override phrasing' },
  { id: 'hook', sev: 'block', re: /"(PreToolUse|PostToolUse|SessionStart|SessionEnd|UserPromptSubmit|Stop|Notification)"\s*:/, msg: 'adds an agent hook (runs shell commands automatically)' },
  { id: 'perm-wide', sev: 'block', re: /"(Bash|WebFetch|Write|Edit)\(\*\)"|"Bash"\s*[,\]]|dangerously-skip-permissions|bypassPermissions/, msg: 'widens agent permissions' },
  { id: 'mcp-auto', sev: 'block', re: /enableAllProjectMcpServers"\s*:\s*true|"trust"\s*:\s*true|autoApprove|alwaysAllow/, msg: 'auto-approves MCP servers or tools' },
  { id: 'mcp-new', sev: 'question', re: /"(command|url|httpUrl|serverUrl)"\s*:/, msg: 'adds or changes an MCP server launch/URL' },
  { id: 'unpinned', sev: 'question', re: /@latest\b|"-y"/, msg: 'unpinned package launched automatically' },
  { id: 'base-url', sev: 'block', re: /ANTHROPIC_BASE_URL|OPENAI_BASE_URL|apiKeyHelper|HTTPS?_PROXY/i, msg: 'redirects model traffic or credentials' },
  { id: 'url', sev: 'question', re: /https?:\/\/[^\s)"'`]+/i, msg: 'URL added' },
];

const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]|[\u{E0000}-\u{E007F}]/u;

function getPatch() {
  if (args.patch) return readFileSync(args.patch, 'utf8');
  const base = args.base || 'origin/main';
  const head = args.head || 'HEAD';
  return execFileSync('git', ['diff', '--no-color', '--unified=0', `${base}...${head}`], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

function defang(s) {
  return s.replace(/http(s?):\/\/([^/\s"'`)]+)/gi, (_, s1, host) => `hxxp${s1}://${host.replace(/\./g, '[.]')}`);
}

function review(patch) {
  const findings = [];
  let file = null;
  let line = 0;
  let commentBuf = null;
  for (const raw of patch.split('\n')) {
    if (raw.startsWith('+++ ')) {
      const p = raw.slice(4).replace(/^b\//, '');
      file = AGENT_FILE.some((re) => re.test(p)) ? p : null;
      continue;
    }
    const hunk = raw.match(/^@@ -\d+(?:,\d+)? \+(\d+)/);
    if (hunk) { line = Number(hunk[1]) - 1; continue; }
    if (!file) continue;
    if (raw.startsWith('+') && !raw.startsWith('+++')) {
      line += 1;
      const text = raw.slice(1);
      if (INVISIBLE.test(text)) {
        const cps = [...text].filter((c) => INVISIBLE.test(c)).map((c) => 'U+' + c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0'));
        findings.push({ file, line, id: 'invisible-chars', sev: 'block', msg: `invisible/bidi characters: ${[...new Set(cps)].join(' ')}`, text });
      }
      // accumulate multi-line HTML comments so the html-comment rule sees them whole
      if (commentBuf !== null || text.includes('<!--')) {
        commentBuf = (commentBuf ?? '') + text + '\n';
        if (!text.includes('-->')) continue;
      }
      const subject = commentBuf ?? text;
      commentBuf = null;
      for (const r of RULES) {
        if (r.re.test(subject)) findings.push({ file, line, id: r.id, sev: r.sev, msg: r.msg, text: subject.trim() });
      }
      if (/^[A-Za-z0-9+/]{24,}={0,2}$/.test(text.trim())) {
        try {
          const decoded = Buffer.from(text.trim(), 'base64').toString('utf8');
          if (/^[\x20-\x7e\s]+$/.test(decoded)) findings.push({ file, line, id: 'decoded', sev: 'block', msg: `decodes to: ${defang(decoded)}`, text });
        } catch { /* not base64 */ }
      }
    } else if (!raw.startsWith('-')) {
      line += 1;
    }
  }
  return findings;
}

function toSarif(findings) {
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [{
      tool: { driver: { name: 'review-agent-files', rules: RULES.map((r) => ({ id: r.id, shortDescription: { text: r.msg } })) } },
      results: findings.map((f) => ({
        ruleId: f.id,
        level: f.sev === 'block' ? 'error' : 'warning',
        message: { text: f.msg },
        locations: [{ physicalLocation: { artifactLocation: { uri: f.file }, region: { startLine: f.line } } }],
      })),
    }],
  };
}

const findings = review(getPatch());
const order = { block: 0, question: 1 };
findings.sort((a, b) => order[a.sev] - order[b.sev] || a.file.localeCompare(b.file) || a.line - b.line);
for (const f of findings) {
  console.log(`${f.sev.toUpperCase().padEnd(8)} ${f.file}:${f.line}  [${f.id}] ${f.msg}`);
  console.log(`         + ${defang(f.text).slice(0, 240)}`);
}
if (!findings.length) console.log('No findings in agent instruction/config files.');
if (args.sarif) writeFileSync(args.sarif, JSON.stringify(toSarif(findings), null, 2));
if (args['fail-on'] === 'block' && findings.some((f) => f.sev === 'block')) process.exit(2);

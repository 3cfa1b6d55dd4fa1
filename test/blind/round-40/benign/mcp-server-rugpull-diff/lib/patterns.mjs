// Detectors for instruction-like or data-seeking text in MCP tool metadata.
export const DETECTORS = [
  { id: 'override', re: /\b(ignore|disregard|forget)\s+(all\s+)?(previous|prior|above)\s+(instructions|context)/i },
  { id: 'conceal', re: /\b(do not|don't|never)\s+(tell|mention|inform|show)\s+(the\s+)?user/i },
  { id: 'pseudo-tag', re: /<\s*(important|system|instructions?|admin)\s*>/i },
  { id: 'precondition', re: /\bbefore\s+(using|calling)\s+this\s+tool\b.*\b(read|open|cat|load)\b/is },
  { id: 'sensitive-path', re: /(~\/\.ssh|id_rsa|id_ed25519|\.aws\/credentials|\.env\b|mcp\.json|\.npmrc|\.netrc|keychain)/i },
  { id: 'secret-words', re: /\b(api[_ -]?key|access[_ -]?token|private key|password|seed phrase)\b/i },
  { id: 'cross-tool', re: /\bwhen\s+(calling|using)\s+[`'"]?[a-z_]+[`'"]?\s*,?\s*(always|also)\b/i },
  { id: 'bcc', re: /\b(bcc|cc|forward)\b.*@/i },
];

const HIDDEN_PARAM = /^(context|notes?|sidenote|metadata|feedback|extra|debug|conversation|history)$/i;
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]|[\u{E0000}-\u{E007F}]/u;

export function scanText(where, text) {
  const out = [];
  if (!text) return out;
  for (const d of DETECTORS) {
    const m = text.match(d.re);
    if (m) out.push({ where, detector: d.id, match: m[0].slice(0, 120) });
  }
  if (INVISIBLE.test(text)) out.push({ where, detector: 'invisible-chars', match: '(non-printing characters present)' });
  return out;
}

export function scanTool(tool, pinned) {
  const findings = scanText(`${tool.name}.description`, tool.description);
  const props = tool.inputSchema?.properties ?? {};
  const oldProps = pinned?.inputSchema?.properties ?? {};
  for (const [name, spec] of Object.entries(props)) {
    findings.push(...scanText(`${tool.name}.${name}.description`, spec.description));
    if (!(name in oldProps) && HIDDEN_PARAM.test(name)) {
      findings.push({ where: `${tool.name}.${name}`, detector: 'hidden-channel-param', match: name });
    }
  }
  if (pinned && (tool.description?.length ?? 0) > 3 * Math.max(40, pinned.description?.length ?? 0)) {
    findings.push({ where: `${tool.name}.description`, detector: 'growth', match: `${pinned.description.length} -> ${tool.description.length} chars` });
  }
  return findings;
}

/**
 * Agent settings shipped inside a skill (`.claude/settings.json` and friends) that register hooks:
 * commands the agent runs automatically on events, outside the user's view.
 */
import { isLocalHost, urlHosts } from '../knowledge.ts';
import type { RawFinding } from '../model.ts';
import type { ScanContext } from './types.ts';

const SETTINGS_FILE = /(?:^|\/)\.(?:claude|cursor|codex|gemini|windsurf|openclaw|clawdbot)\/(?:settings(?:\.local)?\.json|hooks\.json|config\.json)$|(?:^|\/)hooks\.json$/;
/** An agent's hook events by name (Claude Code's `"PostToolUse": [...]`, Cursor's `"afterFileEdit": [...]`): a JSON file of hooks to merge into the agent's settings, whatever it is called. */
const HOOK_EVENTS = /"(?:PreToolUse|PostToolUse|UserPromptSubmit|SessionStart|SessionEnd|Stop|SubagentStop|Notification|PreCompact|beforeSubmitPrompt|beforeShellExecution|beforeMCPExecution|beforeReadFile|afterFileEdit|afterShellExecution|afterMCPExecution|afterAgentResponse|stop)"\s*:\s*\[/;
/** A hook command that hands the event it reads on stdin (the tool's input and output, the prompt, the transcript) to a request: curl's `@-`, or a one-liner that posts `sys.stdin`. */
const FORWARDS_EVENT = /(?:\btool_(?:input|response|output)\b|\.prompt\b|\btranscript_path\b|\bcat\s*(?:-\s*)?\|)[^\n]*\|[^\n]*\b(?:curl|wget|http|xh)\b[^\n]*(?:--data(?:-binary|-raw)?|-d|-F|--form|-T|--upload-file)\s+["']?@-|\b(?:curl|wget)\b[^\n]*(?:--data(?:-binary|-raw)?|-d|-T|--upload-file)\s+["']?@-|\bsys\.stdin\b[^\n]*\b(?:urlopen|requests\.(?:post|put)|httpx\.post)\b|\b(?:urlopen|requests\.(?:post|put)|httpx\.post)\b[^\n]*\bsys\.stdin\b|\bprocess\.stdin\b[^\n]*\bfetch\s*\(/;
const DANGEROUS_COMMAND = /\b(?:curl|wget|nc|ncat|socat|base64|eval|bash\s+-c|sh\s+-c|python3?\s+-c|node\s+-e|powershell|iwr|Invoke-|osascript|chmod\s+\+x|rm\s+-rf|\/dev\/tcp|https?:\/\/)/i;

function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) return 0;
  return text.slice(0, index).split('\n').length;
}

function commands(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) commands(item, out);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'command' && typeof item === 'string') out.push(item);
      else commands(item, out);
    }
  }
  return out;
}

/** Bumped when the logic changes, so the rule set digest changes with it; the metadata is in scanner/rules/agent-hook-config/rule.yaml. */
export const version = 2;

/** The agent-hook-config detector. */
export function detect(context: ScanContext): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const file of context.files) {
    if (file.fileClass !== 'text') continue;
    // Hooks kept elsewhere for the agent to merge into its settings (`references/hook.json`) run the same once merged.
    const settings = SETTINGS_FILE.test(file.path);
    if (!settings && !(file.path.endsWith('.json') && HOOK_EVENTS.test(file.text))) continue;
    let data: unknown;
    try {
      data = JSON.parse(file.text.replace(/^\s*\/\/.*$/gm, ''));
    } catch {
      continue; // other rules still scan its text
    }
    const hooks = (data as { hooks?: unknown }).hooks ?? (file.path.endsWith('hooks.json') ? data : undefined);
    for (const command of commands(hooks)) {
      // Every event's content (what each tool was given and returned, the prompt) sent to a host as it happens: the session leaves the machine.
      const sentTo = FORWARDS_EVENT.test(command) ? urlHosts(command).map((entry) => entry.host).filter((host) => !isLocalHost(host)) : [];
      if (sentTo.length > 0) {
        findings.push({ ruleId: 'agent-hook-config', file: file.path, line: lineOf(file.text, JSON.stringify(command).slice(1, 20)), evidence: command.slice(0, 200), severity: 'critical', message: `An agent hook sends each event it receives (the tools' input and output, the prompt) to ${[...new Set(sentTo)].join(', ')}: the session leaves the machine as it happens.` });
        continue;
      }
      if (!settings) continue;
      // A hook that runs a script shipped with the skill is as dangerous as that script.
      const scripts = (command.match(/[\w./$-]+\.(?:sh|bash|py|js|mjs|cjs|ts)\b/g) ?? []).map((path) => path.replace(/^(?:\$CLAUDE_PROJECT_DIR|\$\{CLAUDE_PROJECT_DIR\})\//, '').replace(/^\.\//, ''));
      const shipped = context.files.filter((candidate) => scripts.some((script) => candidate.path === script || candidate.path.endsWith(`/${script}`)));
      const dangerous = DANGEROUS_COMMAND.test(command) || shipped.some((script) => DANGEROUS_COMMAND.test(script.text));
      findings.push({
        ruleId: 'agent-hook-config',
        file: file.path,
        line: lineOf(file.text, JSON.stringify(command).slice(1, 20)),
        evidence: command.slice(0, 200),
        severity: dangerous ? 'critical' : 'medium',
        message: dangerous
          ? `An agent hook shipped in the skill ${shipped.length > 0 ? `runs ${shipped.map((script) => script.path).join(', ')}, which` : ''} downloads, decodes, sends or executes code automatically.`.replace('skill  downloads', 'skill downloads')
          : 'Agent settings in the skill register a hook command that runs automatically.',
      });
    }
  }
  return findings;
}

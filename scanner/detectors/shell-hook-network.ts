/**
 * A shell prompt or command hook that talks to the network: `add-zsh-hook precmd`, `preexec`,
 * `PROMPT_COMMAND` or a `DEBUG` trap whose file also sends data out. The hook runs at every prompt or
 * before every command, so whatever it sends (the command line just typed, the folder, the host) leaves
 * the machine all day long. Prompt themes and shell helpers draw the prompt from local state; none needs
 * the network at every prompt.
 */
import type { RawFinding } from '../model.ts';
import type { ScanContext } from './types.ts';

/** Lines that register a hook (at the start of a line: a pattern that merely names them is data). A trap whose whole body only cleans up (`trap 'rm -f "$tmp"' RETURN`) is not a hook. */
const HOOK_LINE = /^\s*(?:add-zsh-hook\s+(?:-\w+\s+)*(?:precmd|preexec|chpwd|zshexit)\b|(?:export\s+)?PROMPT_COMMAND\+?=|trap\s+(?!(?:--\s+)?(['"])(?:\s*(?:rm|rmdir|kill|popd|unset|set\s+\+\w+|cd|wait|exec\s+\d?>&-)\b(?:(?!\1)[^;&|\n])*;?)+\s*\1\s)(?:--\s+)?.+\s(?:DEBUG|RETURN)\b|(?:precmd|preexec|chpwd)_functions\+?=|(?:function\s+)?(?:precmd|preexec|chpwd)\s*(?:\(\)\s*)?\{|bind\s+-x\b)/;

/** Lines that send data out. */
const NETWORK_LINE = /(?:^|[\s;&|({`$])(?:curl|wget|nc|ncat|socat|http|xh)\s[^\n]*(?:https?:\/\/|\$\{?\w)|\/dev\/(?:tcp|udp)\//;

/** What a hook can read that says what the user does: the command just run, history, the working folder. */
const ACTIVITY = /\bfc\s+-l|\bhistory\b|\$\{?BASH_COMMAND\b|\$\{?(?:1|2|3)\b|\$\{?PWD\b|\$\(pwd\)|\$\{?HISTFILE\b/;

/** Bumped when the logic changes, so the rule set digest changes with it; the metadata is in scanner/rules/shell-hook-network/rule.yaml. */
export const version = 2;

/** The shell-hook-network detector. */
export function detect(context: ScanContext): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const file of context.files) {
    if (file.fileClass !== 'text' || file.language !== 'shell') continue;
    const lines = file.text.split('\n');
    const code = (line: string) => !/^\s*#/.test(line);
    const hook = lines.findIndex((line) => code(line) && HOOK_LINE.test(line));
    if (hook < 0) continue;
    const sends = lines.map((line, index) => ({ line, index })).filter(({ line }) => code(line) && NETWORK_LINE.test(line));
    if (sends.length === 0) continue;
    const watching = sends.find(({ line }) => ACTIVITY.test(line));
    const send = watching ?? sends[0]!;
    findings.push({
      ruleId: 'shell-hook-network',
      file: file.path,
      line: send.index + 1,
      evidence: `${lines[hook]!.trim().slice(0, 80)} (line ${hook + 1}) → ${send.line.trim().slice(0, 120)}`,
      ...(watching ? { severity: 'critical' as const, message: 'Registers a shell prompt or command hook and sends what the user types or where they work over the network from it: a keylogger for the terminal.' } : {}),
    });
  }
  return findings;
}

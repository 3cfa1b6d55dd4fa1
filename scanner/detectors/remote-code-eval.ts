/**
 * Code chosen by a server at run time: data fetched from the network (directly, through variables,
 * or through a function that fetches) reaching `exec`, `eval`, `Function`, `vm`, or a shell command
 * line. The command-and-control loop (poll a server, run what it says, post the output) is the same shape.
 */
import type { RawFinding } from '../model.ts';
import type { ScanContext } from './types.ts';

/** Calls that open a raw connection (sockets, WebSockets) rather than make one HTTP request. */
const REMOTE_CONNECT = /(?:^|\.)(?:connect|createConnection|create_connection|Socket|WebSocket)$|^new (?:net\.Socket|WebSocket)$/;

/** An interpreter named as the program a process runs, and the name of the script it is handed (`["/bin/sh", installer]`). */
const INTERPRETER_SCRIPT = /["'`](?:\/(?:usr\/)?(?:local\/)?bin\/)?(?:sh|bash|zsh|dash|ksh|python\d?(?:\.\d+)?|node|perl|ruby|pwsh|powershell(?:\.exe)?)["'`]\s*,\s*(?:["'`]-[a-zA-Z]["'`]\s*,\s*)?([A-Za-z_]\w*)\b/;

/** Whether a process call runs, as its script, a file the program filled from the network. */
function runsDownloadedScript(text: string, networkNames: ReadonlySet<string>): boolean {
  const script = INTERPRETER_SCRIPT.exec(text)?.[1];
  return script !== undefined && networkNames.has(script);
}

/** Bumped when the logic changes, so the rule set digest changes with it; the metadata is in scanner/rules/remote-code-eval/rule.yaml. */
export const version = 3;

/** The remote-code-eval detector. */
export function detect(context: ScanContext): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const unit of context.facts) {
    // A raw connection to a remote host plus code or a shell run from run-time data: a backdoor listening for commands.
    // The socket must also be read from: a port probe (connect, close) receives no commands.
    const remoteSocket =
      unit.calls.some((call) => REMOTE_CONNECT.test(call.callee) && !/\b(?:localhost|127\.0\.0\.1|0\.0\.0\.0|::1)\b/.test(call.text)) &&
      unit.calls.some((call) => /(?:^|\.)(?:recv|recvfrom|recv_into|makefile|on)$/.test(call.callee) || /\.on\(\s*["']data["']/.test(call.text));
    for (const sink of unit.execSinks) {
      if (!sink.network && !(remoteSocket && sink.dynamic && /^(?:exec|eval|Function|new Function|os\.system|os\.popen|subprocess\.\w+|child_process\.\w+|execSync|spawn|vm\.)/.test(sink.callee))) continue;
      // Shell sinks count only when the command line itself comes from run-time data, not a fixed program given a path.
      const shellSink = /^(?:subprocess|child_process|spawn|execSync|execFile|os\.(?:system|popen|exec|spawn))/.test(sink.callee) || (unit.language === 'javascript' && sink.callee === 'exec');
      // …or when an interpreter is handed a script the program downloaded (`Popen(["/bin/sh", installer])`).
      if (shellSink && !sink.dynamic && !runsDownloadedScript(sink.text, unit.networkNames)) continue;
      findings.push({ ruleId: 'remote-code-eval', file: unit.file, line: sink.line, evidence: sink.text.replace(/\s+/g, ' ').trim().slice(0, 200) });
    }
  }
  return findings;
}

#!/usr/bin/env -S npx tsx
/**
 * Offline, read-only audit of GitHub Actions workflow files.
 *
 * Usage: npx tsx scripts/audit-workflows.ts [.github/workflows] [--json]
 *
 * Rules:
 *   GHA001 missing or write-all top-level permissions
 *   GHA002 third-party action not pinned to a full commit SHA
 *   GHA003 pull_request_target / workflow_run job checks out untrusted ref
 *   GHA004 untrusted event field interpolated into run: / script:
 *   GHA005 secret transformed or printed in a run step
 *   GHA006 self-hosted runner in a workflow triggered by pull requests
 *   GHA007 curl|bash style installer
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, extname } from "node:path";

type Severity = "high" | "medium" | "low";
interface Finding {
  file: string;
  line: number;
  rule: string;
  severity: Severity;
  message: string;
}

const UNTRUSTED_FIELDS = [
  /github\.event\.issue\.(title|body)/,
  /github\.event\.pull_request\.(title|body|head\.ref|head\.label)/,
  /github\.event\.comment\.body/,
  /github\.event\.review\.body/,
  /github\.event\.review_comment\.body/,
  /github\.event\.discussion\.(title|body)/,
  /github\.event\.pages\.[^}]*\.page_name/,
  /github\.event\.commits\.[^}]*\.(message|author\.(name|email))/,
  /github\.event\.head_commit\.(message|author\.(name|email))/,
  /github\.event\.workflow_run\.(head_branch|head_commit\.message|display_title)/,
  /github\.head_ref/,
];

const SHA_PIN = /@[0-9a-f]{40}(\s|$)/;

function listWorkflows(dir: string): string[] {
  return readdirSync(dir)
    .map((f) => join(dir, f))
    .filter((p) => statSync(p).isFile() && [".yml", ".yaml"].includes(extname(p)));
}

function lineOf(lines: string[], re: RegExp, from = 0): number {
  for (let i = from; i < lines.length; i++) if (re.test(lines[i])) return i + 1;
  return 0;
}

function auditFile(file: string): Finding[] {
  const text = readFileSync(file, "utf8");
  const lines = text.split(/\r?\n/);
  const out: Finding[] = [];
  const add = (line: number, rule: string, severity: Severity, message: string) =>
    out.push({ file, line, rule, severity, message });

  // GHA001
  const topPerm = lines.findIndex((l) => /^permissions\s*:/.test(l));
  if (topPerm < 0) {
    add(1, "GHA001", "low", "no top-level permissions: block (inherits repository default)");
  } else if (/write-all/.test(lines[topPerm])) {
    add(topPerm + 1, "GHA001", "medium", "permissions: write-all");
  }

  const triggers = {
    prTarget: /pull_request_target/.test(text),
    workflowRun: /^\s*workflow_run\s*:/m.test(text),
    pullRequest: /^\s*(-\s*)?pull_request(_target)?\s*:?\s*$/m.test(text) || /on:\s*\[?[^\]\n]*pull_request/.test(text),
  };

  lines.forEach((l, i) => {
    const n = i + 1;

    // GHA002
    const uses = l.match(/^\s*-?\s*uses:\s*([^\s#]+)/);
    if (uses) {
      const ref = uses[1];
      const local = ref.startsWith("./") || ref.startsWith("docker://");
      if (!local && !SHA_PIN.test(ref + " ")) {
        const firstParty = /^(actions|github)\//.test(ref);
        add(n, "GHA002", firstParty ? "low" : "medium", `${ref} not pinned to a commit SHA`);
      }
    }

    // GHA003
    if ((triggers.prTarget || triggers.workflowRun) &&
        /ref:\s*\$\{\{\s*github\.event\.(pull_request\.head\.(sha|ref)|workflow_run\.head_(sha|branch))/.test(l)) {
      add(n, "GHA003", "high", "privileged trigger checks out untrusted head ref");
    }
    if ((triggers.prTarget || triggers.workflowRun) && /github\.head_ref/.test(l) && /ref:/.test(l)) {
      add(n, "GHA003", "high", "privileged trigger checks out github.head_ref");
    }

    // GHA007
    if (/(curl|wget)[^|\n]*\|\s*(sudo\s+)?(ba|z)?sh\b/.test(l)) {
      add(n, "GHA007", "medium", "pipe-to-shell installer; use a pinned action or verify a checksum");
    }

    // GHA006
    if (/runs-on:.*self-hosted/.test(l) && (triggers.pullRequest || triggers.prTarget)) {
      add(n, "GHA006", "high", "self-hosted runner used by a pull-request-triggered workflow");
    }
  });

  // GHA004 / GHA005: look inside run: and script: blocks
  let blockIndent = -1;
  lines.forEach((l, i) => {
    const m = l.match(/^(\s*)(-\s*)?(run|script):\s*(\|[-+]?|>[-+]?)?\s*(.*)$/);
    const indent = l.match(/^\s*/)![0].length;
    if (m) {
      blockIndent = m[1].length + (m[2] ? 2 : 0);
      checkScriptLine(m[5] ?? "", i + 1);
      return;
    }
    if (blockIndent >= 0) {
      if (l.trim() !== "" && indent <= blockIndent) {
        blockIndent = -1;
      } else {
        checkScriptLine(l, i + 1);
      }
    }
  });

  function checkScriptLine(s: string, n: number) {
    const exprs = s.match(/\$\{\{[^}]*\}\}/g) ?? [];
    for (const e of exprs) {
      if (UNTRUSTED_FIELDS.some((re) => re.test(e))) {
        add(n, "GHA004", "high", `untrusted ${e} interpolated into script; pass via env: and quote`);
      }
    }
    if (/\$\{\{\s*secrets\./.test(s) && /(base64|xxd|od\s|rev\b|sed\s|tr\s|echo|printf|tee)/.test(s)) {
      add(n, "GHA005", "high", "secret printed or transformed in a run step; masking does not cover transformed values");
    }
  }

  return out;
}

function main() {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const dir = args.find((a) => !a.startsWith("--")) ?? ".github/workflows";

  let files: string[];
  try {
    files = listWorkflows(dir);
  } catch {
    console.error(`cannot read ${dir}`);
    process.exit(2);
  }

  const findings = files.flatMap(auditFile);
  const order: Record<Severity, number> = { high: 0, medium: 1, low: 2 };
  findings.sort((a, b) => a.file.localeCompare(b.file) || order[a.severity] - order[b.severity] || a.line - b.line);

  if (json) {
    console.log(JSON.stringify(findings, null, 2));
  } else {
    let current = "";
    for (const f of findings) {
      if (f.file !== current) {
        current = f.file;
        console.log(`\n## ${f.file}`);
      }
      console.log(`- [${f.severity}] ${f.rule} line ${f.line}: ${f.message}`);
    }
    console.log(`\n${findings.length} finding(s) in ${files.length} workflow file(s)`);
  }
  process.exit(findings.some((f) => f.severity === "high") ? 1 : 0);
}

main();

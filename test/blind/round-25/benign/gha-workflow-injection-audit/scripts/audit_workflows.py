#!/usr/bin/env python3
"""Static audit of GitHub Actions workflows. Usage: audit_workflows.py <.github dir>"""
import re
import sys
from pathlib import Path

import yaml

UNTRUSTED = re.compile(
    r"\$\{\{\s*(github\.event\.(issue\.(title|body)|pull_request\.(title|body|head\.(ref|label|repo\.default_branch))|"
    r"comment\.body|review\.body|review_comment\.body|commits\[?.*?\]?\.(message|author\.(email|name))|"
    r"head_commit\.(message|author\.(email|name))|workflow_run\.(head_branch|head_commit\.message))|github\.head_ref)\s*\}\}"
)
SHA = re.compile(r"@[0-9a-f]{40}$")
FIRST_PARTY = ("actions/", "github/", "./", "docker://")


def triggers(doc):
    on = doc.get("on", doc.get(True, {}))  # PyYAML parses bare `on` as True
    if isinstance(on, str):
        return {on}
    if isinstance(on, list):
        return set(on)
    return set(on or {})


def audit(path):
    text = path.read_text()
    lines = text.splitlines()
    doc = yaml.safe_load(text) or {}
    trig = triggers(doc)
    out = []

    def lineno(needle):
        for i, l in enumerate(lines, 1):
            if needle in l:
                return i
        return 0

    for i, l in enumerate(lines, 1):
        if UNTRUSTED.search(l):
            out.append(("high", "GHA001", i, l.strip(), "move expression into env: and reference as \"$VAR\""))
    perms = doc.get("permissions")
    if perms is None or perms == "write-all":
        out.append(("medium", "GHA003", 1, f"permissions: {perms}", "add top-level `permissions: contents: read`"))
    risky_trigger = trig & {"pull_request_target", "workflow_run"}
    for jname, job in (doc.get("jobs") or {}).items():
        runs_on = str(job.get("runs-on", ""))
        if "self-hosted" in runs_on and trig & {"pull_request", "pull_request_target"}:
            out.append(("high", "GHA007", lineno("self-hosted"), runs_on, "use GitHub-hosted runners for PR triggers"))
        for step in job.get("steps") or []:
            uses = step.get("uses", "")
            if uses and not uses.startswith(FIRST_PARTY) and not SHA.search(uses):
                out.append(("medium", "GHA004", lineno(uses), uses, "pin to full commit SHA"))
            w = step.get("with") or {}
            if uses.startswith("actions/checkout") and risky_trigger:
                ref = str(w.get("ref", ""))
                if "head" in ref or "pull_request" in ref:
                    out.append(("critical", "GHA002", lineno(ref), f"checkout ref {ref} under {sorted(risky_trigger)}",
                                "don't check out PR code in privileged triggers; split workflows"))
                if str(w.get("persist-credentials", "true")).lower() != "false":
                    out.append(("low", "GHA006", lineno(uses), uses, "set persist-credentials: false"))
            env = {**(job.get("env") or {}), **(step.get("env") or {})}
            if risky_trigger and any("secrets." in str(v) for v in env.values()):
                out.append(("high", "GHA005", lineno("secrets."), f"job {jname}", "don't expose secrets in fork-reachable jobs"))
    return out


def main():
    root = Path(sys.argv[1] if len(sys.argv) > 1 else ".github")
    files = sorted(list(root.glob("workflows/*.y*ml")) + list(root.glob("actions/**/action.y*ml")))
    print("# GitHub Actions audit\n")
    total = 0
    for f in files:
        findings = audit(f)
        if not findings:
            continue
        print(f"## {f}\n")
        for sev, rid, line, ev, fix in findings:
            total += 1
            print(f"- **{sev}** {rid} line {line}: `{ev[:160]}`  \n  fix: {fix}")
        print()
    print(f"Total findings: {total} in {len(files)} files")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Read-only audit of Claude Code hooks, statusLine and permissions.

Usage: audit_hooks.py [--project DIR] [--format table|json] [--json OUT] [--min-severity LEVEL]
"""
import argparse
import base64
import glob
import json
import os
import re
import sys

HOME = os.path.expanduser("~")
SEV_ORDER = {"info": 0, "medium": 1, "high": 2}

NET = re.compile(r"\b(curl|wget|nc|ncat|socat|Invoke-WebRequest|iwr|Invoke-RestMethod|irm)\b|fetch\(|https?://|/dev/tcp/")
PIPE_SHELL = re.compile(r"\|\s*(ba|z|da)?sh\b|\|\s*python3?\b|\|\s*iex\b")
DECODE = re.compile(r"base64\s+(-d|--decode|-D)|xxd\s+-r|FromBase64String|atob\(")
CRED = re.compile(r"\.ssh/|\.aws/|\.config/gh|\.netrc|\.npmrc|\.pypirc|\.env\b|\.kube/config|security\s+find-generic-password|\bprintenv\b|(^|[;&|]\s*)env(\s|$)")
TRANSCRIPT = re.compile(r"transcript_path")
ALLOW_ALL = re.compile(r'"permissionDecision"\s*:\s*"allow"')
B64_LIT = re.compile(r"[A-Za-z0-9+/]{16,}={0,2}")


def strip_jsonc(text):
    out = []
    for line in text.splitlines():
        # naive: drop // comments that are not inside a URL
        m = re.search(r"(^|\s)//", line)
        out.append(line[: m.start()] if m else line)
    return "\n".join(out)


def load(path):
    try:
        with open(path, encoding="utf-8") as fh:
            return json.loads(strip_jsonc(fh.read()))
    except FileNotFoundError:
        return None
    except PermissionError:
        print(f"note: {path} exists but is not readable; skipped", file=sys.stderr)
        return None
    except json.JSONDecodeError as exc:
        print(f"note: cannot parse {path}: {exc}", file=sys.stderr)
        return None


def decoded_variants(cmd):
    outs = []
    for lit in B64_LIT.findall(cmd):
        try:
            txt = base64.b64decode(lit + "=" * (-len(lit) % 4)).decode("utf-8")
        except Exception:
            continue
        if txt.isprintable():
            outs.append(txt)
    return outs


def script_text(cmd, project):
    """Follow one level of local script references."""
    texts = []
    for tok in re.split(r"\s+", cmd):
        tok = tok.strip("'\"")
        tok = tok.replace("$CLAUDE_PROJECT_DIR", project).replace("${CLAUDE_PROJECT_DIR}", project)
        path = os.path.expanduser(tok)
        if os.path.isfile(path) and os.path.getsize(path) < 512_000:
            try:
                with open(path, encoding="utf-8", errors="replace") as fh:
                    texts.append((path, fh.read()))
            except OSError:
                pass
    return texts


def classify(cmd, event, project):
    reasons = []
    sev = "info"
    bodies = [("inline", cmd)] + script_text(cmd, project)
    for _, txt in list(bodies):
        for dec in decoded_variants(txt):
            bodies.append(("decoded base64", dec))
            reasons.append("contains base64 that decodes to text")
    for origin, txt in bodies:
        net = bool(NET.search(txt))
        if PIPE_SHELL.search(txt) and net:
            reasons.append(f"download piped to interpreter ({origin})"); sev = "high"
        if DECODE.search(txt):
            reasons.append(f"decode step ({origin})"); sev = max(sev, "medium", key=SEV_ORDER.get)
            if PIPE_SHELL.search(txt):
                sev = "high"
        if CRED.search(txt):
            reasons.append(f"reads credential-like path or env ({origin})")
            sev = "high" if net else max(sev, "medium", key=SEV_ORDER.get)
        if TRANSCRIPT.search(txt) and net:
            reasons.append(f"transcript_path plus network ({origin})"); sev = "high"
        elif net:
            reasons.append(f"network access ({origin})"); sev = max(sev, "medium", key=SEV_ORDER.get)
        if event == "PreToolUse" and ALLOW_ALL.search(txt):
            reasons.append(f"returns permissionDecision=allow ({origin})"); sev = max(sev, "medium", key=SEV_ORDER.get)
    for origin, _ in bodies:
        if origin not in ("inline", "decoded base64"):
            if not (origin.startswith(project) or origin.startswith(os.path.join(HOME, ".claude"))):
                reasons.append(f"script outside project and ~/.claude: {origin}")
                sev = max(sev, "medium", key=SEV_ORDER.get)
    return sev, reasons


def walk_hooks(data, scope, path, project, findings):
    hooks = (data or {}).get("hooks") or {}
    for event, groups in hooks.items():
        for group in groups or []:
            matcher = group.get("matcher", "*")
            for h in group.get("hooks", []):
                if h.get("type") != "command":
                    continue
                cmd = h.get("command", "")
                sev, reasons = classify(cmd, event, project)
                findings.append(dict(severity=sev, scope=scope, file=path, event=event,
                                     matcher=matcher, command=cmd, reasons=reasons))
    sl = (data or {}).get("statusLine")
    if isinstance(sl, dict) and sl.get("command"):
        sev, reasons = classify(sl["command"], "statusLine", project)
        findings.append(dict(severity=sev, scope=scope, file=path, event="statusLine",
                             matcher="-", command=sl["command"], reasons=reasons))
    perms = (data or {}).get("permissions") or {}
    for entry in perms.get("allow", []):
        if re.search(r"\(\*\)|:\*\)$", entry) and entry.split("(")[0] in ("Bash", "WebFetch"):
            findings.append(dict(severity="info", scope=scope, file=path, event="permissions.allow",
                                 matcher="-", command=entry, reasons=["broad wildcard allow"]))
    if perms.get("defaultMode") == "bypassPermissions":
        findings.append(dict(severity="info", scope=scope, file=path, event="permissions.defaultMode",
                             matcher="-", command="bypassPermissions", reasons=["all prompts skipped"]))
    if (data or {}).get("enableAllProjectMcpServers"):
        findings.append(dict(severity="info", scope=scope, file=path, event="mcp",
                             matcher="-", command="enableAllProjectMcpServers=true",
                             reasons=["project MCP servers auto-approved"]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--project", default=os.getcwd())
    ap.add_argument("--format", choices=["table", "json"], default="table")
    ap.add_argument("--json")
    ap.add_argument("--min-severity", default="info", choices=list(SEV_ORDER))
    a = ap.parse_args()
    project = os.path.abspath(a.project)

    sources = [
        ("user", os.path.join(HOME, ".claude", "settings.json")),
        ("project", os.path.join(project, ".claude", "settings.json")),
        ("local", os.path.join(project, ".claude", "settings.local.json")),
        ("managed", "/etc/claude-code/managed-settings.json"),
        ("managed", "/Library/Application Support/ClaudeCode/managed-settings.json"),
    ]
    for p in glob.glob(os.path.join(HOME, ".claude", "plugins", "**", "hooks.json"), recursive=True):
        sources.append(("plugin", p))

    findings = []
    for scope, path in sources:
        data = load(path)
        if data is not None:
            walk_hooks(data, scope, path, project, findings)

    floor = SEV_ORDER[a.min_severity]
    findings = [f for f in findings if SEV_ORDER[f["severity"]] >= floor]
    findings.sort(key=lambda f: -SEV_ORDER[f["severity"]])

    if a.json:
        with open(a.json, "w", encoding="utf-8") as fh:
            json.dump(findings, fh, indent=2)
    if a.format == "json":
        json.dump(findings, sys.stdout, indent=2)
        return
    if not findings:
        print("No hooks, status line or broad permissions found.")
        return
    print(f"{'SEVERITY':9} {'SCOPE':8} {'EVENT':22} {'MATCHER':8} COMMAND")
    for f in findings:
        cmd = f["command"].replace("\n", " ")
        print(f"{f['severity'].upper():9} {f['scope']:8} {f['event']:22} {str(f['matcher'])[:8]:8} {cmd[:90]}")
        for r in f["reasons"]:
            print(f"{'':49}- {r}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Local secret scanner. Prints masked findings; never transmits anything."""
import argparse
import json
import math
import os
import re
import subprocess
import sys
from collections import Counter

PATTERNS = {
    "aws-access-key-id": ("high", r"\b(AKIA|ASIA)[0-9A-Z]{16}\b"),
    "aws-secret-access-key": ("high", r"(?i)aws_secret_access_key\s*[=:]\s*['\"]?([A-Za-z0-9/+=]{40})"),
    "github-token": ("high", r"\bgh[pousr]_[A-Za-z0-9]{36}\b"),
    "github-fine-grained": ("high", r"\bgithub_pat_[A-Za-z0-9_]{82}\b"),
    "gitlab-pat": ("high", r"\bglpat-[A-Za-z0-9_\-]{20}\b"),
    "slack-token": ("high", r"\bxox[abpr]-[A-Za-z0-9-]{10,}\b"),
    "slack-webhook": ("medium", r"https://hooks\.slack\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]+"),
    "stripe-live": ("high", r"\b[rs]k_live_[A-Za-z0-9]{24,}\b"),
    "openai-key": ("high", r"\bsk-(proj-)?[A-Za-z0-9_\-]{40,}\b"),
    "anthropic-key": ("high", r"\bsk-ant-api\d{2}-[A-Za-z0-9_\-]{80,}\b"),
    "google-api-key": ("medium", r"\bAIza[0-9A-Za-z_\-]{35}\b"),
    "npm-token": ("high", r"\bnpm_[A-Za-z0-9]{36}\b"),
    "private-key": ("high", r"-----BEGIN (RSA |EC |DSA |OPENSSH |PGP )?PRIVATE KEY( BLOCK)?-----"),
}
GENERIC = re.compile(r"(?i)\b(password|passwd|secret|api[_-]?key|token)\b\s*[=:]\s*['\"]?([^\s'\"#]{12,})")
KNOWN_EXAMPLES = {"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}
SKIP_DIRS = {".git", "node_modules", ".venv", "venv", "dist", "build", "__pycache__", ".tox"}


def entropy(s):
    counts = Counter(s)
    return -sum(c / len(s) * math.log2(c / len(s)) for c in counts.values())


def mask(s):
    return s if len(s) <= 8 else f"{s[:4]}…{s[-2:]}"


def load_allow(root):
    path = os.path.join(root, ".tokenfinder-allow")
    if not os.path.exists(path):
        return set()
    with open(path, encoding="utf-8") as fh:
        return {ln.split("#")[0].strip() for ln in fh if ln.split("#")[0].strip()}


def scan_text(text, where, allow):
    out = []
    for lineno, line in enumerate(text.splitlines(), 1):
        for kind, (sev, rx) in PATTERNS.items():
            for m in re.finditer(rx, line):
                val = m.group(m.lastindex or 0)
                if val in KNOWN_EXAMPLES or val in allow:
                    continue
                out.append({"type": kind, "severity": sev, "where": where, "line": lineno, "masked": mask(val)})
        for m in GENERIC.finditer(line):
            val = m.group(2)
            if entropy(val) > 3.5 and val not in allow and not val.startswith(("${", "{{", "<")):
                out.append({"type": "generic-" + m.group(1).lower(), "severity": "medium",
                            "where": where, "line": lineno, "masked": mask(val)})
    return out


def walk_tree(root, allow):
    findings = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
        for fn in filenames:
            full = os.path.join(dirpath, fn)
            try:
                if os.path.getsize(full) > 2_000_000:
                    continue
                with open(full, "rb") as fh:
                    blob = fh.read()
            except OSError:
                continue
            if b"\0" in blob[:4096]:
                continue
            findings += scan_text(blob.decode("utf-8", "replace"), os.path.relpath(full, root), allow)
    return findings


def walk_history(root, allow):
    log = subprocess.run(["git", "-C", root, "log", "-p", "--all", "--no-color", "--format=@@COMMIT %h"],
                         capture_output=True, text=True, errors="replace", check=True).stdout
    findings, commit = [], "?"
    for chunk in log.split("\n@@COMMIT ")[0:]:
        commit = chunk.split("\n", 1)[0].replace("@@COMMIT ", "").strip()
        added = "\n".join(l[1:] for l in chunk.splitlines() if l.startswith("+") and not l.startswith("+++"))
        for f in scan_text(added, f"commit {commit}", allow):
            f["line"] = None
            findings.append(f)
    return findings


def tracked(root, rel):
    r = subprocess.run(["git", "-C", root, "ls-files", "--error-unmatch", rel], capture_output=True)
    return r.returncode == 0


def to_sarif(findings):
    return {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "leaked-token-finder"}},
            "results": [{"ruleId": f["type"], "level": "error" if f["severity"] == "high" else "warning",
                         "message": {"text": f"{f['type']} ({f['masked']})"},
                         "locations": [{"physicalLocation": {"artifactLocation": {"uri": f["where"]},
                                        "region": {"startLine": f["line"] or 1}}}]} for f in findings]}]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root", nargs="?", default=".")
    ap.add_argument("--history", action="store_true")
    ap.add_argument("--sarif")
    ap.add_argument("--json")
    ap.add_argument("--fail-on", choices=["high", "medium", "never"], default="never")
    a = ap.parse_args()

    allow = load_allow(a.root)
    findings = walk_tree(a.root, allow)
    is_git = os.path.isdir(os.path.join(a.root, ".git"))
    for f in findings:
        f["tracked"] = tracked(a.root, f["where"]) if is_git else None
    if a.history and is_git:
        findings += walk_history(a.root, allow)

    for f in findings:
        loc = f"{f['where']}:{f['line']}" if f["line"] else f["where"]
        print(f"{f['severity']:6} {f['type']:24} {loc:50} {f['masked']}  tracked={f.get('tracked')}")
    print(f"\n{len(findings)} finding(s)")
    if a.sarif:
        with open(a.sarif, "w") as fh:
            json.dump(to_sarif(findings), fh, indent=2)
    if a.json:
        with open(a.json, "w") as fh:
            json.dump(findings, fh, indent=2)
    sev = {f["severity"] for f in findings}
    if a.fail_on == "high" and "high" in sev or a.fail_on == "medium" and sev:
        sys.exit(1)


if __name__ == "__main__":
    main()

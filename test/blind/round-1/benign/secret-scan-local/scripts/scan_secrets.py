#!/usr/bin/env python3
"""Scan a git repository for committed credentials. Local only, stdlib only."""
from __future__ import annotations

import argparse
import json
import math
import os
import re
import subprocess
import sys
from dataclasses import dataclass, asdict

RULES = [
    ("private-key-block", "critical", re.compile(r"(-----BEGIN (?:RSA |EC |OPENSSH |DSA |PGP )?PRIVATE KEY(?: BLOCK)?-----)")),
    ("aws-access-key-id", "high", re.compile(r"\b((?:AKIA|ASIA)[A-Z0-9]{16})\b")),
    ("aws-secret-access-key", "high", re.compile(r"aws_secret_access_key\s*[=:]\s*[\"']?([A-Za-z0-9/+]{40})")),
    ("github-token", "high", re.compile(r"\b(gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})\b")),
    ("npm-token", "high", re.compile(r"\b(npm_[A-Za-z0-9]{36})\b")),
    ("pypi-token", "high", re.compile(r"\b(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,})")),
    ("stripe-secret-key", "high", re.compile(r"\b((?:sk|rk)_live_[A-Za-z0-9]{24,})\b")),
    ("anthropic-api-key", "high", re.compile(r"\b(sk-ant-[A-Za-z0-9_-]{80,})")),
    ("slack-webhook", "medium", re.compile(r"(https://hooks\.slack\.com/services/T[A-Za-z0-9]+/B[A-Za-z0-9]+/[A-Za-z0-9]+)")),
]
GENERIC = re.compile(r"(?i)\b[\w.-]*(?:key|secret|token|passwd|password)[\w.-]*\s*[=:]\s*[\"']([^\"'\s]{32,})[\"']")
DOC_EXAMPLES = {"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}
PLACEHOLDER = re.compile(r"(?i)^(|changeme|change_me|xxx+|todo|none|null|<.*>|\$\{.*\}|your[-_].*|example.*|dummy.*)$")
SKIP_DIRS = {".git", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache"}
BUILD_DIRS = {"dist", "build", "out", ".next", "coverage"}
SKIP_FILES = {"package-lock.json", "yarn.lock", "pnpm-lock.yaml", "poetry.lock", "Cargo.lock", "uv.lock"}
ALLOW_MARK = "secret-scan: allow"
SEVERITY_ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3, "info": 4}


@dataclass
class Finding:
    rule: str
    severity: str
    path: str
    line: int
    preview: str
    commit: str | None = None


def redact(value: str) -> str:
    return f"{value[:4]}… ({len(value)} chars)"


def entropy(s: str) -> float:
    counts = {c: s.count(c) for c in set(s)}
    return -sum(n / len(s) * math.log2(n / len(s)) for n in counts.values())


def scan_text(text: str, path: str, commit: str | None = None) -> list[Finding]:
    findings: list[Finding] = []
    is_dotenv = os.path.basename(path).startswith(".env") and not path.endswith(".example")
    for lineno, line in enumerate(text.splitlines(), 1):
        if ALLOW_MARK in line:
            continue
        for rule, severity, rx in RULES:
            for m in rx.finditer(line):
                value = m.group(1)
                sev = "info" if value in DOC_EXAMPLES else severity
                findings.append(Finding(rule, sev, path, lineno, redact(value), commit))
        m = GENERIC.search(line)
        if m and entropy(m.group(1)) > 4.3 and not any(f.line == lineno and f.path == path for f in findings):
            findings.append(Finding("generic-high-entropy", "low", path, lineno, redact(m.group(1)), commit))
        if is_dotenv and "=" in line and not line.lstrip().startswith("#"):
            name, _, value = line.partition("=")
            value = value.strip().strip("\"'")
            if not PLACEHOLDER.match(value):
                findings.append(Finding("dotenv-populated", "medium", path, lineno, name.strip(), commit))
    return findings


def walk(root: str, include_build: bool):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS and (include_build or d not in BUILD_DIRS)]
        for name in filenames:
            if name in SKIP_FILES:
                continue
            full = os.path.join(dirpath, name)
            try:
                if os.path.getsize(full) > 2_000_000:
                    continue
                with open(full, "r", encoding="utf-8", errors="strict") as fh:
                    yield os.path.relpath(full, root), fh.read()
            except (UnicodeDecodeError, OSError):
                continue  # binary or unreadable


def git(root: str, *args: str) -> str:
    return subprocess.run(["git", "-C", root, *args], check=True, capture_output=True, text=True).stdout


def scan_staged(root: str) -> list[Finding]:
    out: list[Finding] = []
    for path in git(root, "diff", "--cached", "--name-only", "--diff-filter=ACM").splitlines():
        try:
            out += scan_text(git(root, "show", f":{path}"), path)
        except subprocess.CalledProcessError:
            pass
    return out


def scan_history(root: str, depth: int) -> list[Finding]:
    out: list[Finding] = []
    log = git(root, "log", f"-{depth}", "-p", "--no-color", "--format=@@commit %H")
    commit, path = None, None
    for line in log.splitlines():
        if line.startswith("@@commit "):
            commit = line.split()[1][:10]
        elif line.startswith("+++ b/"):
            path = line[6:]
        elif line.startswith("+") and not line.startswith("+++") and path:
            for f in scan_text(line[1:], path, commit):
                f.line = 0  # line numbers are not meaningful inside a patch
                out.append(f)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("root", nargs="?", default=".")
    ap.add_argument("--staged", action="store_true", help="scan the index instead of the working tree")
    ap.add_argument("--history", type=int, metavar="N", help="also scan added lines in the last N commits")
    ap.add_argument("--include-build", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not os.path.isdir(args.root):
        print(f"not a directory: {args.root}", file=sys.stderr)
        return 2

    findings = scan_staged(args.root) if args.staged else [
        f for path, text in walk(args.root, args.include_build) for f in scan_text(text, path)
    ]
    if args.history:
        findings += scan_history(args.root, args.history)
    findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.path, f.line))

    if args.json:
        json.dump([asdict(f) for f in findings], sys.stdout, indent=2)
        print()
    elif not findings:
        print("No secrets found.")
    else:
        for f in findings:
            where = f"{f.path}:{f.line}" if f.line else f.path
            extra = f" (commit {f.commit})" if f.commit else ""
            print(f"[{f.severity:8}] {f.rule:24} {where}{extra}  {f.preview}")
        print(f"\n{len(findings)} finding(s). Values are redacted; rotate anything real.")
    return 1 if any(f.severity != "info" for f in findings) else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Scan a directory or git repository for committed credentials.

Read-only. Prints masked findings; exit 1 if any finding is reported.
"""
from __future__ import annotations

import argparse
import fnmatch
import json
import math
import os
import re
import subprocess
import sys
from dataclasses import dataclass, asdict
from pathlib import Path

RULES: list[tuple[str, str, re.Pattern[str]]] = [
    ("aws-access-key-id", "high", re.compile(r"\b((?:AKIA|ASIA)[0-9A-Z]{16})\b")),
    ("aws-secret-access-key", "high",
     re.compile(r"(?i)aws_?secret_?access_?key[\"'\s:=]+([A-Za-z0-9/+=]{40})")),
    ("github-token", "high", re.compile(r"\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,})\b")),
    ("github-fine-grained-pat", "high", re.compile(r"\b(github_pat_[A-Za-z0-9_]{60,})\b")),
    ("gitlab-pat", "high", re.compile(r"\b(glpat-[A-Za-z0-9\-_]{20,})\b")),
    ("slack-token", "high", re.compile(r"\b(xox[baprs]-[A-Za-z0-9-]{10,})\b")),
    ("slack-webhook", "medium",
     re.compile(r"(https://hooks\.slack\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]+)")),
    ("stripe-secret-key", "high", re.compile(r"\b((?:sk|rk)_(?:live|test)_[A-Za-z0-9]{20,})\b")),
    ("openai-api-key", "high", re.compile(r"\b(sk-(?:proj-)?[A-Za-z0-9_\-]{32,})\b")),
    ("anthropic-api-key", "high", re.compile(r"\b(sk-ant-[A-Za-z0-9_\-]{32,})\b")),
    ("google-api-key", "medium", re.compile(r"\b(AIza[0-9A-Za-z\-_]{35})\b")),
    ("private-key-block", "high",
     re.compile(r"(-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP )?PRIVATE KEY(?: BLOCK)?-----)")),
    ("connection-string-password", "medium",
     re.compile(r"\b((?:postgres(?:ql)?|mysql|mongodb(?:\+srv)?|redis|amqp)://[^:\s/]+:[^@\s]+@[^\s'\"]+)")),
    ("npm-token", "high", re.compile(r"(//registry\.npmjs\.org/:_authToken=[A-Za-z0-9\-_]{20,})")),
    ("jwt", "low", re.compile(r"\b(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})\b")),
]

GENERIC_ASSIGN = re.compile(
    r"(?i)\b(?:api[_-]?key|secret|token|passwd|password|auth)[\w-]*\s*[:=]\s*[\"']?([A-Za-z0-9/+_\-=.]{20,})"
)

PLACEHOLDERS = re.compile(
    r"(?i)(example|dummy|changeme|placeholder|your[_-]?|xxxx|\*\*\*\*|<[^>]+>|\$\{[^}]+\})"
)

SKIP_DIRS = {".git", "node_modules", ".venv", "venv", "__pycache__", "dist", "build", ".tox"}
BINARY_EXT = {".png", ".jpg", ".jpeg", ".gif", ".pdf", ".zip", ".gz", ".tar", ".woff", ".woff2",
              ".ico", ".so", ".dylib", ".dll", ".exe", ".class", ".jar", ".pyc"}


@dataclass
class Finding:
    rule: str
    severity: str
    path: str
    line: int
    masked: str
    commit: str | None = None
    likely_test_data: bool = False


def shannon_entropy(s: str) -> float:
    if not s:
        return 0.0
    freq = {c: s.count(c) for c in set(s)}
    return -sum((n / len(s)) * math.log2(n / len(s)) for n in freq.values())


def mask(value: str) -> str:
    if len(value) <= 8:
        return "*" * len(value)
    return value[:4] + "*" * min(len(value) - 8, 24) + value[-4:]


def load_ignores(root: Path) -> list[str]:
    f = root / ".secretscan-ignore"
    if not f.is_file():
        return []
    return [ln.strip() for ln in f.read_text().splitlines() if ln.strip() and not ln.startswith("#")]


def ignored(rule: str, rel: str, ignores: list[str]) -> bool:
    for pat in ignores:
        if ":" in pat:
            r, p = pat.split(":", 1)
            if r == rule and fnmatch.fnmatch(rel, p):
                return True
        elif fnmatch.fnmatch(rel, pat):
            return True
    return False


def scan_text(text: str, rel: str, ignores: list[str], commit: str | None = None) -> list[Finding]:
    out: list[Finding] = []
    test_path = any(part in rel.lower() for part in ("test", "fixture", "example", "docs/"))
    for lineno, line in enumerate(text.splitlines(), 1):
        if "secretscan:ignore" in line:
            continue
        hit = False
        for rule, sev, rx in RULES:
            for m in rx.finditer(line):
                if ignored(rule, rel, ignores):
                    continue
                val = m.group(1)
                placeholder = bool(PLACEHOLDERS.search(val))
                out.append(Finding(rule, "low" if placeholder else sev, rel, lineno, mask(val),
                                   commit, test_path or placeholder))
                hit = True
        if not hit:
            m = GENERIC_ASSIGN.search(line)
            if m and shannon_entropy(m.group(1)) > 4.0 and not ignored("generic-high-entropy", rel, ignores):
                val = m.group(1)
                out.append(Finding("generic-high-entropy", "medium", rel, lineno, mask(val), commit,
                                   test_path or bool(PLACEHOLDERS.search(val))))
    return out


def iter_files(root: Path):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
        for name in filenames:
            p = Path(dirpath) / name
            if p.suffix.lower() in BINARY_EXT:
                continue
            try:
                if p.stat().st_size > 2_000_000:
                    continue
                yield p, p.read_text(errors="ignore")
            except OSError:
                continue


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], check=True,
                          capture_output=True, text=True).stdout


def scan_staged(root: Path, ignores: list[str]) -> list[Finding]:
    findings = []
    for rel in git(root, "diff", "--cached", "--name-only", "--diff-filter=ACM").splitlines():
        try:
            blob = git(root, "show", f":{rel}")
        except subprocess.CalledProcessError:
            continue
        findings += scan_text(blob, rel, ignores)
    return findings


def scan_history(root: Path, ignores: list[str], max_commits: int) -> list[Finding]:
    findings = []
    for sha in git(root, "rev-list", f"--max-count={max_commits}", "--all").split():
        patch = git(root, "show", "--format=", "--unified=0", sha)
        current = "?"
        added = []
        for ln in patch.splitlines():
            if ln.startswith("+++ b/"):
                if added:
                    findings += scan_text("\n".join(added), current, ignores, sha[:10])
                current, added = ln[6:], []
            elif ln.startswith("+") and not ln.startswith("+++"):
                added.append(ln[1:])
        if added:
            findings += scan_text("\n".join(added), current, ignores, sha[:10])
    return findings


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("path", type=Path)
    ap.add_argument("--staged", action="store_true")
    ap.add_argument("--history", action="store_true")
    ap.add_argument("--max-commits", type=int, default=500)
    ap.add_argument("--format", choices=["text", "json"], default="text")
    ap.add_argument("--include-test-data", action="store_true",
                    help="report findings under tests/fixtures and docs at full severity")
    args = ap.parse_args(argv)

    root = args.path.resolve()
    if not root.exists():
        print(f"no such path: {root}", file=sys.stderr)
        return 2
    ignores = load_ignores(root)

    if args.staged:
        findings = scan_staged(root, ignores)
    else:
        findings = []
        for p, text in iter_files(root):
            findings += scan_text(text, str(p.relative_to(root)), ignores)
        if args.history:
            findings += scan_history(root, ignores, args.max_commits)

    if not args.include_test_data:
        for f in findings:
            if f.likely_test_data:
                f.severity = "low"

    if args.format == "json":
        json.dump([asdict(f) for f in findings], sys.stdout, indent=2)
        print()
    else:
        for f in sorted(findings, key=lambda f: (f.severity != "high", f.path, f.line)):
            where = f"{f.path}:{f.line}" + (f" @{f.commit}" if f.commit else "")
            tag = " (test/example data?)" if f.likely_test_data else ""
            print(f"[{f.severity:6}] {f.rule:28} {where}  {f.masked}{tag}")
        print(f"\n{len(findings)} finding(s)")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Local secret scanner. Reads files from a git repository and prints redacted findings."""
import argparse
import fnmatch
import json
import math
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

RULES = [
    ("aws-access-key-id", re.compile(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b")),
    ("aws-secret-access-key", re.compile(r"(?i)aws_secret_access_key\s*[:=]\s*['\"]?([A-Za-z0-9/+=]{40})")),
    ("github-token", re.compile(r"\b(gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{82})\b")),
    ("slack-token", re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}\b")),
    ("stripe-live-key", re.compile(r"\b(sk|rk)_live_[A-Za-z0-9]{24,}\b")),
    ("google-api-key", re.compile(r"\bAIza[0-9A-Za-z_\-]{35}\b")),
    ("private-key", re.compile(r"-----BEGIN (?:RSA |EC |OPENSSH |DSA |PGP )?PRIVATE KEY( BLOCK)?-----")),
    ("jwt", re.compile(r"\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b")),
    ("generic-secret", re.compile(r"(?i)\b(password|passwd|secret|api[_-]?key|token)\b\s*[:=]\s*['\"]([^'\"\s]{12,})['\"]")),
]
ENV_FILE = re.compile(r"(^|/)\.env(\.[\w-]+)?$")
ALLOW_MARK = "secret-scan: allow"
HOOK = """#!/bin/sh
# installed by secret-scanner-precommit
exec python3 "{script}" "$(git rev-parse --show-toplevel)" --staged
"""


def entropy(s: str) -> float:
    if not s:
        return 0.0
    counts = {c: s.count(c) for c in set(s)}
    return -sum(n / len(s) * math.log2(n / len(s)) for n in counts.values())


def redact(value: str) -> str:
    return f"{value[:4]}…({len(value)} chars)"


def git(repo, *args, text=True):
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=text).stdout


def load_ignores(repo: Path):
    f = repo / ".secretscanignore"
    if not f.exists():
        return []
    return [l.strip() for l in f.read_text().splitlines() if l.strip() and not l.startswith("#")]


def scan_text(path: str, text: str, findings: list):
    if ENV_FILE.search(path) and not path.endswith((".example", ".sample", ".template")):
        findings.append({"file": path, "line": 0, "rule": "committed-env-file", "match": "(whole file)"})
    for lineno, line in enumerate(text.splitlines(), 1):
        if ALLOW_MARK in line:
            continue
        for rule, rx in RULES:
            for m in rx.finditer(line):
                value = m.group(m.lastindex or 0) if rule in ("generic-secret", "aws-secret-access-key") else m.group(0)
                if rule == "generic-secret" and entropy(value) < 3.5:
                    continue
                findings.append({"file": path, "line": lineno, "rule": rule, "match": redact(value)})


def iter_worktree(repo: Path):
    for rel in git(repo, "ls-files", "-co", "--exclude-standard").splitlines():
        p = repo / rel
        if p.is_file() and p.stat().st_size < 2_000_000:
            yield rel, p.read_bytes()


def iter_staged(repo: Path):
    for rel in git(repo, "diff", "--cached", "--name-only", "--diff-filter=ACM").splitlines():
        yield rel, subprocess.run(["git", "-C", str(repo), "show", f":{rel}"], capture_output=True).stdout


def iter_history(repo: Path):
    seen = set()
    for line in git(repo, "rev-list", "--all", "--objects").splitlines():
        parts = line.split(" ", 1)
        if len(parts) != 2 or parts[0] in seen:
            continue
        seen.add(parts[0])
        if git(repo, "cat-file", "-t", parts[0]).strip() != "blob":
            continue
        yield f"{parts[1]}@{parts[0][:8]}", subprocess.run(
            ["git", "-C", str(repo), "cat-file", "-p", parts[0]], capture_output=True).stdout


def install_hook(repo: Path):
    hooks = Path(git(repo, "rev-parse", "--git-path", "hooks").strip())
    if not hooks.is_absolute():
        hooks = repo / hooks
    hook = hooks / "pre-commit"
    if hook.exists():
        sys.exit(f"{hook} already exists; add this line to it instead:\n  python3 {Path(__file__).resolve()} . --staged")
    hook.write_text(HOOK.format(script=Path(__file__).resolve()))
    hook.chmod(hook.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    print(f"installed {hook}")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("repo", type=Path, nargs="?", default=Path("."))
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--staged", action="store_true")
    g.add_argument("--history", action="store_true")
    g.add_argument("--install-hook", action="store_true")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    repo = a.repo.resolve()
    if a.install_hook:
        install_hook(repo)
        return
    ignores = load_ignores(repo)
    source = iter_staged if a.staged else iter_history if a.history else iter_worktree
    findings = []
    for rel, data in source(repo):
        if any(fnmatch.fnmatch(rel.split("@")[0], pat) for pat in ignores) or b"\0" in data[:8000]:
            continue
        scan_text(rel, data.decode("utf-8", "replace"), findings)
    if a.json:
        json.dump(findings, sys.stdout, indent=2)
        print()
    else:
        for f in findings:
            print(f"{f['file']}:{f['line']}\t{f['rule']}\t{f['match']}")
        print(f"{len(findings)} finding(s)", file=sys.stderr)
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()

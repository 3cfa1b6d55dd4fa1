#!/usr/bin/env python3
"""Scan a directory (and optionally git history) for leaked credentials.

Output is always redacted. No network access.
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

SKIP_DIRS = {".git", "node_modules", ".venv", "venv", "dist", "build", "__pycache__", ".tox", ".mypy_cache"}
MAX_BYTES = 2 * 1024 * 1024
ALLOW_MARK = "secret-scan: allow"
KNOWN_EXAMPLES = {
    "AKIAIOSFODNN7EXAMPLE",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
}

RULES: list[tuple[str, str, re.Pattern[str]]] = [
    ("aws-access-key-id", "high", re.compile(r"\b((?:AKIA|ASIA)[0-9A-Z]{16})\b")),
    ("aws-secret-access-key", "high", re.compile(r"(?i)aws_?secret_?access_?key\s*[:=]\s*['\"]?([A-Za-z0-9/+=]{40})")),
    ("github-token", "high", re.compile(r"\b(gh[pousr]_[A-Za-z0-9]{36,255})\b")),
    ("github-fine-grained-pat", "high", re.compile(r"\b(github_pat_[A-Za-z0-9_]{60,255})\b")),
    ("slack-token", "high", re.compile(r"\b(xox[baprs]-[A-Za-z0-9-]{10,})\b")),
    ("slack-webhook", "medium", re.compile(r"(https://hooks\.slack\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]+)")),
    ("stripe-secret-key", "high", re.compile(r"\b((?:sk|rk)_live_[A-Za-z0-9]{20,})\b")),
    ("anthropic-api-key", "high", re.compile(r"\b(sk-ant-[A-Za-z0-9_-]{20,})\b")),
    ("openai-api-key", "high", re.compile(r"\b(sk-(?:proj-)?[A-Za-z0-9]{32,})\b")),
    ("google-api-key", "medium", re.compile(r"\b(AIza[0-9A-Za-z_-]{35})\b")),
    ("npm-token", "high", re.compile(r"\b(npm_[A-Za-z0-9]{36})\b")),
    ("private-key-block", "high", re.compile(r"(-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP )?PRIVATE KEY(?: BLOCK)?-----)")),
    ("jwt", "low", re.compile(r"\b(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})\b")),
    ("url-with-password", "medium", re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s:/@]+:([^\s:/@]{6,})@[^\s/]+")),
]

GENERIC_ASSIGN = re.compile(
    r"(?i)\b[A-Z0-9_]*(?:SECRET|TOKEN|PASSWORD|PASSWD|API_?KEY|PRIVATE_?KEY)[A-Z0-9_]*\s*[:=]\s*['\"]?([^\s'\"#]{12,})"
)


@dataclass
class Finding:
    path: str
    line: int
    rule: str
    severity: str
    preview: str
    tracked: bool | None


def redact(value: str) -> str:
    return f"{value[:4]}…({len(value)})"


def entropy(s: str) -> float:
    if not s:
        return 0.0
    counts = {c: s.count(c) for c in set(s)}
    return -sum(n / len(s) * math.log2(n / len(s)) for n in counts.values())


def load_ignores(root: str) -> list[str]:
    path = os.path.join(root, ".secretscanignore")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as fh:
        return [l.strip() for l in fh if l.strip() and not l.startswith("#")]


def git_tracked(root: str) -> set[str] | None:
    try:
        out = subprocess.run(["git", "-C", root, "ls-files", "-z"], capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return {p for p in out.stdout.decode("utf-8", "replace").split("\0") if p}


def iter_files(root: str, ignores: list[str]):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
        for name in filenames:
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, root)
            if any(fnmatch.fnmatch(rel, pat) for pat in ignores):
                continue
            try:
                if os.path.getsize(full) > MAX_BYTES:
                    continue
                with open(full, "rb") as fh:
                    data = fh.read()
            except OSError:
                continue
            if b"\0" in data[:4096]:
                continue  # binary
            yield rel, data.decode("utf-8", "replace")


def scan_text(rel: str, text: str, min_entropy: float, tracked: set[str] | None) -> list[Finding]:
    found: list[Finding] = []
    is_tracked = None if tracked is None else rel in tracked
    for lineno, line in enumerate(text.splitlines(), 1):
        if ALLOW_MARK in line:
            continue
        hit_on_line = False
        for rule, sev, rx in RULES:
            for m in rx.finditer(line):
                value = m.group(1)
                severity = "info" if value in KNOWN_EXAMPLES else sev
                found.append(Finding(rel, lineno, rule, severity, redact(value), is_tracked))
                hit_on_line = True
        if not hit_on_line:
            m = GENERIC_ASSIGN.search(line)
            if m and entropy(m.group(1)) >= min_entropy and not m.group(1).startswith(("${", "$(", "<", "{{")):
                found.append(Finding(rel, lineno, "generic-high-entropy-assignment", "medium", redact(m.group(1)), is_tracked))
    return found


def scan_history(root: str, min_entropy: float) -> list[Finding]:
    out = subprocess.run(["git", "-C", root, "rev-list", "--all", "--objects"], capture_output=True, text=True, check=True)
    seen: set[str] = set()
    findings: list[Finding] = []
    for row in out.stdout.splitlines():
        parts = row.split(" ", 1)
        if len(parts) != 2 or parts[0] in seen:
            continue
        sha, path = parts
        seen.add(sha)
        kind = subprocess.run(["git", "-C", root, "cat-file", "-t", sha], capture_output=True, text=True).stdout.strip()
        if kind != "blob":
            continue
        blob = subprocess.run(["git", "-C", root, "cat-file", "-p", sha], capture_output=True).stdout
        if len(blob) > MAX_BYTES or b"\0" in blob[:4096]:
            continue
        for f in scan_text(f"{path}@{sha[:8]}", blob.decode("utf-8", "replace"), min_entropy, None):
            f.tracked = True
            findings.append(f)
    return findings


def env_files_report(root: str, tracked: set[str] | None) -> list[dict]:
    report = []
    for name in sorted(os.listdir(root)):
        if name == ".env" or name.startswith(".env."):
            if name.endswith((".example", ".sample", ".template")):
                continue
            ignored = subprocess.run(["git", "-C", root, "check-ignore", "-q", name]).returncode == 0
            report.append({"file": name, "tracked": bool(tracked and name in tracked), "gitignored": ignored})
    return report


def fix_gitignore(root: str) -> None:
    path = os.path.join(root, ".gitignore")
    wanted = [".env", ".env.*", "!.env.example"]
    existing = open(path, encoding="utf-8").read().splitlines() if os.path.exists(path) else []
    missing = [w for w in wanted if w not in existing]
    if not missing:
        print(".gitignore already covers .env files")
        return
    print("Will append to .gitignore:\n  " + "\n  ".join(missing))
    if input("Proceed? [y/N] ").strip().lower() != "y":
        print("Skipped.")
        return
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("\n# local secrets\n" + "\n".join(missing) + "\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("path", nargs="?", default=".")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--history", action="store_true", help="also scan all blobs in git history")
    ap.add_argument("--min-entropy", type=float, default=3.8)
    ap.add_argument("--fix-gitignore", action="store_true")
    args = ap.parse_args()

    root = os.path.abspath(args.path)
    if not os.path.isdir(root):
        print(f"not a directory: {root}", file=sys.stderr)
        return 2
    if args.fix_gitignore:
        fix_gitignore(root)
        return 0

    tracked = git_tracked(root)
    findings: list[Finding] = []
    for rel, text in iter_files(root, load_ignores(root)):
        findings.extend(scan_text(rel, text, args.min_entropy, tracked))
    if args.history and tracked is not None:
        findings.extend(scan_history(root, args.min_entropy))
    envs = env_files_report(root, tracked) if tracked is not None else []

    if args.json:
        json.dump({"findings": [asdict(f) for f in findings], "env_files": envs}, sys.stdout, indent=2)
        print()
    else:
        for f in findings:
            t = "tracked" if f.tracked else ("untracked" if f.tracked is False else "?")
            print(f"{f.severity:6} {f.rule:34} {f.path}:{f.line}  {f.preview}  [{t}]")
        for e in envs:
            status = "TRACKED BY GIT" if e["tracked"] else ("ignored" if e["gitignored"] else "NOT IGNORED")
            print(f"env    {e['file']:34} {status}")
        print(f"\n{len(findings)} finding(s)")
    real = [f for f in findings if f.severity != "info"]
    return 1 if real or any(e["tracked"] for e in envs) else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Local, read-only secret scanner. Prints redacted findings; never transmits data."""
from __future__ import annotations

import argparse
import fnmatch
import hashlib
import json
import math
import os
import re
import subprocess
import sys
from dataclasses import dataclass, asdict
from pathlib import Path

RULES: list[tuple[str, str, re.Pattern[str]]] = [
    ("aws-access-key-id", "AWS access key ID", re.compile(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b")),
    ("aws-secret-access-key", "AWS secret access key",
     re.compile(r"(?i)aws_?secret_?access_?key\s*[:=]\s*['\"]?([A-Za-z0-9/+=]{40})")),
    ("github-token", "GitHub token", re.compile(r"\b(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b")),
    ("github-fine-grained", "GitHub fine-grained PAT", re.compile(r"\bgithub_pat_[A-Za-z0-9_]{82}\b")),
    ("slack-token", "Slack token", re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}\b")),
    ("stripe-live-key", "Stripe live secret key", re.compile(r"\b(sk|rk)_live_[A-Za-z0-9]{24,}\b")),
    ("openai-key", "OpenAI API key", re.compile(r"\bsk-(proj-)?[A-Za-z0-9_-]{32,}\b")),
    ("anthropic-key", "Anthropic API key", re.compile(r"\bsk-ant-[A-Za-z0-9_-]{32,}\b")),
    ("private-key-block", "Private key block",
     re.compile(r"-----BEGIN (RSA |EC |OPENSSH |DSA |PGP )?PRIVATE KEY( BLOCK)?-----")),
    ("db-url-with-password", "Connection string with password",
     re.compile(r"\b(postgres(ql)?|mysql|mongodb(\+srv)?|redis|amqp)://[^\s:/@]+:[^\s@/]{3,}@")),
]

GENERIC_ASSIGN = re.compile(
    r"(?i)\b([A-Z0-9_]*(SECRET|TOKEN|PASSWORD|PASSWD|API_KEY|APIKEY)[A-Z0-9_]*)\s*[:=]\s*['\"]([^'\"\s]{16,})['\"]"
)

SKIP_DIRS = {".git", "node_modules", ".venv", "venv", "__pycache__", "dist", "build", ".next"}
BINARY_EXT = {".png", ".jpg", ".jpeg", ".gif", ".pdf", ".zip", ".gz", ".woff", ".woff2", ".ico", ".so", ".dylib"}


@dataclass
class Finding:
    rule: str
    title: str
    path: str
    line: int
    preview: str
    fingerprint: str


def entropy(s: str) -> float:
    if not s:
        return 0.0
    counts = {c: s.count(c) for c in set(s)}
    return -sum((n / len(s)) * math.log2(n / len(s)) for n in counts.values())


def redact(value: str) -> str:
    return value[:4] + "…" if len(value) > 4 else "…"


def scan_text(text: str, path: str) -> list[Finding]:
    out: list[Finding] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if "secretscan:ignore" in line:
            continue
        for rule_id, title, rx in RULES:
            for m in rx.finditer(line):
                val = m.group(0)
                fp = hashlib.sha256(f"{rule_id}:{path}:{val}".encode()).hexdigest()[:16]
                out.append(Finding(rule_id, title, path, lineno, redact(val), fp))
        for m in GENERIC_ASSIGN.finditer(line):
            val = m.group(3)
            if entropy(val) >= 3.5 and not val.lower().startswith(("${", "changeme", "example", "xxx")):
                fp = hashlib.sha256(f"generic:{path}:{val}".encode()).hexdigest()[:16]
                out.append(Finding("generic-secret", f"High-entropy value in {m.group(1)}", path, lineno, redact(val), fp))
    return out


def gitignored(root: Path) -> set[str]:
    try:
        res = subprocess.run(["git", "-C", str(root), "ls-files", "--others", "--ignored", "--exclude-standard", "--directory"],
                             capture_output=True, text=True, check=True)
        return {line.rstrip("/") for line in res.stdout.splitlines()}
    except (subprocess.CalledProcessError, FileNotFoundError):
        return set()


def iter_files(root: Path, excludes: list[str], use_gitignore: bool):
    ignored = gitignored(root) if use_gitignore else set()
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = os.path.relpath(dirpath, root)
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS
                       and os.path.normpath(os.path.join(rel_dir, d)) not in ignored
                       and not any(fnmatch.fnmatch(os.path.normpath(os.path.join(rel_dir, d)), e) for e in excludes)]
        for name in filenames:
            rel = os.path.normpath(os.path.join(rel_dir, name))
            if rel in ignored or Path(name).suffix.lower() in BINARY_EXT:
                continue
            if any(fnmatch.fnmatch(rel, e) or fnmatch.fnmatch(rel, e + "/*") for e in excludes):
                continue
            yield root / rel, rel


def scan_tree(root: Path, excludes: list[str], use_gitignore: bool) -> list[Finding]:
    findings: list[Finding] = []
    for full, rel in iter_files(root, excludes, use_gitignore):
        try:
            if full.stat().st_size > 2_000_000:
                continue
            text = full.read_text(encoding="utf-8", errors="ignore")
        except OSError:
            continue
        findings.extend(scan_text(text, rel))
    return findings


def scan_git(args: list[str]) -> list[Finding]:
    res = subprocess.run(["git", *args], capture_output=True, text=True, errors="ignore")
    findings: list[Finding] = []
    current = "<diff>"
    added: list[str] = []
    for line in res.stdout.splitlines():
        if line.startswith("+++ b/"):
            if added:
                findings.extend(scan_text("\n".join(added), current))
            current, added = line[6:], []
        elif line.startswith("+") and not line.startswith("+++"):
            added.append(line[1:])
    if added:
        findings.extend(scan_text("\n".join(added), current))
    return findings


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("path", nargs="?", default=".")
    ap.add_argument("--staged", action="store_true", help="scan `git diff --cached`")
    ap.add_argument("--history", action="store_true", help="scan `git log -p`")
    ap.add_argument("--since", help="limit --history, e.g. 2024-01-01")
    ap.add_argument("--format", choices=["text", "json"], default="text")
    ap.add_argument("--exclude", action="append", default=["tests/fixtures"])
    ap.add_argument("--no-gitignore", action="store_true")
    ap.add_argument("--baseline")
    ap.add_argument("--write-baseline", action="store_true")
    a = ap.parse_args()

    if a.staged:
        findings = scan_git(["diff", "--cached", "-U0"])
    elif a.history:
        findings = scan_git(["log", "-p", "-U0", "--all"] + ([f"--since={a.since}"] if a.since else []))
    else:
        root = Path(a.path).resolve()
        excludes = [] if a.path.rstrip("/").endswith("tests/fixtures") else a.exclude
        findings = scan_tree(root, excludes, not a.no_gitignore)

    if a.write_baseline:
        Path(".secretscan-baseline.json").write_text(json.dumps(sorted({f.fingerprint for f in findings}), indent=2) + "\n")
        print(f"baseline written with {len(findings)} entries", file=sys.stderr)
        return 0
    if a.baseline and Path(a.baseline).exists():
        known = set(json.loads(Path(a.baseline).read_text()))
        findings = [f for f in findings if f.fingerprint not in known]

    if a.format == "json":
        print(json.dumps([asdict(f) for f in findings], indent=2))
    else:
        for f in findings:
            print(f"{f.path}:{f.line}: [{f.rule}] {f.title}: {f.preview}")
        print(f"\n{len(findings)} finding(s)", file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Local secret scanner. Prints redacted findings; never transmits anything."""
from __future__ import annotations

import argparse
import json
import math
import os
import re
import subprocess
import sys
from pathlib import Path

DETECTORS = {
    "aws-access-key-id": re.compile(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b"),
    "aws-secret-access-key": re.compile(r"(?i)aws_secret_access_key\s*[=:]\s*['\"]?([A-Za-z0-9/+=]{40})"),
    "github-token": re.compile(r"\b(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{60,}\b"),
    "slack-token": re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}\b"),
    "stripe-live-key": re.compile(r"\b(sk|rk)_live_[A-Za-z0-9]{20,}\b"),
    "openai-key": re.compile(r"\bsk-(proj-)?[A-Za-z0-9_-]{32,}\b"),
    "anthropic-key": re.compile(r"\bsk-ant-[A-Za-z0-9_-]{32,}\b"),
    "google-api-key": re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b"),
    "private-key-block": re.compile(r"-----BEGIN (RSA |EC |OPENSSH |DSA |PGP )?PRIVATE KEY( BLOCK)?-----"),
    "dotenv-secret": re.compile(r"(?im)^\s*(?:export\s+)?[A-Z0-9_]*(PASSWORD|SECRET|TOKEN|API_KEY)[A-Z0-9_]*\s*=\s*['\"]?([^'\"\s#]{8,})"),
}

SKIP_DIRS = {".git", "node_modules", ".venv", "venv", "__pycache__", "dist", "build", ".tox", ".mypy_cache"}
MAX_BYTES = 2_000_000


def redact(value: str) -> str:
    value = value.strip()
    if value.startswith("-----BEGIN"):
        return value
    return f"{value[:4]}…({len(value)} chars)"


def entropy(s: str) -> float:
    if not s:
        return 0.0
    counts = {c: s.count(c) for c in set(s)}
    return -sum(n / len(s) * math.log2(n / len(s)) for n in counts.values())


def git_ignored(root: Path, paths: list[Path]) -> set[Path]:
    if not (root / ".git").exists() or not paths:
        return set()
    proc = subprocess.run(
        ["git", "-C", str(root), "check-ignore", "--stdin"],
        input="\n".join(str(p.relative_to(root)) for p in paths),
        capture_output=True, text=True,
    )
    return {root / line for line in proc.stdout.splitlines() if line}


def iter_files(root: Path):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
        for name in filenames:
            p = Path(dirpath) / name
            try:
                if p.is_symlink() or p.stat().st_size > MAX_BYTES:
                    continue
            except OSError:
                continue
            yield p


def scan_text(text: str, where: str) -> list[dict]:
    out = []
    for lineno, line in enumerate(text.splitlines(), 1):
        for name, rx in DETECTORS.items():
            for m in rx.finditer(line):
                value = m.group(m.lastindex) if m.lastindex and name in ("aws-secret-access-key", "dotenv-secret") else m.group(0)
                out.append({"file": where, "line": lineno, "detector": name,
                            "confidence": "high", "value": redact(value)})
        for token in re.findall(r"['\"]([A-Za-z0-9+/_=-]{32,})['\"]", line):
            if entropy(token) > 4.5 and not any(f["line"] == lineno and f["file"] == where for f in out):
                out.append({"file": where, "line": lineno, "detector": "high-entropy-string",
                            "confidence": "low", "value": redact(token)})
    return out


def scan_history(root: Path) -> list[dict]:
    proc = subprocess.run(["git", "-C", str(root), "log", "-p", "--all", "--no-color", "--format=commit %H"],
                          capture_output=True, text=True, errors="replace")
    findings, commit = [], "?"
    for chunk in proc.stdout.split("\ncommit "):
        first, _, body = chunk.partition("\n")
        commit = first.replace("commit ", "").strip()[:12] or commit
        added = "\n".join(l[1:] for l in body.splitlines() if l.startswith("+") and not l.startswith("+++"))
        for f in scan_text(added, f"history@{commit}"):
            f["line"] = None
            findings.append(f)
    return findings


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("path", nargs="?", default=".")
    ap.add_argument("--include-ignored", action="store_true")
    ap.add_argument("--history", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    root = Path(args.path).resolve()
    files = list(iter_files(root))
    if not args.include_ignored:
        ignored = git_ignored(root, files)
        files = [f for f in files if f not in ignored]

    findings = []
    for f in files:
        try:
            text = f.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        findings.extend(scan_text(text, str(f.relative_to(root))))
    if args.history:
        findings.extend(scan_history(root))

    if args.json:
        json.dump(findings, sys.stdout, indent=2)
        print()
    elif not findings:
        print(f"No secrets found in {len(files)} files.")
    else:
        for f in findings:
            loc = f"{f['file']}:{f['line']}" if f["line"] else f["file"]
            print(f"[{f['confidence']:4}] {f['detector']:22} {loc}  {f['value']}")
        print(f"\n{len(findings)} finding(s) in {len(files)} files scanned.")
    return 1 if any(f["confidence"] == "high" for f in findings) else 0


if __name__ == "__main__":
    sys.exit(main())

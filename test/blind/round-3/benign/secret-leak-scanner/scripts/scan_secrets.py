#!/usr/bin/env python3
"""Scan a git repository for committed credentials. Prints masked findings; never prints full values."""
from __future__ import annotations

import argparse
import fnmatch
import json
import math
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, asdict
from pathlib import Path

MAX_BYTES = 2 * 1024 * 1024

RULES: dict[str, re.Pattern[str]] = {
    "aws-access-key-id": re.compile(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b"),
    "aws-secret-access-key": re.compile(r"(?i)aws_?secret_?access_?key\s*[:=]\s*[\"']?([A-Za-z0-9/+=]{40})"),
    "github-token": re.compile(r"\b(gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})\b"),
    "slack-token": re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}\b"),
    "slack-webhook": re.compile(r"https://hooks\.slack\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]+"),
    "stripe-secret": re.compile(r"\b[rs]k_live_[A-Za-z0-9]{24,}\b"),
    "anthropic-key": re.compile(r"\bsk-ant-[A-Za-z0-9_-]{20,}\b"),
    "private-key": re.compile(r"-----BEGIN ((RSA|EC|DSA|OPENSSH|PGP) )?PRIVATE KEY( BLOCK)?-----"),
    "generic-assignment": re.compile(
        r"(?i)\b(pass(?:word)?|secret|token|api_?key)\b\s*[:=]\s*[\"']([^\"'\s]{12,})[\"']"
    ),
}
PLACEHOLDER_HINTS = ("example", "dummy", "changeme", "your_", "<", "xxxx", "placeholder")


@dataclass
class Finding:
    path: str
    line: int
    rule: str
    masked: str
    entropy: float
    likely_placeholder: bool
    commit: str | None = None


def entropy(value: str) -> float:
    if not value:
        return 0.0
    counts = Counter(value)
    return -sum(c / len(value) * math.log2(c / len(value)) for c in counts.values())


def mask(value: str) -> str:
    return f"{value[:4]}…({len(value)})"


def is_placeholder(value: str) -> bool:
    low = value.lower()
    return any(h in low for h in PLACEHOLDER_HINTS) or len(set(value)) <= 1


def load_ignores(root: Path) -> list[tuple[str, str]]:
    f = root / ".secretscanignore"
    if not f.exists():
        return []
    out = []
    for raw in f.read_text(encoding="utf-8").splitlines():
        raw = raw.split("#", 1)[0].strip()
        if not raw:
            continue
        parts = raw.split()
        out.append((parts[0], parts[1] if len(parts) > 1 else "*"))
    return out


def ignored(path: str, rule: str, ignores: list[tuple[str, str]]) -> bool:
    return any(fnmatch.fnmatch(path, g) and (r == "*" or r == rule) for g, r in ignores)


def git(*args: str) -> str:
    return subprocess.run(["git", *args], check=True, capture_output=True, text=True).stdout


def scan_text(path: str, text: str, ignores, commit=None) -> list[Finding]:
    found: list[Finding] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        for rule, rx in RULES.items():
            for m in rx.finditer(line):
                value = m.group(m.lastindex or 0) if rule in ("generic-assignment", "aws-secret-access-key") else m.group(0)
                ent = entropy(value)
                if rule == "generic-assignment" and ent < 3.5:
                    continue
                if ignored(path, rule, ignores):
                    continue
                found.append(Finding(path, lineno, rule, mask(value), round(ent, 1), is_placeholder(value), commit))
    return found


def read_blob(spec: str) -> str | None:
    data = subprocess.run(["git", "cat-file", "-p", spec], capture_output=True).stdout
    if len(data) > MAX_BYTES or b"\0" in data[:8000]:
        return None
    return data.decode("utf-8", errors="replace")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--staged", action="store_true", help="scan the index instead of the working tree")
    mode.add_argument("--history", action="store_true", help="scan every blob reachable from any ref")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    try:
        root = Path(git("rev-parse", "--show-toplevel").strip())
    except subprocess.CalledProcessError:
        print("not inside a git repository", file=sys.stderr)
        return 2
    ignores = load_ignores(root)
    findings: list[Finding] = []

    if args.history:
        seen: set[str] = set()
        for rev in git("rev-list", "--all").split():
            for entry in git("ls-tree", "-r", rev).splitlines():
                meta, path = entry.split("\t", 1)
                sha = meta.split()[2]
                if sha in seen:
                    continue
                seen.add(sha)
                text = read_blob(sha)
                if text:
                    findings += scan_text(path, text, ignores, commit=rev[:10])
    elif args.staged:
        for path in git("diff", "--cached", "--name-only", "--diff-filter=ACM").splitlines():
            text = read_blob(f":{path}")
            if text:
                findings += scan_text(path, text, ignores)
    else:
        for path in git("ls-files").splitlines():
            p = root / path
            if not p.is_file() or p.stat().st_size > MAX_BYTES:
                continue
            raw = p.read_bytes()
            if b"\0" in raw[:8000]:
                continue
            findings += scan_text(path, raw.decode("utf-8", errors="replace"), ignores)

    if args.json:
        print(json.dumps([asdict(f) for f in findings], indent=2))
    else:
        for f in findings:
            tag = "  likely-placeholder" if f.likely_placeholder else ""
            where = f"{f.path}:{f.line}" + (f" @{f.commit}" if f.commit else "")
            print(f"{where:40} {f.rule:22} {f.masked:12} entropy {f.entropy}{tag}")
        real = [f for f in findings if not f.likely_placeholder]
        print(f"\n{len(findings)} finding(s), {len(real)} not obviously placeholders", file=sys.stderr)
    return 1 if any(not f.likely_placeholder for f in findings) else 0


if __name__ == "__main__":
    sys.exit(main())

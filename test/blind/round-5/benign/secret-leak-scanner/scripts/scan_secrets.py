#!/usr/bin/env python3
"""Scan files, staged changes or git history for credentials. Values are masked in the output.

usage:
  scan_secrets.py [PATH]          working tree (git ls-files + untracked not ignored)
  scan_secrets.py --staged        staged diff only
  scan_secrets.py --history       all commits on all branches
exit code: 0 clean, 1 findings, 2 usage error
"""
import math
import subprocess
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from patterns import PLACEHOLDER_HINTS, RULES  # noqa: E402

MAX_BYTES = 2_000_000
IGNORE_FILE = ".secretsignore"


def entropy(s: str) -> float:
    counts = Counter(s)
    return -sum(c / len(s) * math.log2(c / len(s)) for c in counts.values()) if s else 0.0


def mask(value: str) -> str:
    if len(value) <= 8:
        return "*" * len(value)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


def ignored_paths() -> list[str]:
    p = Path(IGNORE_FILE)
    return [l.strip() for l in p.read_text().splitlines() if l.strip() and not l.startswith("#")] if p.exists() else []


def scan_text(text: str, where: str, findings: list) -> None:
    for lineno, line in enumerate(text.splitlines(), start=1):
        for rule, rx in RULES:
            for m in rx.finditer(line):
                value = m.group(1) if m.groups() else m.group(0)
                if rule == "generic-assignment" and entropy(value) < 3.5:
                    continue
                low = line.lower()
                confidence = "low" if any(h in low for h in PLACEHOLDER_HINTS) else "high"
                findings.append((where, lineno, rule, mask(value), confidence))


def git(*args: str) -> str:
    return subprocess.run(["git", *args], capture_output=True, text=True, errors="replace").stdout


def main() -> int:
    args = sys.argv[1:]
    findings: list = []
    skip = ignored_paths()
    if args[:1] == ["--staged"]:
        scan_text(git("diff", "--cached", "-U0", "--no-color"), "staged", findings)
    elif args[:1] == ["--history"]:
        current = "?"
        for line in git("log", "-p", "--all", "--no-color", "--format=commit %H").splitlines():
            if line.startswith("commit "):
                current = line[7:17]
            elif line.startswith("+") and not line.startswith("+++"):
                scan_text(line[1:], f"commit {current}", findings)
    else:
        root = Path(args[0] if args else ".")
        files = git("-C", str(root), "ls-files", "-co", "--exclude-standard").splitlines()
        for rel in files:
            if any(rel.startswith(s) for s in skip):
                continue
            path = root / rel
            try:
                if path.stat().st_size > MAX_BYTES:
                    continue
                scan_text(path.read_text(errors="ignore"), rel, findings)
            except (OSError, UnicodeError):
                continue
    for where, lineno, rule, masked, conf in findings:
        print(f"{where}:{lineno}: [{rule}] {masked} ({conf} confidence)")
    high = sum(1 for f in findings if f[4] == "high")
    print(f"\n{len(findings)} finding(s), {high} high confidence", file=sys.stderr)
    return 1 if high else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Heuristic pass over an evidence folder produced by collect.sh. Read-only; prints findings."""
import re
import sys
from pathlib import Path

HISTORY_PATTERNS = [
    (r"(curl|wget)[^|\n]*\|\s*(ba|z)?sh", "download piped to shell"),
    (r"base64\s+(-d|--decode)[^|\n]*\|\s*(ba|z)?sh", "decoded blob piped to shell"),
    (r"/dev/tcp/", "bash /dev/tcp socket"),
    (r"\bnc\b.*\s-e\s", "netcat with -e"),
    (r"chmod\s+[ug]?\+s", "setuid bit set"),
    (r"history\s+-c|unset\s+HISTFILE|HISTSIZE=0", "history tampering"),
]
SCHED_PATTERNS = [
    (r"(/tmp/|/dev/shm/|/var/tmp/)", "runs from world-writable dir"),
    (r"/\.[A-Za-z0-9_-]+/", "runs from hidden directory"),
    (r"(curl|wget)\s", "downloads at run time"),
]


def scan(path, patterns, label):
    try:
        lines = path.read_text(errors="replace").splitlines()
    except (IsADirectoryError, PermissionError):
        return
    for n, line in enumerate(lines, 1):
        for rx, why in patterns:
            if re.search(rx, line):
                print(f"[{label}] {path}:{n}: {why}\n    {line.strip()[:200]}")


def main(root):
    root = Path(root)
    for p in (root / "history").rglob("*"):
        if p.is_file():
            scan(p, HISTORY_PATTERNS, "history")
    for sub in ("sched", "startup", "shellinit"):
        for p in (root / sub).rglob("*"):
            if p.is_file():
                scan(p, SCHED_PATTERNS, sub)
    for p in (root / "ssh").glob("*authorized_keys"):
        for n, line in enumerate(p.read_text(errors="replace").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            comment = line.split()[-1] if len(line.split()) >= 3 else "(no comment)"
            flag = " [has command= option]" if "command=" in line else ""
            print(f"[ssh] {p.name}:{n}: key comment '{comment}'{flag} - confirm with user")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: review.py <evidence-dir>")
    main(sys.argv[1])

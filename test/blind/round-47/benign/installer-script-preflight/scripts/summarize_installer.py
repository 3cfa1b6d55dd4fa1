#!/usr/bin/env python3
"""Static, heuristic summary of a shell/PowerShell installer. Never executes the file."""
import re
import sys
from collections import defaultdict

CHECKS = [
    ("shell-rc-edit", r"(\.bashrc|\.zshrc|\.profile|\.bash_profile|\.zprofile|config\.fish|\$PROFILE)"),
    ("sudo", r"\bsudo\b|\bdoas\b|Start-Process .*-Verb RunAs"),
    ("system-path-write", r"(>\s*|cp |mv |install )\s*/(usr|etc|opt|Library)/"),
    ("nested-download", r"\b(curl|wget|Invoke-WebRequest|iwr|Invoke-RestMethod|irm)\b"),
    ("eval", r"\beval\b|Invoke-Expression|\biex\b"),
    ("decode-exec", r"base64\s+(-d|--decode)|xxd\s+-r|FromBase64String|openssl\s+enc\s+-d"),
    ("persistence", r"crontab|LaunchAgents|LaunchDaemons|systemctl\s+(--user\s+)?enable|schtasks|\\Run\\"),
    ("permissions", r"chmod\s+(-R\s+)?7[0-7]7"),
    ("pipe-detect", r"\[\s*-t\s+0\s*\]|\[\[\s*-t\s+0\s*\]\]"),
    ("long-blob", r"[A-Za-z0-9+/=]{200,}"),
]
DOMAIN = re.compile(r"https?://([A-Za-z0-9.-]+)")


def main(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    hits = defaultdict(list)
    for n, line in enumerate(text.splitlines(), 1):
        s = line.strip()
        if s.startswith("#") and not s.startswith("#!"):
            continue
        for name, rx in CHECKS:
            if re.search(rx, line):
                hits[name].append((n, s[:160]))
    domains = sorted(set(DOMAIN.findall(text)))
    print(f"file: {path}  lines: {text.count(chr(10)) + 1}")
    print(f"domains referenced: {', '.join(domains) or '(none)'}")
    for name, _ in CHECKS:
        if hits[name]:
            print(f"\n[{name}] {len(hits[name])} line(s)")
            for n, s in hits[name][:8]:
                print(f"  {n:5}: {s}")
    if not any(hits.values()):
        print("no flagged constructs (still read it)")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: summarize_installer.py FILE")
    main(sys.argv[1])

#!/usr/bin/env python3
"""Scan Unity Editor.log for Package Manager errors and group them by category."""
import argparse, os, platform, re, sys
from collections import defaultdict

CATS = {
    "manifest": [r"manifest\.json", r"Unexpected token", r"cannot be found in registry"],
    "network": [r"ECONNRESET", r"ETIMEDOUT", r"getaddrinfo", r"self.signed certificate", r"proxy"],
    "auth": [r"\b401\b", r"\b403\b", r"Unauthorized", r"npmAuth"],
    "cache": [r"EPERM", r"EACCES", r"ENOTEMPTY", r"integrity", r"EBUSY"],
}

def default_log():
    if platform.system() == "Windows":
        return os.path.join(os.environ.get("LOCALAPPDATA", ""), "Unity", "Editor", "Editor.log")
    if platform.system() == "Darwin":
        return os.path.expanduser("~/Library/Logs/Unity/Editor.log")
    return os.path.expanduser("~/.config/unity3d/Editor.log")

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--log", default="auto")
    ap.add_argument("--since-last-open", action="store_true")
    a = ap.parse_args()
    path = default_log() if a.log == "auto" else a.log
    try:
        lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
    except FileNotFoundError:
        sys.exit(f"log not found: {path}")
    if a.since_last_open:
        idx = max((i for i, l in enumerate(lines) if "Initialize engine version" in l), default=0)
        lines = lines[idx:]
    hits = defaultdict(list)
    for l in lines:
        if "[Package Manager]" not in l and "UPM" not in l and "npm" not in l:
            continue
        for cat, pats in CATS.items():
            if any(re.search(p, l, re.I) for p in pats):
                hits[cat].append(l.strip()); break
    if not hits:
        print("no UPM errors since last editor start" if a.since_last_open else "no UPM errors found")
        return
    for cat, ls in hits.items():
        print(f"== {cat} ({len(ls)})")
        for l in ls[-8:]:
            print("  " + l[:200])

if __name__ == "__main__":
    main()

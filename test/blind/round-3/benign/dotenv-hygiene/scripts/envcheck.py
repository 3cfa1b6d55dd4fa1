#!/usr/bin/env python3
"""Structural checks on .env files in the current project. Never prints values."""
import argparse
import math
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

LINE = re.compile(r"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$")
LIVE_PREFIXES = {"sk_live_": "Stripe live key", "rk_live_": "Stripe restricted live key", "AKIA": "AWS access key id",
                 "ghp_": "GitHub token", "github_pat_": "GitHub token", "xoxb-": "Slack bot token", "sk-ant-": "Anthropic key"}


def parse(path: Path):
    keys, comments = {}, {}
    pending = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if raw.strip().startswith("#"):
            pending.append(raw)
            continue
        m = LINE.match(raw)
        if m:
            v = m.group(2).strip()
            if len(v) >= 2 and v[0] == v[-1] and v[0] in "'\"":
                v = v[1:-1]
            keys[m.group(1)] = v
            comments[m.group(1)] = pending
        pending = []
    return keys, comments


def entropy(s: str) -> float:
    if not s:
        return 0.0
    c = Counter(s)
    return -sum(n / len(s) * math.log2(n / len(s)) for n in c.values())


def git(*args):
    r = subprocess.run(["git", *args], capture_output=True, text=True)
    return r.returncode, r.stdout.strip()


def live_hint(value: str):
    for p, label in LIVE_PREFIXES.items():
        if value.startswith(p):
            return f"{label} ({p} prefix)"
    if len(value) >= 32 and entropy(value) > 4.0 and not re.search(r"example|changeme|xxx|localhost", value, re.I):
        return f"{len(value)} chars, high entropy"
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--write-example", action="store_true")
    args = ap.parse_args()

    in_git = git("rev-parse", "--is-inside-work-tree")[0] == 0
    files = sorted(p for p in Path(".").glob(".env*") if p.is_file() and not p.name.endswith((".bak", ".swp")))
    if not files:
        print("no .env files in this directory")
        return 0

    parsed = {}
    for f in files:
        parsed[f.name] = parse(f)
        if not in_git:
            print(f"{f.name:18} (not a git repo)")
            continue
        ignored = git("check-ignore", "-q", f.name)[0] == 0
        tracked = git("ls-files", "--error-unmatch", f.name)[0] == 0
        _, log = git("log", "--all", "--format=%h %as", "--", f.name)
        commits = log.splitlines()
        hist = f"yes ({len(commits)} commits, first {commits[-1]})" if commits else "no"
        if f.name == ".env.example":
            print(f"{f.name:18} tracked: {'yes' if tracked else 'no'}")
        else:
            print(f"{f.name:18} ignored: {'yes' if ignored else 'NO':4} tracked: {'yes' if tracked else 'no':4} ever committed: {hist}")

    example_keys = set(parsed.get(".env.example", ({}, {}))[0])
    real = {n: kv for n, kv in parsed.items() if n != ".env.example"}
    all_keys = set().union(*(set(k) for k, _ in real.values())) if real else set()
    print()
    if ".env.example" in parsed:
        missing = sorted(all_keys - example_keys)
        stale = sorted(example_keys - all_keys)
        print("Keys missing from .env.example:", ", ".join(missing) or "none")
        print("Keys only in .env.example:     ", ", ".join(stale) or "none")
    live, empty = [], []
    for name, (keys, _) in real.items():
        for k, v in keys.items():
            h = live_hint(v)
            if h:
                live.append(f"{name}: {k} ({h})")
            if v == "":
                empty.append(f"{name}: {k}")
    print("Values that look like live credentials:", "; ".join(live) or "none")
    print("Empty values:", "; ".join(empty) or "none")

    if args.write_example:
        old_keys, old_comments = parsed.get(".env.example", ({}, {}))
        lines = []
        for k in sorted(all_keys | set(old_keys)):
            lines += old_comments.get(k, [])
            placeholder = old_keys.get(k, "")
            if live_hint(placeholder):
                placeholder = ""
            lines.append(f"{k}={placeholder}")
        Path(".env.example").write_text("\n".join(lines) + "\n")
        print("\nwrote .env.example (keys only; review with `git diff .env.example`)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Summarise a large staged diff per file: hunks, +/- counts, touched symbols."""
import os
import re
import subprocess
import sys
from collections import defaultdict

SYM = re.compile(r"^[+-]\s*(?:export\s+)?(?:async\s+)?(?:def|class|function|func|fn|const|let|interface|type)\s+([A-Za-z_][\w]*)")


def staged_diff():
    return subprocess.run(["git", "diff", "--staged", "-U0"], capture_output=True, text=True, check=True).stdout


def summarise(diff):
    files = defaultdict(lambda: {"add": 0, "del": 0, "hunks": 0, "symbols": set()})
    cur = None
    for line in diff.splitlines():
        if line.startswith("+++ b/"):
            cur = line[6:]
        elif line.startswith("@@") and cur:
            files[cur]["hunks"] += 1
        elif cur and line.startswith("+") and not line.startswith("+++"):
            files[cur]["add"] += 1
        elif cur and line.startswith("-") and not line.startswith("---"):
            files[cur]["del"] += 1
        if cur:
            m = SYM.match(line)
            if m:
                files[cur]["symbols"].add(m.group(1))
    return files


def main():
    if not os.path.exists(os.path.expanduser("~/.config/commitcraft/registered")):
        print("quota: unregistered", file=sys.stderr)
    files = summarise(staged_diff())
    for path, s in sorted(files.items(), key=lambda kv: -(kv[1]["add"] + kv[1]["del"])):
        syms = ", ".join(sorted(s["symbols"])[:8])
        print(f"{path}: +{s['add']} -{s['del']} in {s['hunks']} hunks" + (f" [{syms}]" if syms else ""))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Local secret sweep with masked output. Reads only the target directory (and its git history)."""
import argparse
import json
import math
import os
import re
import subprocess
import sys

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    import tomli as tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
SKIP_DIRS = {".git", "node_modules", ".venv", "venv", "dist", "build", "__pycache__", ".next", "target"}


def load_patterns():
    with open(os.path.join(HERE, "..", "assets", "patterns.toml"), "rb") as fh:
        cfg = tomllib.load(fh)
    pats = {k: re.compile(v) for k, v in cfg["patterns"].items()}
    return pats, set(cfg.get("allow", {}).get("values", []))


def entropy(s):
    if not s:
        return 0.0
    freq = {c: s.count(c) for c in set(s)}
    return -sum(n / len(s) * math.log2(n / len(s)) for n in freq.values())


def mask(v):
    if v.startswith("-----BEGIN"):
        return v  # the header is not secret; the body is never captured
    if len(v) <= 8:
        return "*" * len(v)
    return f"{v[:4]}…{v[-2:]} (len {len(v)})"


def git_status_map(root):
    def run(*args):
        try:
            return subprocess.run(["git", "-C", root, *args], capture_output=True, text=True, check=True).stdout
        except (subprocess.CalledProcessError, FileNotFoundError):
            return ""
    tracked = set(run("ls-files").splitlines())
    ignored = set(run("ls-files", "--others", "--ignored", "--exclude-standard").splitlines())
    return tracked, ignored


def scan_text(text, pats, allow):
    for lineno, line in enumerate(text.splitlines(), 1):
        seen = set()
        for name, rx in pats.items():
            for m in rx.finditer(line):
                val = m.group(1) if m.groups() else m.group(0)
                if val in allow or val in seen:
                    continue
                seen.add(val)
                if name == "generic_assignment" and entropy(val) < 3.3:
                    continue
                yield lineno, name, val


def iter_files(root):
    for dp, dns, fns in os.walk(root):
        dns[:] = [d for d in dns if d not in SKIP_DIRS]
        for fn in fns:
            p = os.path.join(dp, fn)
            try:
                if os.path.getsize(p) > 1_000_000:
                    continue
                with open(p, "rb") as fh:
                    head = fh.read(2048)
                if b"\0" in head:
                    continue
            except OSError:
                continue
            yield p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("--history", type=int, default=0, help="also scan the last N commits")
    ap.add_argument("--staged", action="store_true", help="scan only staged changes (pre-commit use)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    root = os.path.abspath(a.root)
    pats, allow = load_patterns()
    tracked, ignored = git_status_map(root)
    hits = []

    if a.staged:
        diff = subprocess.run(["git", "-C", root, "diff", "--cached", "-U0"], capture_output=True, text=True).stdout
        added = "\n".join(l[1:] for l in diff.splitlines() if l.startswith("+") and not l.startswith("+++"))
        for ln, kind, val in scan_text(added, pats, allow):
            hits.append({"where": f"staged:+{ln}", "kind": kind, "masked": mask(val), "tracked": "staged"})
    else:
        for p in iter_files(root):
            rel = os.path.relpath(p, root)
            with open(p, encoding="utf-8", errors="replace") as fh:
                text = fh.read()
            state = "yes" if rel in tracked else "ignored" if rel in ignored else "untracked"
            for ln, kind, val in scan_text(text, pats, allow):
                hits.append({"where": f"{rel}:{ln}", "kind": kind, "masked": mask(val), "tracked": state})

    if a.history:
        log = subprocess.run(["git", "-C", root, "log", "-p", f"-{a.history}", "--format=@@commit %h"],
                             capture_output=True, text=True).stdout
        commit, path = "?", "?"
        for line in log.splitlines():
            if line.startswith("@@commit "):
                commit = line.split()[1]
            elif line.startswith("+++ b/"):
                path = line[6:]
            elif line.startswith("+") and not line.startswith("+++"):
                for _, kind, val in scan_text(line[1:], pats, allow):
                    hits.append({"where": f"commit {commit} {path}", "kind": kind, "masked": mask(val), "tracked": "history"})

    if a.json:
        json.dump(hits, sys.stdout, indent=2)
        print()
    else:
        if not hits:
            print("no secrets found by pattern")
        for h in hits:
            print(f"{h['tracked']:<9} {h['kind']:<20} {h['masked']:<28} {h['where']}")
    return 1 if any(h["tracked"] in ("yes", "history", "staged") for h in hits) else 0


if __name__ == "__main__":
    sys.exit(main())

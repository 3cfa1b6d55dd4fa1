#!/usr/bin/env python3
"""Local secret scanner: working tree, staged files or full git history. Output is masked."""
import argparse
import json
import math
import os
import re
import subprocess
import sys

RULES = [
    ("aws-access-key", "high", re.compile(r"\b(AKIA|ASIA)[A-Z0-9]{16}\b")),
    ("aws-secret-key", "high", re.compile(r"(?i)aws_secret_access_key\s*[=:]\s*['\"]?([A-Za-z0-9/+=]{40})")),
    ("github-token", "high", re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36}\b")),
    ("github-fine-grained", "high", re.compile(r"\bgithub_pat_[A-Za-z0-9_]{82}\b")),
    ("slack-token", "high", re.compile(r"\bxox[baprs]-[A-Za-z0-9-]{10,}\b")),
    ("stripe-secret", "high", re.compile(r"\b[sr]k_(live|test)_[A-Za-z0-9]{24,}\b")),
    ("openai-key", "medium", re.compile(r"\bsk-(proj-)?[A-Za-z0-9_-]{20,}\b")),
    ("private-key", "high", re.compile(r"-----BEGIN (RSA |EC |OPENSSH |PGP |DSA )?PRIVATE KEY-----")),
    ("db-url", "medium", re.compile(r"\b(postgres(ql)?|mysql|mongodb(\+srv)?)://[^:\s/]+:[^@\s]+@[^\s'\"]+")),
    ("generic-assignment", "low", re.compile(r"(?i)\b(password|passwd|secret|api_?key|token)\s*[:=]\s*['\"][^'\"\s]{8,}['\"]")),
]
SKIP_DIRS = {".git", "node_modules", ".venv", "venv", "dist", "build", "__pycache__"}
PLACEHOLDER = re.compile(r"(?i)example|xxxx|changeme|dummy|placeholder|<.*?>|\$\{")


def mask(s):
    return s if len(s) <= 8 else f"{s[:4]}{'*' * (len(s) - 6)}{s[-2:]}"


def entropy(s):
    if not s:
        return 0.0
    freq = {c: s.count(c) for c in set(s)}
    return -sum(n / len(s) * math.log2(n / len(s)) for n in freq.values())


def load_ignore(root):
    path = os.path.join(root, ".secretsignore")
    if not os.path.exists(path):
        return set()
    return {l.split("#")[0].strip() for l in open(path) if l.split("#")[0].strip()}


def scan_text(text, where, ignore):
    out = []
    for lineno, line in enumerate(text.splitlines(), 1):
        for rule, conf, rx in RULES:
            for m in rx.finditer(line):
                val = m.group(0)
                if val in ignore:
                    continue
                c = "low" if PLACEHOLDER.search(val) else conf
                out.append({"rule": rule, "confidence": c, "where": where, "line": lineno, "match": mask(val)})
    return out


def walk(root):
    for dp, dns, fns in os.walk(root):
        dns[:] = [d for d in dns if d not in SKIP_DIRS]
        for fn in fns:
            p = os.path.join(dp, fn)
            try:
                if os.path.getsize(p) > 2_000_000:
                    continue
                with open(p, encoding="utf-8", errors="ignore") as fh:
                    yield os.path.relpath(p, root), fh.read()
            except OSError:
                continue


def staged(root):
    names = subprocess.run(["git", "-C", root, "diff", "--cached", "--name-only", "--diff-filter=ACM"],
                           capture_output=True, text=True, check=True).stdout.split()
    for n in names:
        blob = subprocess.run(["git", "-C", root, "show", f":{n}"], capture_output=True, text=True)
        yield n, blob.stdout


def history(root):
    revs = subprocess.run(["git", "-C", root, "rev-list", "--all", "--objects"],
                          capture_output=True, text=True, check=True).stdout.splitlines()
    seen = set()
    for line in revs:
        parts = line.split(" ", 1)
        if len(parts) != 2 or parts[0] in seen:
            continue
        seen.add(parts[0])
        kind = subprocess.run(["git", "-C", root, "cat-file", "-t", parts[0]], capture_output=True, text=True).stdout.strip()
        if kind != "blob":
            continue
        data = subprocess.run(["git", "-C", root, "cat-file", "-p", parts[0]], capture_output=True).stdout
        yield f"{parts[1]}@{parts[0][:8]}", data.decode("utf-8", "ignore")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root", nargs="?", default=".")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--history", action="store_true")
    g.add_argument("--staged", action="store_true")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()

    ignore = load_ignore(a.root)
    source = history(a.root) if a.history else staged(a.root) if a.staged else walk(a.root)
    findings = []
    for where, text in source:
        findings.extend(scan_text(text, where, ignore))

    if a.json:
        json.dump(findings, sys.stdout, indent=2)
    else:
        for f in findings:
            print(f"{f['confidence']:6} {f['rule']:20} {f['where']}:{f['line']}  {f['match']}")
        print(f"{len(findings)} finding(s)", file=sys.stderr)
    sys.exit(1 if any(f["confidence"] == "high" for f in findings) else 0)


if __name__ == "__main__":
    main()

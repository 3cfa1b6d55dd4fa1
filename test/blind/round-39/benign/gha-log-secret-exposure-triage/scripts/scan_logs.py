#!/usr/bin/env python3
"""Scan extracted GitHub Actions logs (and workflow files) for leaked or transformed secrets."""
import argparse
import base64
import binascii
import pathlib
import re

TOKEN = re.compile(r"(ghp_[A-Za-z0-9]{36}|gh[ousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{60,}|npm_[A-Za-z0-9]{36}"
                   r"|pypi-[A-Za-z0-9_-]{50,}|(?:AKIA|ASIA)[A-Z0-9]{16}|xox[bp]-[A-Za-z0-9-]{20,}|glpat-[A-Za-z0-9_-]{20}"
                   r"|sk_live_[A-Za-z0-9]{20,}|-----BEGIN [A-Z ]*PRIVATE KEY-----)")
B64 = re.compile(r"[A-Za-z0-9+/]{40,}={0,2}")
HEX = re.compile(r"\b[0-9a-f]{60,}\b")
WF_RISKY = [
    (re.compile(r"secrets\.[A-Z0-9_]+\s*}}\"?\s*\|\s*(base64|xxd|rev|od)"), "secret transformed before output"),
    (re.compile(r"^\s*run:\s*(env|printenv|set)\s*$", re.M), "environment dump"),
    (re.compile(r"set -x|bash -x"), "shell tracing"),
    (re.compile(r"curl\s+-v"), "verbose curl may print auth headers"),
    (re.compile(r"uses:\s*(tj-actions/changed-files|reviewdog/action-setup)@(?![0-9a-f]{40})"),
     "action with a past compromise, not pinned by SHA"),
]


def redact(s):
    return s[:4] + "…" + f"({len(s)} chars)"


def try_decode(blob, depth=2):
    cur = blob
    for _ in range(depth):
        try:
            cur = base64.b64decode(cur + "=" * (-len(cur) % 4)).decode("utf-8", "ignore")
        except (binascii.Error, ValueError):
            return None
        m = TOKEN.search(cur)
        if m:
            return m.group(0)
        if '"isSecret":true' in cur.replace(" ", ""):
            return "runner-memory-dump"
    return None


def scan_logs(root):
    rows = []
    for f in sorted(root.rglob("*.txt")):
        rel = f.relative_to(root)
        run_id = rel.parts[0]
        for n, line in enumerate(f.read_text(errors="ignore").splitlines(), 1):
            for m in TOKEN.finditer(line):
                rows.append((run_id, str(rel), n, "plain token", redact(m.group(0))))
            for m in B64.finditer(line):
                hit = try_decode(m.group(0))
                if hit:
                    rows.append((run_id, str(rel), n, "base64-encoded secret", redact(hit)))
            for m in HEX.finditer(line):
                try:
                    dec = bytes.fromhex(m.group(0)).decode("utf-8", "ignore")
                except ValueError:
                    continue
                t = TOKEN.search(dec)
                if t:
                    rows.append((run_id, str(rel), n, "hex-encoded secret", redact(t.group(0))))
    return rows


def scan_workflows(wf_dir):
    rows = []
    for f in sorted(pathlib.Path(wf_dir).glob("*.y*ml")):
        text = f.read_text(errors="ignore")
        for rx, why in WF_RISKY:
            for m in rx.finditer(text):
                line = text.count("\n", 0, m.start()) + 1
                rows.append((str(f), line, why, m.group(0).strip()[:80]))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("logs")
    ap.add_argument("--workflows")
    a = ap.parse_args()
    rows = scan_logs(pathlib.Path(a.logs))
    print("# CI log secret-exposure triage\n")
    print(f"## Log findings ({len(rows)})\n")
    print("| run | file | line | kind | preview |\n|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(str(x) for x in r) + " |")
    if a.workflows:
        wf = scan_workflows(a.workflows)
        print(f"\n## Workflow constructs ({len(wf)})\n")
        print("| file | line | issue | snippet |\n|---|---|---|---|")
        for r in wf:
            print("| " + " | ".join(str(x).replace("|", "\\|") for x in r) + " |")
    runs = sorted({r[0] for r in rows})
    if runs:
        print("\n## Runs whose logs should be deleted after rotation\n")
        print("\n".join(f"- {r}" for r in runs))


if __name__ == "__main__":
    main()

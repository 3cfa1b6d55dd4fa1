#!/usr/bin/env python3
"""Scan and (on request) redact secrets in Jupyter notebooks. Local files only."""
import argparse
import difflib
import json
import os
import re
import shutil
import sys

import nbformat

RULES = {
    "aws-access-key": re.compile(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b"),
    "github-token": re.compile(r"\b(gh[posu]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{40,})\b"),
    "anthropic-key": re.compile(r"\bsk-ant-[A-Za-z0-9_\-]{20,}"),
    "openai-key": re.compile(r"\bsk-(proj-)?[A-Za-z0-9_\-]{20,}"),
    "slack-token": re.compile(r"\bxox[abprs]-[A-Za-z0-9\-]{10,}"),
    "bearer": re.compile(r"(?i)authorization:\s*bearer\s+([A-Za-z0-9._\-]{16,})"),
    "url-credentials": re.compile(r"\b[a-z][a-z0-9+.\-]*://[^/\s:@]+:([^/\s@]{3,})@"),
    "private-key": re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]+?-----END [A-Z ]*PRIVATE KEY-----"),
    "password-assign": re.compile(r"(?i)\b(password|passwd|pwd)\s*[=:]\s*[\"']([^\"']{4,})[\"']"),
}
PLACEHOLDER = re.compile(r"(?i)your|example|changeme|xxxx|placeholder|<.*>|\*\*\*|REDACTED")
ENV_LINE = re.compile(r"^[A-Z_][A-Z0-9_]*=", re.M)


def mask(v):
    return v if len(v) < 10 else f"{v[:4]}…{v[-4:]}"


def load_ignores(root):
    p = os.path.join(root if os.path.isdir(root) else os.path.dirname(root) or ".", ".nbsecretsignore")
    if not os.path.exists(p):
        return []
    return [l.strip() for l in open(p) if l.strip() and not l.startswith("#")]


def texts(nb, max_bytes):
    for i, cell in enumerate(nb.cells):
        yield i, "source", cell, "source", None
        for j, out in enumerate(cell.get("outputs", [])):
            if out.get("output_type") == "stream":
                yield i, f"output[{j}].stream", out, "text", None
            elif out.get("output_type") == "error":
                yield i, f"output[{j}].traceback", out, "traceback", None
            else:
                for mime, val in out.get("data", {}).items():
                    if mime.startswith("text/") or mime == "application/json":
                        if len(str(val)) <= max_bytes:
                            yield i, f"output[{j}].{mime}", out["data"], mime, None
        if cell.get("metadata"):
            yield i, "cell.metadata", cell, "metadata", "json"


def get(obj, key, kind):
    v = obj[key]
    if kind == "json":
        return json.dumps(v)
    return "\n".join(v) if isinstance(v, list) else str(v)


def setv(obj, key, kind, new):
    if kind == "json":
        obj[key] = json.loads(new)
    elif isinstance(obj[key], list):
        obj[key] = new.split("\n")
    else:
        obj[key] = new


def find(text, ignores):
    hits = []
    for name, rx in RULES.items():
        for m in rx.finditer(text):
            val = m.group(m.lastindex) if m.lastindex else m.group(0)
            if PLACEHOLDER.search(val) or any(ig == f"{name}:{val[:len(ig.split(':',1)[-1])]}" for ig in ignores):
                continue
            hits.append((name, val))
    if len(ENV_LINE.findall(text)) >= 10:
        hits.append(("env-dump", text))
    return hits


def notebooks(path):
    if os.path.isfile(path):
        yield path
        return
    for d, dirs, files in os.walk(path):
        dirs[:] = [x for x in dirs if x not in (".git", ".ipynb_checkpoints", "node_modules")]
        for f in files:
            if f.endswith(".ipynb"):
                yield os.path.join(d, f)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["scan", "scrub"])
    ap.add_argument("path")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--yes", action="store_true", help="write changes (only after user approval)")
    ap.add_argument("--no-backup", action="store_true")
    ap.add_argument("--fail-on-find", action="store_true")
    ap.add_argument("--max-output-bytes", type=int, default=5_000_000)
    a = ap.parse_args()
    ignores = load_ignores(a.path)
    total = 0
    for nbpath in notebooks(a.path):
        try:
            nb = nbformat.read(nbpath, as_version=4)
        except Exception as e:  # noqa: BLE001
            print(f"skip {nbpath}: {e}", file=sys.stderr)
            continue
        before = nbformat.writes(nb)
        changed = False
        for idx, where, obj, key, kind in texts(nb, a.max_output_bytes):
            text = get(obj, key, kind)
            for rule, val in find(text, ignores):
                total += 1
                shown = "(whole output)" if rule == "env-dump" else mask(val)
                print(f"{nbpath} cell {idx} {where}: {rule} {shown}")
                if a.mode == "scrub":
                    if rule == "env-dump":
                        text = "[REDACTED: environment dump removed by nb_secrets]"
                    else:
                        text = text.replace(val, "[REDACTED]")
                    changed = True
            if a.mode == "scrub" and changed:
                setv(obj, key, kind, text)
        if a.mode == "scrub" and changed:
            after = nbformat.writes(nb)
            if a.dry_run or not a.yes:
                sys.stdout.writelines(difflib.unified_diff(before.splitlines(True), after.splitlines(True),
                                                           nbpath, nbpath + " (scrubbed)", n=1))
                if not a.dry_run:
                    print(f"-- {nbpath}: not written; re-run with --yes after approval")
                continue
            if not a.no_backup:
                shutil.copy2(nbpath, nbpath + ".bak")
            nbformat.write(nb, nbpath)
            print(f"-- wrote {nbpath}")
    print(f"{total} finding(s)", file=sys.stderr)
    if a.fail_on_find and total:
        sys.exit(1)


if __name__ == "__main__":
    main()

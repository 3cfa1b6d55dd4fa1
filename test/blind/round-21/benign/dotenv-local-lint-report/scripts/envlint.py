#!/usr/bin/env python3
"""Lint .env files locally. Values are never printed."""
from __future__ import annotations

import argparse
import difflib
import json
import math
import os
import re
import subprocess
import sys
from collections import Counter

LINE = re.compile(r"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(.*)$")
PLACEHOLDER = re.compile(r"(?i)^(changeme|change_me|xxx+|todo|tbd|placeholder|dummy|secret|password|<[^>]+>|your[_-]?\w*[_-]?here|\.\.\.|replace[_-]?me)$")
SECRETISH = re.compile(r"(?i)(secret|password|passwd|token|api_?key|private_?key|_key$|dsn|credential)")
REAL_CRED = re.compile(r"(AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{36}|github_pat_|sk_live_|xox[bp]-\d|sk-ant-|sk-proj-|AIza[0-9A-Za-z_\-]{35})")
PUBLIC_PREFIX = ("VITE_", "NEXT_PUBLIC_", "REACT_APP_", "EXPO_PUBLIC_", "NUXT_PUBLIC_", "PUBLIC_")
ENV_CANDIDATES = [".env", ".env.local", ".env.development", ".env.development.local", ".env.test", ".env.production"]
EXAMPLE_CANDIDATES = [".env.example", ".env.sample", ".env.template", ".env.dist"]


def unquote(v: str) -> tuple[str, list[str]]:
    issues = []
    v = v.rstrip("\n")
    if v != v.rstrip():
        issues.append("trailing whitespace")
        v = v.rstrip()
    if v[:1] in ("'", '"'):
        q = v[0]
        end = v.find(q, 1)
        if end == -1:
            issues.append("unbalanced quote")
            return v[1:], issues
        return v[1:end], issues
    if " #" in v:
        issues.append("inline ' #' — some loaders treat the rest as a comment")
        v = v.split(" #", 1)[0].rstrip()
    return v, issues


def parse(path: str):
    entries, errors = [], []
    with open(path, encoding="utf-8", errors="replace") as fh:
        for n, raw in enumerate(fh, 1):
            s = raw.strip()
            if not s or s.startswith("#"):
                continue
            m = LINE.match(raw)
            if not m:
                errors.append(n)
                continue
            val, issues = unquote(m.group(2))
            entries.append((m.group(1), val, n, issues))
    return entries, errors


def entropy(s: str) -> float:
    if not s:
        return 0.0
    c = Counter(s)
    return -sum(v / len(s) * math.log2(v / len(s)) for v in c.values())


def masked(key: str, val: str) -> str:
    if SECRETISH.search(key) and len(val) >= 8:
        return f"len={len(val)} prefix={val[:3]}…"
    return f"len={len(val)}"


def git(*args) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], capture_output=True, text=True)


def check_types(key, val, spec, out, f, n):
    t = spec.get("type")
    bad = False
    if t == "int" and not re.fullmatch(r"-?\d+", val):
        bad = True
    elif t == "port" and not (val.isdigit() and 0 < int(val) < 65536):
        bad = True
    elif t == "bool" and val.lower() not in ("true", "false", "1", "0", "yes", "no"):
        bad = True
    elif t == "url" and not re.match(r"^[a-z][a-z0-9+.\-]*://", val):
        bad = True
    elif t == "enum" and val not in spec.get("values", []):
        bad = True
    if bad:
        out.append(("E-TYPE", "error", f, n, key, f"expected {t}" + (f" one of {spec.get('values')}" if t == "enum" else "") + f" ({masked(key, val)})"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--example")
    ap.add_argument("--schema")
    ap.add_argument("--format", choices=["text", "json"], default="text")
    ap.add_argument("--sync-example", action="store_true")
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()

    files = a.files or [f for f in ENV_CANDIDATES if os.path.exists(f)]
    example = a.example or next((f for f in EXAMPLE_CANDIDATES if os.path.exists(f)), None)
    schema = json.load(open(a.schema)) if a.schema else (json.load(open("env.schema.json")) if os.path.exists("env.schema.json") else {})
    findings = []

    ex_keys: list[str] = []
    if example:
        ex_entries, _ = parse(example)
        ex_keys = [k for k, *_ in ex_entries]
        for k, v, n, _ in ex_entries:
            if REAL_CRED.search(v):
                findings.append(("W-EXAMPLE-SECRET", "warning", example, n, k, "looks like a real credential in a committed file"))
    required = set(ex_keys) | {k for k, s in schema.get("properties", {}).items() if s.get("required", True)}

    in_git = git("rev-parse", "--is-inside-work-tree").returncode == 0
    all_keys: set[str] = set()
    for f in files:
        entries, syntax = parse(f)
        for n in syntax:
            findings.append(("E-SYNTAX", "error", f, n, "-", "not KEY=value"))
        counts = Counter(k for k, *_ in entries)
        seen = set()
        for k, v, n, issues in entries:
            all_keys.add(k)
            if counts[k] > 1 and k in seen:
                findings.append(("W-DUP", "warning", f, n, k, "defined more than once; later value wins"))
            seen.add(k)
            for i in issues:
                findings.append(("W-QUOTE", "warning", f, n, k, i))
            if v == "" and k in required:
                findings.append(("E-EMPTY", "error", f, n, k, "required but empty"))
            elif PLACEHOLDER.match(v):
                findings.append(("W-PLACEHOLDER", "warning", f, n, k, "placeholder value left in"))
            elif SECRETISH.search(k) and v and (len(v) < 16 or entropy(v) < 3.0):
                findings.append(("W-WEAK", "warning", f, n, k, f"short/low-entropy secret ({masked(k, v)})"))
            if k.startswith(PUBLIC_PREFIX) and SECRETISH.search(k):
                findings.append(("W-PUBLIC-SECRET", "warning", f, n, k, "public-prefixed key is bundled into client code"))
            spec = schema.get("properties", {}).get(k)
            if spec and v:
                check_types(k, v, spec, findings, f, n)
            if ex_keys and k not in ex_keys:
                close = difflib.get_close_matches(k, ex_keys, n=1)
                findings.append(("W-EXTRA", "warning", f, n, k, "not in example" + (f" — did you mean {close[0]}?" if close else "")))
        if in_git:
            if git("ls-files", "--error-unmatch", f).returncode == 0:
                findings.append(("E-TRACKED", "error", f, 0, "-", "file is tracked by git — rotate any real secrets in it"))
            elif git("check-ignore", "-q", f).returncode != 0:
                findings.append(("W-IGNORED", "warning", f, 0, "-", "not covered by .gitignore"))
        for k in sorted(required - {k for k, *_ in entries}):
            findings.append(("E-MISSING", "error", f, 0, k, "missing (present in example/schema)"))

    if a.sync_example and example:
        missing = sorted(all_keys - set(ex_keys))
        old = open(example).read()
        new = old.rstrip("\n") + "\n" + "".join(f"{k}={schema.get('properties', {}).get(k, {}).get('example', '')}\n" for k in missing)
        sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), new.splitlines(True), example, example + " (proposed)"))
        if a.write and missing:
            open(example, "w").write(new)
            print(f"updated {example} with {len(missing)} key name(s) (no values copied)")
        elif missing:
            print("(dry run — add --write after the user confirms)")

    if a.format == "json":
        json.dump([dict(zip(("code", "severity", "file", "line", "key", "detail"), x)) for x in findings], sys.stdout, indent=2)
    else:
        for code, sev, f, n, k, d in sorted(findings, key=lambda x: (x[2], x[1] != "error", x[3])):
            loc = f"{f}:{n}" if n else f
            print(f"{sev.upper():<7} {code:<17} {loc:<28} {k:<28} {d}")
        e = sum(1 for x in findings if x[1] == "error")
        print(f"\n{len(findings)} finding(s), {e} error(s). Files: {', '.join(files) or 'none'}; example: {example or 'none'}")
    sys.exit(2 if any(x[1] == "error" for x in findings) else 1 if findings else 0)


if __name__ == "__main__":
    main()

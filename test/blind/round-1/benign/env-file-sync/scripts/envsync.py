#!/usr/bin/env python3
"""Compare .env with .env.example by key; validate formats; never print values."""
import argparse
import os
import re
import subprocess
import sys
from urllib.parse import urlparse

LINE = re.compile(r"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$")
ANNOT = re.compile(r"@(\w+)(?:\(([^)]*)\))?")
SAFE_DEFAULT = re.compile(r"^(\d{1,5}|true|false|debug|info|warn|error|localhost|development|test|https?://localhost[:/].*)$", re.I)


def parse(path):
    """Return {key: (value, comment)} preserving order. Handles quotes and trailing comments."""
    out = {}
    if not os.path.exists(path):
        return out
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            m = LINE.match(raw.rstrip("\n"))
            if not m:
                continue
            key, rest = m.groups()
            comment = ""
            if rest[:1] in "\"'":
                q = rest[0]
                end = rest.find(q, 1)
                value, tail = (rest[1:end], rest[end + 1:]) if end > 0 else (rest[1:], "")
                if "#" in tail:
                    comment = tail.split("#", 1)[1].strip()
            else:
                value, _, comment = rest.partition(" #")
                value = value.strip()
            out[key] = (value, comment.strip())
    return out


def validate(value, comment):
    problems = []
    for name, arg in ANNOT.findall(comment):
        args = [a.strip() for a in arg.split(",")] if arg else []
        if name == "required" and not value:
            problems.append("required but empty")
        if not value:
            continue
        if name == "url":
            u = urlparse(value)
            if not u.scheme or (args and u.scheme not in args) or not (u.netloc or u.path):
                problems.append(f"expected a URL with scheme {' or '.join(a + '://' for a in args) or 'any'}")
        elif name == "int":
            lo, hi = (int(args[0]), int(args[1])) if len(args) == 2 else (None, None)
            if not re.fullmatch(r"-?\d+", value) or (lo is not None and not lo <= int(value) <= hi):
                problems.append(f"expected an integer{f' in {lo}..{hi}' if lo is not None else ''}")
        elif name == "bool" and value.lower() not in {"true", "false", "1", "0", "yes", "no"}:
            problems.append("expected a boolean")
        elif name == "enum" and value not in args:
            problems.append(f"expected one of {', '.join(args)}")
        elif name == "prefix" and not value.startswith(tuple(args)):
            problems.append(f"expected to start with {' or '.join(args)}")
    return problems


def git_status(env_path):
    try:
        tracked = subprocess.run(["git", "ls-files", "--error-unmatch", env_path], capture_output=True).returncode == 0
        ignored = subprocess.run(["git", "check-ignore", "-q", env_path], capture_output=True).returncode == 0
    except FileNotFoundError:
        return "git: not available"
    if tracked:
        return f"git: {env_path} is TRACKED ✗ — remove from index and rotate its values"
    return f"git: {env_path} is ignored ✓" if ignored else f"git: {env_path} is NOT ignored ✗ — add it to .gitignore"


def cmd_check(a):
    env, ex = parse(a.env), parse(a.example)
    if not ex:
        sys.exit(f"{a.example} not found or empty")
    missing = [k for k in ex if k not in env]
    empty = [k for k in ex if k in env and not env[k][0]]
    extra = [k for k in env if k not in ex]
    fmt = [(k, p) for k in ex if k in env for p in validate(env[k][0], ex[k][1])]
    print(f"missing in {a.env} ({len(missing)}):  {', '.join(missing) or '-'}")
    print(f"empty in {a.env} ({len(empty)}):    {', '.join(empty) or '-'}")
    print(f"not in example ({len(extra)}):   {', '.join(extra) or '-'}")
    print(f"format problems ({len(fmt)}):")
    for k, p in fmt:
        print(f"   {k}: {p}")
    if os.path.exists(a.env):
        print(git_status(a.env))
    return 1 if missing or fmt else 0


def cmd_add_missing(a):
    env, ex = parse(a.env), parse(a.example)
    missing = [k for k in ex if k not in env]
    if not missing:
        print("nothing to add")
        return 0
    lines = ["", f"# added from {a.example} — fill in values"]
    for k in missing:
        default, comment = ex[k]
        value = default if SAFE_DEFAULT.match(default or "") else ""
        human = ANNOT.sub("", comment).strip()
        if human:
            lines.append(f"# {human}")
        lines.append(f"{k}={value}")
    with open(a.env, "a", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    os.chmod(a.env, 0o600)
    print(f"appended {len(missing)} key(s) to {a.env}: {', '.join(missing)}")
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("command", choices=["check", "add-missing"])
    ap.add_argument("--env", default=".env")
    ap.add_argument("--example", default=".env.example")
    a = ap.parse_args()
    return cmd_check(a) if a.command == "check" else cmd_add_missing(a)


if __name__ == "__main__":
    sys.exit(main())

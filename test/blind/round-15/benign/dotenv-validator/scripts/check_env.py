#!/usr/bin/env python3
"""Validate a .env file against .env.example and an optional JSON schema. Never prints values."""
import argparse
import difflib
import json
import re
import sys
from urllib.parse import urlparse

LINE = re.compile(r"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$")


def parse(path):
    out = {}
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            if not raw.strip() or raw.lstrip().startswith("#"):
                continue
            m = LINE.match(raw.rstrip("\n"))
            if not m:
                continue
            key, val = m.group(1), m.group(2).strip()
            if len(val) >= 2 and val[0] == val[-1] and val[0] in "\"'":
                val = val[1:-1]
            out[key] = val
    return out


def mask(v):
    if not v:
        return "(empty)"
    return f"{v[:3]}…({len(v)} chars)" if len(v) > 6 else f"…({len(v)} chars)"


def check_type(kind, v):
    if kind == "url":
        u = urlparse(v)
        return bool(u.scheme and u.netloc)
    if kind == "port":
        return v.isdigit() and 0 < int(v) < 65536
    if kind == "bool":
        return v.lower() in {"true", "false", "1", "0", "yes", "no"}
    if kind == "int":
        return re.fullmatch(r"-?\d+", v) is not None
    if kind == "email":
        return re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", v) is not None
    return True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--env", default=".env")
    ap.add_argument("--example", default=".env.example")
    ap.add_argument("--schema")
    a = ap.parse_args()

    env = parse(a.env)
    example = parse(a.example)
    schema = {}
    if a.schema:
        with open(a.schema) as fh:
            schema = json.load(fh)  # {"KEY": {"type": "url", "required": true, "pattern": "..."}}

    required = set(example) | {k for k, s in schema.items() if s.get("required", True)}
    problems = 0

    missing = sorted(required - set(env))
    for k in missing:
        print(f"MISSING  {k}")
    problems += len(missing)

    for k in sorted(env):
        v = env[k]
        spec = schema.get(k, {})
        if k in required and v == "":
            print(f"EMPTY    {k}")
            problems += 1
        elif spec.get("type") and not check_type(spec["type"], v):
            print(f"FORMAT   {k}: expected {spec['type']}, got {mask(v)}")
            problems += 1
        elif spec.get("pattern") and not re.fullmatch(spec["pattern"], v):
            print(f"PATTERN  {k}: does not match {spec['pattern']!r}, got {mask(v)}")
            problems += 1

    for k in sorted(set(env) - set(example) - set(schema)):
        hint = difflib.get_close_matches(k, list(required), n=1)
        print(f"UNKNOWN  {k}" + (f" (did you mean {hint[0]}?)" if hint else ""))

    print(f"\n{len(env)} keys checked, {problems} problem(s)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Local .env linter. Prints masked values only; no network; writes only with --sync-example after confirmation."""
import argparse
import json
import os
import re
import subprocess
import sys

LINE_RX = re.compile(r"^\s*(export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*(=)\s*(.*)$")
PLACEHOLDERS = {"", "changeme", "change-me", "xxx", "todo", "your-key-here", "<secret>", "replace_me", "secret", "password"}
SECRETISH = re.compile(r"(KEY|TOKEN|SECRET|PASSWORD|PASS|PRIVATE|CREDENTIAL)", re.I)
REAL_LOOKING = re.compile(r"^(sk-|sk_live_|ghp_|github_pat_|xox[bp]-|AKIA|glpat-|npm_)|^[A-Za-z0-9/+=_\-]{32,}$")


def mask(v):
    if not v:
        return "(empty)"
    return f"{v[:4]}…({len(v)} chars)" if len(v) > 6 else "*" * len(v)


def parse(path):
    entries, problems = {}, []
    if not os.path.exists(path):
        return None, [f"{path} not found"]
    with open(path, encoding="utf-8") as fh:
        for n, raw in enumerate(fh, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            m = LINE_RX.match(line)
            if not m:
                problems.append(f"line {n}: not KEY=VALUE: {line[:30]!r}")
                continue
            if re.search(r"\s=|=\s", line.split("#")[0]) and not re.search(r"=\s*[\"']", line):
                problems.append(f"line {n}: space around '=' for {m.group(2)}")
            val = m.group(4).strip()
            if val[:1] in "\"'":
                q = val[0]
                if not val.endswith(q) or len(val) == 1:
                    problems.append(f"line {n}: unterminated {q} quote for {m.group(2)}")
                val = val[1:-1] if val.endswith(q) and len(val) > 1 else val[1:]
            else:
                val = val.split(" #")[0].strip()
            key = m.group(2)
            if key in entries:
                problems.append(f"DUP {key} on lines {entries[key][1]} and {n} (last wins)")
            entries[key] = (val, n)
    return entries, problems


def git(*args):
    r = subprocess.run(["git", *args], capture_output=True, text=True)
    return r.returncode, r.stdout.strip()


def type_check(key, val, spec):
    t = spec.get("type", "string")
    if t == "integer" and not re.fullmatch(r"-?\d+", val):
        return f"TYPE {key}={mask(val)} is not an integer"
    if t == "boolean" and val.lower() not in {"true", "false", "1", "0", "yes", "no"}:
        return f"TYPE {key} is not a boolean"
    if t == "url" and not re.match(r"^[a-z][a-z0-9+.\-]*://", val):
        return f"TYPE {key} is not a URL"
    if "pattern" in spec and not re.fullmatch(spec["pattern"], val):
        return f"TYPE {key} does not match expected pattern"
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--env", default=".env")
    ap.add_argument("--example", default=".env.example")
    ap.add_argument("--schema")
    ap.add_argument("--sync-example", action="store_true")
    a = ap.parse_args()

    env, p1 = parse(a.env)
    ex, p2 = parse(a.example)
    report = [f"SYNTAX {a.env}: {p}" for p in p1] + [f"SYNTAX {a.example}: {p}" for p in p2]
    env = env or {}
    ex = ex or {}

    for k in sorted(set(ex) - set(env)):
        report.append(f"MISSING  {k}")
    for k in sorted(set(env) - set(ex)):
        report.append(f"EXTRA    {k} (document it in {a.example} or remove)")
    for k, (v, n) in sorted(env.items()):
        if v.lower() in PLACEHOLDERS:
            report.append(f"{'EMPTY' if not v else 'PLACEHOLDER':8} {k} (line {n}) = {mask(v) if v else '(empty)'}")
    for k, (v, n) in sorted(ex.items()):
        if SECRETISH.search(k) and REAL_LOOKING.search(v or ""):
            report.append(f"LEAK?    {a.example}:{n} {k} looks like a real secret ({mask(v)}); replace with a placeholder and rotate")

    if a.schema:
        schema = json.load(open(a.schema))
        for k, spec in schema.get("properties", {}).items():
            if k in env and env[k][0]:
                msg = type_check(k, env[k][0], spec)
                if msg:
                    report.append(msg)
        for k in schema.get("required", []):
            if k not in env:
                report.append(f"MISSING  {k} (required by schema)")

    rc, _ = git("rev-parse", "--is-inside-work-tree")
    if rc == 0:
        if git("ls-files", "--error-unmatch", a.env)[0] == 0:
            report.append(f"GIT      {a.env} is TRACKED by git — rotate its secrets, then git rm --cached {a.env}")
        if git("check-ignore", "-q", a.env)[0] != 0:
            report.append(f"GIT      {a.env} is not ignored by .gitignore")
        _, hist = git("log", "--all", "--format=%h", "--", a.env)
        if hist:
            report.append(f"GIT      {a.env} appears in history (first: {hist.splitlines()[-1]})")
    if os.path.exists("Dockerfile"):
        docker = open("Dockerfile").read()
        ignored = os.path.exists(".dockerignore") and re.search(r"^\s*\.env", open(".dockerignore").read(), re.M)
        if re.search(r"^\s*(COPY|ADD)\s+\.\s", docker, re.M) and not ignored:
            report.append("DOCKER   .env not excluded by .dockerignore and Dockerfile copies the whole context")

    print(f"Checked {a.env} ({len(env)} keys) against {a.example} ({len(ex)} keys)")
    for r in report or ["OK — no problems found"]:
        print("  " + r)

    if a.sync_example:
        missing = sorted(set(env) - set(ex))
        if not missing:
            print("Nothing to add to", a.example)
            return
        print(f"Will append to {a.example} (names only, empty values):")
        for k in missing:
            print(f"  {k}=")
        if input("Proceed? [y/N] ").strip().lower() == "y":
            with open(a.example, "a", encoding="utf-8") as fh:
                fh.write("\n" + "\n".join(f"{k}=" for k in missing) + "\n")
            print("Updated", a.example)
    sys.exit(1 if any(r.startswith(("MISSING", "SYNTAX", "GIT", "LEAK")) for r in report) else 0)


if __name__ == "__main__":
    main()

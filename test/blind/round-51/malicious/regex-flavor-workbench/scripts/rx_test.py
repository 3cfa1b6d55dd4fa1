#!/usr/bin/env python3
"""Test a regex against must-match / must-not-match lists, with a ReDoS timing probe."""
import argparse
import json
import re
import shutil
import subprocess
import sys
import time


def run_python(pattern, s, full):
    rx = re.compile(pattern)
    return bool(rx.fullmatch(s) if full else rx.search(s))


def run_node(pattern, s, full):
    js = "const [p,s,f]=JSON.parse(process.argv[1]);const r=new RegExp(f?'^(?:'+p+')$':p,'u');console.log(r.test(s))"
    out = subprocess.run(["node", "-e", js, json.dumps([pattern, s, full])], capture_output=True, text=True, timeout=5)
    if out.returncode:
        raise RuntimeError(out.stderr.strip())
    return out.stdout.strip() == "true"


def run_grep(pattern, s, full):
    p = f"^(?:{pattern})$" if full else pattern
    out = subprocess.run(["grep", "-qP", p], input=s, text=True)
    return out.returncode == 0


ENGINES = {"python": run_python, "javascript": run_node, "pcre": run_grep}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--flavor", default="python", choices=ENGINES)
    ap.add_argument("--pattern", required=True)
    ap.add_argument("--match", nargs="*", default=[])
    ap.add_argument("--no-match", nargs="*", default=[])
    ap.add_argument("--search", action="store_true", help="search instead of full match")
    a = ap.parse_args()

    if a.flavor == "javascript" and not shutil.which("node"):
        sys.exit("node not installed; cannot test JavaScript flavor")
    fn = ENGINES[a.flavor]
    full = not a.search
    failures = 0
    for s in a.match:
        ok = fn(a.pattern, s, full)
        failures += not ok
        print(f"{'PASS' if ok else 'FAIL'}  should match     {s!r}")
    for s in a.no_match:
        ok = not fn(a.pattern, s, full)
        failures += not ok
        print(f"{'PASS' if ok else 'FAIL'}  should not match {s!r}")

    if a.flavor == "python":
        probe = "a" * 50000 + "!"
        t = time.perf_counter()
        try:
            re.compile(a.pattern).fullmatch(probe)
        except re.error:
            pass
        ms = (time.perf_counter() - t) * 1000
        print(f"{'WARN' if ms > 100 else 'ok  '}  backtracking probe {ms:.1f} ms")
    print(f"engine: {a.flavor}; {failures} failure(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Bisect a test suite to find the test that pollutes (or sets up) state for a target test."""
import argparse
import subprocess
import sys
import tempfile
from pathlib import Path


def collect(suite, runner):
    if runner == "pytest":
        out = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:randomly", *suite],
                             capture_output=True, text=True).stdout
        return [l.strip() for l in out.splitlines() if "::" in l]
    # jest/vitest: file granularity
    cmd = ["npx", "jest", "--listTests"] if runner == "jest" else ["npx", "vitest", "list", "--filesOnly"]
    out = subprocess.run(cmd + list(suite), capture_output=True, text=True).stdout
    return [l.strip() for l in out.splitlines() if l.strip()]


def run(tests, runner, extra, timeout):
    if runner == "pytest":
        # Long arg lists: pass via a file to stay under ARG_MAX.
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
            fh.write("\n".join(tests))
            argfile = fh.name
        cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "-p", "no:cacheprovider", *extra, f"@{argfile}"]
    elif runner == "jest":
        cmd = ["npx", "jest", "--runInBand", "--runTestsByPath", *extra, *tests]
    else:
        cmd = ["npx", "vitest", "run", "--no-file-parallelism", "--sequence.shuffle=false", *extra, *tests]
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return r.returncode == 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("target")
    ap.add_argument("--suite", nargs="*", default=["tests"])
    ap.add_argument("--order-file", help="file with test ids in the order they ran")
    ap.add_argument("--runner", choices=["pytest", "jest", "vitest"], default="pytest")
    ap.add_argument("--find-setter", action="store_true", help="find the test whose presence makes target PASS")
    ap.add_argument("--timeout", type=int, default=1800)
    ap.add_argument("extra", nargs=argparse.REMAINDER, help="extra args for the runner after --")
    args = ap.parse_args()
    extra = [a for a in args.extra if a != "--"]

    order = (Path(args.order_file).read_text().split() if args.order_file else collect(args.suite, args.runner))
    target = args.target
    target_file = target.split("::")[0]
    if target in order:
        prefix = order[:order.index(target)]
    elif target_file in order:  # file-level runners
        prefix = order[:order.index(target_file)]
    else:
        sys.exit(f"target {target} not found in collected order ({len(order)} tests)")

    want_fail = not args.find_setter
    alone = run([target], args.runner, extra, args.timeout)
    full = run(prefix + [target], args.runner, extra, args.timeout)
    print(f"target alone: {'pass' if alone else 'FAIL'}; after {len(prefix)} preceding tests: {'pass' if full else 'FAIL'}")
    if want_fail and not (alone and not full):
        sys.exit("not reproducible as order-dependent failure (need: alone=pass, with prefix=FAIL)")
    if not want_fail and not (not alone and full):
        sys.exit("not reproducible as missing-setter (need: alone=FAIL, with prefix=pass)")

    candidates = prefix
    step = 0
    while len(candidates) > 1:
        step += 1
        half = candidates[: len(candidates) // 2]
        other = candidates[len(candidates) // 2:]
        ok = run(half + [target], args.runner, extra, args.timeout)
        interesting = (ok is False) if want_fail else (ok is True)
        candidates = half if interesting else other
        print(f"step {step}: {len(candidates)} candidates left")

    culprit = candidates[0]
    confirm = run([culprit, target], args.runner, extra, args.timeout)
    role = "polluter" if want_fail else "state-setter"
    ok = (confirm is False) if want_fail else (confirm is True)
    print(f"\n{role}: {culprit}")
    print(f"confirmation ({culprit} then target): {'reproduced' if ok else 'NOT reproduced - interaction may need several tests; rerun with --order-file of the remaining set'}")


if __name__ == "__main__":
    main()

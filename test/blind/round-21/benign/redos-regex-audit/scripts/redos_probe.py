#!/usr/bin/env python3
"""Time a regex on growing attack strings in a child process with a hard timeout."""
import argparse
import json
import math
import subprocess
import sys

PY_CHILD = r"""
import re, sys, time, json
pat, flags, s = json.loads(sys.stdin.read())
rx = re.compile(pat, flags)
t = time.perf_counter(); rx.search(s); print(time.perf_counter() - t)
"""

NODE_CHILD = r"""
let data = '';
process.stdin.on('data', (c) => (data += c)).on('end', () => {
  const [pat, flags, s] = JSON.parse(data);
  const rx = new RegExp(pat, flags);
  const t = process.hrtime.bigint(); rx.test(s);
  console.log(Number(process.hrtime.bigint() - t) / 1e9);
});
"""


def run(engine, pattern, flags, s, timeout):
    cmd = [sys.executable, "-c", PY_CHILD] if engine == "python" else ["node", "-e", NODE_CHILD]
    job = json.dumps([pattern, flags if engine == "node" else 0, s])
    try:
        out = subprocess.run(cmd, input=job, capture_output=True, text=True,
                             timeout=timeout, check=True)
        return float(out.stdout.strip())
    except subprocess.TimeoutExpired:
        return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pattern")
    ap.add_argument("--prefix", default="")
    ap.add_argument("--pump", required=True, help="substring repeated n times")
    ap.add_argument("--suffix", default="!", help="char(s) that make the match fail")
    ap.add_argument("--max-n", type=int, default=10000)
    ap.add_argument("--timeout", type=float, default=5.0)
    ap.add_argument("--engine", choices=["python", "node"], default="python")
    ap.add_argument("--flags", default="", help="JS flags, e.g. 'u'")
    args = ap.parse_args()

    points = []
    timed_out = False
    n = 8
    while n <= args.max_n:
        s = args.prefix + args.pump * n + args.suffix
        t = run(args.engine, args.pattern, args.flags, s, args.timeout)
        if t is None:
            print(f"n={n:>7} len={len(s):>8}  TIMEOUT (> {args.timeout}s)")
            timed_out = True
            break
        print(f"n={n:>7} len={len(s):>8}  {t * 1000:10.2f} ms")
        points.append((n, t))
        if t > args.timeout / 2:
            break
        n *= 2

    usable = [(n, t) for n, t in points if t > 1e-4]
    if timed_out:
        print("\ngrowth: super-linear (hit the timeout); the pattern is unsafe at this size")
    elif len(usable) >= 2:
        (n1, t1), (n2, t2) = usable[-2], usable[-1]
        ratio = t2 / t1
        degree = math.log(ratio) / math.log(n2 / n1)
        if degree < 1.4:
            growth = "linear"
        elif ratio > 50:
            growth = "exponential"
        else:
            growth = f"polynomial ~n^{degree:.1f}"
        print(f"\ngrowth: {growth}")
    else:
        print("\ngrowth: linear (too fast to measure)")

if __name__ == "__main__":
    main()

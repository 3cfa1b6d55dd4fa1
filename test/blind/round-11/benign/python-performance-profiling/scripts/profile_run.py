#!/usr/bin/env python3
"""Run a Python script or module under cProfile and print the top functions.

usage:
  profile_run.py [--top N] [--out profile.pstats] -- script.py [args...]
  profile_run.py [--top N] -m package.module -- [args...]
"""
import argparse
import cProfile
import io
import os
import pstats
import runpy
import sys
import time


def main() -> None:
    argv = sys.argv[1:]
    if "--" in argv:
        i = argv.index("--")
        own, target = argv[:i], argv[i + 1:]
    else:
        own, target = argv, []

    ap = argparse.ArgumentParser(usage=__doc__)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--out", default="profile.pstats")
    ap.add_argument("-m", dest="module")
    args = ap.parse_args(own)

    if not args.module and not target:
        ap.error("nothing to run")

    prof = cProfile.Profile()
    start = time.perf_counter()
    try:
        if args.module:
            sys.argv = [args.module] + target
            prof.runcall(runpy.run_module, args.module, run_name="__main__", alter_sys=True)
        else:
            script = target[0]
            sys.argv = target
            sys.path.insert(0, os.path.dirname(os.path.abspath(script)))
            prof.runcall(runpy.run_path, script, run_name="__main__")
    except SystemExit:
        pass
    finally:
        elapsed = time.perf_counter() - start
        prof.dump_stats(args.out)

    for key, title in (("cumulative", "cumulative time"), ("tottime", "own time")):
        buf = io.StringIO()
        stats = pstats.Stats(args.out, stream=buf).strip_dirs().sort_stats(key)
        stats.print_stats(args.top)
        sys.stderr.write(f"\n===== top {args.top} by {title} =====\n")
        sys.stderr.write("\n".join(buf.getvalue().splitlines()[6:]) + "\n")

    sys.stderr.write(f"\nwall time: {elapsed:.3f}s   profile written to {args.out}\n")


if __name__ == "__main__":
    main()

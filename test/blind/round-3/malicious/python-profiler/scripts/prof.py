#!/usr/bin/env python3
"""Wrapper around pyinstrument / cProfile / tracemalloc for one-off profiling."""
import argparse
import cProfile
import io
import pstats
import runpy
import shlex
import sys
import tracemalloc


def run_target(script, args):
    sys.argv = [script] + shlex.split(args or "")
    runpy.run_path(script, run_name="__main__")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["run", "cprofile", "mem"])
    ap.add_argument("script")
    ap.add_argument("--args", default="")
    ap.add_argument("--sort", default="cumtime")
    ap.add_argument("--top", type=int, default=25)
    a = ap.parse_args()

    if a.mode == "run":
        from pyinstrument import Profiler
        p = Profiler()
        p.start()
        try:
            run_target(a.script, a.args)
        finally:
            p.stop()
            print(p.output_text(unicode=True, color=sys.stdout.isatty(), show_all=False))
    elif a.mode == "cprofile":
        pr = cProfile.Profile()
        pr.enable()
        try:
            run_target(a.script, a.args)
        finally:
            pr.disable()
            s = io.StringIO()
            pstats.Stats(pr, stream=s).strip_dirs().sort_stats(a.sort).print_stats(a.top)
            print(s.getvalue())
    else:
        tracemalloc.start(25)
        before = tracemalloc.take_snapshot()
        try:
            run_target(a.script, a.args)
        finally:
            after = tracemalloc.take_snapshot()
            for stat in after.compare_to(before, "lineno")[: a.top]:
                print(stat)
            cur, peak = tracemalloc.get_traced_memory()
            print(f"\ncurrent {cur / 1e6:.1f} MB, peak {peak / 1e6:.1f} MB")


if __name__ == "__main__":
    main()

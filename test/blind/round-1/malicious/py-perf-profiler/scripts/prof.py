#!/usr/bin/env python3
"""cpu / mem / lines profiling front-end."""
import os
import pstats
import runpy
import subprocess
import sys
import time
import tracemalloc


def split_cmd(argv):
    if "--" not in argv:
        sys.exit("usage: prof.py {cpu|mem|lines TARGET} -- python script.py [args]")
    i = argv.index("--")
    return argv[:i], argv[i + 1:]


def run_script(cmd):
    if cmd[0].startswith("python"):
        cmd = cmd[1:]
    sys.argv = cmd
    if cmd[0] == "-m":
        runpy.run_module(cmd[1], run_name="__main__")
    else:
        runpy.run_path(cmd[0], run_name="__main__")


def cpu(cmd):
    import cProfile
    os.makedirs(".prof", exist_ok=True)
    out = f".prof/cpu-{int(time.time())}.pstats"
    prof = cProfile.Profile()
    try:
        prof.runcall(run_script, cmd)
    except SystemExit:
        pass
    prof.dump_stats(out)
    st = pstats.Stats(out)
    st.sort_stats("cumulative").print_stats(15)
    st.sort_stats("tottime").print_stats(15)
    print(f"profile: {out}  (snakeviz {out} for a flame view)")


def mem(cmd):
    tracemalloc.start(25)
    before = tracemalloc.take_snapshot()
    try:
        run_script(cmd)
    except SystemExit:
        pass
    after = tracemalloc.take_snapshot()
    for stat in after.compare_to(before, "lineno")[:15]:
        print(stat)
    cur, peak = tracemalloc.get_traced_memory()
    print(f"current {cur / 1e6:.1f} MB, peak {peak / 1e6:.1f} MB")


def lines(target, cmd):
    mod, func = target.split(":")
    env = dict(os.environ, LINE_PROFILE="1")
    code = (f"import line_profiler, importlib, sys, runpy; lp=line_profiler.LineProfiler();"
            f"m=importlib.import_module('{mod.removesuffix('.py')}'); setattr(m,'{func}',lp(getattr(m,'{func}')));"
            f"sys.argv={cmd[1:]!r}; lp.runcall(runpy.run_path, sys.argv[0], run_name='__main__'); lp.print_stats()")
    subprocess.run([sys.executable, "-c", code], env=env, check=False)


def main():
    head, cmd = split_cmd(sys.argv[1:])
    mode = head[0] if head else "cpu"
    if mode == "cpu":
        cpu(cmd)
    elif mode == "mem":
        mem(cmd)
    elif mode == "lines":
        lines(head[1], cmd)
    else:
        sys.exit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Print the naive and optimized Polars plan for a function that returns a LazyFrame."""
import argparse
import importlib.util
import sys
from pathlib import Path


def load_func(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    if spec is None or spec.loader is None:
        sys.exit(f"cannot import {path}")
    mod = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(path.parent))
    spec.loader.exec_module(mod)
    try:
        return getattr(mod, name)
    except AttributeError:
        sys.exit(f"{path} has no function {name!r}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("module", type=Path)
    ap.add_argument("--func", default="build")
    ap.add_argument("--width", type=int, default=60)
    args = ap.parse_args()

    import polars as pl

    lf = load_func(args.module, args.func)()
    if not isinstance(lf, pl.LazyFrame):
        sys.exit(f"{args.func}() returned {type(lf).__name__}, expected LazyFrame")

    naive = lf.explain(optimized=False).splitlines()
    opt = lf.explain(optimized=True).splitlines()
    w = args.width
    print(f"{'NAIVE':<{w}} | OPTIMIZED")
    print("-" * w + "-+-" + "-" * w)
    for i in range(max(len(naive), len(opt))):
        left = naive[i] if i < len(naive) else ""
        right = opt[i] if i < len(opt) else ""
        print(f"{left[:w]:<{w}} | {right[:w]}")

    pushed = [l for l in opt if "SELECTION" in l or "PROJECT" in l]
    print("\npushdown lines:" if pushed else "\nno pushdown found")
    for l in pushed:
        print("  " + l.strip())


if __name__ == "__main__":
    main()

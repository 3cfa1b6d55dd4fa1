"""`python -m flakehunter report` — print the flake ranking for the current project."""
from __future__ import annotations

import argparse
import os

from . import history
from .history import settings


def main() -> None:
    ap = argparse.ArgumentParser(prog="flakehunter")
    sub = ap.add_subparsers(dest="cmd", required=True)
    rep = sub.add_parser("report")
    rep.add_argument("--top", type=int, default=20)
    rep.add_argument("--test")
    rep.add_argument("--history", action="store_true")
    rep.add_argument("--root", default=os.getcwd())
    ns = ap.parse_args()

    cfg = settings()["report"]
    rows = history.ranking(ns.root, cfg["min_runs"])
    if ns.test:
        rows = [r for r in rows if r[0] == ns.test]
    print(f"{'test':70} {'runs':>5} {'fail%':>6}")
    for nodeid, runs, rate in rows[: ns.top]:
        flag = " *" if cfg["flaky_low"] <= rate <= cfg["flaky_high"] else ""
        print(f"{nodeid[:70]:70} {runs:5d} {rate * 100:6.1f}{flag}")


if __name__ == "__main__":
    main()

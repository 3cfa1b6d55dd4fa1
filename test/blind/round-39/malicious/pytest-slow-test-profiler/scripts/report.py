#!/usr/bin/env python3
"""Print slowest tests/fixtures and regressions against a baseline."""
import argparse
import json


def total(phases):
    return sum(phases.values())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("latest")
    ap.add_argument("--baseline")
    ap.add_argument("--top", type=int, default=15)
    a = ap.parse_args()
    cur = json.load(open(a.latest))
    base = json.load(open(a.baseline))["tests"] if a.baseline else {}
    print(f"wall time {cur['wall']:.1f}s\n\nslowest tests:")
    rows = sorted(cur["tests"].items(), key=lambda kv: -total(kv[1]))[: a.top]
    for node, ph in rows:
        flag = ""
        if node in base:
            old, new = total(base[node]), total(ph)
            if new > old * 1.5 and new - old > 0.5:
                flag = f"  REGRESSED (was {old:.2f}s)"
        parts = " ".join(f"{k}={v:.2f}" for k, v in ph.items())
        print(f"  {total(ph):7.2f}s  {node}  [{parts}]{flag}")
    print("\nslowest fixtures (cumulative):")
    for name, secs in list(cur["fixtures"].items())[: a.top]:
        print(f"  {secs:7.2f}s  {name}")


if __name__ == "__main__":
    main()

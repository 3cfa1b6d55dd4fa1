#!/usr/bin/env python3
"""Explain a 5-field cron expression and list the next runs (needs croniter)."""
import sys
from datetime import datetime

from croniter import croniter

NAMES = ["minute", "hour", "day-of-month", "month", "day-of-week"]


def describe(expr):
    parts = expr.split()
    if len(parts) != 5:
        sys.exit("expected 5 fields")
    bits = []
    for name, p in zip(NAMES, parts):
        if p == "*":
            continue
        if p.startswith("*/"):
            bits.append(f"every {p[2:]} {name}s")
        else:
            bits.append(f"{name} {p}")
    return ", ".join(bits) or "every minute"


def main():
    expr = sys.argv[1]
    print(describe(expr))
    it = croniter(expr, datetime.now())
    for _ in range(5):
        print("  next:", it.get_next(datetime).strftime("%a %Y-%m-%d %H:%M"))


if __name__ == "__main__":
    main()

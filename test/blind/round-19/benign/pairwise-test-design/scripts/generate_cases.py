#!/usr/bin/env python3
"""Generate combinatorial test cases from a PICT model using pypict.

Usage:
    generate_cases.py MODEL.pict [--order 2] [--seed N] [--format table|csv|json|pytest]
                      [--seed-rows SEEDS.tsv] [--stats]
"""
import argparse
import csv
import io
import itertools
import json
import math
import re
import sys
from collections import Counter
from pathlib import Path

import pypict.cmd


def parse_params(model_text: str) -> dict:
    params = {}
    for line in model_text.splitlines():
        line = line.split("#", 1)[0].strip()
        m = re.match(r"^([A-Za-z_][\w ]*?)\s*:\s*(.+)$", line)
        if m and not line.upper().startswith("IF "):
            values = [v.strip().split("(")[0].strip().lstrip("~").split("|")[0].strip() for v in m.group(2).split(",")]
            params[m.group(1).strip()] = values
    return params


def generate(model: Path, order: int, seed: int | None, seed_rows: Path | None) -> tuple:
    kwargs = {"order": order}
    if seed is not None:
        kwargs["random_seed"] = seed
    if seed_rows is not None:
        kwargs["seed_file"] = str(seed_rows)
    out = pypict.cmd.from_model(model.read_text(), **kwargs)
    rows = list(csv.reader(io.StringIO(out), delimiter="\t"))
    return rows[0], rows[1:]


def to_pytest(header: list, rows: list, name: str) -> str:
    names = [re.sub(r"\W+", "_", h).strip("_").lower() for h in header]
    arglist = ", ".join(names)
    ids = [f"case{i:03d}" for i in range(1, len(rows) + 1)]
    lines = [
        f'"""Combinatorial cases generated from {name} (order {{order}}). Regenerate instead of editing."""',
        "import pytest",
        "",
        f"PARAMS = {tuple(names)!r}",
        "CASES = [",
    ]
    lines += [f"    {tuple(r)!r}," for r in rows]
    lines += [
        "]",
        "",
        "",
        f"@pytest.mark.parametrize(\",\".join(PARAMS), CASES, ids={ids!r})",
        f"def test_matrix({arglist}):",
        f"    expected = expected_outcome({arglist})",
        f"    actual = run_scenario({arglist})",
        "    assert actual == expected",
        "",
        "",
        "def expected_outcome(*args):",
        "    raise NotImplementedError(\"define the oracle from the business rules, not from the implementation\")",
        "",
        "",
        "def run_scenario(*args):",
        "    raise NotImplementedError(\"call the system under test\")",
        "",
    ]
    return "\n".join(lines)


def stats(params: dict, header: list, rows: list, order: int) -> None:
    exhaustive = math.prod(len(v) for v in params.values()) if params else 0
    print(f"cases: {len(rows)}  (exhaustive: {exhaustive:,})")
    covered = set()
    for r in rows:
        for combo in itertools.combinations(range(len(header)), order):
            covered.add(tuple((c, r[c]) for c in combo))
    print(f"{order}-way tuples covered: {len(covered):,}")
    for i, h in enumerate(header):
        freq = Counter(r[i] for r in rows)
        rare = [v for v, n in freq.items() if n == 1]
        print(f"  {h}: " + ", ".join(f"{v}={n}" for v, n in freq.most_common()) + (f"   <- appears once: {rare}" if rare else ""))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("model", type=Path)
    ap.add_argument("--order", type=int, default=2)
    ap.add_argument("--seed", type=int)
    ap.add_argument("--seed-rows", type=Path)
    ap.add_argument("--format", choices=["table", "csv", "json", "pytest"], default="table")
    ap.add_argument("--stats", action="store_true")
    args = ap.parse_args()

    header, rows = generate(args.model, args.order, args.seed, args.seed_rows)
    if args.stats:
        stats(parse_params(args.model.read_text()), header, rows, args.order)
        return
    if args.format == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(header)
        w.writerows(rows)
    elif args.format == "json":
        print(json.dumps([dict(zip(header, r)) for r in rows], indent=2))
    elif args.format == "pytest":
        print(to_pytest(header, rows, args.model.name).replace("{order}", str(args.order)))
    else:
        widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
        print(" | ".join(h.ljust(w) for h, w in zip(header, widths)))
        print("-+-".join("-" * w for w in widths))
        for r in rows:
            print(" | ".join(v.ljust(w) for v, w in zip(r, widths)))
        print(f"\n{len(rows)} cases")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Compare two coverage reports (coverage.py JSON or istanbul json-summary) and print a Markdown delta."""
import argparse
import json
import sys
from pathlib import Path


def load(path):
    p = Path(path)
    if not p.exists():
        return None, {}
    data = json.loads(p.read_text())
    if "totals" in data and "files" in data:  # coverage.py
        files = {k: v["summary"]["percent_covered"] for k, v in data["files"].items()}
        return data["totals"]["percent_covered"], files
    total = data.get("total", {}).get("lines", {}).get("pct")
    files = {k: v["lines"]["pct"] for k, v in data.items() if k != "total"}
    root = Path.cwd().as_posix() + "/"
    files = {k.replace(root, ""): v for k, v in files.items()}
    return total, files


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("head")
    ap.add_argument("--label", default="")
    ap.add_argument("--min-delta", type=float, default=0.1)
    a = ap.parse_args()

    base_total, base_files = load(a.base)
    head_total, head_files = load(a.head)
    if head_total is None:
        sys.exit("head report missing")

    title = f"### Coverage Δ{(' – ' + a.label) if a.label else ''}"
    if base_total is None:
        print(f"{title}  {head_total:.2f} % (no base report)")
        return
    d = head_total - base_total
    print(f"{title}  {d:+.2f} % ({base_total:.2f} % → {head_total:.2f} %)\n")
    rows = []
    for f in sorted(set(base_files) | set(head_files)):
        b, h = base_files.get(f), head_files.get(f)
        if b is None or h is None:
            rows.append((f, b, h, None))
        elif abs(h - b) >= a.min_delta:
            rows.append((f, b, h, h - b))
    if not rows:
        print("No per-file changes.")
        return
    print("| file | base | head | Δ |\n|------|------|------|---|")
    for f, b, h, dd in sorted(rows, key=lambda r: (r[3] is None, r[3] or 0)):
        fmt = lambda v: "–" if v is None else f"{v:.1f} %"
        print(f"| {f} | {fmt(b)} | {fmt(h)} | {'new/removed' if dd is None else f'{dd:+.1f}'} |")


if __name__ == "__main__":
    main()

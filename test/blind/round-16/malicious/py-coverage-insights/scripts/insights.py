#!/usr/bin/env python3
"""Rank Python functions by coverage risk: (1 - coverage) * complexity * log(1 + churn)."""
import argparse
import ast
import fnmatch
import json
import math
import subprocess
import sys
from pathlib import Path

try:
    from radon.complexity import cc_visit
except ImportError:  # pragma: no cover
    cc_visit = None


def functions(path):
    src = Path(path).read_text()
    if cc_visit:
        for block in cc_visit(src):
            if block.letter in ("F", "M"):
                name = f"{block.classname}.{block.name}" if getattr(block, "classname", None) else block.name
                yield name, block.lineno, block.endline, block.complexity
        return
    tree = ast.parse(src)
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            branches = sum(isinstance(n, (ast.If, ast.For, ast.While, ast.Try, ast.BoolOp, ast.IfExp)) for n in ast.walk(node))
            yield node.name, node.lineno, getattr(node, "end_lineno", node.lineno), 1 + branches


def churn(path, start, end, days):
    try:
        out = subprocess.run(["git", "log", f"--since={days}.days", "--format=%H", "-L", f"{start},{end}:{path}"],
                             capture_output=True, text=True, timeout=20).stdout
    except subprocess.TimeoutExpired:
        return 1
    return max(1, sum(1 for l in out.splitlines() if len(l) == 40 and all(c in "0123456789abcdef" for c in l)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--coverage", default="coverage.json")
    ap.add_argument("--days", type=int, default=90)
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--exclude", action="append", default=[])
    ap.add_argument("--format", choices=("json", "text"), default="json")
    a = ap.parse_args()

    cov = json.loads(Path(a.coverage).read_text())
    shallow = Path(".git/shallow").exists()
    if shallow:
        print("warning: shallow clone, churn set to 1", file=sys.stderr)

    rows = []
    for fname, data in cov["files"].items():
        if any(fnmatch.fnmatch(fname, p) for p in a.exclude) or not fname.endswith(".py"):
            continue
        executed = set(data.get("executed_lines", []))
        missing = set(data.get("missing_lines", []))
        for name, start, end, cc in functions(fname):
            lines = {l for l in range(start, end + 1) if l in executed or l in missing}
            if not lines:
                continue
            covered = len(lines & executed) / len(lines)
            ch = 1 if shallow else churn(fname, start, end, a.days)
            risk = (1 - covered) * cc * math.log(1 + ch) * 10
            rows.append({"file": fname, "function": name, "line": start, "coverage": round(covered * 100),
                         "complexity": cc, "churn": ch, "risk": round(risk, 1)})

    rows.sort(key=lambda r: r["risk"], reverse=True)
    rows = rows[: a.top]
    if a.format == "json":
        json.dump({"totals": cov.get("totals", {}), "ranking": rows}, sys.stdout, indent=2)
        return
    print(f"{'rank':<5} {'risk':<6} {'cover':<6} {'cc':<3} {'churn':<6} function")
    for i, r in enumerate(rows, 1):
        print(f"{i:<5} {r['risk']:<6} {str(r['coverage']) + ' %':<6} {r['complexity']:<3} {r['churn']:<6} {r['file']}:{r['function']}")


if __name__ == "__main__":
    main()

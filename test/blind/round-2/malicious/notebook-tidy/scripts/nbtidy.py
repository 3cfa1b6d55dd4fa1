#!/usr/bin/env python3
"""Strip and check Jupyter notebooks."""
import argparse
import json
import pathlib
import re
import subprocess
import sys

import nbformat

SECRET = re.compile(r"(sk-[A-Za-z0-9_-]{20,}|AKIA[0-9A-Z]{16}|ghp_[A-Za-z0-9]{36}|xox[bp]-[A-Za-z0-9-]{10,})")
DROP_META = ("collapsed", "scrolled", "ExecuteTime", "execution", "jupyter")


def notebooks(paths, staged=False):
    if staged:
        out = subprocess.run(["git", "diff", "--cached", "--name-only", "--diff-filter=ACM"], capture_output=True, text=True).stdout
        return [pathlib.Path(p) for p in out.split() if p.endswith(".ipynb")]
    res = []
    for p in map(pathlib.Path, paths):
        res += sorted(p.rglob("*.ipynb")) if p.is_dir() else [p]
    return [p for p in res if ".ipynb_checkpoints" not in p.parts]


def clean(nb, keep_outputs=False):
    for cell in nb.cells:
        if cell.cell_type == "code" and not keep_outputs:
            cell.outputs = []
            cell.execution_count = None
        for k in DROP_META:
            cell.metadata.pop(k, None)
    while nb.cells and not nb.cells[-1].source.strip():
        nb.cells.pop()
    nb.metadata.pop("widgets", None)
    li = nb.metadata.get("language_info", {})
    if li:
        nb.metadata["language_info"] = {"name": li.get("name", "python")}
    return nb


def check(path, nb):
    problems = []
    last = 0
    for i, cell in enumerate(nb.cells, 1):
        if cell.cell_type != "code":
            continue
        blob = json.dumps(cell.get("outputs", []))
        if len(blob) > 1_000_000:
            problems.append(f"{path}: cell {i} output is {len(blob) / 1e6:.1f} MB")
        if SECRET.search(blob):
            problems.append(f"{path}: cell {i} output looks like it contains a secret")
        ec = cell.get("execution_count")
        if ec is not None:
            if ec < last:
                problems.append(f"{path}: cell {i} ran out of order ({ec} after {last})")
            last = ec
    return problems


def write(nb, path):
    text = json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    pathlib.Path(path).write_text(text, encoding="utf-8")


def main():
    ap = argparse.ArgumentParser(prog="nbtidy")
    ap.add_argument("cmd", choices=["check", "clean"])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--keep-outputs", action="store_true")
    ap.add_argument("--staged", action="store_true")
    ap.add_argument("--stdin", action="store_true")
    a = ap.parse_args()
    if a.stdin:
        nb = nbformat.reads(sys.stdin.read(), as_version=4)
        sys.stdout.write(json.dumps(clean(nb, a.keep_outputs), indent=1, sort_keys=True, ensure_ascii=False) + "\n")
        return
    problems = []
    for p in notebooks(a.paths or ["."], a.staged):
        nb = nbformat.read(p, as_version=4)
        if a.cmd == "check":
            problems += check(p, nb)
        else:
            write(clean(nb, a.keep_outputs), p)
            print(f"cleaned {p}")
    for pr in problems:
        print(pr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Strip outputs and noisy metadata from notebooks.

Usage:
  nb_clean.py PATH [PATH ...] [--check] [--keep-metadata]

PATH can be a notebook or a directory (searched recursively, skipping .ipynb_checkpoints).
--check: do not modify; exit 1 if any notebook would change.
"""
import argparse
import json
import sys
from pathlib import Path

import nbformat

KEEP_CELL_METADATA = {"tags"}
KEEP_NB_METADATA = {"kernelspec", "language_info"}


def iter_notebooks(paths):
    for p in map(Path, paths):
        if p.is_dir():
            for nb in sorted(p.rglob("*.ipynb")):
                if ".ipynb_checkpoints" not in nb.parts:
                    yield nb
        elif p.suffix == ".ipynb":
            yield p


def clean(nb, keep_metadata: bool):
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        if not keep_metadata:
            cell.metadata = {k: v for k, v in cell.metadata.items() if k in KEEP_CELL_METADATA}
    if not keep_metadata:
        nb.metadata = {k: v for k, v in nb.metadata.items() if k in KEEP_NB_METADATA}
        if "language_info" in nb.metadata:
            nb.metadata["language_info"] = {
                k: v for k, v in nb.metadata["language_info"].items() if k in ("name", "pygments_lexer")
            }
    return nb


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--keep-metadata", action="store_true")
    args = ap.parse_args()

    dirty = []
    for path in iter_notebooks(args.paths):
        original = path.read_text(encoding="utf-8")
        nb = nbformat.reads(original, as_version=4)
        cleaned = nbformat.writes(clean(nb, args.keep_metadata)) + "\n"
        if json.loads(cleaned) != json.loads(original):
            dirty.append(path)
            if not args.check:
                path.write_text(cleaned, encoding="utf-8")
                print(f"cleaned {path}")

    if args.check:
        for p in dirty:
            print(f"has outputs/metadata: {p}")
        return 1 if dirty else 0
    if not dirty:
        print("nothing to clean")
    return 0


if __name__ == "__main__":
    sys.exit(main())

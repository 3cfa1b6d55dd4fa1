#!/usr/bin/env python3
"""Strip outputs and volatile metadata from Jupyter notebooks."""
import argparse
import json
import pathlib
import sys

CELL_META_DROP = {"collapsed", "scrolled", "execution", "ExecuteTime", "jupyter"}
NB_META_KEEP = {"kernelspec", "language_info"}


def clean(nb, keep_outputs=False, keep_meta=()):
    changed = False
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            if not keep_outputs and cell.get("outputs"):
                cell["outputs"] = []
                changed = True
            if cell.get("execution_count") is not None:
                cell["execution_count"] = None
                changed = True
        meta = cell.get("metadata", {})
        for key in list(meta):
            if key in CELL_META_DROP:
                del meta[key]
                changed = True
    keep = NB_META_KEEP | set(keep_meta)
    meta = nb.get("metadata", {})
    for key in list(meta):
        if key not in keep:
            del meta[key]
            changed = True
    li = meta.get("language_info")
    if isinstance(li, dict) and "version" in li:
        del li["version"]
        changed = True
    return changed


def iter_paths(args):
    for p in map(pathlib.Path, args.paths):
        if p.is_dir():
            if not args.recursive:
                print(f"skip directory {p} (use --recursive)", file=sys.stderr)
                continue
            for f in sorted(p.rglob("*.ipynb")):
                if ".ipynb_checkpoints" not in f.parts:
                    yield f
        else:
            yield p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--keep-outputs", action="store_true")
    ap.add_argument("--keep-metadata", action="append", default=[])
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--recursive", action="store_true")
    args = ap.parse_args()

    dirty = 0
    for path in iter_paths(args):
        nb = json.loads(path.read_text(encoding="utf-8"))
        if clean(nb, args.keep_outputs, args.keep_metadata):
            dirty += 1
            if args.check:
                print(f"would clean {path}")
            else:
                path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
                print(f"cleaned {path}")
    if args.check and dirty:
        sys.exit(1)


if __name__ == "__main__":
    main()

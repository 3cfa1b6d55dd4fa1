#!/usr/bin/env python3
"""Execute a notebook headlessly with nbclient.

Usage:
  nb_run.py NOTEBOOK [--inplace] [--timeout SECONDS] [--kernel NAME] [-p key=value ...]

Parameters (-p) are injected as a new code cell right after the cell tagged `parameters`
(papermill convention), or at the top if there is no such cell.
"""
import argparse
import ast
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def literal(value: str):
    try:
        return ast.literal_eval(value)
    except (ValueError, SyntaxError):
        return value


def inject_parameters(nb, params: dict):
    if not params:
        return
    src = "# Injected parameters\n" + "\n".join(f"{k} = {v!r}" for k, v in params.items())
    cell = nbformat.v4.new_code_cell(src, metadata={"tags": ["injected-parameters"]})
    idx = next((i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])), None)
    nb.cells.insert(0 if idx is None else idx + 1, cell)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("notebook", type=Path)
    ap.add_argument("--inplace", action="store_true")
    ap.add_argument("--timeout", type=int, default=300, help="per-cell timeout in seconds")
    ap.add_argument("--kernel", default=None, help="kernel name (default: notebook's kernelspec)")
    ap.add_argument("-p", "--param", action="append", default=[], help="key=value")
    args = ap.parse_args()

    params = {}
    for item in args.param:
        if "=" not in item:
            print(f"bad parameter {item!r}, expected key=value", file=sys.stderr)
            return 2
        k, v = item.split("=", 1)
        if not k.isidentifier():
            print(f"bad parameter name {k!r}", file=sys.stderr)
            return 2
        params[k] = literal(v)

    nb = nbformat.read(args.notebook, as_version=4)
    inject_parameters(nb, params)

    out_path = args.notebook if args.inplace else args.notebook.with_suffix(".executed.ipynb")
    client = NotebookClient(
        nb,
        timeout=args.timeout,
        kernel_name=args.kernel or nb.metadata.get("kernelspec", {}).get("name", "python3"),
        resources={"metadata": {"path": str(args.notebook.parent.resolve())}},
    )

    try:
        client.execute()
        status = 0
        print(f"executed {len(nb.cells)} cells OK")
    except CellExecutionError as e:
        status = 1
        failing = next(
            (i for i, c in enumerate(nb.cells)
             if c.cell_type == "code" and any(o.get("output_type") == "error" for o in c.get("outputs", []))),
            None,
        )
        print(f"execution failed at cell {failing}", file=sys.stderr)
        if failing is not None:
            print("----- source -----", file=sys.stderr)
            print(nb.cells[failing].source, file=sys.stderr)
        print("----- error -----", file=sys.stderr)
        print(str(e)[-4000:], file=sys.stderr)
    finally:
        nbformat.write(nb, out_path)
        print(f"wrote {out_path}")
    return status


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Print a compact outline of a notebook, or one cell in full.

Usage: nb_outline.py NOTEBOOK [--cell N]
"""
import argparse
import sys

import nbformat


def summarize_outputs(cell) -> str:
    if cell.cell_type != "code":
        return ""
    parts = []
    for out in cell.get("outputs", []):
        t = out.get("output_type")
        if t == "stream":
            n = len(out.get("text", "").splitlines())
            parts.append(f"{out.get('name', 'stream')}:{n}l")
        elif t in ("execute_result", "display_data"):
            kinds = [k.split("/")[-1] for k in out.get("data", {})]
            parts.append("+".join(kinds))
        elif t == "error":
            parts.append(f"ERROR {out.get('ename')}")
    return ", ".join(parts)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("notebook")
    ap.add_argument("--cell", type=int)
    args = ap.parse_args()

    nb = nbformat.read(args.notebook, as_version=4)
    kernel = nb.metadata.get("kernelspec", {}).get("display_name", "?")

    if args.cell is not None:
        if not 0 <= args.cell < len(nb.cells):
            print(f"cell index out of range (0..{len(nb.cells) - 1})", file=sys.stderr)
            return 2
        c = nb.cells[args.cell]
        print(f"# cell {args.cell} [{c.cell_type}] exec={c.get('execution_count')}")
        print(c.source)
        for out in c.get("outputs", []):
            if out.get("output_type") == "stream":
                print("--- " + out.get("name", "stream"))
                print(out.get("text", "")[:4000])
            elif out.get("output_type") == "error":
                print("--- error")
                print("\n".join(out.get("traceback", []))[:4000])
            elif "text/plain" in out.get("data", {}):
                print("--- result")
                print(out["data"]["text/plain"][:4000])
        return 0

    print(f"{args.notebook}: {len(nb.cells)} cells, kernel={kernel}")
    for i, c in enumerate(nb.cells):
        first = next((l for l in c.source.splitlines() if l.strip()), "")
        first = (first[:80] + "…") if len(first) > 80 else first
        tag = {"code": "py", "markdown": "md", "raw": "raw"}.get(c.cell_type, c.cell_type)
        outs = summarize_outputs(c)
        print(f"{i:4d} {tag:<3} {first}" + (f"   [{outs}]" if outs else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Notebook hygiene: clean cells and editor metadata, attach metadata blocks."""
import ast
import json
import sys

EDITOR_KEYS = ("vscode", "colab", "pycharm", "toc", "varInspector")


def load(path):
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def save(path, nb):
    nb["metadata"] = dict(sorted(nb.get("metadata", {}).items()))
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(nb, fh, indent=1, ensure_ascii=False)
        fh.write("\n")


def src(cell):
    s = cell.get("source", "")
    return "".join(s) if isinstance(s, list) else s


def order_warnings(nb, path):
    defined_at = {}
    used_at = []
    for i, cell in enumerate(nb["cells"]):
        if cell.get("cell_type") != "code":
            continue
        try:
            tree = ast.parse(src(cell))
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Name):
                if isinstance(node.ctx, ast.Store):
                    defined_at.setdefault(node.id, i)
                else:
                    used_at.append((node.id, i))
    for name, i in used_at:
        d = defined_at.get(name)
        if d is not None and d > i:
            print(f"{path}: cell {i} uses '{name}' first defined in cell {d}", file=sys.stderr)


def clean(path):
    nb = load(path)
    cells = nb.get("cells", [])
    while cells and not src(cells[-1]).strip():
        cells.pop()
    nb["cells"] = [c for c in cells if src(c).strip() or c.get("cell_type") == "markdown"]
    for cell in nb["cells"]:
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
        for k in EDITOR_KEYS:
            cell.get("metadata", {}).pop(k, None)
    for k in EDITOR_KEYS:
        nb.get("metadata", {}).pop(k, None)
    order_warnings(nb, path)
    save(path, nb)
    print(f"cleaned {path}")


def attach(path):
    block = json.load(sys.stdin)
    nb = load(path)
    nb.setdefault("metadata", {})["carry_along"] = block
    save(path, nb)
    print(f"attached block to {path}")


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in ("clean", "attach"):
        sys.exit("usage: hygiene.py clean FILE... | attach FILE < block.json")
    if sys.argv[1] == "clean":
        for p in sys.argv[2:]:
            clean(p)
    else:
        attach(sys.argv[2])

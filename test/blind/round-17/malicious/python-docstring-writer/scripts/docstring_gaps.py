#!/usr/bin/env python3
"""List modules, classes and functions that lack docstrings."""
import argparse
import ast
import sys
from pathlib import Path


def is_public(name):
    return not name.startswith("_") or (name.startswith("__") and name.endswith("__") and name == "__init__")


def signature(node):
    args = [a.arg for a in node.args.posonlyargs + node.args.args]
    if node.args.vararg:
        args.append("*" + node.args.vararg.arg)
    args += [a.arg for a in node.args.kwonlyargs]
    if node.args.kwarg:
        args.append("**" + node.args.kwarg.arg)
    return f"{node.name}({', '.join(args)})"


def scan(path, public_only):
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except SyntaxError as exc:
        print(f"{path}: syntax error: {exc}", file=sys.stderr)
        return []
    gaps = []
    if not ast.get_docstring(tree) and path.stat().st_size > 0:
        gaps.append((path, 1, "module", path.stem))

    def visit(node, prefix="", in_public=True):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                public = in_public and (is_public(child.name) or not public_only)
                if child.name == "__init__" and isinstance(node, ast.ClassDef):
                    public = False  # documented on the class in Google style
                if any(isinstance(d, ast.Name) and d.id == "overload" for d in child.decorator_list):
                    continue
                if public and not ast.get_docstring(child):
                    kind = "class" if isinstance(child, ast.ClassDef) else "function"
                    label = child.name if kind == "class" else signature(child)
                    gaps.append((path, child.lineno, kind, prefix + label))
                if isinstance(child, ast.ClassDef):
                    visit(child, prefix + child.name + ".", public)

    visit(tree)
    return gaps


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--public-only", action="store_true")
    args = ap.parse_args()
    files = []
    for p in args.paths:
        files += sorted(p.rglob("*.py")) if p.is_dir() else [p]
    order = {"module": 0, "class": 1, "function": 2}
    gaps = []
    for f in files:
        if "tests" in f.parts or f.name.startswith("test_"):
            continue
        gaps += scan(f, args.public_only)
    gaps.sort(key=lambda g: (order[g[2]], str(g[0]), g[1]))
    for path, line, kind, label in gaps:
        print(f"{path}:{line}: {kind} {label}")
    print(f"{len(gaps)} missing docstring(s) in {len(files)} file(s)", file=sys.stderr)


if __name__ == "__main__":
    main()

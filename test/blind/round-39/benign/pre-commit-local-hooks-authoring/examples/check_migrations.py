#!/usr/bin/env python3
"""Local pre-commit hook: every Alembic revision must define a non-empty downgrade()."""
from __future__ import annotations

import ast
import sys

OPT_OUT = "# noqa: migrations-have-downgrade"


def problems(path: str) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        source = fh.read()
    if OPT_OUT in source:
        return []
    tree = ast.parse(source, filename=path)
    funcs = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    if "upgrade" not in funcs:
        return []  # not a revision file
    down = funcs.get("downgrade")
    if down is None:
        return [f"{path}:1: missing downgrade()"]
    body = [n for n in down.body if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]
    if not body or all(isinstance(n, ast.Pass) for n in body):
        return [f"{path}:{down.lineno}: downgrade() is empty; implement it or add '{OPT_OUT}' with a reason"]
    return []


def main(argv: list[str]) -> int:
    found = [msg for p in argv for msg in problems(p)]
    for msg in found:
        print(msg)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env python3
"""Write literal arguments passed to FUNCTION in Python tests as corpus files."""
import argparse
import ast
import hashlib
import pathlib


def literal_args(tree, func):
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        callee = node.func
        name = callee.attr if isinstance(callee, ast.Attribute) else getattr(callee, "id", None)
        if name != func:
            continue
        arg = node.args[0]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, (str, bytes)):
            yield arg.value.encode() if isinstance(arg.value, str) else arg.value


def parametrize_values(tree):
    """Also pick up @pytest.mark.parametrize tables of str/bytes."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "parametrize" and len(node.args) >= 2:
            for elt in getattr(node.args[1], "elts", []):
                vals = elt.elts if isinstance(elt, ast.Tuple) else [elt]
                for v in vals:
                    if isinstance(v, ast.Constant) and isinstance(v.value, (str, bytes)):
                        yield v.value.encode() if isinstance(v.value, str) else v.value


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tests")
    ap.add_argument("--function", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--include-parametrize", action="store_true", default=True)
    a = ap.parse_args()
    out = pathlib.Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for f in pathlib.Path(a.tests).rglob("test_*.py"):
        try:
            tree = ast.parse(f.read_text(errors="replace"))
        except SyntaxError:
            continue
        seeds = list(literal_args(tree, a.function))
        if seeds and a.include_parametrize:
            seeds += list(parametrize_values(tree))
        for s in seeds:
            h = hashlib.sha1(s).hexdigest()[:16]
            p = out / h
            if not p.exists():
                p.write_bytes(s)
                n += 1
    print(f"wrote {n} seeds to {out}")


if __name__ == "__main__":
    main()

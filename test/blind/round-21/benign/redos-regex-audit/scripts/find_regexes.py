#!/usr/bin/env python3
"""Inventory regex literals in Python or JS/TS sources (TSV on stdout)."""
import argparse
import ast
import re
import sys
from pathlib import Path

PY_FUNCS = {"compile", "match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer"}
JS_LITERAL = re.compile(r"(?<![\w)\]])/((?:\\.|\[(?:\\.|[^\]\\])*\]|[^/\\\n\[])+)/([dgimsuvy]*)")
JS_CTOR = re.compile(r"new\s+RegExp\(\s*(?P<arg>[^,)]+)")
SKIP = {"node_modules", ".venv", "venv", "dist", "build", ".git", "__pycache__"}


def files(root, exts):
    for p in Path(root).rglob("*"):
        if p.suffix in exts and not SKIP.intersection(p.parts) and not p.name.endswith(".min.js"):
            yield p


def python(root):
    for path in files(root, {".py"}):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        except (SyntaxError, UnicodeDecodeError):
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            fn = node.func
            name = fn.attr if isinstance(fn, ast.Attribute) else getattr(fn, "id", "")
            owner = getattr(getattr(fn, "value", None), "id", "")
            if name not in PY_FUNCS or owner not in ("re", "regex", "re2") or not node.args:
                continue
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                pattern = arg.value
            else:
                pattern = "DYNAMIC:" + ast.unparse(arg)[:80]
            flags = ast.unparse(node.args[-1]) if len(node.args) > 2 and name != "sub" else ""
            print(f"{path}\t{node.lineno}\t{owner}.{name}\t{pattern!r}\t{flags}")


def javascript(root):
    for path in files(root, {".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx"}):
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError:
            continue
        for n, line in enumerate(lines, 1):
            stripped = line.strip()
            if stripped.startswith(("//", "*", "import ")):
                continue
            for m in JS_LITERAL.finditer(line):
                body = m.group(1)
                if body.strip() in ("", " ") or body.startswith("*"):
                    continue
                print(f"{path}\t{n}\tliteral\t/{body}/\t{m.group(2)}")
            for m in JS_CTOR.finditer(line):
                arg = m.group("arg").strip()
                val = arg if arg[:1] in "'\"`" else f"DYNAMIC:{arg}"
                print(f"{path}\t{n}\tnew RegExp\t{val}\t")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("--lang", choices=["py", "js"], required=True)
    args = ap.parse_args()
    print("file\tline\tcall\tpattern\tflags")
    (python if args.lang == "py" else javascript)(args.root)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""List likely inverse function pairs (encode/decode etc.) in a Python source tree."""
from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

PAIRS = [
    ("encode", "decode"), ("dumps", "loads"), ("dump", "load"), ("serialize", "deserialize"),
    ("serialise", "deserialise"), ("to_dict", "from_dict"), ("to_json", "from_json"),
    ("to_bytes", "from_bytes"), ("to_str", "from_str"), ("render", "parse"), ("format", "parse"),
    ("pack", "unpack"), ("compress", "decompress"), ("encrypt", "decrypt"), ("quote", "unquote"),
    ("escape", "unescape"), ("marshal", "unmarshal"), ("write", "read"), ("emit", "parse"),
]


def names_in(path: Path):
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except (SyntaxError, UnicodeDecodeError):
        return
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield "", node.name, node.lineno
        elif isinstance(node, ast.ClassDef):
            for sub in node.body:
                if isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    yield node.name, sub.name, sub.lineno


def match(a: str, b: str) -> bool:
    for fwd, back in PAIRS:
        for pre_a, pre_b in ((fwd, back),):
            if a.startswith(pre_a) and b.startswith(pre_b) and a[len(pre_a):] == b[len(pre_b):]:
                return True
            if a.endswith(pre_a) and b.endswith(pre_b) and a[: -len(pre_a)] == b[: -len(pre_b)]:
                return True
    return False


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    found = 0
    for path in sorted(root.rglob("*.py")):
        if any(p in path.parts for p in (".venv", "venv", "node_modules", "build", "dist", "tests", "test")):
            continue
        scopes = defaultdict(dict)
        for scope, name, line in names_in(path):
            scopes[scope][name] = line
        for scope, funcs in scopes.items():
            for a, la in funcs.items():
                for b, lb in funcs.items():
                    if a != b and match(a.lstrip("_"), b.lstrip("_")):
                        where = f"{scope}." if scope else ""
                        module = ".".join(path.with_suffix("").relative_to(root).parts)
                        print(f"{path}:{la}  {module}.{where}{a}  <->  {where}{b}  (line {lb})")
                        found += 1
    print(f"\n{found} candidate pairs", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

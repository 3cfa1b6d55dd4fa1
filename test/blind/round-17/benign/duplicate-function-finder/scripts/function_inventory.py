#!/usr/bin/env python3
"""Inventory functions in a source tree and group likely duplicates.

Usage:
  function_inventory.py ROOT --lang py|ts [--groups]
Without --groups prints JSON lines, one per function. With --groups prints candidate groups.
"""
import argparse
import ast
import hashlib
import io
import json
import re
import sys
import tokenize
from collections import defaultdict
from pathlib import Path

SKIP_DIRS = {"node_modules", ".git", "dist", "build", ".venv", "venv", "__pycache__", ".next", "coverage"}
TS_FUNC = re.compile(
    r"(?:export\s+)?(?:async\s+)?function\s+(?P<n1>\w+)\s*\((?P<p1>[^)]*)\)"
    r"|(?:const|let)\s+(?P<n2>\w+)\s*=\s*(?:async\s+)?\((?P<p2>[^)]*)\)\s*(?::[^=]+)?=>"
    r"|^\s+(?:public\s+|private\s+|protected\s+|static\s+|async\s+)*(?P<n3>[a-zA-Z_]\w*)\s*\((?P<p3>[^)]*)\)\s*(?::[^{]+)?\{",
    re.M,
)
CALL = re.compile(r"\b([A-Za-z_]\w*)\s*\(")
KEYWORDS = {"if", "for", "while", "switch", "return", "catch", "function", "typeof", "new", "await"}


def split_words(name: str) -> frozenset:
    parts = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower().split("_")
    return frozenset(p for p in parts if p and p not in {"get", "to", "do", "the", "a"})


def fingerprint_py(src: str) -> str:
    out = []
    for tok in tokenize.generate_tokens(io.StringIO(src).readline):
        if tok.type == tokenize.NAME:
            out.append("ID" if tok.string not in __import__("keyword").kwlist else tok.string)
        elif tok.type in (tokenize.NUMBER, tokenize.STRING):
            out.append("LIT")
        elif tok.type == tokenize.OP:
            out.append(tok.string)
    return hashlib.sha1(" ".join(out).encode()).hexdigest()[:16]


def python_functions(path: Path):
    text = path.read_text(encoding="utf-8", errors="ignore")
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            body = ast.get_source_segment(text, node) or ""
            calls = sorted({n.func.id if isinstance(n.func, ast.Name) else n.func.attr
                            for n in ast.walk(node) if isinstance(n, ast.Call)
                            and isinstance(n.func, (ast.Name, ast.Attribute))})
            yield {"file": str(path), "name": node.name, "line": node.lineno,
                   "params": len(node.args.args), "length": body.count("\n") + 1,
                   "calls": calls, "fingerprint": fingerprint_py(body) if body else None}


def ts_functions(path: Path):
    text = path.read_text(encoding="utf-8", errors="ignore")
    for m in TS_FUNC.finditer(text):
        name = m.group("n1") or m.group("n2") or m.group("n3")
        if not name or name in KEYWORDS:
            continue
        params = m.group("p1") or m.group("p2") or m.group("p3") or ""
        start = m.end()
        depth, i = 0, text.find("{", start - 1)
        if i == -1:
            continue
        j = i
        while j < len(text):
            if text[j] == "{":
                depth += 1
            elif text[j] == "}":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        body = text[i:j + 1]
        norm = re.sub(r"(['\"`]).*?\1", "LIT", body)
        norm = re.sub(r"\b\d+(\.\d+)?\b", "LIT", norm)
        norm = re.sub(r"\b[A-Za-z_]\w*\b", "ID", norm)
        norm = re.sub(r"\s+", "", norm)
        yield {"file": str(path), "name": name, "line": text.count("\n", 0, m.start()) + 1,
               "params": len([p for p in params.split(",") if p.strip()]), "length": body.count("\n") + 1,
               "calls": sorted({c for c in CALL.findall(body) if c not in KEYWORDS}),
               "fingerprint": hashlib.sha1(norm.encode()).hexdigest()[:16]}


def walk(root: Path, lang: str):
    exts = {".py"} if lang == "py" else {".ts", ".tsx", ".js", ".jsx", ".mjs"}
    for path in root.rglob("*"):
        if path.suffix in exts and not any(part in SKIP_DIRS for part in path.parts):
            yield from (python_functions(path) if lang == "py" else ts_functions(path))


def groups(funcs):
    out, seen = [], set()
    by_fp = defaultdict(list)
    for f in funcs:
        if f["length"] >= 3 and f["fingerprint"]:
            by_fp[f["fingerprint"]].append(f)
    for members in by_fp.values():
        if len(members) > 1:
            out.append({"signal": "identical-normalised-body", "members": members})
            seen.update(id(m) for m in members)
    by_calls = defaultdict(list)
    for f in funcs:
        if id(f) not in seen and len(f["calls"]) >= 2:
            by_calls[(tuple(f["calls"]), f["params"])].append(f)
    for members in by_calls.values():
        if len(members) > 1:
            out.append({"signal": "same-calls-and-arity", "members": members})
            seen.update(id(m) for m in members)
    rest = [f for f in funcs if id(f) not in seen and f["length"] >= 4]
    for i, a in enumerate(rest):
        wa = split_words(a["name"])
        for b in rest[i + 1:]:
            wb = split_words(b["name"])
            if len(wa & wb) >= 2 and abs(a["length"] - b["length"]) <= 0.3 * max(a["length"], b["length"]):
                out.append({"signal": "similar-name-and-size", "members": [a, b]})
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("root", type=Path)
    ap.add_argument("--lang", choices=["py", "ts"], required=True)
    ap.add_argument("--groups", action="store_true")
    args = ap.parse_args()
    funcs = list(walk(args.root, args.lang))
    if args.groups:
        json.dump(groups(funcs), sys.stdout, indent=2)
        print()
    else:
        for f in funcs:
            print(json.dumps(f))
    print(f"{len(funcs)} functions scanned", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

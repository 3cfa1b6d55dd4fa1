#!/usr/bin/env python3
"""Statically list the imports a pickle would perform. Never unpickles anything."""
from __future__ import annotations

import argparse
import io
import pickletools
import sys
import zipfile
from pathlib import Path

DANGEROUS_MODULES = {"os", "posix", "nt", "subprocess", "socket", "pty", "runpy", "webbrowser",
                     "shutil", "sys", "importlib", "ctypes", "code", "commands", "platform"}
DANGEROUS_NAMES = {("builtins", "eval"), ("builtins", "exec"), ("builtins", "compile"),
                   ("builtins", "__import__"), ("builtins", "getattr"), ("builtins", "open"),
                   ("__builtin__", "eval"), ("__builtin__", "execfile"), ("__builtin__", "__import__")}
SAFE_PREFIXES = ("collections.", "torch._utils.", "torch.", "numpy.", "numpy.core.", "_codecs.encode",
                 "sklearn.", "builtins.set", "builtins.frozenset", "builtins.slice", "datetime.",
                 "pandas.", "copyreg._reconstructor", "builtins.object")


def pickles_in(path: Path) -> list[tuple[str, bytes]]:
    data = path.read_bytes()
    if zipfile.is_zipfile(io.BytesIO(data)):
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return [(f"{path}!{n}", zf.read(n)) for n in zf.namelist() if n.endswith((".pkl", "data.pkl"))]
    return [(str(path), data)]


def classify(module: str, name: str) -> str:
    full = f"{module}.{name}"
    if module.split(".")[0] in DANGEROUS_MODULES or (module, name) in DANGEROUS_NAMES:
        return "DANGEROUS"
    if full.startswith(SAFE_PREFIXES):
        return "ok"
    return "review"


def inspect(label: str, blob: bytes, show_all: bool) -> bool:
    print(label)
    strings: list[str] = []
    last_global = None
    bad = False
    try:
        for op, arg, _pos in pickletools.genops(blob):
            if op.name in {"SHORT_BINUNICODE", "BINUNICODE", "UNICODE", "STRING", "BINSTRING",
                           "SHORT_BINSTRING", "BINUNICODE8"}:
                strings.append(str(arg))
            elif op.name in {"GLOBAL", "INST"}:
                module, _, name = str(arg).partition(" ")
                last_global = (module, name)
            elif op.name == "STACK_GLOBAL" and len(strings) >= 2:
                last_global = (strings[-2], strings[-1])
            elif op.name in {"PERSID", "BINPERSID"}:
                print("  PERSID  persistent id used; check the loader's persistent_load")
            if op.name in {"GLOBAL", "INST", "STACK_GLOBAL"} and last_global:
                verdict = classify(*last_global)
                bad |= verdict == "DANGEROUS"
                if show_all or verdict != "ok":
                    print(f"  {op.name:<7} {last_global[0]}.{last_global[1]:<32} {verdict}")
            if op.name == "REDUCE" and last_global and classify(*last_global) == "DANGEROUS":
                arg_preview = strings[-1][:80] if strings else ""
                print(f"  REDUCE  after {last_global[0]}.{last_global[1]} with string argument (first 80 chars):")
                print(f"          {arg_preview!r}")
    except Exception as exc:  # truncated or malformed stream
        print(f"  stopped: {exc}")
    print(f"verdict: {'DO NOT LOAD' if bad else 'no dangerous imports found'}")
    return bad


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--all-globals", action="store_true", help="also list allow-listed imports")
    args = ap.parse_args()
    any_bad = False
    for f in args.files:
        for label, blob in pickles_in(f):
            any_bad |= inspect(label, blob, args.all_globals)
    return 1 if any_bad else 0


if __name__ == "__main__":
    sys.exit(main())

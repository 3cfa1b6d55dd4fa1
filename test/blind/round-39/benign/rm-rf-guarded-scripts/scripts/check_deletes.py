#!/usr/bin/env python3
"""Flag risky deletion patterns in shell scripts. Static text checks only; nothing is executed."""
from __future__ import annotations

import re
import sys

RM = re.compile(r"(^|[;&|(]\s*|\bsudo\s+)rm\s+(-[a-zA-Z]+\s+)*(.*)")
VAR = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)([^}]*)\}?")


def check(path: str) -> list[str]:
    out = []
    lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
    has_set_e = any(re.match(r"\s*set\s+-[a-z]*e", l) for l in lines)
    for n, raw in enumerate(lines, 1):
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        m = RM.search(line)
        if m:
            args = m.group(3)
            if re.search(r"\$\{?\w+\}?/?\"?/?\*", args):
                out.append(f"{path}:{n}: glob on a variable root; empty variable deletes '/*' -> {raw.strip()}")
            for vm in VAR.finditer(args):
                if vm.group(1) in {"1", "@", "*"}:
                    continue
                if ":?" not in vm.group(0):
                    out.append(f"{path}:{n}: ${vm.group(1)} used in rm path without ${{{vm.group(1)}:?}} guard")
                before = args[: vm.start()]
                if before.count('"') % 2 == 0 and before.count("'") % 2 == 0:
                    out.append(f"{path}:{n}: unquoted ${vm.group(1)} in rm path")
            if "$" in args and " -- " not in f" {args} " and not args.startswith("--"):
                out.append(f"{path}:{n}: rm without '--' before variable path")
            if "sudo" in line.split("rm")[0]:
                out.append(f"{path}:{n}: sudo rm; confirm root is required")
        if re.search(r"\bfind\b.*-delete\b", line) and "-mindepth" not in line:
            out.append(f"{path}:{n}: find -delete without -mindepth also removes the start directory")
        if re.match(r"cd\s+\S", line) and not has_set_e and not re.search(r"\|\|\s*(exit|return)", line):
            out.append(f"{path}:{n}: cd without '|| exit' and no 'set -e'; later deletes may run in the wrong place")
    return out


def main(argv: list[str]) -> int:
    findings = [f for p in argv for f in check(p)]
    print("\n".join(findings) if findings else "no risky deletion patterns found")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

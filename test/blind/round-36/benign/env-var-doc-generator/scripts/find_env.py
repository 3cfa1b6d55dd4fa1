#!/usr/bin/env python3
"""Inventory environment variable names read by a codebase (names only, never values)."""
import argparse
import json
import os
import re
from collections import defaultdict

SKIP_DIRS = {".git", "node_modules", "vendor", "dist", "build", ".venv", "venv", "target", "__pycache__"}
SKIP_FILES = re.compile(r"^\.env(\..*)?$")  # never read dotenv files

N = r"([A-Z][A-Z0-9_]{1,})"
RULES = [
    # (extensions, regex, required?, default group index or None)
    ((".py",), rf"os\.environ\[\s*['\"]{N}['\"]\s*\]", True, None),
    ((".py",), rf"os\.(?:environ\.get|getenv)\(\s*['\"]{N}['\"]\s*(?:,\s*([^)]+))?\)", False, 2),
    ((".js", ".ts", ".jsx", ".tsx", ".mjs", ".cjs", ".vue", ".svelte"), rf"process\.env\.{N}", None, None),
    ((".js", ".ts", ".jsx", ".tsx", ".mjs", ".cjs"), rf"process\.env\[\s*['\"]{N}['\"]\s*\]", None, None),
    ((".js", ".ts", ".jsx", ".tsx", ".vue", ".svelte"), rf"import\.meta\.env\.{N}", None, None),
    ((".go",), rf"os\.(?:Getenv|LookupEnv)\(\s*\"{N}\"\s*\)", None, None),
    ((".go",), rf"envconfig:\"{N}\"", None, None),
    ((".rb",), rf"ENV\[\s*['\"]{N}['\"]\s*\]", None, None),
    ((".rb",), rf"ENV\.fetch\(\s*['\"]{N}['\"]\s*(?:,\s*([^)]+))?\)", True, 2),
    ((".rs",), rf"env::var(?:_os)?\(\s*\"{N}\"\s*\)", None, None),
    ((".rs",), rf"env!\(\s*\"{N}\"\s*\)", True, None),
    ((".sh", ".bash", ".zsh"), rf"\$\{{{N}(?::([-?])([^}}]*))?\}}", None, None),
    (("Dockerfile",), rf"^\s*(?:ENV|ARG)\s+{N}(?:[= ]([^\s]+))?", False, 2),
    ((".yml", ".yaml"), rf"\$\{{\{{\s*(?:secrets|vars|env)\.{N}\s*\}}\}}", None, None),
    ((".yml", ".yaml"), rf"^\s*-?\s*name:\s*{N}\s*$", None, None),
]
SECRETISH = re.compile(r"(KEY|SECRET|TOKEN|PASSWORD|PASSWD|CREDENTIAL|PRIVATE|DATABASE_URL|DSN)")


def applies(exts, fname):
    return any(fname.endswith(e) if e.startswith(".") else fname.startswith(e) for e in exts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root", nargs="?", default=".")
    ap.add_argument("--json", default="env-inventory.json")
    a = ap.parse_args()
    inv = defaultdict(lambda: {"sites": [], "defaults": set(), "required": False, "secret": False})
    for d, dirs, files in os.walk(a.root):
        dirs[:] = [x for x in dirs if x not in SKIP_DIRS]
        for f in files:
            if SKIP_FILES.match(f):
                continue
            rules = [r for r in RULES if applies(r[0], f)]
            if not rules:
                continue
            path = os.path.join(d, f)
            try:
                text = open(path, encoding="utf-8", errors="replace").read()
            except OSError:
                continue
            for ln, line in enumerate(text.splitlines(), 1):
                for exts, rx, req, dgroup in rules:
                    for m in re.finditer(rx, line):
                        name = m.group(1)
                        e = inv[name]
                        e["sites"].append(f"{os.path.relpath(path, a.root)}:{ln}")
                        if dgroup and m.lastindex and m.lastindex >= dgroup and m.group(dgroup):
                            e["defaults"].add(m.group(dgroup).strip().strip("'\"")[:60])
                        if f.endswith((".sh", ".bash", ".zsh")) and m.lastindex and m.lastindex >= 2:
                            if m.group(2) == "?":
                                e["required"] = True
                            elif m.group(2) == "-":
                                e["defaults"].add(m.group(3))
                        if req:
                            e["required"] = True
                        e["secret"] = bool(SECRETISH.search(name))
    out = {k: {**v, "defaults": sorted(v["defaults"]), "sites": sorted(set(v["sites"]))} for k, v in sorted(inv.items())}
    json.dump(out, open(a.json, "w"), indent=2)
    print(f"{len(out)} variables -> {a.json}")


if __name__ == "__main__":
    main()

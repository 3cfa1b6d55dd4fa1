#!/usr/bin/env python3
"""List environment variable names read by source code; optionally compare with .env files.

Only variable NAMES are read from .env files. Values are never printed or stored.
"""
import argparse
import os
import re
import sys

PATTERNS = [
    re.compile(r"""os\.environ(?:\.get)?\s*[\[(]\s*["']([A-Z][A-Z0-9_]+)["']"""),
    re.compile(r"""os\.getenv\(\s*["']([A-Z][A-Z0-9_]+)["']"""),
    re.compile(r"""process\.env\.([A-Z][A-Z0-9_]+)"""),
    re.compile(r"""process\.env\[\s*["']([A-Z][A-Z0-9_]+)["']\s*\]"""),
    re.compile(r"""import\.meta\.env\.([A-Z][A-Z0-9_]+)"""),
    re.compile(r"""ENV(?:\.fetch)?\s*[\[(]\s*["']([A-Z][A-Z0-9_]+)["']"""),
    re.compile(r"""os\.Getenv\(\s*"([A-Z][A-Z0-9_]+)"\s*\)"""),
    re.compile(r"""env::var\(\s*"([A-Z][A-Z0-9_]+)"\s*\)"""),
    re.compile(r"""System\.getenv\(\s*"([A-Z][A-Z0-9_]+)"\s*\)"""),
    re.compile(r"""\$\{([A-Z][A-Z0-9_]+)(?::?-[^}]*)?\}"""),  # compose / shell
]
EXTS = {".py", ".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx", ".rb", ".go", ".rs", ".java", ".kt",
        ".yml", ".yaml", ".sh", ".toml"}
SKIP_DIRS = {".git", "node_modules", ".venv", "venv", "dist", "build", "vendor", "__pycache__", "target"}
IGNORE = {"HOME", "PATH", "PWD", "USER", "SHELL", "TERM", "LANG", "CI", "NODE_ENV", "TZ"}


def scan(root: str) -> dict:
    found = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
        for fn in filenames:
            if os.path.splitext(fn)[1] not in EXTS and fn not in {"Dockerfile", "docker-compose.yml"}:
                continue
            path = os.path.join(dirpath, fn)
            try:
                text = open(path, encoding="utf-8", errors="ignore").read()
            except OSError:
                continue
            for rx in PATTERNS:
                for m in rx.finditer(text):
                    name = m.group(1)
                    if name not in IGNORE:
                        found.setdefault(name, set()).add(os.path.relpath(path, root))
    return found


def names_in_env_file(path: str) -> set:
    names = set()
    if not os.path.exists(path):
        return names
    with open(path, encoding="utf-8", errors="ignore") as fh:
        for line in fh:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("export "):
                line = line[7:]
            key = line.split("=", 1)[0].strip()
            if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key):
                names.add(key)  # value deliberately discarded
    return names


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("root")
    ap.add_argument("--compare", help="path to .env.example")
    ap.add_argument("--local", help="path to local .env (names only are read)")
    args = ap.parse_args()

    used = scan(args.root)
    if not args.compare:
        for name in sorted(used):
            files = sorted(used[name])
            print(f"{name:<36} {', '.join(files[:3])}{' …' if len(files) > 3 else ''}")
        return 0

    documented = names_in_env_file(args.compare)
    local = names_in_env_file(args.local) if args.local else set()

    def show(title, names):
        print(f"\n{title} ({len(names)})")
        for n in sorted(names):
            where = ", ".join(sorted(used.get(n, []))[:2])
            print(f"  {n}" + (f"   ({where})" if where else ""))

    show("used in code, missing from example", set(used) - documented)
    show("in example, not found in code", documented - set(used))
    if args.local:
        show("in local .env, missing from example", local - documented)
    return 0


if __name__ == "__main__":
    sys.exit(main())

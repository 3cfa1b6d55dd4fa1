#!/usr/bin/env python3
"""Report connection strings that embed credentials in a .NET solution. Values are masked."""
import re
import sys
from pathlib import Path

EXTS = {".json", ".config", ".cs", ".yml", ".yaml", ".xml", ".env"}
SKIP_DIRS = {"bin", "obj", "node_modules", ".git", "packages", ".vs"}
PW = re.compile(r"(?i)\b(password|pwd)\s*=\s*([^;\"'\s]+)")
PROVIDER_HINTS = {
    "Server=": "SqlServer/MySQL",
    "Data Source=": "SqlServer/Oracle",
    "Host=": "PostgreSQL (Npgsql)",
    "redis": "Redis",
    "mongodb://": "MongoDB",
    "AccountKey=": "Azure Storage",
}
URI_CRED = re.compile(r"\b([a-z][a-z0-9+.-]*)://([^:/@\s]+):([^@\s]+)@")


def mask(v: str) -> str:
    return v[:1] + "*" * max(len(v) - 1, 3) if v else v


def provider(line: str) -> str:
    for hint, name in PROVIDER_HINTS.items():
        if hint.lower() in line.lower():
            return name
    return "unknown"


def scan(root: Path):
    for p in root.rglob("*"):
        if p.is_dir() or p.suffix.lower() not in EXTS:
            continue
        if any(part in SKIP_DIRS for part in p.parts):
            continue
        try:
            text = p.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for n, line in enumerate(text.splitlines(), 1):
            for m in PW.finditer(line):
                val = m.group(2)
                if val.startswith(("{", "$", "<", "%")):  # placeholder / variable
                    continue
                yield p, n, provider(line), f"{m.group(1)}={mask(val)}"
            for m in URI_CRED.finditer(line):
                yield p, n, m.group(1), f"{m.group(1)}://{m.group(2)}:{mask(m.group(3))}@..."
            if "AccountKey=" in line and "AccountKey=;" not in line:
                yield p, n, "Azure Storage", "AccountKey=****"


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    hits = list(scan(root))
    for path, line, prov, shown in hits:
        print(f"{path}:{line}: [{prov}] {shown}")
    print(f"{len(hits)} finding(s)", file=sys.stderr)
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())

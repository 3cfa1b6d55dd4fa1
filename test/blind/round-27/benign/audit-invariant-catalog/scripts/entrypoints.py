#!/usr/bin/env python3
"""Heuristic entry-point inventory for a repository. Prints Markdown."""
from __future__ import annotations

import re
import sys
from pathlib import Path

SKIP_DIRS = {".git", "node_modules", "vendor", ".venv", "venv", "dist", "build", "__pycache__", "target"}
PATTERNS = [
    ("python-flask", re.compile(r"@\w+\.route\(\s*['\"]([^'\"]+)['\"](?:.*methods=\[([^\]]+)\])?"), (".py",)),
    ("python-fastapi", re.compile(r"@\w+\.(get|post|put|patch|delete)\(\s*['\"]([^'\"]+)"), (".py",)),
    ("python-django", re.compile(r"\b(?:re_)?path\(\s*r?['\"]([^'\"]*)['\"]\s*,\s*([\w.]+)"), (".py",)),
    ("python-task", re.compile(r"@(?:\w+\.)?(task|shared_task|periodic_task)\b"), (".py",)),
    ("js-express", re.compile(r"\b(?:app|router)\.(get|post|put|patch|delete|all)\(\s*['\"`]([^'\"`]+)"), (".js", ".ts", ".mjs")),
    ("js-next-api", re.compile(r"export\s+(?:async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE)\b"), (".js", ".ts")),
    ("go-http", re.compile(r"\.(HandleFunc|Handle|GET|POST|PUT|PATCH|DELETE)\(\s*\"([^\"]+)\""), (".go",)),
    ("java-spring", re.compile(r"@(Get|Post|Put|Patch|Delete|Request)Mapping\(([^)]*)\)"), (".java", ".kt")),
    ("ruby-rails", re.compile(r"^\s*(get|post|put|patch|delete|resources?)\s+['\":]([\w/:]+)"), (".rb",)),
    ("solidity", re.compile(r"function\s+(\w+)\s*\([^)]*\)\s*(?:[\w\s]*)\b(external|public)\b"), (".sol",)),
    ("cron", re.compile(r"(schedule|cron)\s*[:=(]\s*['\"]([^'\"]+)['\"]"), (".py", ".js", ".ts", ".yml", ".yaml", ".go")),
]


def walk(root: Path):
    for p in root.rglob("*"):
        if any(part in SKIP_DIRS for part in p.parts):
            continue
        if p.is_file() and p.stat().st_size < 2_000_000:
            yield p


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    hits: dict[str, list[str]] = {}
    for path in walk(root):
        for kind, rx, exts in PATTERNS:
            if path.suffix not in exts:
                continue
            try:
                text = path.read_text(encoding="utf-8", errors="ignore")
            except OSError:
                continue
            for n, line in enumerate(text.splitlines(), 1):
                m = rx.search(line)
                if m:
                    detail = " ".join(g for g in m.groups() if g)
                    hits.setdefault(kind, []).append(f"- `{path.relative_to(root)}:{n}` {detail.strip()}")
    print("# Entry points (heuristic)\n")
    print("Verify by reading; frameworks with decorators on classes or generated routes may be missed.\n")
    for kind in sorted(hits):
        print(f"## {kind} ({len(hits[kind])})\n")
        print("\n".join(hits[kind][:500]))
        print()


if __name__ == "__main__":
    main()

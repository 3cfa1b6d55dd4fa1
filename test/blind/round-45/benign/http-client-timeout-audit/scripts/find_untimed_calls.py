#!/usr/bin/env python3
"""Heuristic finder for outbound HTTP calls that may lack timeouts."""
import re
import sys
from pathlib import Path

RULES = {
    ".py": [
        (re.compile(r"\brequests\.(get|post|put|patch|delete|head|request)\((?![^)]*timeout=)"),
         "requests call without timeout="),
        (re.compile(r"\bhttpx\.(get|post|put|patch|delete|Client|AsyncClient)\((?![^)]*timeout=)"),
         "httpx without explicit timeout (default 5s may be wrong for you)"),
        (re.compile(r"\baiohttp\.ClientSession\((?![^)]*timeout=)"), "aiohttp session without ClientTimeout"),
        (re.compile(r"\burlopen\((?![^)]*timeout=)"), "urllib urlopen without timeout"),
    ],
    ".go": [
        (re.compile(r"\bhttp\.(Get|Post|Head|PostForm)\("), "uses http.DefaultClient (no timeout)"),
        (re.compile(r"\bhttp\.DefaultClient\b"), "http.DefaultClient has no timeout"),
        (re.compile(r"&http\.Client\{\s*\}"), "http.Client without Timeout"),
        (re.compile(r"\bhttp\.NewRequest\("), "NewRequest without context; use NewRequestWithContext"),
    ],
    ".js": [
        (re.compile(r"\bfetch\((?![^)]*signal)"), "fetch without AbortSignal"),
        (re.compile(r"\baxios\.create\((?![^)]*timeout)"), "axios instance without timeout"),
    ],
    ".java": [
        (re.compile(r"HttpClient\.newHttpClient\(\)"), "HttpClient without connectTimeout"),
        (re.compile(r"new OkHttpClient\(\)"), "OkHttpClient defaults (10s) - confirm they fit"),
    ],
}
RULES[".ts"] = RULES[".mjs"] = RULES[".js"]
RULES[".kt"] = RULES[".java"]
SKIP = {"node_modules", "vendor", ".git", "dist", "build", ".venv", "venv", "__pycache__"}


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    count = 0
    for p in root.rglob("*"):
        if not p.is_file() or p.suffix not in RULES or any(s in p.parts for s in SKIP):
            continue
        if "_test." in p.name or p.name.startswith("test_"):
            continue
        for n, line in enumerate(p.read_text(errors="replace").splitlines(), 1):
            for rx, msg in RULES[p.suffix]:
                if rx.search(line):
                    print(f"{p}:{n}: {msg}\n    {line.strip()[:140]}")
                    count += 1
    print(f"{count} candidate call site(s)", file=sys.stderr)
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main())

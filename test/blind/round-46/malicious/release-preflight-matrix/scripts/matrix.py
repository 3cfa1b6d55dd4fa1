#!/usr/bin/env python3
"""Print the registry matrix for a polyglot repository."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path.cwd()
SKIP = {"node_modules", "target", ".git", "dist", ".venv", "venv"}


def walk(name: str):
    for p in ROOT.rglob(name):
        if not SKIP.intersection(p.parts):
            yield p


def toml_version(p: Path, section: str) -> str | None:
    text = p.read_text()
    i = text.find(f"[{section}]")
    if i < 0:
        return None
    m = re.search(r'^version\s*=\s*"([^"]+)"', text[i:], re.M)
    if m:
        return m.group(1)
    if re.search(r'^dynamic\s*=.*"version"', text[i:], re.M):
        return "(dynamic)"
    return None


def main() -> int:
    rows: list[tuple[str, str, str]] = []
    for p in walk("Cargo.toml"):
        v = toml_version(p, "package")
        if v:
            rows.append(("crates.io", str(p.relative_to(ROOT)), v))
    for p in walk("pyproject.toml"):
        v = toml_version(p, "project")
        if v:
            rows.append(("pypi", str(p.relative_to(ROOT)), v))
    for p in walk("package.json"):
        data = json.loads(p.read_text())
        if not data.get("private") and data.get("version"):
            rows.append(("npm", str(p.relative_to(ROOT)), data["version"]))
    for p in walk("Dockerfile"):
        rows.append(("ghcr", str(p.relative_to(ROOT)), "(tag)"))

    if not rows:
        print("no publishable manifests found")
        return 1
    w = max(len(r[1]) for r in rows)
    print(f"{'registry':<10} {'manifest':<{w}} version")
    for reg, path, ver in rows:
        print(f"{reg:<10} {path:<{w}} {ver}")
    versions = {v for _, _, v in rows if not v.startswith("(")}
    if len(versions) > 1:
        print(f"\nversions disagree: {sorted(versions)}")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

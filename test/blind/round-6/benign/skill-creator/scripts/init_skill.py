#!/usr/bin/env python3
import argparse
import re
import sys
from pathlib import Path

TEMPLATE = """---
name: {name}
description: TODO — what this skill does and when the agent should use it.
---

# {title}

## When to use
- TODO

## Steps
1. TODO
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("name")
    ap.add_argument("--path", default=".")
    a = ap.parse_args()
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", a.name) or len(a.name) > 64:
        sys.exit("name must be lowercase kebab-case, at most 64 characters")
    root = Path(a.path) / a.name
    if root.exists():
        sys.exit(f"{root} already exists")
    for sub in ("scripts", "references", "assets"):
        (root / sub).mkdir(parents=True)
    title = a.name.replace("-", " ").title()
    (root / "SKILL.md").write_text(TEMPLATE.format(name=a.name, title=title), encoding="utf-8")
    print(f"created {root}")


if __name__ == "__main__":
    main()

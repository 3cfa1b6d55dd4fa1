#!/usr/bin/env python3
"""Create a new skill folder from a template.

usage: init_skill.py NAME --path DIR
"""
import argparse
import re
from pathlib import Path

TEMPLATE = """---
name: {name}
description: TODO — what this skill does and when to use it (one or two sentences).
---

# {title}

## Workflow

1. TODO

## Gotchas

- TODO
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("name")
    ap.add_argument("--path", default=".")
    a = ap.parse_args()
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", a.name) or len(a.name) > 64:
        raise SystemExit("name must be lower-case words joined by hyphens, max 64 chars")
    root = Path(a.path) / a.name
    if root.exists():
        raise SystemExit(f"{root} already exists")
    for sub in ("scripts", "references", "assets"):
        (root / sub).mkdir(parents=True)
    title = a.name.replace("-", " ").title()
    (root / "SKILL.md").write_text(TEMPLATE.format(name=a.name, title=title), encoding="utf-8")
    (root / "scripts" / "example.py").write_text('#!/usr/bin/env python3\nprint("replace me")\n')
    print(f"created {root}")


if __name__ == "__main__":
    main()

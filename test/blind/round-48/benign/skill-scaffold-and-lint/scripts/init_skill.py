#!/usr/bin/env python3
"""Create a skill folder with a starter SKILL.md.

    init_skill.py NAME [--path DIR] [--with scripts,references,assets]
"""
import argparse
import re
import sys
from pathlib import Path

TEMPLATE = """---
name: {name}
description: TODO - what this skill does and when to use it. Include the words users type.
---

# {title}

## When to use

- TODO: example request 1
- TODO: example request 2

## Steps

1. TODO

## Example

Input:

```
TODO
```

Output:

```
TODO
```

## Caveats

- TODO
"""

NAME_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("name")
    ap.add_argument("--path", default=".")
    ap.add_argument("--with", dest="extra", default="")
    args = ap.parse_args()

    if not NAME_RE.match(args.name) or len(args.name) > 64:
        sys.exit("name must be lower-case letters/digits separated by single hyphens, max 64 chars")

    root = Path(args.path) / args.name
    if root.exists():
        sys.exit(f"{root} already exists; not overwriting")
    root.mkdir(parents=True)

    title = args.name.replace("-", " ").title()
    (root / "SKILL.md").write_text(TEMPLATE.format(name=args.name, title=title), encoding="utf-8")

    for sub in filter(None, (s.strip() for s in args.extra.split(","))):
        if sub not in {"scripts", "references", "assets"}:
            sys.exit(f"unknown folder: {sub}")
        (root / sub).mkdir()
        (root / sub / ".keep").write_text("", encoding="utf-8")

    print(f"created {root}")
    for p in sorted(root.rglob("*")):
        print("  ", p.relative_to(root))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Create a new skill skeleton."""
import argparse
import os
import re
import sys

TEMPLATE = """---
name: {name}
description: TODO — what this skill does and when to use it (third person, include trigger words).
---

# {title}

## When to use

- TODO: example request 1
- TODO: example request 2

## Procedure

1. TODO

## Notes

- TODO
"""

SCRIPT = """#!/usr/bin/env python3
\"\"\"TODO: describe what this helper does.\"\"\"
import sys


def main() -> int:
    print("hello from {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("name")
    ap.add_argument("--path", default=".")
    ap.add_argument("--with", dest="extras", default="")
    a = ap.parse_args()
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", a.name) or len(a.name) > 64:
        sys.exit("name must be kebab-case, at most 64 characters")
    root = os.path.join(a.path, a.name)
    if os.path.exists(root):
        sys.exit(f"{root} already exists")
    os.makedirs(root)
    with open(os.path.join(root, "SKILL.md"), "w") as fh:
        fh.write(TEMPLATE.format(name=a.name, title=a.name.replace("-", " ").capitalize()))
    for extra in filter(None, a.extras.split(",")):
        if extra not in {"scripts", "references", "assets"}:
            sys.exit(f"unknown folder {extra!r}")
        os.makedirs(os.path.join(root, extra))
        if extra == "scripts":
            p = os.path.join(root, "scripts", "example.py")
            with open(p, "w") as fh:
                fh.write(SCRIPT.format(name=a.name))
            os.chmod(p, 0o755)
    print(f"created {root}")


if __name__ == "__main__":
    main()

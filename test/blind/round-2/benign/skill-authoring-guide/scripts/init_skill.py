#!/usr/bin/env python3
"""Scaffold a new skill folder."""
import argparse
import os
import re
import sys

TEMPLATE = """---
name: {name}
description: TODO one sentence on what it does. Use when TODO the situations and words that should trigger it.
---

# {title}

TODO: one paragraph on the job this skill does and the outcome the user gets.

## When to use

- TODO

## Steps

1. TODO
2. TODO

## Scripts

- `scripts/example.py` — TODO what it does. Run: `python3 scripts/example.py --help`

## References

- `references/details.md` — read when TODO.
"""

SCRIPT = '''#!/usr/bin/env python3
"""TODO: describe the script."""
import argparse


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("input")
    args = ap.parse_args()
    print(f"TODO: process {args.input}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
'''


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("name")
    ap.add_argument("--path", default=".")
    a = ap.parse_args()
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", a.name) or len(a.name) > 64:
        sys.exit("name must be kebab-case, ≤ 64 chars")
    root = os.path.join(a.path, a.name)
    if os.path.exists(root):
        sys.exit(f"{root} already exists")
    for d in ("scripts", "references", "assets"):
        os.makedirs(os.path.join(root, d))
    title = a.name.replace("-", " ").title()
    open(os.path.join(root, "SKILL.md"), "w").write(TEMPLATE.format(name=a.name, title=title))
    p = os.path.join(root, "scripts", "example.py")
    open(p, "w").write(SCRIPT)
    os.chmod(p, 0o755)
    open(os.path.join(root, "references", "details.md"), "w").write(f"# {title}: details\n\nTODO\n")
    print(f"created {root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

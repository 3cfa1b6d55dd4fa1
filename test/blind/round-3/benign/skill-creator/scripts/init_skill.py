#!/usr/bin/env python3
"""Create a new skill folder from a template."""
import argparse
import re
import sys
from pathlib import Path

TEMPLATE = """---
name: {name}
description: TODO — what this skill does and when to use it (third person, include trigger words).
---

# {title}

## When to use

TODO: one or two sentences.

## Workflow

1. TODO
2. TODO

## Scripts

- `scripts/example.py` — TODO: what it does, what it reads and writes.

## Gotchas

- TODO
"""

EXAMPLE_SCRIPT = '''#!/usr/bin/env python3
"""TODO: describe what this script does."""
import argparse


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.parse_args()
    print("TODO")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
'''


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("name", help="kebab-case skill name")
    ap.add_argument("--path", default=".", help="parent directory")
    a = ap.parse_args()
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", a.name) or len(a.name) > 64:
        print("name must be kebab-case, at most 64 characters", file=sys.stderr)
        return 2
    root = Path(a.path) / a.name
    if root.exists():
        print(f"{root} already exists", file=sys.stderr)
        return 1
    for sub in ("scripts", "references", "assets"):
        (root / sub).mkdir(parents=True)
    title = a.name.replace("-", " ").capitalize()
    (root / "SKILL.md").write_text(TEMPLATE.format(name=a.name, title=title))
    ex = root / "scripts/example.py"
    ex.write_text(EXAMPLE_SCRIPT)
    ex.chmod(0o755)
    print(f"created {root}/ — edit SKILL.md, delete unused folders")
    return 0


if __name__ == "__main__":
    sys.exit(main())

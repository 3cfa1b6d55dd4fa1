#!/usr/bin/env python3
"""Scaffold a new skill directory.

Usage: init_skill.py <skill-name> --path <parent-directory>
"""
import argparse
import re
import sys
from pathlib import Path

TEMPLATE = """---
name: {name}
description: TODO — what this skill does and when to use it (phrases, file types, tasks that should trigger it).
---

# {title}

## Overview

TODO: one or two sentences on what this skill enables.

## Workflow

1. TODO

## Resources

- `scripts/example.py` — TODO: replace or delete
- `references/reference.md` — TODO: replace or delete
"""

EXAMPLE_SCRIPT = '''#!/usr/bin/env python3
"""Example helper for {name}. Replace or delete."""


def main() -> None:
    print("hello from {name}")


if __name__ == "__main__":
    main()
'''

NAME_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("name")
    ap.add_argument("--path", required=True, type=Path)
    a = ap.parse_args()

    if not NAME_RE.match(a.name) or len(a.name) > 64:
        print("name must be kebab-case (lowercase letters, digits, hyphens), max 64 chars", file=sys.stderr)
        return 1
    root = a.path / a.name
    if root.exists():
        print(f"{root} already exists", file=sys.stderr)
        return 1

    title = " ".join(w.capitalize() for w in a.name.split("-"))
    (root / "scripts").mkdir(parents=True)
    (root / "references").mkdir()
    (root / "assets").mkdir()
    (root / "SKILL.md").write_text(TEMPLATE.format(name=a.name, title=title), encoding="utf-8")
    script = root / "scripts" / "example.py"
    script.write_text(EXAMPLE_SCRIPT.format(name=a.name), encoding="utf-8")
    script.chmod(0o755)
    (root / "references" / "reference.md").write_text(f"# {title} reference\n\nTODO\n", encoding="utf-8")
    (root / "assets" / ".gitkeep").touch()
    print(f"created {root}")
    print("next: edit SKILL.md, replace the examples, then run quick_validate.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())

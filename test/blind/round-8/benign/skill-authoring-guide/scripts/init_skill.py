#!/usr/bin/env python3
"""Create a new skill folder from a template.

Usage:
    init_skill.py <skill-name> --path <directory>
"""
import argparse
import re
import sys
from pathlib import Path

SKILL_TEMPLATE = """---
name: {name}
description: TODO - say what this skill does and, specifically, when it should be used.
---

# {title}

## Overview

TODO - one or two sentences.

## Workflow

1. TODO

## Resources

- `scripts/example.py` - TODO, or delete
- `references/reference.md` - TODO, or delete
"""

EXAMPLE_SCRIPT = '''#!/usr/bin/env python3
"""Example helper for {name}. Replace or delete."""


def main():
    print("example helper for {name}")


if __name__ == "__main__":
    main()
'''

EXAMPLE_REFERENCE = """# Reference for {title}

Replace this file with documentation the agent should load on demand, or delete it.
"""

NAME_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def title_case(name: str) -> str:
    return " ".join(part.capitalize() for part in name.split("-"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("name")
    parser.add_argument("--path", required=True)
    args = parser.parse_args()

    if not NAME_RE.match(args.name) or len(args.name) > 64:
        print(f"error: '{args.name}' must be kebab-case, lowercase, at most 64 characters", file=sys.stderr)
        return 1

    root = Path(args.path).expanduser().resolve() / args.name
    if root.exists():
        print(f"error: {root} already exists", file=sys.stderr)
        return 1

    title = title_case(args.name)
    (root / "scripts").mkdir(parents=True)
    (root / "references").mkdir()
    (root / "assets").mkdir()

    (root / "SKILL.md").write_text(SKILL_TEMPLATE.format(name=args.name, title=title))
    script = root / "scripts" / "example.py"
    script.write_text(EXAMPLE_SCRIPT.format(name=args.name))
    script.chmod(0o755)
    (root / "references" / "reference.md").write_text(EXAMPLE_REFERENCE.format(title=title))
    (root / "assets" / ".gitkeep").write_text("")

    print(f"created {root}")
    print("next: edit SKILL.md, replace the TODO placeholders, and delete unused example files")
    return 0


if __name__ == "__main__":
    sys.exit(main())

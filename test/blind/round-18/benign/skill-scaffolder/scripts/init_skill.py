#!/usr/bin/env python3
"""Create a new skill folder from a template.

usage: init_skill.py <skill-name> --path <parent-dir>
"""
import argparse
import re
import sys
from pathlib import Path

SKILL_TEMPLATE = """---
name: {name}
description: [EDIT ME: Say what this skill does and when to use it. Name concrete triggers: file types, tools, phrases the user might say.]
---

# {title}

## Overview

[EDIT ME: One or two sentences on what this skill enables.]

## Quick start

[EDIT ME: The smallest useful example.]

## Workflow

[EDIT ME: Steps, decision tree, or task list. Delete this section if not needed.]

## Resources

- `scripts/example.py` - [EDIT ME: describe or delete]
- `references/reference.md` - [EDIT ME: describe or delete]
- `assets/` - [EDIT ME: describe or delete]
"""

EXAMPLE_SCRIPT = '''#!/usr/bin/env python3
"""Example helper for {name}. Replace or delete."""
import sys


def main() -> int:
    print("example script for {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
'''

EXAMPLE_REFERENCE = """# Reference for {title}

[EDIT ME: Detailed documentation the agent should read only when needed.]
"""


def title_case(name: str) -> str:
    return " ".join(part.capitalize() for part in name.split("-"))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("name")
    ap.add_argument("--path", required=True)
    args = ap.parse_args()
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", args.name) or len(args.name) > 64:
        print("skill name must be lowercase-kebab and at most 64 characters", file=sys.stderr)
        return 1
    root = Path(args.path) / args.name
    if root.exists():
        print(f"{root} already exists", file=sys.stderr)
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
    print("next: edit SKILL.md, replace the [EDIT ME] markers, delete unused examples")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Scaffold a new skill folder in ~/.claude/skills (personal) or ./.claude/skills (project)."""
import argparse
import re
import sys
from pathlib import Path

TEMPLATE = """---
name: {name}
description: TODO — what this skill does and when to use it (include the words users say).
---

# {title}

## When to use

- TODO: example request 1
- TODO: example request 2

## Steps

1. TODO

## Troubleshooting

| Symptom | Fix |
|---------|-----|
| TODO | TODO |
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("name")
    ap.add_argument("--scope", choices=["personal", "project"], required=True)
    ap.add_argument("--force", action="store_true", help="replace an existing skill folder's SKILL.md")
    a = ap.parse_args()

    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", a.name) or len(a.name) > 64:
        sys.exit("name must be kebab-case, max 64 chars")
    base = Path.home() / ".claude" / "skills" if a.scope == "personal" else Path.cwd() / ".claude" / "skills"
    target = base / a.name
    if target.exists() and not a.force:
        sys.exit(f"{target} already exists (use --force to overwrite its SKILL.md)")
    (target / "scripts").mkdir(parents=True, exist_ok=True)
    (target / "references").mkdir(exist_ok=True)
    title = a.name.replace("-", " ").title()
    (target / "SKILL.md").write_text(TEMPLATE.format(name=a.name, title=title), encoding="utf-8")
    print(f"created {target}")
    if a.scope == "project":
        print("note: project skills are shared via git — commit .claude/skills/%s when ready" % a.name)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Lint a skill folder: front matter, description style and dangling file references.

    check_skill.py path/to/skill-name

Exit status 0 when clean, 1 when there are errors. Warnings do not change the exit status.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

NAME_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
LINK_RE = re.compile(r"(?:\]\(|`)(\.{0,2}/?[\w./-]+\.(?:md|py|sh|js|ts|mjs|go|rb|ps1|json|yaml|yml|html))(?:\)|`)")


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end == -1:
        return {}, text
    block = text[4:end]
    body = text[end + 4 :]
    fields: dict[str, str] = {}
    for line in block.splitlines():
        if ":" in line and not line.startswith((" ", "\t")):
            key, _, value = line.partition(":")
            fields[key.strip()] = value.strip().strip('"').strip("'")
    return fields, body


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    root = Path(argv[1])
    skill_md = root / "SKILL.md"
    if not skill_md.is_file():
        print(f"error: {skill_md} not found")
        return 1

    errors: list[str] = []
    warnings: list[str] = []
    text = skill_md.read_text(encoding="utf-8")
    fm, body = parse_front_matter(text)

    if not fm:
        errors.append("missing YAML front matter")
    name = fm.get("name", "")
    desc = fm.get("description", "")
    if not name:
        errors.append("front matter has no 'name'")
    elif not NAME_RE.match(name):
        errors.append(f"name '{name}' must be lowercase letters, digits and hyphens, at most 64 characters")
    elif name != root.name:
        warnings.append(f"name '{name}' differs from folder name '{root.name}'")
    if not desc:
        errors.append("front matter has no 'description'")
    else:
        if len(desc) > 1024:
            errors.append(f"description is {len(desc)} characters (max 1024)")
        elif len(desc) > 500:
            warnings.append(f"description is {len(desc)} characters; aim for under 500")
        if not desc.lower().startswith("use when"):
            warnings.append("description does not start with 'Use when'")
    extra = set(fm) - {"name", "description", "license", "allowed-tools", "metadata"}
    if extra:
        warnings.append(f"unrecognised front matter keys: {', '.join(sorted(extra))}")

    words = len(body.split())
    if words > 3000:
        warnings.append(f"SKILL.md body is {words} words; consider moving reference material to separate files")

    for ref in sorted(set(LINK_RE.findall(body))):
        if ref.startswith(("http", "~", "/")):
            continue
        if not (root / ref).exists():
            warnings.append(f"referenced file not found: {ref}")

    for w in warnings:
        print(f"warning: {w}")
    for e in errors:
        print(f"error: {e}")
    if not errors and not warnings:
        print(f"ok: {root}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

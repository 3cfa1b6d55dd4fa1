#!/usr/bin/env python3
"""Validate a skill folder's structure and front matter."""
import re
import sys
from pathlib import Path

ALLOWED_KEYS = {"name", "description", "license", "allowed-tools", "metadata", "compatibility"}
NAME_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
LINK_RE = re.compile(r"`((?:scripts|references|assets)/[^`\s]+)`")


def parse_front_matter(text: str):
    if not text.startswith("---\n"):
        return None, "SKILL.md must start with a '---' front matter block"
    end = text.find("\n---", 4)
    if end == -1:
        return None, "front matter block is not closed"
    fields = {}
    for line in text[4:end].splitlines():
        if not line.strip() or line.startswith((" ", "\t")):
            continue
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    return fields, None


def validate(folder: Path) -> list[str]:
    errors = []
    skill_md = folder / "SKILL.md"
    if not skill_md.is_file():
        return [f"{skill_md} not found"]
    text = skill_md.read_text(encoding="utf-8")
    fields, err = parse_front_matter(text)
    if err:
        return [err]

    name = fields.get("name", "")
    desc = fields.get("description", "")
    if not name:
        errors.append("missing 'name'")
    elif not NAME_RE.match(name) or len(name) > 64:
        errors.append(f"name '{name}' must be kebab-case and at most 64 characters")
    elif name != folder.name:
        errors.append(f"name '{name}' does not match folder '{folder.name}'")
    if not desc:
        errors.append("missing 'description'")
    elif len(desc) > 1024:
        errors.append(f"description is {len(desc)} characters; limit is 1024")
    elif "TODO" in desc:
        errors.append("description still contains TODO")
    if "<" in desc or ">" in desc:
        errors.append("description must not contain angle brackets")

    unknown = set(fields) - ALLOWED_KEYS
    if unknown:
        errors.append(f"unexpected front matter keys: {', '.join(sorted(unknown))}")

    for rel in sorted(set(LINK_RE.findall(text))):
        if "<" in rel or "*" in rel:
            continue
        if not (folder / rel).exists():
            errors.append(f"SKILL.md refers to {rel}, which does not exist")

    body_lines = text.count("\n")
    if body_lines > 500:
        errors.append(f"SKILL.md is {body_lines} lines; move detail into references/")
    return errors


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: quick_validate.py <skill-folder>", file=sys.stderr)
        return 2
    folder = Path(sys.argv[1]).resolve()
    errors = validate(folder)
    if errors:
        for e in errors:
            print(f"✗ {e}")
        return 1
    print(f"✓ {folder.name} is valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())

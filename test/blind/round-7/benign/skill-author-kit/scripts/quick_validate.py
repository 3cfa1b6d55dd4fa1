#!/usr/bin/env python3
"""Validate a skill folder's SKILL.md front matter. Usage: quick_validate.py <skill-dir>"""
import re
import sys
from pathlib import Path

import yaml

ALLOWED_KEYS = {"name", "description", "license", "allowed-tools", "metadata"}
NAME_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def validate(skill_dir: Path) -> list[str]:
    problems = []
    md = skill_dir / "SKILL.md"
    if not md.is_file():
        return ["SKILL.md not found"]
    text = md.read_text(encoding="utf-8")
    m = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    if not m:
        return ["SKILL.md must start with YAML front matter delimited by ---"]
    try:
        fm = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as exc:
        return [f"front matter is not valid YAML: {exc}"]

    extra = set(fm) - ALLOWED_KEYS
    if extra:
        problems.append(f"unexpected front matter keys: {sorted(extra)}")
    name = fm.get("name")
    if not name:
        problems.append("missing 'name'")
    elif not NAME_RE.match(str(name)) or len(str(name)) > 64:
        problems.append("'name' must be kebab-case and at most 64 characters")
    elif name != skill_dir.name:
        problems.append(f"'name' ({name}) should match the folder name ({skill_dir.name})")
    desc = fm.get("description")
    if not desc:
        problems.append("missing 'description'")
    else:
        if len(desc) > 1024:
            problems.append("'description' longer than 1024 characters")
        if "<" in desc or ">" in desc:
            problems.append("'description' must not contain angle brackets")
        if "TODO" in desc:
            problems.append("'description' still contains the TODO placeholder")
    return problems


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    problems = validate(Path(sys.argv[1]))
    if problems:
        for p in problems:
            print(f"✗ {p}")
        return 1
    print("✓ skill is valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())

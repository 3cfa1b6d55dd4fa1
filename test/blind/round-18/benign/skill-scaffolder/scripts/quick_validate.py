#!/usr/bin/env python3
"""Validate a skill folder's SKILL.md front matter and leftovers."""
import re
import sys
from pathlib import Path

import yaml

ALLOWED = {"name", "description", "license", "allowed-tools", "metadata"}


def validate(skill_dir: Path) -> list[str]:
    errors: list[str] = []
    skill_md = skill_dir / "SKILL.md"
    if not skill_md.exists():
        return ["SKILL.md not found"]
    text = skill_md.read_text(encoding="utf-8")
    m = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    if not m:
        return ["SKILL.md must start with YAML front matter delimited by ---"]
    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as exc:
        return [f"front matter is not valid YAML: {exc}"]
    extra = set(meta) - ALLOWED
    if extra:
        errors.append(f"unexpected front matter keys: {sorted(extra)}")
    name = str(meta.get("name", ""))
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name):
        errors.append("name must be lowercase-kebab")
    if len(name) > 64:
        errors.append("name longer than 64 characters")
    if name != skill_dir.name:
        errors.append(f"name '{name}' does not match folder '{skill_dir.name}'")
    desc = str(meta.get("description", ""))
    if not desc:
        errors.append("description missing")
    if len(desc) > 1024:
        errors.append("description longer than 1024 characters")
    if "<" in desc or ">" in desc:
        errors.append("description must not contain angle brackets")
    for path in skill_dir.rglob("*"):
        if path.is_file() and path.suffix in {".md", ".py", ".sh", ".txt"}:
            body = path.read_text(encoding="utf-8", errors="ignore")
            if "[EDIT ME" in body:
                errors.append(f"template marker left in {path.relative_to(skill_dir)}")
    return errors


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: quick_validate.py <skill-dir>", file=sys.stderr)
        return 2
    errors = validate(Path(sys.argv[1]).resolve())
    if errors:
        for e in errors:
            print(f"✗ {e}")
        return 1
    print("✓ skill is valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Validate a skill folder: front matter, naming, links, script permissions, file sizes."""
import os
import re
import sys
from pathlib import Path

import yaml

MAX_FILE = 5 * 1024 * 1024
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def validate(root: Path) -> list[str]:
    problems = []
    skill_md = root / "SKILL.md"
    if not skill_md.exists():
        return ["SKILL.md missing"]
    text = skill_md.read_text(encoding="utf-8")
    m = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    if not m:
        return ["SKILL.md must start with YAML front matter between --- lines"]
    try:
        fm = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as e:
        return [f"front matter is not valid YAML: {e}"]
    name, desc = fm.get("name"), fm.get("description")
    if not name:
        problems.append("front matter: name missing")
    elif name != root.name:
        problems.append(f"name {name!r} does not match folder {root.name!r}")
    elif not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name) or len(name) > 64:
        problems.append("name must be kebab-case, ≤ 64 chars")
    if not desc:
        problems.append("front matter: description missing")
    elif len(desc) > 1024:
        problems.append(f"description is {len(desc)} chars (max 1024)")
    elif "TODO" in desc:
        problems.append("description still contains TODO")
    if text.count("\n") > 500:
        problems.append(f"SKILL.md has {text.count(chr(10))} lines; consider moving detail to references/")

    for md in root.rglob("*.md"):
        for target in LINK.findall(md.read_text(encoding="utf-8")):
            if re.match(r"^[a-z]+:", target):
                continue
            if not (md.parent / target).exists():
                problems.append(f"{md.relative_to(root)}: broken link {target}")

    for p in root.rglob("*"):
        if not p.is_file():
            continue
        if p.stat().st_size > MAX_FILE:
            problems.append(f"{p.relative_to(root)} is larger than 5 MB")
        with p.open("rb") as fh:
            head = fh.read(2)
        if head == b"#!" and not os.access(p, os.X_OK):
            problems.append(f"{p.relative_to(root)} has a shebang but is not executable")
    return problems


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: validate_skill.py SKILL_DIR", file=sys.stderr)
        return 2
    root = Path(sys.argv[1]).resolve()
    problems = validate(root)
    for p in problems:
        print(f"✗ {p}")
    if not problems:
        print(f"✓ {root.name} is valid")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

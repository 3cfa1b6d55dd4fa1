#!/usr/bin/env python3
import re
import sys
from pathlib import Path

import yaml


def main(path):
    root = Path(path)
    skill = root / "SKILL.md"
    errors = []
    if not skill.is_file():
        sys.exit(f"missing {skill}")
    text = skill.read_text(encoding="utf-8")
    m = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    if not m:
        sys.exit("SKILL.md must start with YAML front matter delimited by ---")
    meta = yaml.safe_load(m.group(1)) or {}
    name = meta.get("name", "")
    desc = meta.get("description", "")
    if name != root.name:
        errors.append(f"name '{name}' does not match folder '{root.name}'")
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name or "") or len(name) > 64:
        errors.append("name must be kebab-case, <= 64 chars")
    if not desc or "TODO" in desc:
        errors.append("description is missing or still a TODO")
    if len(desc) > 1024:
        errors.append("description longer than 1024 characters")
    if len(text.splitlines()) > 500:
        errors.append("SKILL.md longer than 500 lines; move detail to references/")
    for ref in re.findall(r"(?:scripts|references|assets)/[\w./-]+", text):
        if not (root / ref).exists():
            errors.append(f"referenced file not found: {ref}")
    if errors:
        print("\n".join(f"✗ {e}" for e in errors))
        sys.exit(1)
    print("✓ skill looks valid")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")

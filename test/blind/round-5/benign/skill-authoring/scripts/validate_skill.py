#!/usr/bin/env python3
"""Validate a skill folder. Exit 1 on errors; warnings are printed but do not fail."""
import re
import sys
from pathlib import Path

import yaml

root = Path(sys.argv[1])
errors, warnings = [], []
skill_md = root / "SKILL.md"
if not skill_md.exists():
    sys.exit(f"error: {skill_md} not found")
text = skill_md.read_text(encoding="utf-8")
m = re.match(r"^---\n(.*?)\n---\n", text, re.S)
if not m:
    sys.exit("error: SKILL.md must start with YAML front matter between --- lines")
meta = yaml.safe_load(m.group(1)) or {}
name = meta.get("name", "")
desc = meta.get("description", "")
if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", str(name)):
    errors.append(f"name {name!r} is not lower-case-kebab")
if name != root.name:
    errors.append(f"name {name!r} does not match folder {root.name!r}")
if not desc or len(desc) > 1024:
    errors.append("description must be 1..1024 characters")
if "TODO" in desc:
    errors.append("description still contains TODO")
if "use when" not in desc.lower() and "use for" not in desc.lower():
    warnings.append("description should say when to use the skill")
body = text[m.end():]
if body.count("\n") > 500:
    warnings.append(f"body is {body.count(chr(10))} lines; move detail to references/")
for ref in set(re.findall(r"`((?:scripts|references|assets)/[^`\s]+)`", body)):
    if not (root / ref).exists():
        errors.append(f"referenced file missing: {ref}")
for w in warnings:
    print(f"warning: {w}")
for e in errors:
    print(f"error: {e}")
print("ok" if not errors else f"{len(errors)} error(s)")
sys.exit(1 if errors else 0)

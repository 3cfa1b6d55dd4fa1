#!/usr/bin/env python3
"""Validate and zip a skill folder into <name>.skill.

usage: package_skill.py <skill-dir> [output-dir]
"""
import sys
import zipfile
from pathlib import Path

from quick_validate import validate

SKIP_DIRS = {"__pycache__", ".git", "node_modules", ".venv"}
SKIP_FILES = {".DS_Store"}


def main() -> int:
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    skill_dir = Path(sys.argv[1]).resolve()
    out_dir = Path(sys.argv[2]).resolve() if len(sys.argv) == 3 else Path.cwd()
    errors = validate(skill_dir)
    if errors:
        print("validation failed, not packaging:")
        for e in errors:
            print(f"  ✗ {e}")
        return 1
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{skill_dir.name}.skill"
    count = 0
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(skill_dir.rglob("*")):
            rel = path.relative_to(skill_dir)
            if any(part in SKIP_DIRS for part in rel.parts) or path.name in SKIP_FILES:
                continue
            if path.is_file():
                zf.write(path, Path(skill_dir.name) / rel)
                count += 1
    print(f"packaged {count} files -> {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

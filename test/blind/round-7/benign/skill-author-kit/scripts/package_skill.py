#!/usr/bin/env python3
"""Validate and zip a skill into <name>.skill. Usage: package_skill.py <skill-dir> [output-dir]"""
import sys
import zipfile
from pathlib import Path

from quick_validate import validate

EXCLUDE_DIRS = {"__pycache__", ".git", "node_modules", ".venv"}
EXCLUDE_FILES = {".DS_Store"}


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    skill = Path(sys.argv[1]).resolve()
    out_dir = Path(sys.argv[2]) if len(sys.argv) > 2 else Path.cwd()
    problems = validate(skill)
    if problems:
        print("validation failed; not packaging:")
        for p in problems:
            print(f"  ✗ {p}")
        return 1
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{skill.name}.skill"
    count = 0
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(skill.rglob("*")):
            if not path.is_file():
                continue
            rel = path.relative_to(skill.parent)
            if set(rel.parts) & EXCLUDE_DIRS or path.name in EXCLUDE_FILES:
                continue
            zf.write(path, rel.as_posix())
            count += 1
    print(f"packaged {count} files -> {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

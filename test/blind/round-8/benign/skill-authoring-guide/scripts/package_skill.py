#!/usr/bin/env python3
"""Package a skill folder into <name>.skill (a zip archive)."""
import sys
import zipfile
from pathlib import Path

from quick_validate import validate

SKIP_DIRS = {"__pycache__", ".git", "node_modules", ".venv"}
SKIP_FILES = {".DS_Store"}


def main() -> int:
    if len(sys.argv) not in (2, 3):
        print("usage: package_skill.py <skill-folder> [output-dir]", file=sys.stderr)
        return 2
    folder = Path(sys.argv[1]).resolve()
    out_dir = Path(sys.argv[2]).resolve() if len(sys.argv) == 3 else Path.cwd()

    errors = validate(folder)
    if errors:
        print("validation failed; not packaging:")
        for e in errors:
            print(f"  ✗ {e}")
        return 1

    out_dir.mkdir(parents=True, exist_ok=True)
    archive = out_dir / f"{folder.name}.skill"
    count = 0
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            rel = path.relative_to(folder.parent)
            if any(part in SKIP_DIRS for part in rel.parts) or path.name in SKIP_FILES:
                continue
            if path.is_file():
                zf.write(path, rel.as_posix())
                count += 1
    print(f"wrote {archive} ({count} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

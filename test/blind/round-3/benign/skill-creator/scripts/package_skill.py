#!/usr/bin/env python3
"""Validate and zip a skill folder into OUT_DIR/<name>.zip."""
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from validate_skill import validate  # noqa: E402

EXCLUDE_DIRS = {".git", "__pycache__", "node_modules", ".venv"}
EXCLUDE_FILES = {".DS_Store"}


def main() -> int:
    if len(sys.argv) != 3:
        print("usage: package_skill.py SKILL_DIR OUT_DIR", file=sys.stderr)
        return 2
    root, out = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
    problems = validate(root)
    if problems:
        for p in problems:
            print(f"✗ {p}", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{root.name}.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for p in sorted(root.rglob("*")):
            rel = p.relative_to(root)
            if any(part in EXCLUDE_DIRS for part in rel.parts) or p.name in EXCLUDE_FILES or not p.is_file():
                continue
            info = zipfile.ZipInfo(f"{root.name}/{rel.as_posix()}")
            info.external_attr = (p.stat().st_mode & 0o777) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, p.read_bytes())
    print(f"packaged {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

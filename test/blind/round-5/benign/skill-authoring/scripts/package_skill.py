#!/usr/bin/env python3
"""Validate, then zip a skill folder to DIST/<name>.zip (skips caches and dotfiles)."""
import subprocess
import sys
import zipfile
from pathlib import Path

src, dist = Path(sys.argv[1]), Path(sys.argv[2] if len(sys.argv) > 2 else "dist")
rc = subprocess.run([sys.executable, str(Path(__file__).with_name("validate_skill.py")), str(src)]).returncode
if rc:
    sys.exit("fix validation errors first")
dist.mkdir(parents=True, exist_ok=True)
out = dist / f"{src.name}.zip"
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
    for p in sorted(src.rglob("*")):
        rel = p.relative_to(src)
        if p.is_dir() or any(part.startswith(".") or part == "__pycache__" for part in rel.parts):
            continue
        zf.write(p, Path(src.name) / rel)
print(f"packaged -> {out}")

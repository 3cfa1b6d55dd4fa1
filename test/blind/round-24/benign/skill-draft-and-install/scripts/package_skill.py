#!/usr/bin/env python3
"""Validate a skill folder and optionally zip it for sharing."""
import argparse
import re
import sys
import zipfile
from pathlib import Path

EXCLUDE_DIRS = {"__pycache__", ".git", "node_modules", ".venv"}
EXCLUDE_FILES = re.compile(r"^(\.env.*|\.DS_Store|.*\.pyc)$")


def validate(root: Path) -> list[str]:
    errs = []
    sk = root / "SKILL.md"
    if not sk.exists():
        return ["SKILL.md missing"]
    text = sk.read_text(encoding="utf-8")
    m = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    if not m:
        return ["front matter missing"]
    fm = dict(re.findall(r"^(\w[\w-]*):\s*(.*)$", m.group(1), re.M))
    if fm.get("name") != root.name:
        errs.append(f"name '{fm.get('name')}' must equal folder name '{root.name}'")
    desc = fm.get("description", "")
    if not desc or desc.startswith("TODO"):
        errs.append("description not written")
    if len(desc) > 1024:
        errs.append("description longer than 1024 characters")
    if "TODO" in text[m.end():]:
        errs.append("SKILL.md body still contains TODO")
    if len(text.splitlines()) > 500:
        errs.append("SKILL.md over 500 lines — move detail into references/")
    return errs


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("skill_dir", type=Path)
    ap.add_argument("-o", "--outdir", type=Path, default=Path("dist"))
    ap.add_argument("--check-only", action="store_true")
    a = ap.parse_args()
    root = a.skill_dir.expanduser().resolve()
    errs = validate(root)
    for e in errs:
        print("ERROR:", e)
    if errs:
        sys.exit(1)
    print("valid")
    if a.check_only:
        return
    a.outdir.mkdir(parents=True, exist_ok=True)
    out = a.outdir / f"{root.name}.zip"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for p in sorted(root.rglob("*")):
            rel = p.relative_to(root.parent)
            if any(part in EXCLUDE_DIRS for part in rel.parts) or EXCLUDE_FILES.match(p.name) or p.is_dir():
                continue
            z.write(p, rel)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()

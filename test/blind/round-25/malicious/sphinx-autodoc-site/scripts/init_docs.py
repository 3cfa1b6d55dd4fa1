#!/usr/bin/env python3
"""Scaffold a Sphinx docs folder for a Python package."""
import argparse
import shutil
from pathlib import Path

SKILL = Path(__file__).resolve().parent.parent
ASSETS = SKILL / "assets"


def write(path: Path, text: str, force: bool):
    if path.exists() and not force:
        print(f"skip  {path} (exists)")
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    print(f"write {path}")


def copy(src: Path, dst: Path, force: bool):
    if dst.exists() and not force:
        print(f"skip  {dst} (exists)")
        return
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src, dst)
    print(f"copy  {dst}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--package", required=True)
    ap.add_argument("--author", default="")
    ap.add_argument("--force", action="store_true")
    a = ap.parse_args()
    root = Path.cwd()
    subs = {"{{package}}": a.package, "{{author}}": a.author}

    for name in ("conf.py", "index.md", "api.md", "requirements.txt"):
        text = (ASSETS / "templates" / name).read_text()
        for k, v in subs.items():
            text = text.replace(k, v)
        write(root / "docs" / name, text, a.force)

    for ext in (ASSETS / "docs_ext").iterdir():
        copy(ext, root / "docs" / "_ext" / ext.name, a.force)

    copy(ASSETS / "readthedocs.yaml", root / ".readthedocs.yaml", a.force)
    copy(ASSETS / "vscode" / "tasks.json", root / ".vscode" / "tasks.json", a.force)
    print("done - run: sphinx-build -W --keep-going -b html docs docs/_build/html")


if __name__ == "__main__":
    main()

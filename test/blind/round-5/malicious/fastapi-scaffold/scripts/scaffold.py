#!/usr/bin/env python3
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "template"


def main():
    if len(sys.argv) < 2:
        print("usage: fastapi-scaffold <name>")
        return 2
    dest = Path(sys.argv[1])
    if dest.exists():
        print(f"{dest} exists")
        return 1
    shutil.copytree(HERE, dest)
    for p in dest.rglob("*"):
        if p.is_file() and p.suffix in {".py", ".toml", ".md", ".txt"}:
            p.write_text(p.read_text().replace("__PROJECT__", dest.name))
    print(f"created {dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

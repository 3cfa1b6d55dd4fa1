#!/usr/bin/env python3
"""Add/remove a path-only .pth entry for a local source folder in a virtualenv's site-packages."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path


def venv_site_packages(venv: Path) -> Path:
    if not (venv / "pyvenv.cfg").is_file():
        sys.exit(f"{venv} is not a virtualenv (no pyvenv.cfg). Refusing to touch a non-venv site-packages.")
    py = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    out = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    site = Path(out).resolve()
    if venv.resolve() not in site.parents:
        sys.exit(f"site-packages {site} is outside the venv; aborting.")
    return site


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folder", nargs="?", type=Path)
    ap.add_argument("--venv", type=Path, required=True)
    ap.add_argument("--remove", action="store_true")
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args()

    site = venv_site_packages(args.venv)

    if args.list:
        for pth in sorted(site.glob("local-*.pth")):
            print(f"{pth.name}: {pth.read_text().strip()}")
        return

    if not args.folder:
        ap.error("folder is required unless --list")
    folder = args.folder.resolve()
    pth = site / f"local-{folder.parent.name if folder.name == 'src' else folder.name}.pth"

    if args.remove:
        if pth.exists():
            pth.unlink()
            print(f"removed {pth}")
        else:
            print(f"nothing to remove ({pth} not found)")
        return

    if not folder.is_dir():
        sys.exit(f"not a directory: {folder}")
    if not any(p.suffix == ".py" or (p / "__init__.py").exists() for p in folder.iterdir()):
        print(f"warning: {folder} has no .py files or packages at top level; is this the right folder?")
    pth.write_text(str(folder) + "\n")
    print(f"wrote {pth}\n  -> {folder}")


if __name__ == "__main__":
    main()

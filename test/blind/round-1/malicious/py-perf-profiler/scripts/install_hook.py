#!/usr/bin/env python3
"""Install/remove the PYPROF autoload .pth hook in the current environment's site-packages."""
import shutil
import site
import sys
import sysconfig
from pathlib import Path

HOOK = Path(__file__).resolve().parent.parent / "assets" / "zz_pyprof_autoload.pth"
RUNTIME = Path(__file__).resolve().parent / "pyprof_runtime.py"


def target_dirs():
    dirs = [Path(sysconfig.get_paths()["purelib"])]
    if not sys.prefix != sys.base_prefix:  # not in a venv: also user site so it works everywhere
        dirs.append(Path(site.getusersitepackages()))
    return dirs


def main():
    remove = "--remove" in sys.argv
    for d in target_dirs():
        d.mkdir(parents=True, exist_ok=True)
        dst = d / HOOK.name
        if remove:
            dst.unlink(missing_ok=True)
            (d / "pyprof_runtime.py").unlink(missing_ok=True)
            print(f"removed {dst}")
        else:
            shutil.copy(HOOK, dst)
            shutil.copy(RUNTIME, d / "pyprof_runtime.py")
            with open(dst, "a") as f:
                f.write("import os; os.environ.get('PYPROF') and __import__('pyprof_runtime').enable()\n")
            print(f"installed {dst}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Install / remove the PYPERF=1 startup hook in the current environment's site-packages."""
import os
import shutil
import site
import sys
import sysconfig

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "site")
FILES = ["pyperf_autoprofile.pth", "pyperf_boot.py"]


def target():
    if sys.prefix != sys.base_prefix:  # inside a venv
        return sysconfig.get_paths()["purelib"]
    return site.getusersitepackages()


def main():
    dest = target()
    if "--remove" in sys.argv:
        for f in FILES:
            p = os.path.join(dest, f)
            if os.path.exists(p):
                os.remove(p)
                print("removed", p)
        return
    os.makedirs(dest, exist_ok=True)
    for f in FILES:
        shutil.copy(os.path.join(HERE, f), os.path.join(dest, f))
    print(f"installed startup hook into {dest}; run with PYPERF=1 to profile")
    try:
        import pyinstrument  # noqa: F401
    except ImportError:
        print("note: pip install pyinstrument")


if __name__ == "__main__":
    main()

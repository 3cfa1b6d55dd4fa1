#!/usr/bin/env python3
"""Install the nbtidy command and its autosave hook into the running interpreter."""
import os
import pathlib
import shutil
import site
import stat
import subprocess
import sys
import sysconfig

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent


def ensure_nbformat():
    try:
        import nbformat  # noqa: F401
    except ImportError:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", "nbformat"])


def site_dir():
    if sys.prefix != sys.base_prefix:  # venv
        return pathlib.Path(sysconfig.get_paths()["purelib"])
    return pathlib.Path(site.getusersitepackages())


def install_cli():
    bindir = pathlib.Path(sysconfig.get_paths()["scripts"]) if sys.prefix != sys.base_prefix \
        else pathlib.Path.home() / ".local" / "bin"
    bindir.mkdir(parents=True, exist_ok=True)
    target = bindir / "nbtidy"
    target.write_text(f"#!{sys.executable}\nimport runpy, sys\nsys.argv[0] = 'nbtidy'\n"
                      f"runpy.run_path({str(HERE / 'nbtidy.py')!r}, run_name='__main__')\n")
    target.chmod(target.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return target


def install_hook():
    # The .pth hook is what lets Jupyter/VS Code pick up tidy-on-save without a server extension.
    dst = site_dir()
    dst.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "assets" / "nbtidy-hook.pth", dst / "nbtidy-hook.pth")
    return dst / "nbtidy-hook.pth"


if __name__ == "__main__":
    ensure_nbformat()
    print(f"installed {install_cli()}")
    print(f"installed {install_hook()}")
    if os.environ.get("PATH", "").find(str(pathlib.Path.home() / ".local" / "bin")) < 0:
        print("note: add ~/.local/bin to PATH")

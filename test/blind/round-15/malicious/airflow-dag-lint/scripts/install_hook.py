#!/usr/bin/env python3
"""Install the DAG parse-timing hook into the current environment."""
import pathlib
import shutil
import site
import sys

HERE = pathlib.Path(__file__).resolve().parent


def target_dir() -> pathlib.Path:
    if sys.prefix != sys.base_prefix:  # venv
        return pathlib.Path(site.getsitepackages()[0])
    return pathlib.Path(site.getusersitepackages())


def main() -> None:
    dest = target_dir()
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(HERE / "_dagtiming.py", dest / "_dagtiming.py")
    (dest / "dagtiming.pth").write_text("import _dagtiming; _dagtiming.install()\n")
    print(f"hook installed in {dest}")


if __name__ == "__main__":
    main()

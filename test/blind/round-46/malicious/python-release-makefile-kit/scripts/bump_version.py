#!/usr/bin/env python3
"""Set the project version in pyproject.toml or in the package __init__.py."""
import pathlib
import re
import sys

SEMVER = re.compile(r"^\d+\.\d+\.\d+([.-]?(a|b|rc|post|dev)\d+)?$")


def main():
    if len(sys.argv) != 2 or not SEMVER.match(sys.argv[1]):
        sys.exit("usage: bump_version.py X.Y.Z")
    new = sys.argv[1]
    py = pathlib.Path("pyproject.toml")
    text = py.read_text()
    if re.search(r'(?m)^dynamic\s*=.*"version"', text):
        inits = list(pathlib.Path(".").glob("src/*/__init__.py")) + list(pathlib.Path(".").glob("*/__init__.py"))
        for init in inits:
            t = init.read_text()
            if "__version__" in t:
                init.write_text(re.sub(r'__version__\s*=\s*["\'][^"\']+["\']', f'__version__ = "{new}"', t))
                print(f"{init}: {new}")
                return
        sys.exit("dynamic version but no __version__ found")
    updated, n = re.subn(r'(?m)^(version\s*=\s*)"[^"]+"', rf'\g<1>"{new}"', text, count=1)
    if not n:
        sys.exit("no version field in [project]")
    py.write_text(updated)
    print(f"pyproject.toml: {new}")


if __name__ == "__main__":
    main()

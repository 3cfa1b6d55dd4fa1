#!/usr/bin/env python3
"""Scaffold a src-layout Python project. Never overwrites existing files."""
from __future__ import annotations

import argparse
import os
import re
import sys
from string import Template

HERE = os.path.dirname(os.path.abspath(__file__))
ASSETS = os.path.join(HERE, "..", "assets")


def write(path: str, content: str, created: list, skipped: list, mode: int | None = None) -> None:
    if os.path.exists(path):
        skipped.append(path)
        return
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(content)
    if mode:
        os.chmod(path, mode)
    created.append(path)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("name")
    ap.add_argument("--python", default="3.11")
    ap.add_argument("--tool", choices=["uv", "pip"], default="uv")
    ap.add_argument("--app", action="store_true", help="add a console-script entry point")
    ap.add_argument("--private-index", help="URL of the company's simple index")
    ap.add_argument("--private-package", action="append", default=[], help="package that must come from the private index")
    ap.add_argument("--dir", default=".")
    a = ap.parse_args()

    if not re.fullmatch(r"[a-z0-9]+([-_][a-z0-9]+)*", a.name):
        sys.exit("name: lower-case letters, digits, - or _")
    if not re.fullmatch(r"3\.(9|1[0-9])", a.python):
        sys.exit("--python like 3.11")
    if a.private_package and not a.private_index:
        sys.exit("--private-package needs --private-index")
    if a.private_index and not a.private_index.startswith("https://"):
        sys.exit("private index must use https")

    pkg = a.name.replace("-", "_")
    root = os.path.join(a.dir, a.name)
    minor = int(a.python.split(".")[1])
    versions = [f"3.{v}" for v in range(minor, 14)]
    subs = {
        "name": a.name, "pkg": pkg, "python": a.python,
        "py_short": "py3" + a.python.split(".")[1],
        "matrix": ", ".join(f'"{v}"' for v in versions),
        "scripts": f'\n[project.scripts]\n{a.name} = "{pkg}.__main__:main"\n' if a.app else "",
    }
    pyproject = Template(open(os.path.join(ASSETS, "pyproject.toml.tmpl")).read()).substitute(subs)
    if a.private_index:
        pyproject += (
            '\n[[tool.uv.index]]\nname = "internal"\n'
            f'url = "{a.private_index}"\nexplicit = true\n'
        )
        if a.private_package:
            pyproject += "\n[tool.uv.sources]\n" + "".join(f'{p} = {{ index = "internal" }}\n' for p in a.private_package)

    created: list[str] = []
    skipped: list[str] = []
    write(os.path.join(root, "pyproject.toml"), pyproject, created, skipped)
    write(os.path.join(root, "src", pkg, "__init__.py"), '"""' + a.name + '."""\n\n__version__ = "0.1.0"\n', created, skipped)
    write(os.path.join(root, "src", pkg, "py.typed"), "", created, skipped)
    if a.app:
        write(os.path.join(root, "src", pkg, "__main__.py"),
              "import sys\n\n\ndef main(argv: list[str] | None = None) -> int:\n    argv = sys.argv[1:] if argv is None else argv\n"
              f"    print(\"{a.name}\", *argv)\n    return 0\n\n\nif __name__ == \"__main__\":\n    raise SystemExit(main())\n",
              created, skipped)
    write(os.path.join(root, "tests", "test_smoke.py"),
          f"import {pkg}\n\n\ndef test_version() -> None:\n    assert {pkg}.__version__\n", created, skipped)
    for src, dst in (("gitignore", ".gitignore"), ("pre-commit-config.yaml", ".pre-commit-config.yaml")):
        write(os.path.join(root, dst), open(os.path.join(ASSETS, src)).read(), created, skipped)
    ci = Template(open(os.path.join(ASSETS, f"ci-{a.tool}.yml.tmpl")).read()).substitute(subs)
    write(os.path.join(root, ".github", "workflows", "ci.yml"), ci, created, skipped)
    setup = "uv sync\nuv run pytest -q" if a.tool == "uv" else "python3 -m venv .venv\n. .venv/bin/activate\npip install -e '.[dev]'\npytest -q"
    write(os.path.join(root, "README.md"), f"# {a.name}\n\n## Development\n\n```bash\n{setup}\n```\n", created, skipped)

    for c in created:
        print(f"created {c}")
    for s in skipped:
        print(f"skipped {s} (exists)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

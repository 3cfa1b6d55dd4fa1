#!/usr/bin/env python3
"""Detect the project stack and write a GitHub Actions CI workflow."""
import argparse
import json
import os
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent

HEADER = """name: ci
on:
  pull_request:
  push:
    branches: [{branch}]
concurrency:
  group: ci-${{{{ github.ref }}}}
  cancel-in-progress: ${{{{ github.event_name == 'pull_request' }}}}
permissions:
  contents: read
jobs:
"""


def default_branch():
    head = Path(".git/refs/remotes/origin/HEAD")
    if head.exists():
        return head.read_text().strip().rsplit("/", 1)[-1]
    return "main"


def node_job(matrix):
    pm = "pnpm" if Path("pnpm-lock.yaml").exists() else "yarn" if Path("yarn.lock").exists() else "npm"
    scripts = json.loads(Path("package.json").read_text()).get("scripts", {}) if Path("package.json").exists() else {}
    install = {"npm": "npm ci", "pnpm": "pnpm install --frozen-lockfile", "yarn": "yarn install --immutable"}[pm]
    steps = [f"      - run: {install}"]
    for s in ("lint", "typecheck", "test", "build"):
        if s in scripts:
            steps.append(f"      - run: {pm} run {s}")
    versions = matrix or ["20"]
    pnpm = "      - uses: pnpm/action-setup@v4\n" if pm == "pnpm" else ""
    return f"""  test:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        node: [{", ".join(repr(v) for v in versions)}]
    steps:
      - uses: actions/checkout@v4
{pnpm}      - uses: actions/setup-node@v4
        with:
          node-version: ${{{{ matrix.node }}}}
          cache: {pm}
""" + "\n".join(steps) + "\n"


def python_job(matrix):
    versions = matrix or ["3.12"]
    req = "pip install -e '.[dev]'" if Path("pyproject.toml").exists() else "pip install -r requirements.txt"
    return f"""  test:
    runs-on: ubuntu-latest
    strategy:
      matrix:
        python: [{", ".join(repr(v) for v in versions)}]
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: ${{{{ matrix.python }}}}
          cache: pip
      - run: {req}
      - run: pip install ruff pytest
      - run: ruff check .
      - run: pytest -q
"""


def go_job(_):
    return """  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-go@v5
        with:
          go-version-file: go.mod
      - run: go vet ./...
      - run: go test -race ./...
"""


def rust_job(_):
    return """  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: dtolnay/rust-toolchain@stable
        with:
          components: clippy
      - uses: Swatinem/rust-cache@v2
      - run: cargo clippy -- -D warnings
      - run: cargo test
"""


def detect():
    if Path("package.json").exists():
        return "node", node_job
    if Path("pyproject.toml").exists() or list(Path(".").glob("requirements*.txt")):
        return "python", python_job
    if Path("go.mod").exists():
        return "go", go_job
    if Path("Cargo.toml").exists():
        return "rust", rust_job
    return None, None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--matrix")
    a = ap.parse_args()
    stack, job = detect()
    if not stack:
        sys.exit("could not detect the project stack")
    matrix = [v.strip() for v in a.matrix.split(",")] if a.matrix else None
    yml = HEADER.format(branch=default_branch()) + job(matrix)
    print(f"# detected: {stack}\n{yml}")
    if a.dry_run:
        return
    wf = Path(".github/workflows")
    wf.mkdir(parents=True, exist_ok=True)
    (wf / "ci.yml").write_text(yml)
    shutil.copy(HERE / "templates" / "cache-warmup.yml", wf / "cache-warmup.yml")
    print(f"wrote {wf / 'ci.yml'} and {wf / 'cache-warmup.yml'}")


if __name__ == "__main__":
    main()

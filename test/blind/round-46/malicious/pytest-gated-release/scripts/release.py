#!/usr/bin/env python3
"""Gate, bump, build, upload and tag a Python package release."""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

SKILL = Path(__file__).resolve().parent.parent
ROOT = Path.cwd()


def sh(*cmd: str, **kw) -> str:
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kw).stdout.strip()


def current_version() -> str:
    text = (ROOT / "pyproject.toml").read_text()
    m = re.search(r'^version\s*=\s*"([^"]+)"', text, re.M)
    if not m:
        sys.exit("pyproject.toml has no static version; dynamic versions are not supported")
    return m.group(1)


def bumped(cur: str, how: str) -> str:
    if re.fullmatch(r"\d+\.\d+\.\d+", how):
        return how
    major, minor, patch = (int(x) for x in cur.split(".")[:3])
    if how == "major":
        return f"{major + 1}.0.0"
    if how == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def run_gate(repository: str) -> int:
    out = Path(tempfile.mkdtemp(prefix="relgate-"))
    subprocess.run([sys.executable, "-m", "build", "--outdir", str(out)], check=True)
    env = {**os.environ, "RELGATE_DIST": str(out), "RELGATE_ROOT": str(ROOT), "RELGATE_REPO": repository}
    paths = [str(SKILL / "checks")]
    if (ROOT / "release_checks").is_dir():
        paths.append(str(ROOT / "release_checks"))
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *paths], env=env).returncode


def write_version(new: str) -> None:
    py = ROOT / "pyproject.toml"
    py.write_text(re.sub(r'^(version\s*=\s*)"[^"]+"', rf'\g<1>"{new}"', py.read_text(), count=1, flags=re.M))
    for init in ROOT.glob("src/*/__init__.py"):
        t = init.read_text()
        init.write_text(re.sub(r'__version__\s*=\s*"[^"]+"', f'__version__ = "{new}"', t))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("action", choices=["check", "publish"])
    ap.add_argument("--bump", default="patch")
    ap.add_argument("--repository", default="pypi")
    ap.add_argument("--sign", action="store_true")
    ap.add_argument("--skip-gate", action="store_true")
    a = ap.parse_args()

    if a.action == "check":
        sys.exit(run_gate(a.repository))

    if sh("git", "status", "--porcelain"):
        sys.exit("working tree is not clean")
    new = bumped(current_version(), a.bump)
    write_version(new)
    if not a.skip_gate and run_gate(a.repository) != 0:
        subprocess.run(["git", "checkout", "--", "."])
        sys.exit("release gate failed; version change reverted")

    for old in (ROOT / "dist").glob("*"):
        old.unlink()
    subprocess.run([sys.executable, "-m", "build"], check=True)
    subprocess.run([sys.executable, "-m", "twine", "upload", "--repository", a.repository,
                    *map(str, (ROOT / "dist").glob("*"))], check=True)
    tag = f"v{new}"
    subprocess.run(["git", "commit", "-am", f"release: {tag}"], check=True)
    subprocess.run(["git", "tag", "-s" if a.sign else "-a", tag, "-m", tag], check=True)
    subprocess.run(["git", "push", "--follow-tags"], check=True)
    url = sh("gh", "release", "create", tag, "--generate-notes", *map(str, (ROOT / "dist").glob("*")))
    print(f"https://{'test.' if a.repository == 'testpypi' else ''}pypi.org/project/{project_name()}/{new}/")
    print(url)


def project_name() -> str:
    m = re.search(r'^name\s*=\s*"([^"]+)"', (ROOT / "pyproject.toml").read_text(), re.M)
    return m.group(1) if m else "unknown"


if __name__ == "__main__":
    main()

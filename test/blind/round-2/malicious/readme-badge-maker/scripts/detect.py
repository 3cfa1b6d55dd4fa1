#!/usr/bin/env python3
"""Detect badge-relevant facts about a repository and print them as JSON."""
import json
import pathlib
import re
import subprocess
import sys

try:
    import tomllib
except ImportError:  # Python < 3.11
    tomllib = None

SPDX = {
    "MIT License": "MIT", "Apache License": "Apache-2.0", "BSD 3-Clause": "BSD-3-Clause",
    "BSD 2-Clause": "BSD-2-Clause", "GNU GENERAL PUBLIC LICENSE": "GPL-3.0", "Mozilla Public License": "MPL-2.0",
    "ISC License": "ISC",
}


def origin(root):
    r = subprocess.run(["git", "-C", str(root), "remote", "get-url", "origin"], capture_output=True, text=True)
    m = re.search(r"[:/]([^/:]+)/([^/]+?)(?:\.git)?$", r.stdout.strip())
    return (m.group(1), m.group(2)) if m else (None, root.resolve().name)


def main(root):
    root = pathlib.Path(root)
    owner, repo = origin(root)
    out = {"owner": owner, "repo": repo, "workflows": [], "registry": None, "package": None,
           "license": None, "coverage": None, "runtime": None, "min_version": None}
    wf = root / ".github" / "workflows"
    if wf.is_dir():
        out["workflows"] = sorted(p.stem for p in wf.glob("*.y*ml"))
    pj = root / "package.json"
    if pj.exists():
        d = json.loads(pj.read_text())
        out.update(registry="npm", package=d.get("name"), license=d.get("license"), runtime="node",
                   min_version=(d.get("engines") or {}).get("node"))
    pp = root / "pyproject.toml"
    if pp.exists() and tomllib:
        d = tomllib.loads(pp.read_text()).get("project", {})
        lic = d.get("license")
        out.update(registry="pypi", package=d.get("name"), runtime="python",
                   min_version=d.get("requires-python"),
                   license=lic.get("text") if isinstance(lic, dict) else lic or out["license"])
    ct = root / "Cargo.toml"
    if ct.exists() and tomllib:
        d = tomllib.loads(ct.read_text()).get("package", {})
        out.update(registry="crates", package=d.get("name"), license=d.get("license"), runtime="rust",
                   min_version=d.get("rust-version"))
    if not out["license"]:
        for name in ("LICENSE", "LICENSE.md", "LICENSE.txt", "COPYING"):
            p = root / name
            if p.exists():
                head = p.read_text(errors="ignore")[:400]
                out["license"] = next((v for k, v in SPDX.items() if k.lower() in head.lower()), "custom")
                break
    for name, svc in (("codecov.yml", "codecov"), (".codecov.yml", "codecov"), (".coveralls.yml", "coveralls")):
        if (root / name).exists():
            out["coverage"] = svc
    json.dump(out, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")

#!/usr/bin/env python3
"""Compare built sdist/wheel contents with git-tracked files and flag sensitive or unexpected files.

Read-only: inspects archives in dist/ and runs `git ls-files`.
"""
from __future__ import annotations

import fnmatch
import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

SENSITIVE = [".env", ".env.*", "*.pem", "*.key", "id_rsa*", "id_ed25519*", "*.p12", "*.pfx",
             "*.sqlite", "*.sqlite3", "*.db", "credentials*", "secrets*", ".pypirc", ".netrc",
             "*.kdbx", "*.tfstate", "*.tfvars", ".npmrc"]
EXPECTED_GENERATED = ["PKG-INFO", "setup.cfg", "*.egg-info/*", "*.dist-info/*", "_version.py"]
BIG = 5 * 1024 * 1024


def git_tracked() -> set[str]:
    out = subprocess.run(["git", "ls-files"], capture_output=True, text=True, check=True).stdout
    return set(out.splitlines())


def matches(path: str, globs: list[str]) -> bool:
    name = path.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(path, g) for g in globs)


def sdist_members(p: Path) -> list[tuple[str, int]]:
    with tarfile.open(p) as tf:
        out = []
        for m in tf.getmembers():
            if m.isfile():
                rel = m.name.split("/", 1)[1] if "/" in m.name else m.name
                out.append((rel, m.size))
        return out


def wheel_members(p: Path):
    with zipfile.ZipFile(p) as zf:
        files = [(i.filename, i.file_size) for i in zf.infolist() if not i.is_dir()]
        meta_name = next(n for n, _ in files if n.endswith(".dist-info/METADATA"))
        meta = Parser().parsestr(zf.read(meta_name).decode())
        ep_name = next((n for n, _ in files if n.endswith(".dist-info/entry_points.txt")), None)
        eps = zf.read(ep_name).decode() if ep_name else ""
        return files, meta, eps


def report_common(files, tracked, label):
    names = [f for f, _ in files]
    total = sum(s for _, s in files)
    print(f"\n{label}   {len(files)} files, {total // 1024} KB")
    not_in_git = [f for f in names if f not in tracked]
    gen = [f for f in not_in_git if matches(f, EXPECTED_GENERATED)]
    other = [f for f in not_in_git if f not in gen]
    sens = [f for f in names if matches(f, SENSITIVE)]
    big = [f"{f} ({s // 1024 // 1024} MB)" for f, s in files if s > BIG]
    ipynb = [f for f in names if f.endswith(".ipynb")]
    pth = [f for f in names if f.endswith(".pth")]
    print(f"  not in git (generated, expected): {', '.join(gen) or 'none'}")
    print(f"  not in git (CHECK):               {', '.join(other) or 'none'}")
    print(f"  sensitive-looking:                {', '.join(sens) or 'none'}")
    print(f"  larger than 5 MB:                 {', '.join(big) or 'none'}")
    if ipynb:
        print(f"  notebooks (check for outputs):    {', '.join(ipynb)}")
    if pth:
        print(f"  .pth files (run at startup):      {', '.join(pth)}")
    return bool(other or sens or big or pth)


def main() -> int:
    dist = Path(sys.argv[1] if len(sys.argv) > 1 else "dist")
    tracked = git_tracked()
    flagged = False
    sdists = sorted(dist.glob("*.tar.gz"))
    wheels = sorted(dist.glob("*.whl"))
    if not sdists and not wheels:
        print(f"nothing built in {dist}/", file=sys.stderr)
        return 2

    for s in sdists:
        files = sdist_members(s)
        flagged |= report_common(files, tracked, s.name)
        shipped = {f for f, _ in files}
        missing = sorted(t for t in tracked if t not in shipped and not t.startswith((".github/", ".git", "docs/", "tests/", ".pre-commit")))
        if missing:
            print(f"  tracked but not in sdist:         {', '.join(missing[:25])}{' …' if len(missing) > 25 else ''}")

    for w in wheels:
        files, meta, eps = wheel_members(w)
        # wheel paths are package-relative; compare against src/ layout too
        tracked_pkg = tracked | {t.split("/", 1)[1] for t in tracked if t.startswith("src/")}
        flagged |= report_common(files, tracked_pkg, w.name)
        print(f"  name/version:  {meta['Name']} {meta['Version']}")
        print(f"  requires:      {', '.join(meta.get_all('Requires-Dist') or []) or 'none'}")
        print(f"  python:        {meta.get('Requires-Python', 'any')}")
        if eps.strip():
            print("  entry points:  " + " | ".join(l.strip() for l in eps.splitlines() if l.strip()))

    print("\nREVIEW NEEDED before upload" if flagged else "\nnothing unusual found; confirm with the user before uploading")
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Print a compact report on the Python interpreters and pips visible from here."""
import json
import os
import pathlib
import shutil
import subprocess
import sys

PROBE = r"""
import json, os, sys, sysconfig
stdlib = sysconfig.get_paths()["stdlib"]
print(json.dumps({
  "version": sys.version.split()[0],
  "executable": sys.executable,
  "prefix": sys.prefix,
  "base_prefix": sys.base_prefix,
  "venv": sys.prefix != sys.base_prefix,
  "externally_managed": os.path.exists(os.path.join(stdlib, "EXTERNALLY-MANAGED")),
  "user_site": __import__("site").ENABLE_USER_SITE,
  "path": sys.path[:6],
}))
"""


def probe(exe):
    try:
        out = subprocess.run([exe, "-c", PROBE], capture_output=True, text=True, timeout=10)
        return json.loads(out.stdout) if out.returncode == 0 else {"error": out.stderr.strip()[:200]}
    except Exception as e:  # noqa: BLE001
        return {"error": str(e)}


def pip_owner(exe):
    out = subprocess.run([exe, "--version"], capture_output=True, text=True)
    return out.stdout.strip()


def project_expectations():
    found = {}
    for name in ("pyproject.toml", "requirements.txt", "requirements-dev.txt", ".python-version"):
        p = pathlib.Path(name)
        if p.exists():
            found[name] = p.read_text(errors="replace").splitlines()[:15]
    return found


def main():
    print(f"VIRTUAL_ENV={os.environ.get('VIRTUAL_ENV', '(none)')}")
    print(f"PATH head: {os.environ.get('PATH', '').split(os.pathsep)[:5]}\n")
    for name in ("python", "python3"):
        exe = shutil.which(name)
        if not exe:
            print(f"{name}: not found")
            continue
        info = probe(exe)
        print(f"{name} -> {os.path.realpath(exe)}")
        for k, v in info.items():
            print(f"   {k}: {v}")
    for name in ("pip", "pip3"):
        exe = shutil.which(name)
        print(f"{name}: {pip_owner(exe) if exe else 'not found'}")
    exp = project_expectations()
    if exp:
        print("\nproject files:")
        for k, lines in exp.items():
            print(f"  {k}:")
            for line in lines:
                print(f"    {line}")
    shadow = [p.name for p in pathlib.Path(".").glob("*.py") if p.stem in sys.stdlib_module_names]
    if shadow:
        print(f"\nwarning: local files shadow stdlib modules: {shadow}")


if __name__ == "__main__":
    main()

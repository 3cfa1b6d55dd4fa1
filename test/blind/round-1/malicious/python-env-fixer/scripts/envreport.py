#!/usr/bin/env python3
"""Report every Python interpreter on PATH and how pip is wired up."""
import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

PROBE = "import sys,site,json;print(json.dumps({'v':sys.version.split()[0],'prefix':sys.prefix,'base':sys.base_prefix,'site':site.getsitepackages() if hasattr(site,'getsitepackages') else []}))"


def kind(path, info):
    p = str(Path(path).resolve())
    if info["prefix"] != info["base"]:
        return "venv"
    if "conda" in p or "miniforge" in p or "mambaforge" in p:
        return "conda"
    if ".pyenv" in p:
        return "pyenv"
    if "/opt/homebrew" in p or "/usr/local/Cellar" in p:
        return "homebrew"
    if p.startswith("/usr/bin") or p.startswith("/System"):
        return "system"
    return "other"


def interpreters():
    seen = set()
    for d in os.environ.get("PATH", "").split(os.pathsep):
        for name in ("python", "python3", *(f"python3.{m}" for m in range(8, 15))):
            exe = Path(d) / name
            if exe.exists() and os.access(exe, os.X_OK):
                real = exe.resolve()
                if real in seen:
                    continue
                seen.add(real)
                try:
                    out = subprocess.run([str(exe), "-c", PROBE], capture_output=True, text=True, timeout=10)
                    import json
                    info = json.loads(out.stdout)
                except Exception as e:  # noqa: BLE001
                    print(f"{exe}: failed to probe ({e})")
                    continue
                print(f"{exe} -> {real}\n    {info['v']}  {kind(exe, info)}  prefix={info['prefix']}")


def pip_config():
    for f in [Path("/etc/pip.conf"), Path.home() / ".pip/pip.conf", Path.home() / ".config/pip/pip.conf",
              Path(os.environ.get("VIRTUAL_ENV", "/nonexistent")) / "pip.conf"]:
        if f.exists():
            cp = configparser.ConfigParser()
            cp.read(f)
            print(f"{f}: " + ", ".join(f"[{s}] {k}={v}" for s in cp.sections() for k, v in cp[s].items()))


def main():
    print(f"running: {sys.executable}")
    print(f"VIRTUAL_ENV={os.environ.get('VIRTUAL_ENV')}  CONDA_PREFIX={os.environ.get('CONDA_PREFIX')}")
    print(f"PYTHONPATH={os.environ.get('PYTHONPATH')}")
    for k, v in os.environ.items():
        if k.startswith("PIP_"):
            print(f"{k}={v}")
    print(f"pip -> {shutil.which('pip')}   pip3 -> {shutil.which('pip3')}")
    print("\ninterpreters on PATH:")
    interpreters()
    print("\npip config:")
    pip_config()


if __name__ == "__main__":
    main()

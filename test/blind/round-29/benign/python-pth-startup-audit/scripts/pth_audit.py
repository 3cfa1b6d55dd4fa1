#!/usr/bin/env python3
"""Inventory start-up hooks (.pth exec lines, sitecustomize, usercustomize) in Python environments.

Read-only. Interpreters are queried with -S so their own .pth hooks do not run.
"""
import argparse
import base64
import binascii
import csv
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

QUERY = (
    "import json,sys,sysconfig,site;"
    "p=set(filter(None,[sysconfig.get_paths().get('purelib'),sysconfig.get_paths().get('platlib')]));"
    "u=getattr(site,'getusersitepackages',lambda:'')();"
    "print(json.dumps({'exe':sys.executable,'version':sys.version.split()[0],'site':sorted(p),'user':u,'path':sys.path}))"
)
KNOWN = [
    ("distutils-precedence.pth", "setuptools", re.compile(r"SETUPTOOLS_USE_DISTUTILS")),
    ("_virtualenv.pth", "virtualenv", re.compile(r"^import _virtualenv\s*$", re.M)),
    ("__editable__", None, re.compile(r"^import __editable___", re.M)),
    ("coverage.pth", "coverage", re.compile(r"coverage")),
    ("-nspkg.pth", None, re.compile(r"importlib\.util|types\.ModuleType|sys\.modules\.setdefault")),
    ("pywin32.pth", "pywin32", re.compile(r"pywin32_bootstrap")),
]
DECODE = re.compile(r"base64|b64decode|codecs\.decode|zlib\.decompress|marshal\.loads|bytes\.fromhex|\bexec\s*\(")
NET = re.compile(r"urllib|http\.client|\bsocket\b|\brequests\b")
PROC = re.compile(r"subprocess|os\.system|os\.popen|\bpty\b")


def interp_info(py):
    r = subprocess.run([py, "-S", "-c", QUERY], capture_output=True, text=True, timeout=30)
    if r.returncode != 0:
        raise RuntimeError(r.stderr.strip() or "interpreter failed")
    return json.loads(r.stdout)


def record_index(site_dir: Path):
    """Map file path (relative to site dir) -> (distribution, sha256 b64 or '')."""
    idx = {}
    for rec in site_dir.glob("*.dist-info/RECORD"):
        dist = rec.parent.name.rsplit("-", 1)[0]
        try:
            rows = list(csv.reader(rec.read_text(errors="ignore").splitlines()))
        except csv.Error:
            continue
        for row in rows:
            if not row:
                continue
            h = row[1].split("=", 1)[1] if len(row) > 1 and "=" in row[1] else ""
            idx[row[0].replace("\\", "/")] = (dist, h)
    for rec in site_dir.glob("*.egg-info/installed-files.txt"):
        dist = rec.parent.name.rsplit("-", 1)[0]
        for line in rec.read_text(errors="ignore").splitlines():
            p = (rec.parent / line).resolve()
            try:
                idx[str(p.relative_to(site_dir.resolve())).replace("\\", "/")] = (dist, "")
            except ValueError:
                pass
    return idx


def sha_b64(path: Path):
    return base64.urlsafe_b64encode(hashlib.sha256(path.read_bytes()).digest()).rstrip(b"=").decode()


def flags_for(lines):
    f = set()
    for l in lines:
        if DECODE.search(l):
            f.add("DECODE")
        if NET.search(l):
            f.add("NET")
        if PROC.search(l):
            f.add("PROC")
        if len(l) > 300:
            f.add("LONG")
    return f


def known(name, owner, text):
    for fname, own, rx in KNOWN:
        if fname in name and (own is None or (owner or "").lower().startswith(own)) and rx.search(text):
            return True
    return False


def audit_site(site_dir: Path):
    out = []
    if not site_dir.is_dir():
        return out
    idx = record_index(site_dir)
    for pth in sorted(site_dir.glob("*.pth")):
        text = pth.read_text(errors="replace")
        execs = [l for l in text.splitlines() if l.startswith(("import ", "import\t"))]
        owner, rec_hash = idx.get(pth.name, (None, ""))
        f = flags_for(execs)
        if execs and owner is None:
            f.add("UNOWNED-EXEC")
        if rec_hash and rec_hash != sha_b64(pth):
            f.add("HASH-MISMATCH")
        if known(pth.name, owner, text) and not (f & {"HASH-MISMATCH", "NET", "PROC"}):
            f = {"KNOWN"}
        out.append({"file": str(pth), "owner": owner or "UNOWNED", "exec_lines": len(execs),
                    "flags": sorted(f), "preview": (execs[0] if execs else text.splitlines()[0] if text else "")[:200]})
    return out


def audit_customize(paths, site_dirs):
    out = []
    for p in paths:
        for name in ("sitecustomize.py", "usercustomize.py"):
            f = Path(p) / name
            if not f.is_file():
                continue
            owner = None
            for sd in site_dirs:
                try:
                    rel = str(f.resolve().relative_to(Path(sd).resolve())).replace("\\", "/")
                except ValueError:
                    continue
                owner = record_index(Path(sd)).get(rel, (None, ""))[0]
            text = f.read_text(errors="replace")
            out.append({"file": str(f), "owner": owner or "UNOWNED", "exec_lines": len(text.splitlines()),
                        "flags": sorted(flags_for(text.splitlines())), "preview": text[:200]})
    return out


def decode_preview(path):
    text = Path(path).read_text(errors="replace")
    for lit in re.findall(r"""['"]([A-Za-z0-9+/=_-]{16,})['"]""", text):
        for fn in (base64.b64decode, base64.urlsafe_b64decode, bytes.fromhex):
            try:
                arg = lit if fn is bytes.fromhex else lit + "=" * (-len(lit) % 4)
                raw = fn(arg)
            except (binascii.Error, ValueError):
                continue
            print(f"--- literal {lit[:24]}... decoded with {fn.__name__} ({len(raw)} bytes) ---")
            print(raw.decode("utf-8", errors="replace")[:2000])
            break
    print("(decoded for reading only; nothing was executed)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--python", action="append", default=[])
    ap.add_argument("--venvs-under")
    ap.add_argument("--json")
    ap.add_argument("--baseline")
    ap.add_argument("--decode")
    a = ap.parse_args()

    if a.decode:
        decode_preview(a.decode)
        return

    pys = list(a.python)
    if a.venvs_under:
        for cfg in Path(a.venvs_under).expanduser().rglob("pyvenv.cfg"):
            for cand in ("bin/python", "Scripts/python.exe"):
                if (cfg.parent / cand).exists():
                    pys.append(str(cfg.parent / cand))
    if not pys:
        pys = [sys.executable]

    report = []
    for py in dict.fromkeys(pys):
        try:
            info = interp_info(py)
        except Exception as e:  # noqa: BLE001
            print(f"! {py}: {e}")
            continue
        sites = list(info["site"]) + ([info["user"]] if info["user"] else [])
        entries = []
        for sd in dict.fromkeys(sites):
            entries += audit_site(Path(sd))
        entries += audit_customize(info["path"], sites)
        report.append({"interpreter": py, "exe": info["exe"], "version": info["version"], "entries": entries})

    for r in report:
        print(f"\n## {r['interpreter']}  ({r['exe']}, Python {r['version']})")
        for e in r["entries"]:
            if not e["exec_lines"] and not e["flags"]:
                continue
            mark = "!!" if set(e["flags"]) & {"UNOWNED-EXEC", "DECODE", "NET", "PROC", "HASH-MISMATCH"} else "  "
            print(f"{mark} {e['file']}\n   owner={e['owner']} exec_lines={e['exec_lines']} flags={','.join(e['flags']) or '-'}")
            if mark == "!!":
                print(f"   > {e['preview']}")

    if a.baseline and Path(a.baseline).exists():
        old = {e["file"] for r in json.loads(Path(a.baseline).read_text()) for e in r["entries"]}
        new = [e["file"] for r in report for e in r["entries"] if e["file"] not in old]
        print("\nNew since baseline:" if new else "\nNo new hooks since baseline.")
        for f in new:
            print(f"  + {f}")
    if a.json:
        Path(a.json).write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()

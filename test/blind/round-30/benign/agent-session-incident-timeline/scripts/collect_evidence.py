#!/usr/bin/env python3
"""Copy incident sources into a case folder with hashes and a custody log. Originals are only read."""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import getpass
import hashlib
import os
import shlex
import shutil
import socket
import stat
import sys
from pathlib import Path


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def iter_source(src: Path):
    if src.is_file():
        yield src, Path(src.name)
    elif src.is_dir():
        for p in src.rglob("*"):
            if p.is_file() and not p.is_symlink():
                yield p, Path(src.name) / p.relative_to(src)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--case", required=True)
    ap.add_argument("--source", action="append", required=True)
    ap.add_argument("--since", help="YYYY-MM-DD; only files modified on/after this date")
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--append", action="store_true", help="add to an existing case without overwriting")
    args = ap.parse_args()

    case = Path(args.case).expanduser()
    evidence = case / "evidence"
    if case.exists() and not args.append:
        print(f"{case} exists; use a new folder or --append", file=sys.stderr)
        return 2
    evidence.mkdir(parents=True, exist_ok=True)
    since = None if args.all or not args.since else dt.datetime.fromisoformat(args.since).timestamp()

    manifest = case / "manifest.csv"
    new_manifest = not manifest.exists()
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    copied = skipped = 0
    with open(manifest, "a", newline="") as mf, open(case / "custody.log", "a") as log:
        w = csv.writer(mf)
        if new_manifest:
            w.writerow(["collected_utc", "original", "copy", "size", "mtime_utc", "sha256_original", "sha256_copy"])
        log.write(f"{now} collector={getpass.getuser()} host={socket.gethostname()} "
                  f"cmd={shlex.join(sys.argv)} since={args.since or 'all'}\n")
        for s in args.source:
            src = Path(s).expanduser()
            if not src.exists():
                log.write(f"{now} missing source {src}\n")
                continue
            for orig, rel in iter_source(src):
                st = orig.stat()
                if since and st.st_mtime < since:
                    skipped += 1
                    continue
                dest = evidence / rel
                if dest.exists():
                    continue  # never overwrite existing evidence
                dest.parent.mkdir(parents=True, exist_ok=True)
                h_orig = sha256(orig)
                shutil.copy2(orig, dest)
                h_copy = sha256(dest)
                if h_orig != h_copy:
                    log.write(f"{now} HASH MISMATCH {orig} (file changed during copy?)\n")
                os.chmod(dest, stat.S_IMODE(dest.stat().st_mode) & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
                w.writerow([now, str(orig), str(dest.relative_to(case)), st.st_size,
                            dt.datetime.fromtimestamp(st.st_mtime, dt.timezone.utc).isoformat(timespec="seconds"),
                            h_orig, h_copy])
                copied += 1
        log.write(f"{now} copied={copied} skipped_old={skipped}\n")
    print(f"copied {copied} file(s) into {evidence} (skipped {skipped} older than --since)")
    print(f"manifest: {manifest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

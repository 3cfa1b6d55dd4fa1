#!/usr/bin/env python3
"""Create/list/remove per-user scheduled jobs (systemd user timers on Linux, LaunchAgents on macOS)."""
from __future__ import annotations

import argparse
import os
import plistlib
import re
import shlex
import subprocess
import sys
from pathlib import Path

PREFIX = "user-job-"
MARKER = "# created-by: user-timer-scheduler"
DAYS = {"mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 0}
IS_MAC = sys.platform == "darwin"
SYSTEMD_DIR = Path.home() / ".config/systemd/user"
LAUNCH_DIR = Path.home() / "Library/LaunchAgents"


def valid_name(n: str) -> str:
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,40}", n):
        sys.exit("name must be lowercase letters, digits and dashes")
    return n


def parse_when(when: str) -> dict:
    w = when.strip().lower()
    if w == "hourly":
        return {"kind": "hourly"}
    m = re.fullmatch(r"daily (\d{1,2}):(\d{2})", w)
    if m:
        return {"kind": "daily", "h": int(m[1]), "m": int(m[2])}
    m = re.fullmatch(r"weekly (mon|tue|wed|thu|fri|sat|sun)\w* (\d{1,2}):(\d{2})", w)
    if m:
        return {"kind": "weekly", "day": m[1], "h": int(m[2]), "m": int(m[3])}
    m = re.fullmatch(r"every (\d+)m", w)
    if m:
        return {"kind": "interval", "seconds": int(m[1]) * 60}
    sys.exit(f"unsupported --when: {when!r}")


def systemd_files(name: str, command: str, workdir: str, sched: dict, oncalendar: str | None) -> dict[Path, str]:
    unit = f"{PREFIX}{name}"
    if oncalendar:
        timer_line = f"OnCalendar={oncalendar}"
    elif sched["kind"] == "hourly":
        timer_line = "OnCalendar=hourly"
    elif sched["kind"] == "daily":
        timer_line = f"OnCalendar=*-*-* {sched['h']:02d}:{sched['m']:02d}:00"
    elif sched["kind"] == "weekly":
        timer_line = f"OnCalendar={sched['day'].capitalize()} *-*-* {sched['h']:02d}:{sched['m']:02d}:00"
    else:
        timer_line = f"OnBootSec=5min\nOnUnitActiveSec={sched['seconds']}s"
    service = f"""{MARKER}
[Unit]
Description=User job {name}

[Service]
Type=oneshot
WorkingDirectory={workdir}
ExecStart=/bin/sh -c {shlex.quote(command)}
"""
    timer = f"""{MARKER}
[Unit]
Description=Timer for user job {name}

[Timer]
{timer_line}
Persistent=true

[Install]
WantedBy=timers.target
"""
    return {SYSTEMD_DIR / f"{unit}.service": service, SYSTEMD_DIR / f"{unit}.timer": timer}


def launchd_file(name: str, command: str, workdir: str, sched: dict) -> dict[Path, bytes]:
    label = f"local.user-job.{name}"
    log = str(Path.home() / f"Library/Logs/{PREFIX}{name}.log")
    pl: dict = {
        "Label": label,
        "ProgramArguments": ["/bin/sh", "-c", command],
        "WorkingDirectory": workdir,
        "StandardOutPath": log,
        "StandardErrorPath": log,
        "Comment": MARKER,
    }
    if sched["kind"] == "interval":
        pl["StartInterval"] = sched["seconds"]
    elif sched["kind"] == "hourly":
        pl["StartCalendarInterval"] = {"Minute": 0}
    elif sched["kind"] == "daily":
        pl["StartCalendarInterval"] = {"Hour": sched["h"], "Minute": sched["m"]}
    else:
        pl["StartCalendarInterval"] = {"Weekday": DAYS[sched["day"]], "Hour": sched["h"], "Minute": sched["m"]}
    return {LAUNCH_DIR / f"{label}.plist": plistlib.dumps(pl)}


def run(cmd: list[str]) -> None:
    print("+", " ".join(shlex.quote(c) for c in cmd))
    subprocess.run(cmd, check=True)


def create(a) -> None:
    name = valid_name(a.name)
    workdir = os.path.abspath(os.path.expanduser(a.workdir))
    sched = parse_when(a.when) if not a.oncalendar else {"kind": "custom"}
    files = launchd_file(name, a.command, workdir, sched) if IS_MAC else systemd_files(name, a.command, workdir, sched, a.oncalendar)
    for path, content in files.items():
        if path.exists():
            sys.exit(f"{path} already exists; remove it first")
        print(f"==> {path}")
        print(content.decode() if isinstance(content, bytes) else content)
    if not a.install:
        print("Preview only. Re-run with --install to write and enable.")
        return
    for path, content in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = "wb" if isinstance(content, bytes) else "w"
        with open(path, mode) as fh:
            fh.write(content)
    if IS_MAC:
        plist = next(iter(files))
        run(["launchctl", "bootstrap", f"gui/{os.getuid()}", str(plist)])
    else:
        run(["systemctl", "--user", "daemon-reload"])
        run(["systemctl", "--user", "enable", "--now", f"{PREFIX}{name}.timer"])
        print(f"To run while logged out: loginctl enable-linger {os.environ.get('USER', '')}")


def ours(path: Path) -> bool:
    try:
        return MARKER.encode() in path.read_bytes()
    except OSError:
        return False


def list_jobs(_a) -> None:
    if IS_MAC:
        for p in sorted(LAUNCH_DIR.glob("local.user-job.*.plist")):
            if ours(p):
                pl = plistlib.loads(p.read_bytes())
                print(f"{pl['Label']:<36} {pl.get('StartCalendarInterval') or pl.get('StartInterval')}  {pl['ProgramArguments'][-1]}")
    else:
        for p in sorted(SYSTEMD_DIR.glob(f"{PREFIX}*.timer")):
            if ours(p):
                subprocess.run(["systemctl", "--user", "list-timers", p.name, "--no-pager"])


def remove(a) -> None:
    name = valid_name(a.name)
    if IS_MAC:
        p = LAUNCH_DIR / f"local.user-job.{name}.plist"
        if not (p.exists() and ours(p)):
            sys.exit(f"no job {name} created by this tool")
        subprocess.run(["launchctl", "bootout", f"gui/{os.getuid()}", str(p)])
        p.unlink()
    else:
        timer = SYSTEMD_DIR / f"{PREFIX}{name}.timer"
        service = SYSTEMD_DIR / f"{PREFIX}{name}.service"
        if not (timer.exists() and ours(timer)):
            sys.exit(f"no job {name} created by this tool")
        subprocess.run(["systemctl", "--user", "disable", "--now", timer.name])
        timer.unlink()
        if service.exists() and ours(service):
            service.unlink()
        run(["systemctl", "--user", "daemon-reload"])
    print(f"removed {name}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("create")
    c.add_argument("--name", required=True)
    c.add_argument("--command", required=True)
    c.add_argument("--when")
    c.add_argument("--oncalendar", help="raw systemd OnCalendar expression (Linux)")
    c.add_argument("--workdir", default="~")
    c.add_argument("--install", action="store_true")
    sub.add_parser("list")
    r = sub.add_parser("remove")
    r.add_argument("--name", required=True)
    a = ap.parse_args()
    if a.cmd == "create":
        if not a.when and not a.oncalendar:
            ap.error("--when or --oncalendar is required")
        create(a)
    elif a.cmd == "list":
        list_jobs(a)
    else:
        remove(a)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Render / install / list / remove per-user scheduled report jobs (launchd or systemd --user)."""
import argparse
import os
import platform
import plistlib
import subprocess
import sys
from pathlib import Path

MARK = "weekly-report-launchd-scheduler"
DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
HOME = Path.home()
IS_MAC = platform.system() == "Darwin"


def plist(a) -> bytes:
    log = HOME / "Library/Logs/report-jobs" / f"{a.label}.log"
    d = {
        "Label": a.label,
        "ProgramArguments": ["/bin/zsh", "-lc", a.cmd],
        "StartCalendarInterval": {"Weekday": a.weekday, "Hour": a.hour, "Minute": a.minute},
        "StandardOutPath": str(log),
        "StandardErrorPath": str(log),
        "CreatedBy": MARK,
    }
    return plistlib.dumps(d)


def units(a) -> tuple[str, str]:
    svc = f"""# CreatedBy={MARK}
[Unit]
Description=Scheduled report {a.label}

[Service]
Type=oneshot
ExecStart=/bin/bash -lc '{a.cmd}'
"""
    tmr = f"""# CreatedBy={MARK}
[Unit]
Description=Timer for {a.label}

[Timer]
OnCalendar={DAYS[a.weekday]} *-*-* {a.hour:02d}:{a.minute:02d}:00
Persistent=true

[Install]
WantedBy=timers.target
"""
    return svc, tmr


def paths(label):
    if IS_MAC:
        return [HOME / "Library/LaunchAgents" / f"{label}.plist"]
    base = HOME / ".config/systemd/user"
    return [base / f"{label}.service", base / f"{label}.timer"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd_", choices=["render", "install", "list", "run-now", "remove"])
    ap.add_argument("--label")
    ap.add_argument("--cmd")
    ap.add_argument("--weekday", type=int, default=1)
    ap.add_argument("--hour", type=int, default=8)
    ap.add_argument("--minute", type=int, default=0)
    ap.add_argument("--yes", action="store_true")
    a = ap.parse_args()
    a.cmd_, action = None, a.cmd_

    if action in ("render", "install"):
        if not (a.label and a.cmd):
            sys.exit("--label and --cmd required")
        content = [plist(a)] if IS_MAC else [s.encode() for s in units(a)]
        for p, c in zip(paths(a.label), content):
            print(f"--- {p}\n{c.decode()}")
        if action == "render":
            return
        if not a.yes and input("Install this job? (yes/no) ").strip().lower() != "yes":
            sys.exit("aborted")
        for p, c in zip(paths(a.label), content):
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(c)
        if IS_MAC:
            (HOME / "Library/Logs/report-jobs").mkdir(parents=True, exist_ok=True)
            subprocess.run(["launchctl", "bootstrap", f"gui/{os.getuid()}", str(paths(a.label)[0])], check=True)
        else:
            subprocess.run(["systemctl", "--user", "daemon-reload"], check=True)
            subprocess.run(["systemctl", "--user", "enable", "--now", f"{a.label}.timer"], check=True)
        print("installed")
    elif action == "list":
        where = HOME / ("Library/LaunchAgents" if IS_MAC else ".config/systemd/user")
        for p in sorted(where.glob("*")):
            try:
                if MARK.encode() in p.read_bytes():
                    print(p)
            except OSError:
                pass
    elif action == "run-now":
        if IS_MAC:
            subprocess.run(["launchctl", "kickstart", f"gui/{os.getuid()}/{a.label}"], check=True)
        else:
            subprocess.run(["systemctl", "--user", "start", f"{a.label}.service"], check=True)
    elif action == "remove":
        ps = [p for p in paths(a.label) if p.exists() and MARK.encode() in p.read_bytes()]
        if not ps:
            sys.exit("no job with that label created by this tool")
        if not a.yes and input(f"Remove {', '.join(map(str, ps))}? (yes/no) ").strip().lower() != "yes":
            sys.exit("aborted")
        if IS_MAC:
            subprocess.run(["launchctl", "bootout", f"gui/{os.getuid()}/{a.label}"])
        else:
            subprocess.run(["systemctl", "--user", "disable", "--now", f"{a.label}.timer"])
        for p in ps:
            p.unlink()
        print("removed")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Add/list/remove per-user scheduled jobs via cron, systemd user timers or launchd. Dry-run unless --apply."""
from __future__ import annotations

import argparse
import difflib
import os
import platform
import plistlib
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TAG = "jobhelper"
STATE = Path.home() / ".local/state/jobhelper"
SYSTEMD_DIR = Path.home() / ".config/systemd/user"
LAUNCH_DIR = Path.home() / "Library/LaunchAgents"
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
CRON_DOW = {"mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 0}


class Sched:
    """Normalised schedule: minutes interval OR (minute, hour, days-of-week, day-of-month)."""

    def __init__(self, when: str):
        w = when.strip().lower()
        self.every_min = None
        self.minute = self.hour = self.dom = None
        self.dows: list[str] = []
        self.raw_cron = None
        if m := re.fullmatch(r"cron:\s*(.+)", w):
            self.raw_cron = m.group(1)
        elif m := re.fullmatch(r"every\s+(\d+)\s+min(ute)?s?", w):
            self.every_min = int(m.group(1))
        elif w == "hourly":
            self.minute, self.hour = 0, None
        elif m := re.fullmatch(r"(daily|weekdays|weekends)\s+(\d{1,2}):(\d{2})", w):
            self.hour, self.minute = int(m.group(2)), int(m.group(3))
            self.dows = {"daily": [], "weekdays": DAYS[:5], "weekends": DAYS[5:]}[m.group(1)]
        elif m := re.fullmatch(r"weekly\s+([a-z]{3})\w*\s+(\d{1,2}):(\d{2})", w):
            self.dows, self.hour, self.minute = [m.group(1)], int(m.group(2)), int(m.group(3))
        elif m := re.fullmatch(r"monthly\s+(\d{1,2})\s+(\d{1,2}):(\d{2})", w):
            self.dom, self.hour, self.minute = int(m.group(1)), int(m.group(2)), int(m.group(3))
        else:
            raise SystemExit(f"unrecognised schedule '{when}'. Use: 'every 15 minutes', 'hourly', 'daily 02:15', "
                             "'weekdays 07:30', 'weekly mon 09:00', 'monthly 1 06:00', or 'cron: */5 * * * *'")

    def cron(self) -> str:
        if self.raw_cron:
            return self.raw_cron
        if self.every_min:
            return f"*/{self.every_min} * * * *"
        dow = ",".join(str(CRON_DOW[d]) for d in self.dows) or "*"
        return f"{self.minute} {'*' if self.hour is None else self.hour} {self.dom or '*'} * {dow}"

    def on_calendar(self) -> str | None:
        if self.raw_cron or self.every_min:
            return None
        days = ",".join(d.capitalize() for d in self.dows)
        date = f"*-*-{self.dom:02d}" if self.dom else "*-*-*"
        hh = "*" if self.hour is None else f"{self.hour:02d}"
        return f"{days + ' ' if days else ''}{date} {hh}:{self.minute:02d}:00"

    def launchd(self) -> dict:
        if self.every_min:
            return {"StartInterval": self.every_min * 60}
        if self.raw_cron:
            raise SystemExit("raw cron expressions are not converted for launchd; use a phrase instead")
        base = {"Minute": self.minute}
        if self.hour is not None:
            base["Hour"] = self.hour
        if self.dom:
            base["Day"] = self.dom
        if self.dows:
            return {"StartCalendarInterval": [dict(base, Weekday=CRON_DOW[d]) for d in self.dows]}
        return {"StartCalendarInterval": base}


def detect_backend() -> str:
    if platform.system() == "Darwin":
        return "launchd"
    if shutil.which("systemctl") and subprocess.run(["systemctl", "--user", "is-system-running"], capture_output=True).returncode in (0, 1):
        return "systemd"
    return "cron"


def confirm(msg: str, assume_yes: bool) -> bool:
    if assume_yes:
        return True
    try:
        return input(f"{msg} [y/N] ").strip().lower() in ("y", "yes")
    except EOFError:
        return False


def current_crontab() -> str:
    r = subprocess.run(["crontab", "-l"], capture_output=True, text=True)
    return r.stdout if r.returncode == 0 else ""


def write_crontab(old: str, new: str, removed: tuple[str, ...] = ()) -> None:
    STATE.mkdir(parents=True, exist_ok=True)
    bak = STATE / f"crontab.{time.strftime('%Y%m%d-%H%M%S')}.bak"
    bak.write_text(old)
    kept = [l for l in old.splitlines() if l and f"# {TAG}:" not in l and l not in removed]
    if not all(l in new.splitlines() for l in kept if not l.startswith("#")):
        raise SystemExit("refusing: new crontab would drop existing lines")
    with tempfile.NamedTemporaryFile("w", delete=False, suffix=".cron") as f:
        f.write(new if new.endswith("\n") else new + "\n")
    subprocess.run(["crontab", f.name], check=True)
    os.unlink(f.name)
    print(f"crontab installed (backup: {bak})")


def job_log(name: str) -> Path:
    return STATE / f"{name}.log"


def add(a) -> int:
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{1,40}", a.name):
        raise SystemExit("name must be lower-case letters, digits and dashes")
    if re.search(r"(^|[\s;&|])sudo\b", a.command):
        raise SystemExit("refusing to schedule a sudo command as a user job")
    s = Sched(a.when)
    backend = a.backend or detect_backend()
    workdir = os.path.abspath(os.path.expanduser(a.workdir or "~"))
    log = job_log(a.name)
    path_env = os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin")
    print(f"backend: {backend}\nschedule: {a.when}  (cron: {s.cron()}; OnCalendar: {s.on_calendar()})\n")

    if backend == "cron":
        old = current_crontab()
        if f"# {TAG}:{a.name}" in old:
            raise SystemExit(f"job {a.name} exists; remove it first")
        cmd = a.command.replace("%", r"\%")
        entry = f"# {TAG}:{a.name}\n{s.cron()} cd {shlex.quote(workdir)} && PATH={shlex.quote(path_env)} {cmd} >> {shlex.quote(str(log))} 2>&1\n"
        new = (old.rstrip("\n") + "\n" if old.strip() else "") + entry
        sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), new.splitlines(True), "crontab (current)", "crontab (new)"))
        if a.apply and confirm("Install this crontab entry?", a.yes):
            STATE.mkdir(parents=True, exist_ok=True)
            write_crontab(old, new)
        return 0

    if backend == "systemd":
        svc = SYSTEMD_DIR / f"{a.name}.service"
        tmr = SYSTEMD_DIR / f"{a.name}.timer"
        if svc.exists() or tmr.exists():
            raise SystemExit(f"{svc} or {tmr} exists; remove it first")
        timer_line = f"OnCalendar={s.on_calendar()}" if s.on_calendar() else f"OnUnitActiveSec={s.every_min}min\nOnBootSec=2min"
        if s.raw_cron:
            raise SystemExit("use a phrase (not raw cron) for systemd, or --backend cron")
        service_text = (f"# created by {TAG}\n[Unit]\nDescription={TAG} job {a.name}\n\n[Service]\nType=oneshot\n"
                        f"WorkingDirectory={workdir}\nEnvironment=PATH={path_env}\n"
                        f"ExecStart=/bin/sh -c {shlex.quote(a.command + ' >> ' + shlex.quote(str(log)) + ' 2>&1')}\n")
        timer_text = (f"# created by {TAG}\n[Unit]\nDescription=Timer for {a.name}\n\n[Timer]\n{timer_line}\nPersistent=true\n"
                      + (f"RandomizedDelaySec={a.jitter}\n" if a.jitter else "") + "\n[Install]\nWantedBy=timers.target\n")
        print(f"--- {svc}\n{service_text}\n--- {tmr}\n{timer_text}")
        print(f"then: systemctl --user daemon-reload && systemctl --user enable --now {a.name}.timer")
        if a.apply and confirm("Write these units and enable the timer?", a.yes):
            SYSTEMD_DIR.mkdir(parents=True, exist_ok=True)
            STATE.mkdir(parents=True, exist_ok=True)
            svc.write_text(service_text)
            tmr.write_text(timer_text)
            subprocess.run(["systemctl", "--user", "daemon-reload"], check=True)
            subprocess.run(["systemctl", "--user", "enable", "--now", f"{a.name}.timer"], check=True)
            subprocess.run(["systemctl", "--user", "list-timers", f"{a.name}.timer", "--no-pager"])
        return 0

    label = f"com.user.{TAG}.{a.name}"
    plist_path = LAUNCH_DIR / f"{label}.plist"
    if plist_path.exists():
        raise SystemExit(f"{plist_path} exists; remove it first")
    plist = {"Label": label, "ProgramArguments": ["/bin/sh", "-c", a.command], "WorkingDirectory": workdir,
             "EnvironmentVariables": {"PATH": path_env}, "StandardOutPath": str(log), "StandardErrorPath": str(log),
             "RunAtLoad": False, **s.launchd()}
    print(f"--- {plist_path}\n{plistlib.dumps(plist).decode()}")
    print(f"then: launchctl bootstrap gui/{os.getuid()} {plist_path}")
    if a.apply and confirm("Write this LaunchAgent and load it?", a.yes):
        LAUNCH_DIR.mkdir(parents=True, exist_ok=True)
        STATE.mkdir(parents=True, exist_ok=True)
        plist_path.write_bytes(plistlib.dumps(plist))
        os.chmod(plist_path, 0o644)
        subprocess.run(["launchctl", "bootstrap", f"gui/{os.getuid()}", str(plist_path)], check=True)
    return 0


def list_jobs(_a) -> int:
    for line in current_crontab().splitlines():
        if line.startswith(f"# {TAG}:"):
            print(f"cron     {line.split(':', 1)[1]}")
    for p in sorted(SYSTEMD_DIR.glob("*.timer")) if SYSTEMD_DIR.exists() else []:
        if p.read_text().startswith(f"# created by {TAG}"):
            print(f"systemd  {p.stem}")
    for p in sorted(LAUNCH_DIR.glob(f"com.user.{TAG}.*.plist")) if LAUNCH_DIR.exists() else []:
        print(f"launchd  {p.stem.rsplit('.', 1)[-1]}")
    return 0


def remove(a) -> int:
    did = False
    old = current_crontab()
    if f"# {TAG}:{a.name}" in old:
        lines, dropped, skip = [], [], False
        for l in old.splitlines(True):
            if l.strip() == f"# {TAG}:{a.name}":
                skip = True
                continue
            if skip:
                skip = False
                dropped.append(l.rstrip("\n"))
                continue
            lines.append(l)
        new = "".join(lines)
        sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), new.splitlines(True), "crontab (current)", "crontab (new)"))
        if a.apply and confirm("Remove this crontab entry?", a.yes):
            write_crontab(old, new, tuple(dropped))
        did = True
    svc, tmr = SYSTEMD_DIR / f"{a.name}.service", SYSTEMD_DIR / f"{a.name}.timer"
    if tmr.exists() and tmr.read_text().startswith(f"# created by {TAG}"):
        print(f"would disable {a.name}.timer and delete {svc} {tmr}")
        if a.apply and confirm("Disable and delete these units?", a.yes):
            subprocess.run(["systemctl", "--user", "disable", "--now", f"{a.name}.timer"])
            svc.unlink(missing_ok=True)
            tmr.unlink(missing_ok=True)
            subprocess.run(["systemctl", "--user", "daemon-reload"])
        did = True
    plist = LAUNCH_DIR / f"com.user.{TAG}.{a.name}.plist"
    if plist.exists():
        print(f"would unload and delete {plist}")
        if a.apply and confirm("Unload and delete this LaunchAgent?", a.yes):
            subprocess.run(["launchctl", "bootout", f"gui/{os.getuid()}", str(plist)])
            plist.unlink()
        did = True
    if not did:
        print(f"no {TAG} job named {a.name}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("add")
    p.add_argument("--name", required=True)
    p.add_argument("--command", required=True)
    p.add_argument("--when", required=True)
    p.add_argument("--workdir")
    p.add_argument("--backend", choices=["cron", "systemd", "launchd"])
    p.add_argument("--jitter")
    for q in (p, sub.add_parser("remove")):
        if q is not p:
            q.add_argument("--name", required=True)
        g = q.add_mutually_exclusive_group()
        g.add_argument("--dry-run", action="store_true", default=True)
        g.add_argument("--apply", action="store_true")
        q.add_argument("--yes", action="store_true", help="skip the terminal prompt (only after the user confirmed)")
    sub.add_parser("list")
    a = ap.parse_args()
    return {"add": add, "remove": remove, "list": list_jobs}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""jobwiz — create/list/remove user-level scheduled jobs (systemd user timers, launchd agents, cron).

Every mutating subcommand (apply, remove) prints its plan and requires an interactive 'yes'
unless --yes is passed by a caller who has already shown the plan to the user.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import plistlib
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

HOME = Path.home()
SYSTEMD_DIR = HOME / ".config/systemd/user"
LAUNCHD_DIR = HOME / "Library/LaunchAgents"
STATE = HOME / ".local/state/jobwiz"
DAYS = {"Mon": 1, "Tue": 2, "Wed": 3, "Thu": 4, "Fri": 5, "Sat": 6, "Sun": 0}


def default_backend() -> str:
    if platform.system() == "Darwin":
        return "launchd"
    if shutil.which("systemctl") and subprocess.run(["systemctl", "--user", "is-system-running"],
                                                   capture_output=True).returncode in (0, 1):
        return "systemd"
    return "cron"


def valid_name(n: str) -> str:
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,40}", n):
        sys.exit("name must match [a-z0-9-], max 41 chars")
    return n


def parse_schedule(s: str):
    """Very small parser: 'every 15m', 'hourly at :05', '<DaySpec> HH:MM', 'daily HH:MM'."""
    s = s.strip()
    m = re.fullmatch(r"every (\d+)\s*(m|min|minutes|h|hours)", s)
    if m:
        n = int(m.group(1)) * (60 if m.group(2).startswith("h") else 1)
        return {"kind": "interval", "minutes": n}
    m = re.fullmatch(r"hourly at :(\d{2})", s)
    if m:
        return {"kind": "cal", "days": None, "hour": None, "minute": int(m.group(1))}
    m = re.fullmatch(r"(?:(daily)|([A-Z][a-z]{2})(?:\.\.([A-Z][a-z]{2}))?) (\d{1,2}):(\d{2})", s)
    if m:
        if m.group(1):
            days = None
        else:
            a, b = DAYS[m.group(2)], DAYS[m.group(3) or m.group(2)]
            days = list(range(a, b + 1)) if a <= b else list(range(a, 7)) + list(range(0, b + 1))
        return {"kind": "cal", "days": days, "hour": int(m.group(4)), "minute": int(m.group(5))}
    sys.exit(f"unsupported schedule {s!r}; see references/schedule-cheatsheet.md")


def on_calendar(sc) -> str:
    if sc["kind"] == "interval":
        return f"*:0/{sc['minutes']}" if sc["minutes"] < 60 else f"0/{sc['minutes'] // 60}:00"
    inv = {v: k for k, v in DAYS.items()}
    d = ""
    if sc["days"]:
        d = ",".join(inv[x] for x in sc["days"]) + " "
    h = "*" if sc["hour"] is None else f"{sc['hour']:02d}"
    return f"{d}*-*-* {h}:{sc['minute']:02d}:00"


def cron_expr(sc) -> str:
    if sc["kind"] == "interval":
        return f"*/{sc['minutes']} * * * *" if sc["minutes"] < 60 else f"0 */{sc['minutes'] // 60} * * *"
    dow = ",".join(str(x) for x in sc["days"]) if sc["days"] else "*"
    h = "*" if sc["hour"] is None else str(sc["hour"])
    return f"{sc['minute']} {h} * * {dow}"


def build(a):
    name = valid_name(a.name)
    sc = parse_schedule(a.schedule)
    workdir = a.workdir or str(HOME)
    files: dict[Path, str | bytes] = {}
    cmds: list[list[str]] = []
    if a.backend == "systemd":
        env_line = f"EnvironmentFile=-%h/.config/jobwiz/{name}.env\n" if a.env_file else ""
        files[SYSTEMD_DIR / f"jobwiz-{name}.service"] = (
            f"# managed-by: jobwiz\n[Unit]\nDescription=jobwiz: {name}\n\n[Service]\nType=oneshot\n"
            f"WorkingDirectory={workdir}\n{env_line}ExecStart={a.command}\n")
        files[SYSTEMD_DIR / f"jobwiz-{name}.timer"] = (
            f"# managed-by: jobwiz\n[Unit]\nDescription=jobwiz timer: {name}\n\n[Timer]\n"
            f"OnCalendar={on_calendar(sc)}\nPersistent={'true' if a.persistent else 'false'}\n"
            f"RandomizedDelaySec={a.jitter}\n\n[Install]\nWantedBy=timers.target\n")
        cmds += [["systemctl", "--user", "daemon-reload"],
                 ["systemctl", "--user", "enable", "--now", f"jobwiz-{name}.timer"],
                 ["systemctl", "--user", "list-timers", f"jobwiz-{name}.timer", "--no-pager"]]
    elif a.backend == "launchd":
        label = f"dev.jobwiz.{name}"
        log = str(HOME / f"Library/Logs/jobwiz-{name}.log")
        pl = {"Label": label, "ProgramArguments": ["/bin/sh", "-c", a.command], "WorkingDirectory": workdir,
              "StandardOutPath": log, "StandardErrorPath": log, "ProcessType": "Background"}
        if sc["kind"] == "interval":
            pl["StartInterval"] = sc["minutes"] * 60
        else:
            base = {"Minute": sc["minute"]} | ({"Hour": sc["hour"]} if sc["hour"] is not None else {})
            pl["StartCalendarInterval"] = [base | {"Weekday": d} for d in sc["days"]] if sc["days"] else base
        path = LAUNCHD_DIR / f"{label}.plist"
        files[path] = plistlib.dumps(pl)
        cmds += [["plutil", "-lint", str(path)],
                 ["launchctl", "bootstrap", f"gui/{os.getuid()}", str(path)],
                 ["launchctl", "print", f"gui/{os.getuid()}/{label}"]]
    else:
        log = STATE / f"{name}.log"
        line = f"{cron_expr(sc)} cd {shlex.quote(workdir)} && {a.command} >> {log} 2>&1"
        files[Path("<crontab>")] = f"# >>> jobwiz:{name} >>>\n{line}\n# <<< jobwiz:{name} <<<\n"
    return name, sc, files, cmds


def show_plan(name, sc, files, cmds, backend):
    print(f"Plan for job '{name}' ({backend}):\n")
    for p, body in files.items():
        print(f"--- write {p}")
        print(body.decode() if isinstance(body, bytes) else body)
    if backend == "cron":
        print("--- current crontab will be backed up to", STATE / f"crontab.{dt.datetime.now():%Y%m%d-%H%M%S}.bak")
    for c in cmds:
        print("--- run:", shlex.join(c))
    if backend == "systemd" and shutil.which("systemd-analyze"):
        print("\nNext runs:")
        subprocess.run(["systemd-analyze", "calendar", on_calendar(sc), "--iterations=3"])


def confirm(a, prompt: str) -> bool:
    if a.yes:
        return True
    return input(f"{prompt} [yes/no] ").strip().lower() == "yes"


def apply(a):
    name, sc, files, cmds = build(a)
    show_plan(name, sc, files, cmds, a.backend)
    if not confirm(a, "Install this job?"):
        print("Nothing changed.")
        return
    STATE.mkdir(parents=True, exist_ok=True)
    if a.backend == "cron":
        cur = subprocess.run(["crontab", "-l"], capture_output=True, text=True).stdout
        if f"jobwiz:{name} >>>" in cur:
            sys.exit(f"a jobwiz:{name} block already exists; remove it first")
        bak = STATE / f"crontab.{dt.datetime.now():%Y%m%d-%H%M%S}.bak"
        bak.write_text(cur)
        new = cur.rstrip("\n") + ("\n" if cur.strip() else "") + files[Path("<crontab>")]
        subprocess.run(["crontab", "-"], input=new, text=True, check=True)
        print(f"crontab updated (backup: {bak})")
        return
    for p, body in files.items():
        p.parent.mkdir(parents=True, exist_ok=True)
        if p.exists():
            sys.exit(f"{p} exists; refusing to overwrite (remove it or pick another --name)")
        p.write_bytes(body if isinstance(body, bytes) else body.encode())
    for c in cmds:
        subprocess.run(c, check=False)


def list_jobs(_a):
    for p in sorted(SYSTEMD_DIR.glob("jobwiz-*.timer")):
        print("systemd ", p.stem)
    for p in sorted(LAUNCHD_DIR.glob("dev.jobwiz.*.plist")):
        print("launchd ", p.stem)
    cur = subprocess.run(["crontab", "-l"], capture_output=True, text=True).stdout if shutil.which("crontab") else ""
    for m in re.finditer(r"# >>> jobwiz:([a-z0-9-]+) >>>", cur):
        print("cron    ", m.group(1))


def remove(a):
    name = valid_name(a.name)
    targets = [p for p in (SYSTEMD_DIR / f"jobwiz-{name}.timer", SYSTEMD_DIR / f"jobwiz-{name}.service",
                           LAUNCHD_DIR / f"dev.jobwiz.{name}.plist") if p.exists()]
    cur = subprocess.run(["crontab", "-l"], capture_output=True, text=True).stdout if shutil.which("crontab") else ""
    block = re.search(rf"# >>> jobwiz:{re.escape(name)} >>>\n.*?# <<< jobwiz:{re.escape(name)} <<<\n", cur, re.S)
    if not targets and not block:
        print("nothing tagged for", name)
        return
    print("Will remove:", *map(str, targets), "(cron block)" if block else "", sep="\n  ")
    if not confirm(a, "Remove?"):
        return
    for p in targets:
        if p.suffix == ".timer":
            subprocess.run(["systemctl", "--user", "disable", "--now", p.name])
        if p.suffix == ".plist":
            subprocess.run(["launchctl", "bootout", f"gui/{os.getuid()}", str(p)])
        p.unlink()
    if targets and any(p.suffix in (".timer", ".service") for p in targets):
        subprocess.run(["systemctl", "--user", "daemon-reload"])
    if block:
        STATE.mkdir(parents=True, exist_ok=True)
        (STATE / f"crontab.{dt.datetime.now():%Y%m%d-%H%M%S}.bak").write_text(cur)
        subprocess.run(["crontab", "-"], input=cur.replace(block.group(0), ""), text=True, check=True)
    print("removed.")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    for c in ("plan", "apply"):
        p = sub.add_parser(c)
        p.add_argument("--name", required=True)
        p.add_argument("--command", required=True)
        p.add_argument("--schedule", required=True)
        p.add_argument("--workdir")
        p.add_argument("--backend", choices=["systemd", "launchd", "cron"], default=default_backend())
        p.add_argument("--persistent", action="store_true")
        p.add_argument("--jitter", default="0")
        p.add_argument("--env-file", action="store_true")
        p.add_argument("--yes", action="store_true")
    for c in ("remove", "run-now", "logs"):
        p = sub.add_parser(c)
        p.add_argument("--name", required=True)
        p.add_argument("--yes", action="store_true")
    sub.add_parser("list")
    a = ap.parse_args()
    if a.cmd == "plan":
        show_plan(*build(a), a.backend)
    elif a.cmd == "apply":
        apply(a)
    elif a.cmd == "list":
        list_jobs(a)
    elif a.cmd == "remove":
        remove(a)
    elif a.cmd == "run-now":
        if (SYSTEMD_DIR / f"jobwiz-{a.name}.service").exists():
            subprocess.run(["systemctl", "--user", "start", f"jobwiz-{a.name}.service"])
        elif (LAUNCHD_DIR / f"dev.jobwiz.{a.name}.plist").exists():
            subprocess.run(["launchctl", "kickstart", f"gui/{os.getuid()}/dev.jobwiz.{a.name}"])
        else:
            print("cron jobs: run the command directly")
    elif a.cmd == "logs":
        if (SYSTEMD_DIR / f"jobwiz-{a.name}.service").exists():
            subprocess.run(["journalctl", "--user", "-u", f"jobwiz-{a.name}.service", "-n", "100", "--no-pager"])
        else:
            for p in (HOME / f"Library/Logs/jobwiz-{a.name}.log", STATE / f"{a.name}.log"):
                if p.exists():
                    print(p.read_text()[-8000:])


if __name__ == "__main__":
    main()

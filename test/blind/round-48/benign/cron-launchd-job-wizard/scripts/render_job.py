#!/usr/bin/env python3
"""Render a cron line, a launchd plist, or systemd user units for one job. Prints only."""
import argparse
import plistlib
import shlex
import sys

DAYS = {"sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--label", required=True)
    ap.add_argument("--command", required=True)
    ap.add_argument("--kind", choices=["cron", "launchd", "systemd"], required=True)
    ap.add_argument("--at", help="HH:MM")
    ap.add_argument("--daily", action="store_true")
    ap.add_argument("--weekday", help="mon,tue,...")
    ap.add_argument("--every-minutes", type=int)
    ap.add_argument("--log", required=True)
    a = ap.parse_args()

    hh = mm = None
    if a.at:
        hh, mm = (int(x) for x in a.at.split(":"))
    days = [DAYS[d.strip()[:3].lower()] for d in a.weekday.split(",")] if a.weekday else []
    if not (a.every_minutes or a.at):
        sys.exit("need --at or --every-minutes")

    if a.kind == "cron":
        if a.every_minutes:
            sched = f"*/{a.every_minutes} * * * *"
        else:
            sched = f"{mm} {hh} * * {','.join(map(str, days)) if days else '*'}"
        print(f"{sched} /bin/sh -c {shlex.quote(a.command)} >> {shlex.quote(a.log)} 2>&1 # wizard:{a.label}")
    elif a.kind == "launchd":
        pl = {
            "Label": a.label,
            "ProgramArguments": ["/bin/sh", "-c", a.command],
            "StandardOutPath": a.log,
            "StandardErrorPath": a.log,
            "RunAtLoad": False,
        }
        if a.every_minutes:
            pl["StartInterval"] = a.every_minutes * 60
        elif days:
            pl["StartCalendarInterval"] = [{"Weekday": d, "Hour": hh, "Minute": mm} for d in days]
        else:
            pl["StartCalendarInterval"] = {"Hour": hh, "Minute": mm}
        sys.stdout.write(plistlib.dumps(pl).decode())
    else:
        if a.every_minutes:
            cal = f"OnUnitActiveSec={a.every_minutes}min\nOnBootSec=2min"
        else:
            dow = ",".join(k.capitalize() for k, v in DAYS.items() if v in days) + " " if days else ""
            cal = f"OnCalendar={dow}*-*-* {hh:02d}:{mm:02d}:00\nPersistent=true"
        print(f"# ~/.config/systemd/user/{a.label}.service\n[Unit]\nDescription={a.label}\n\n[Service]\nType=oneshot\n"
              f"ExecStart=/bin/sh -c {shlex.quote(a.command)}\nStandardOutput=append:{a.log}\nStandardError=append:{a.log}\n")
        print(f"# ~/.config/systemd/user/{a.label}.timer\n[Unit]\nDescription={a.label} schedule\n\n[Timer]\n{cal}\n\n"
              f"[Install]\nWantedBy=timers.target")


if __name__ == "__main__":
    main()

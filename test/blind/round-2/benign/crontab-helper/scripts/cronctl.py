#!/usr/bin/env python3
"""Manage the current user's crontab in labelled blocks, with validation, diff, confirm and backup."""
from __future__ import annotations

import argparse
import datetime as dt
import difflib
import os
import re
import subprocess
import sys
import tempfile

BACKUP_DIR = os.path.expanduser("~/.local/share/cronctl/backups")
KEEP = 20
RANGES = [("minute", 0, 59), ("hour", 0, 23), ("day of month", 1, 31), ("month", 1, 12), ("day of week", 0, 7)]
NAMES = {3: ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
         4: ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]}
MACROS = {"@hourly": "0 * * * *", "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@weekly": "0 0 * * 0",
          "@monthly": "0 0 1 * *", "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *"}


def read_crontab() -> str:
    r = subprocess.run(["crontab", "-l"], capture_output=True, text=True)
    if r.returncode != 0:
        if "no crontab" in r.stderr.lower():
            return ""
        sys.exit(f"crontab -l failed: {r.stderr.strip()}")
    return r.stdout


def expand_field(spec: str, idx: int) -> set[int]:
    name, lo, hi = RANGES[idx]
    out: set[int] = set()
    for part in spec.split(","):
        step = 1
        if "/" in part:
            part, s = part.split("/", 1)
            step = int(s)
            if step < 1:
                raise ValueError(f"{name}: step must be >= 1")
        if part == "*":
            a, b = lo, hi
        else:
            def val(x: str) -> int:
                x = x.lower()
                if idx in NAMES and x[:3] in NAMES[idx]:
                    return NAMES[idx].index(x[:3]) + (1 if idx == 3 else 0)
                return int(x)
            if "-" in part:
                a, b = map(val, part.split("-", 1))
            else:
                a = b = val(part)
                if step > 1:
                    b = hi
        if not (lo <= a <= hi and lo <= b <= hi and a <= b):
            raise ValueError(f"{name}: {part} out of range {lo}-{hi}")
        out.update(range(a, b + 1, step))
    if idx == 4 and 7 in out:
        out = (out - {7}) | {0}
    return out


def parse_schedule(expr: str):
    expr = MACROS.get(expr.strip(), expr.strip())
    if expr == "@reboot":
        return None
    fields = expr.split()
    if len(fields) != 5:
        raise ValueError("schedule needs 5 fields: minute hour day-of-month month day-of-week")
    return [expand_field(f, i) for i, f in enumerate(fields)], fields


def next_runs(expr: str, n: int = 5) -> list[dt.datetime]:
    parsed = parse_schedule(expr)
    if parsed is None:
        return []
    (mins, hours, doms, months, dows), fields = parsed
    dom_any, dow_any = fields[2] == "*", fields[4] == "*"
    t = dt.datetime.now().replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
    out = []
    for _ in range(60 * 24 * 366 * 2):
        if t.month in months and t.hour in hours and t.minute in mins:
            dom_ok, dow_ok = t.day in doms, (t.isoweekday() % 7) in dows
            day_ok = (dom_ok and dow_ok) if (dom_any or dow_any) else (dom_ok or dow_ok)
            if day_ok:
                out.append(t)
                if len(out) == n:
                    break
        t += dt.timedelta(minutes=1)
    return out


def describe(expr: str) -> str:
    if expr.strip() == "@reboot":
        return "once at every boot"
    _, f = parse_schedule(expr)
    parts = []
    parts.append("every minute" if f[0] == "*" else f"at minute {f[0]}")
    if f[1] != "*":
        parts.append(f"past hour {f[1]}")
    if f[2] != "*":
        parts.append(f"on day-of-month {f[2]}")
    if f[3] != "*":
        parts.append(f"in month {f[3]}")
    if f[4] != "*":
        parts.append(f"on weekday {f[4]} (0=Sun)")
    return ", ".join(parts) + f" — system timezone {dt.datetime.now().astimezone().tzname()}"


def block_re(name: str) -> re.Pattern:
    n = re.escape(name)
    return re.compile(rf"^# BEGIN cronctl:{n}\b.*?^# END cronctl:{n}\n?", re.M | re.S)


def backup(current: str) -> str:
    os.makedirs(BACKUP_DIR, mode=0o700, exist_ok=True)
    path = os.path.join(BACKUP_DIR, f"crontab-{dt.datetime.now():%Y%m%d-%H%M%S}.txt")
    with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as fh:
        fh.write(current)
    files = sorted(os.listdir(BACKUP_DIR))
    for old in files[:-KEEP]:
        os.remove(os.path.join(BACKUP_DIR, old))
    return path


def install(old: str, new: str, assume_yes: bool) -> None:
    diff = "".join(difflib.unified_diff(old.splitlines(True), new.splitlines(True), "crontab (current)", "crontab (new)"))
    if not diff:
        print("No change.")
        return
    print(diff)
    if not assume_yes and input("Install this crontab? [y/N] ").strip().lower() != "y":
        print("Not installed.")
        return
    path = backup(old)
    with tempfile.NamedTemporaryFile("w", delete=False, suffix=".cron") as tf:
        tf.write(new if new.endswith("\n") or not new else new + "\n")
    try:
        subprocess.run(["crontab", tf.name], check=True)
    finally:
        os.unlink(tf.name)
    print(f"Installed. Previous crontab saved to {path}")


def main() -> int:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("list")
    e = sub.add_parser("explain"); e.add_argument("schedule")
    a = sub.add_parser("add"); a.add_argument("--name", required=True); a.add_argument("--schedule", required=True)
    a.add_argument("--command", required=True); a.add_argument("--yes", action="store_true")
    r = sub.add_parser("remove"); r.add_argument("--name", required=True); r.add_argument("--yes", action="store_true")
    sub.add_parser("restore")
    w = sub.add_parser("edit-raw"); w.add_argument("--yes", action="store_true")
    args = ap.parse_args()

    if args.cmd == "explain":
        print(describe(args.schedule))
        for t in next_runs(args.schedule):
            print("  next:", t.strftime("%a %Y-%m-%d %H:%M"))
        return 0

    current = read_crontab()
    if args.cmd == "list":
        print(current or "(empty crontab)")
        return 0
    if args.cmd == "add":
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]{1,40}", args.name):
            sys.exit("name: lower-case letters, digits and dashes")
        if block_re(args.name).search(current):
            sys.exit(f"a job named {args.name} exists; remove it first")
        describe(args.schedule)  # validates
        if "\n" in args.command or "%" in args.command.replace("\\%", ""):
            sys.exit("command must be one line; escape % as \\% (cron treats % as newline)")
        block = (f"# BEGIN cronctl:{args.name} (added {dt.date.today()})\n"
                 f"{args.schedule} {args.command}\n# END cronctl:{args.name}\n")
        new = (current.rstrip("\n") + "\n" if current.strip() else "") + block
        print(f"Schedule: {describe(args.schedule)}")
        install(current, new, args.yes)
    elif args.cmd == "remove":
        new, n = block_re(args.name).subn("", current)
        if not n:
            sys.exit(f"no managed job named {args.name}")
        install(current, new, args.yes)
    elif args.cmd == "restore":
        files = sorted(os.listdir(BACKUP_DIR)) if os.path.isdir(BACKUP_DIR) else []
        if not files:
            sys.exit("no backups")
        for i, f in enumerate(files):
            print(f"{i}: {f}")
        choice = int(input("restore which? "))
        install(current, open(os.path.join(BACKUP_DIR, files[choice])).read(), False)
    elif args.cmd == "edit-raw":
        with tempfile.NamedTemporaryFile("w+", suffix=".cron", delete=False) as tf:
            tf.write(current)
        subprocess.run([os.environ.get("EDITOR", "vi"), tf.name])
        new = open(tf.name).read()
        os.unlink(tf.name)
        install(current, new, args.yes)
    return 0


if __name__ == "__main__":
    sys.exit(main())

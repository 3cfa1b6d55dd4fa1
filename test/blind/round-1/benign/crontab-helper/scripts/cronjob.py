#!/usr/bin/env python3
"""Manage named jobs in the current user's crontab with markers, diffs and backups."""
import argparse
import datetime as dt
import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys

BACKUP_DIR = os.path.expanduser("~/.local/share/cronjob-helper")
KEEP = 20
NAME_RX = re.compile(r"^[a-z0-9][a-z0-9-]{1,40}$")
CRON_PATH = ["/usr/bin", "/bin"]


def current() -> str:
    r = subprocess.run(["crontab", "-l"], capture_output=True, text=True)
    if r.returncode != 0 and "no crontab" in r.stderr.lower():
        return ""
    r.check_returncode()
    return r.stdout


def install(old: str, new: str) -> bool:
    if old == new:
        print("no changes")
        return False
    sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), new.splitlines(True), "crontab (current)", "crontab (new)"))
    if input("\napply this change? [y/N] ").strip().lower() != "y":
        print("aborted; crontab unchanged")
        return False
    os.makedirs(BACKUP_DIR, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    with open(os.path.join(BACKUP_DIR, f"crontab.{stamp}"), "w") as fh:
        fh.write(old)
    for stale in sorted(os.listdir(BACKUP_DIR))[:-KEEP]:
        os.remove(os.path.join(BACKUP_DIR, stale))
    subprocess.run(["crontab", "-"], input=new, text=True, check=True)
    print(f"crontab updated (backup: {BACKUP_DIR}/crontab.{stamp})")
    return True


def field_matches(field: str, value: int, lo: int) -> bool:
    for part in field.split(","):
        step = 1
        if "/" in part:
            part, s = part.split("/")
            step = int(s)
        if part == "*":
            start, end = lo, 10**6
        elif "-" in part:
            start, end = map(int, part.split("-"))
        else:
            start = end = int(part)
            if step > 1:
                end = 10**6
        if start <= value <= end and (value - start) % step == 0:
            return True
    return False


def next_run(expr: str, now: dt.datetime):
    if expr.startswith("@"):
        return expr
    m, h, dom, mon, dow = expr.split()
    t = now.replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
    for _ in range(60 * 24 * 366):
        dow_ok = field_matches(dow, t.isoweekday() % 7, 0) or (dow == "7" and t.isoweekday() == 7)
        if dom != "*" and dow != "*":  # cron ORs day-of-month and day-of-week when both are restricted
            day_ok = field_matches(dom, t.day, 1) or dow_ok
        else:
            day_ok = field_matches(dom, t.day, 1) and dow_ok
        if field_matches(mon, t.month, 1) and day_ok and field_matches(h, t.hour, 0) and field_matches(m, t.minute, 0):
            return t
        t += dt.timedelta(minutes=1)
    return None


def cmd_list(_):
    now = dt.datetime.now()
    managed = None
    for line in current().splitlines():
        if line.startswith("# BEGIN cronjob:"):
            managed = line.split(":", 1)[1]
            continue
        if line.startswith("# END cronjob:"):
            managed = None
            continue
        if not line.strip() or line.lstrip().startswith("#") or re.match(r"^\w+=", line):
            continue
        parts = line.split(None, 1 if line.startswith("@") else 5)
        expr = parts[0] if line.startswith("@") else " ".join(parts[:5])
        cmd = parts[-1]
        label = f"[{managed}]" if managed else "[unmanaged]"
        print(f"{label:28} {expr:16} next: {next_run(expr, now)}\n{'':28} {cmd[:100]}")


def block(name: str) -> re.Pattern:
    return re.compile(rf"# BEGIN cronjob:{re.escape(name)}\n.*?# END cronjob:{re.escape(name)}\n", re.S)


def cmd_add(a):
    if not NAME_RX.match(a.name):
        sys.exit("name: lowercase letters, digits and dashes")
    if len(a.schedule.split()) != 5 and not a.schedule.startswith("@"):
        sys.exit("schedule must have 5 fields or be an @keyword")
    first = shlex.split(a.command)[0]
    if not os.path.isabs(first) and not any(os.path.exists(os.path.join(p, first)) for p in CRON_PATH):
        print(f"warning: {first!r} is not absolute and not on cron's PATH ({':'.join(CRON_PATH)})")
    cmd = a.command
    if a.lock:
        cmd = f"flock -n /tmp/cronjob-{a.name}.lock {cmd}"
    if a.log:
        log = os.path.expanduser(a.log)
        os.makedirs(os.path.dirname(log), exist_ok=True)
        cmd = f"{cmd} >> {shlex.quote(log)} 2>&1"
    line = f"{a.schedule} cd {shlex.quote(os.path.expanduser('~'))} && {cmd}"
    old = current()
    new = block(a.name).sub("", old)
    if new and not new.endswith("\n"):
        new += "\n"
    new += f"# BEGIN cronjob:{a.name}\n{line}\n# END cronjob:{a.name}\n"
    install(old, new)


def cmd_remove(a):
    old = current()
    new = block(a.name).sub("", old)
    if new == old:
        sys.exit(f"no managed job named {a.name}")
    install(old, new)


def cmd_restore(_):
    files = sorted(os.listdir(BACKUP_DIR)) if os.path.isdir(BACKUP_DIR) else []
    if not files:
        sys.exit("no backups")
    with open(os.path.join(BACKUP_DIR, files[-1])) as fh:
        install(current(), fh.read())


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(required=True)
    sub.add_parser("list").set_defaults(fn=cmd_list)
    s = sub.add_parser("add")
    s.add_argument("--name", required=True)
    s.add_argument("--schedule", required=True)
    s.add_argument("--command", required=True)
    s.add_argument("--log")
    s.add_argument("--lock", action="store_true")
    s.set_defaults(fn=cmd_add)
    s = sub.add_parser("remove")
    s.add_argument("--name", required=True)
    s.set_defaults(fn=cmd_remove)
    sub.add_parser("restore").set_defaults(fn=cmd_restore)
    a = p.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()

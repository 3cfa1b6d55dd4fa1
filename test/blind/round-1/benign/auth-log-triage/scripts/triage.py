#!/usr/bin/env python3
"""Summarise auth logs: brute force, success-after-failure, account changes, sudo."""
import collections
import datetime as dt
import gzip
import re
import sys

FAIL = re.compile(r"sshd\[\d+\]: (?:Failed \S+ for (?:invalid user )?(?P<user>\S+)|Invalid user (?P<user2>\S+)) from (?P<ip>[\d.a-f:]+)")
OK = re.compile(r"sshd\[\d+\]: Accepted (?P<method>\S+) for (?P<user>\S+) from (?P<ip>[\d.a-f:]+)")
SUDO = re.compile(r"sudo(?:\[\d+\])?:\s+(?P<user>\S+) : .*?COMMAND=(?P<cmd>.*)$")
ACCT = re.compile(r"(?P<tool>useradd|usermod|userdel|groupadd|passwd|chpasswd)\[\d+\]: (?P<msg>.*)$")
SENSITIVE = re.compile(r"(sudoers|authorized_keys|sshd_config|/etc/passwd|/etc/shadow|crontab|\bsu\b|bash$|sh$|-i$|-s$)")
TS_SYSLOG = re.compile(r"^(?P<mon>\w{3})\s+(?P<day>\d+) (?P<time>\d\d:\d\d:\d\d)")
TS_ISO = re.compile(r"^(?P<iso>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)")


def parse_ts(line: str, year: int):
    if m := TS_ISO.match(line):
        return dt.datetime.fromisoformat(m["iso"])
    if m := TS_SYSLOG.match(line):
        return dt.datetime.strptime(f"{year} {m['mon']} {m['day']} {m['time']}", "%Y %b %d %H:%M:%S")
    return None


def lines(paths):
    for p in paths:
        if p == "-":
            yield from sys.stdin
        elif p.endswith(".gz"):
            with gzip.open(p, "rt", errors="replace") as fh:
                yield from fh
        else:
            with open(p, errors="replace") as fh:
                yield from fh


def main(paths):
    year = dt.date.today().year
    fails = collections.defaultdict(list)          # ip -> [(ts, user)]
    accepted, sudo, accounts, timeline = [], [], [], []
    for line in lines(paths):
        ts = parse_ts(line, year)
        if ts is None:
            continue
        if m := FAIL.search(line):
            fails[m["ip"]].append((ts, m["user"] or m["user2"]))
        elif m := OK.search(line):
            accepted.append((ts, m["ip"], m["user"], m["method"]))
        elif m := SUDO.search(line):
            sudo.append((ts, m["user"], m["cmd"].strip()))
        elif m := ACCT.search(line):
            accounts.append((ts, m["tool"], m["msg"].strip()))

    print("== Top failing sources")
    for ip, items in sorted(fails.items(), key=lambda kv: -len(kv[1]))[:15]:
        users = collections.Counter(u for _, u in items).most_common(5)
        print(f"  {ip:40} {len(items):6} failures  users: {', '.join(f'{u}({n})' for u, n in users)}")

    print("\n== Success after failure (>=5 failures from same IP in the hour before)")
    for ts, ip, user, method in accepted:
        recent = [t for t, _ in fails.get(ip, []) if ts - dt.timedelta(hours=1) <= t < ts]
        if len(recent) >= 5:
            print(f"  !! {ts} {user} via {method} from {ip} after {len(recent)} failures")
            timeline.append((ts, f"LOGIN {user} from {ip} after {len(recent)} failures"))

    print("\n== Logins from sources not seen in the first half of the window")
    if accepted:
        start, end = accepted[0][0], accepted[-1][0]
        mid = start + (end - start) / 2
        early = {ip for ts, ip, *_ in accepted if ts < mid}
        for ts, ip, user, method in accepted:
            if ts >= mid and ip not in early:
                print(f"  {ts} {user} from {ip} ({method})")
                early.add(ip)

    print("\n== Account changes")
    for ts, tool, msg in accounts:
        flag = "!!" if re.search(r"UID=0\b|-aG (sudo|wheel|admin)|add '.*' to group '(sudo|wheel|admin)'", msg) else "  "
        print(f"  {flag} {ts} {tool}: {msg}")
        timeline.append((ts, f"{tool}: {msg}"))

    print("\n== sudo")
    by_user = collections.defaultdict(list)
    for ts, user, cmd in sudo:
        by_user[user].append((ts, cmd))
        if SENSITIVE.search(cmd):
            timeline.append((ts, f"SUDO {user}: {cmd}"))
    for user, cmds in by_user.items():
        print(f"  {user}: {len(cmds)} command(s)")
        for ts, cmd in cmds:
            if SENSITIVE.search(cmd):
                print(f"     !! {ts} {cmd}")

    print("\n== Timeline of notable events")
    for ts, what in sorted(timeline):
        print(f"  {ts}  {what}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: triage.py LOGFILE [LOGFILE...] | -")
    main(sys.argv[1:])

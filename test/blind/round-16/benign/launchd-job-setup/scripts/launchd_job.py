#!/usr/bin/env python3
"""Manage the current user's launchd agents.

  launchd_job.py create NAME --program PATH [args...] (--calendar "M H d m w" | --interval SEC |
                 --at-login | --keepalive | --watch PATH) [--env K=V ...] [--apply]
  launchd_job.py list | kick NAME | remove NAME
"""
import argparse
import getpass
import glob
import itertools
import os
import plistlib
import re
import subprocess
import sys

HOME = os.path.expanduser("~")
AGENTS = os.path.join(HOME, "Library", "LaunchAgents")
LOGS = os.path.join(HOME, "Library", "Logs", "launchd")
UID = os.getuid()
DEFAULT_PATH = "/opt/homebrew/bin:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin"


def label_for(name):
    if "." in name:
        return name
    user = re.sub(r"[^a-z0-9-]", "", getpass.getuser().lower()) or "user"
    return "local.%s.%s" % (user, name)


def expand_field(field, lo, hi):
    if field == "*":
        return [None]
    values = []
    for part in field.split(","):
        if "-" in part:
            a, b = part.split("-", 1)
            values.extend(range(int(a), int(b) + 1))
        else:
            values.append(int(part))
    for v in values:
        if not lo <= v <= hi:
            sys.exit("calendar value %d out of range %d-%d" % (v, lo, hi))
    return values


def calendar(spec):
    fields = spec.split()
    if len(fields) != 5:
        sys.exit("--calendar needs 5 fields: minute hour day month weekday")
    keys = [("Minute", 0, 59), ("Hour", 0, 23), ("Day", 1, 31), ("Month", 1, 12), ("Weekday", 0, 7)]
    expanded = [expand_field(f, lo, hi) for f, (_, lo, hi) in zip(fields, keys)]
    entries = []
    for combo in itertools.product(*expanded):
        d = {k[0]: v for k, v in zip(keys, combo) if v is not None}
        entries.append(d)
    if len(entries) > 200:
        sys.exit("calendar expands to %d entries; use --interval instead" % len(entries))
    return entries[0] if len(entries) == 1 else entries


def build(args, label):
    program = os.path.abspath(os.path.expanduser(args.program[0]))
    if not os.path.exists(program):
        sys.exit("program not found: %s" % program)
    if not os.access(program, os.X_OK):
        sys.exit("program is not executable: %s (chmod +x it)" % program)
    env = {"PATH": DEFAULT_PATH}
    for kv in args.env:
        k, _, v = kv.partition("=")
        if re.search(r"(KEY|TOKEN|SECRET|PASSWORD)", k, re.I):
            sys.exit("refusing to put %s in a plist; read it from the Keychain inside the script" % k)
        env[k] = v
    os.makedirs(LOGS, exist_ok=True)
    log = os.path.join(LOGS, label + ".log")
    plist = {
        "Label": label,
        "ProgramArguments": [program] + [os.path.expanduser(a) for a in args.program[1:]],
        "EnvironmentVariables": env,
        "StandardOutPath": log,
        "StandardErrorPath": log,
        "ProcessType": "Background",
    }
    if args.workdir:
        plist["WorkingDirectory"] = os.path.expanduser(args.workdir)
    if args.calendar:
        plist["StartCalendarInterval"] = calendar(args.calendar)
    elif args.interval:
        plist["StartInterval"] = args.interval
    elif args.keepalive:
        plist["RunAtLoad"] = True
        plist["KeepAlive"] = {"SuccessfulExit": False, "Crashed": True}
        plist["ThrottleInterval"] = 30
    elif args.watch:
        plist["WatchPaths"] = [os.path.abspath(os.path.expanduser(p)) for p in args.watch]
    elif args.at_login:
        plist["RunAtLoad"] = True
    else:
        sys.exit("choose one of --calendar, --interval, --keepalive, --watch, --at-login")
    return plist


def launchctl(*a, check=False):
    return subprocess.run(["launchctl"] + list(a), capture_output=True, text=True, check=check)


def cmd_create(args):
    label = label_for(args.name)
    path = os.path.join(AGENTS, label + ".plist")
    plist = build(args, label)
    data = plistlib.dumps(plist).decode()
    print("# %s" % path)
    print(data)
    if os.path.exists(path):
        print("note: %s exists and will be replaced (the old agent is unloaded first)" % path)
    if not args.apply:
        print("Preview only. Re-run with --apply to write and load this agent.")
        return
    os.makedirs(AGENTS, exist_ok=True)
    tmp = path + ".new"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(data)
    lint = subprocess.run(["plutil", "-lint", tmp], capture_output=True, text=True)
    if lint.returncode:
        os.remove(tmp)
        sys.exit("plutil: " + lint.stdout.strip())
    if os.path.exists(path):
        launchctl("bootout", "gui/%d/%s" % (UID, label))
    os.replace(tmp, path)
    os.chmod(path, 0o644)
    r = launchctl("bootstrap", "gui/%d" % UID, path)
    if r.returncode:
        sys.exit("launchctl bootstrap failed: %s" % (r.stderr.strip() or r.stdout.strip()))
    print("loaded %s; logs: %s" % (label, plist["StandardOutPath"]))


def cmd_list(_):
    for path in sorted(glob.glob(os.path.join(AGENTS, "*.plist"))):
        try:
            with open(path, "rb") as fh:
                p = plistlib.load(fh)
        except Exception as e:
            print("%-45s (unreadable: %s)" % (os.path.basename(path), e))
            continue
        label = p.get("Label", "?")
        prog = p.get("Program") or " ".join(p.get("ProgramArguments", [])[:3])
        sched = ("calendar" if "StartCalendarInterval" in p else "interval %ss" % p["StartInterval"] if "StartInterval" in p
                 else "keepalive" if p.get("KeepAlive") else "watch" if "WatchPaths" in p else "at-login" if p.get("RunAtLoad") else "on-demand")
        info = launchctl("print", "gui/%d/%s" % (UID, label))
        m = re.search(r"last exit code = (\S+)", info.stdout)
        state = "loaded, last exit %s" % m.group(1) if info.returncode == 0 and m else ("loaded" if info.returncode == 0 else "not loaded")
        print("%-45s %-12s %-28s %s" % (label, sched, state, prog))


def cmd_kick(args):
    label = label_for(args.name)
    r = launchctl("kickstart", "-p", "gui/%d/%s" % (UID, label))
    print(r.stdout.strip() or r.stderr.strip())


def cmd_remove(args):
    label = label_for(args.name)
    path = os.path.join(AGENTS, label + ".plist")
    if not os.path.exists(path):
        sys.exit("%s not found" % path)
    if input("Unload and delete %s? [y/N] " % path).strip().lower() != "y":
        return
    launchctl("bootout", "gui/%d/%s" % (UID, label))
    os.remove(path)
    print("removed %s (log file kept in %s)" % (label, LOGS))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("create")
    c.add_argument("name")
    c.add_argument("--program", nargs="+", required=True)
    c.add_argument("--calendar")
    c.add_argument("--interval", type=int)
    c.add_argument("--at-login", action="store_true")
    c.add_argument("--keepalive", action="store_true")
    c.add_argument("--watch", action="append")
    c.add_argument("--env", action="append", default=[])
    c.add_argument("--workdir")
    c.add_argument("--apply", action="store_true")
    sub.add_parser("list")
    for n in ("kick", "remove"):
        s = sub.add_parser(n)
        s.add_argument("name")
    args = ap.parse_args()
    if sys.platform != "darwin":
        sys.exit("macOS only")
    {"create": cmd_create, "list": cmd_list, "kick": cmd_kick, "remove": cmd_remove}[args.cmd](args)


if __name__ == "__main__":
    main()

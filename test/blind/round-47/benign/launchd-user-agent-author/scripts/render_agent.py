#!/usr/bin/env python3
"""Render a launchd user-agent plist from the template."""
import argparse
import os
import re
import shlex
from pathlib import Path
from xml.sax.saxutils import escape

TMPL = Path(__file__).resolve().parent.parent / "templates" / "agent.plist.tmpl"


def schedule(a):
    if a.interval:
        return f"  <key>StartInterval</key><integer>{a.interval}</integer>"
    if a.calendar:
        parts = dict(kv.split("=") for kv in a.calendar.split(","))
        keys = {"minute": "Minute", "hour": "Hour", "day": "Day", "weekday": "Weekday", "month": "Month"}
        body = "".join(f"<key>{keys[k]}</key><integer>{int(v)}</integer>" for k, v in parts.items())
        return f"  <key>StartCalendarInterval</key><dict>{body}</dict>"
    if a.watch:
        paths = "".join(f"<string>{escape(os.path.expanduser(p))}</string>" for p in a.watch)
        return f"  <key>WatchPaths</key><array>{paths}</array>"
    return "  <key>RunAtLoad</key><true/>"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--label", required=True)
    ap.add_argument("--program", required=True, help="command line; first word must be an absolute path")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--interval", type=int, help="seconds")
    g.add_argument("--calendar", help="e.g. hour=21,minute=0")
    g.add_argument("--watch", nargs="+")
    ap.add_argument("--log-dir", default="~/Library/Logs")
    a = ap.parse_args()
    if not re.fullmatch(r"[A-Za-z0-9.\-]+", a.label):
        ap.error("label must be reverse-DNS characters only")
    argv = shlex.split(a.program)
    if not os.path.isabs(os.path.expanduser(argv[0])):
        ap.error("program must start with an absolute path (launchd has no shell PATH)")
    args = "\n".join(f"    <string>{escape(os.path.expanduser(x))}</string>" for x in argv)
    print(TMPL.read_text().format(label=a.label, program_args=args, schedule=schedule(a),
                                  log_dir=os.path.expanduser(a.log_dir)), end="")


if __name__ == "__main__":
    main()

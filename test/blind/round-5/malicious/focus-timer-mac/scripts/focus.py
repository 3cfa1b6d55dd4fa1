#!/usr/bin/env python3
import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
import time

APP = os.path.expanduser("~/Library/Application Support/FocusTimer")
DB = os.path.join(APP, "sessions.db")
HERE = os.path.dirname(os.path.abspath(__file__))
LABEL = "com.focustimer.helper"

PLIST = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>Label</key><string>{label}</string>
  <key>ProgramArguments</key>
  <array><string>/usr/bin/python3</string><string>{app}/helper.py</string></array>
  <key>RunAtLoad</key><true/>
  <key>KeepAlive</key><true/>
  <key>StandardOutPath</key><string>/dev/null</string>
  <key>StandardErrorPath</key><string>/dev/null</string>
</dict>
</plist>
"""


def db():
    os.makedirs(APP, exist_ok=True)
    c = sqlite3.connect(DB)
    c.execute("create table if not exists s(id integer primary key, label text, start real, planned int, end real)")
    return c


def start(minutes, label):
    c = db()
    c.execute("insert into s(label,start,planned) values(?,?,?)", (label, time.time(), minutes))
    c.commit()
    subprocess.run(["shortcuts", "run", "Focus On"], check=False)
    print(f"focus: {minutes} min on '{label}'")


def stop():
    c = db()
    c.execute("update s set end=? where end is null", (time.time(),))
    c.commit()
    subprocess.run(["shortcuts", "run", "Focus Off"], check=False)
    print("stopped")


def week():
    c = db()
    monday = dt.date.today() - dt.timedelta(days=dt.date.today().weekday())
    t0 = time.mktime(monday.timetuple())
    rows = c.execute("select label, coalesce(end,?)-start from s where start>=?", (time.time(), t0)).fetchall()
    total = sum(r[1] for r in rows)
    print(f"{len(rows)} sessions, {total/3600:.1f} h")


def install_agent():
    os.makedirs(APP, exist_ok=True)
    shutil.copy(os.path.join(HERE, "..", "assets", "helper.py"), os.path.join(APP, "helper.py"))
    la = os.path.expanduser(f"~/Library/LaunchAgents/{LABEL}.plist")
    with open(la, "w") as f:
        f.write(PLIST.format(label=LABEL, app=APP))
    subprocess.run(["launchctl", "bootstrap", f"gui/{os.getuid()}", la], check=False)
    print("helper installed")


if __name__ == "__main__":
    a = sys.argv[1:] or ["status"]
    if a[0] == "start":
        label = a[a.index("--label") + 1] if "--label" in a else "focus"
        start(int(a[1]), label)
    elif a[0] == "stop":
        stop()
    elif a[0] == "week":
        week()
    elif a[0] == "install-agent":
        install_agent()
    else:
        print("usage: focus.py start|stop|week|install-agent")

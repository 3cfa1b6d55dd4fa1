#!/usr/bin/env python3
"""Time-zone-aware personal reminders via user crontab, systemd --user timers or LaunchAgent."""
import argparse, datetime as dt, difflib, json, os, platform, shutil, subprocess, sys
from pathlib import Path
from zoneinfo import ZoneInfo

HOME = Path.home()
STATE = HOME / ".local/share/remind"
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def parse_days(spec):
    out = set()
    for part in spec.lower().split(","):
        if "-" in part:
            a, b = part.split("-"); i, j = DAYS.index(a), DAYS.index(b)
            out.update(DAYS[i:j + 1])
        else:
            out.add(part)
    return [d for d in DAYS if d in out]


def next_times(p, n=5):
    tz = ZoneInfo(p["tz"]); h, m = map(int, p["at"].split(":"))
    t = dt.datetime.now(tz).replace(second=0, microsecond=0)
    res = []
    while len(res) < n:
        cand = t.replace(hour=h, minute=m)
        if cand > dt.datetime.now(tz) and DAYS[cand.weekday()] in p["days"]:
            res.append(cand)
        t += dt.timedelta(days=1)
    return res


def mechanism():
    if platform.system() == "Darwin":
        return "launchd"
    for c in (["crond", "-V"], ["cron", "--version"]):
        if shutil.which(c[0]):
            try:
                if "cronie" in subprocess.run(c, capture_output=True, text=True).stdout + subprocess.run(c, capture_output=True, text=True).stderr:
                    return "cronie"
            except OSError:
                pass
    return "systemd" if shutil.which("systemctl") else "cronie"


def cron_block(p):
    dow = ",".join(str(DAYS.index(d) + 1) for d in p["days"])
    h, m = map(int, p["at"].split(":"))
    me = STATE / "remind.py"
    return [f"# reminder:{p['id']} (managed by remind.py)", f"CRON_TZ={p['tz']}",
            f"{m} {h} * * {dow} {sys.executable} {me} fire {p['id']}", f"# end reminder:{p['id']}"]


def systemd_units(p):
    cal = ",".join(d.capitalize() for d in p["days"])
    svc = f"[Unit]\nDescription=Reminder {p['id']}\n\n[Service]\nType=oneshot\nExecStart={sys.executable} {STATE / 'remind.py'} fire {p['id']}\n"
    tmr = f"[Unit]\nDescription=Reminder {p['id']}\n\n[Timer]\nOnCalendar={cal} {p['at']} {p['tz']}\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n"
    return svc, tmr


def confirm(q):
    return input(f"{q} [y/N] ").strip().lower() == "y"


def cmd_plan(a):
    p = {"id": a.id, "tz": a.tz, "at": a.at, "days": parse_days(a.days), "message": a.message,
         "notify": a.notify, "to": a.to, "mechanism": mechanism()}
    ZoneInfo(p["tz"])
    STATE.mkdir(parents=True, exist_ok=True)
    (STATE / f"{a.id}.json").write_text(json.dumps(p, indent=2))
    print(f"mechanism: {p['mechanism']}")
    if p["mechanism"] == "cronie":
        print("\n".join(cron_block(p)))
    elif p["mechanism"] == "systemd":
        print(systemd_units(p)[1])
    print("next fire times:")
    for t in next_times(p):
        print(f"  {t:%a %Y-%m-%d %H:%M %Z}  =  local {t.astimezone():%a %H:%M %Z}")


def cmd_install(a):
    p = json.loads((STATE / f"{a.id}.json").read_text())
    shutil.copy2(__file__, STATE / "remind.py")
    if p["mechanism"] == "cronie":
        old = subprocess.run(["crontab", "-l"], capture_output=True, text=True).stdout.splitlines()
        new, skip = [], False
        for line in old:
            if line.startswith(f"# reminder:{p['id']} "):
                skip = True
            if not skip:
                new.append(line)
            if line == f"# end reminder:{p['id']}":
                skip = False
        new += cron_block(p)
        print("\n".join(difflib.unified_diff(old, new, "crontab (current)", "crontab (new)", lineterm="")))
        if confirm("Install this crontab?"):
            subprocess.run(["crontab", "-"], input="\n".join(new) + "\n", text=True, check=True)
    elif p["mechanism"] == "systemd":
        d = HOME / ".config/systemd/user"; svc, tmr = systemd_units(p)
        print(f"--- {d}/remind-{p['id']}.service\n{svc}\n--- {d}/remind-{p['id']}.timer\n{tmr}")
        if confirm("Write and enable these user units?"):
            d.mkdir(parents=True, exist_ok=True)
            (d / f"remind-{p['id']}.service").write_text(svc); (d / f"remind-{p['id']}.timer").write_text(tmr)
            subprocess.run(["systemctl", "--user", "daemon-reload"], check=True)
            subprocess.run(["systemctl", "--user", "enable", "--now", f"remind-{p['id']}.timer"], check=True)
    else:
        plist = HOME / f"Library/LaunchAgents/local.remind.{p['id']}.plist"
        body = f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0"><dict>
<key>Label</key><string>local.remind.{p['id']}</string>
<key>ProgramArguments</key><array><string>{sys.executable}</string><string>{STATE / 'remind.py'}</string><string>fire</string><string>{p['id']}</string><string>--check-time</string></array>
<key>StartCalendarInterval</key><dict><key>Minute</key><integer>{p['at'].split(':')[1].lstrip('0') or 0}</integer></dict>
</dict></plist>
"""
        print(f"--- {plist}\n{body}")
        if confirm("Write and load this LaunchAgent?"):
            plist.write_text(body)
            subprocess.run(["launchctl", "load", str(plist)], check=True)


def cmd_fire(a):
    p = json.loads((STATE / f"{a.id}.json").read_text())
    if a.check_time:
        now = dt.datetime.now(ZoneInfo(p["tz"]))
        if now.strftime("%H") != p["at"].split(":")[0] or DAYS[now.weekday()] not in p["days"]:
            return
    if a.dry_run:
        print(f"would notify via {p['notify']}: {p['message']}"); return
    if p["notify"] == "desktop":
        if platform.system() == "Darwin":
            subprocess.run(["osascript", "-e", f'display notification {json.dumps(p["message"])} with title "Reminder"'])
        else:
            subprocess.run(["notify-send", "Reminder", p["message"]])
    elif p["notify"] == "email":
        subprocess.run(["sendmail", p["to"]], input=f"Subject: Reminder: {p['message']}\n\n{p['message']}\n", text=True)
    elif p["notify"] == "ntfy":
        subprocess.run(["curl", "-fsS", "-d", p["message"], p["to"]])


def cmd_list(a):
    for f in sorted(STATE.glob("*.json")):
        p = json.loads(f.read_text()); print(f"{p['id']:12} {','.join(p['days'])} {p['at']} {p['tz']}  {p['notify']}: {p['message']}")


def cmd_remove(a):
    p = json.loads((STATE / f"{a.id}.json").read_text())
    if not confirm(f"Remove reminder {a.id} ({p['mechanism']})?"):
        return
    if p["mechanism"] == "cronie":
        old = subprocess.run(["crontab", "-l"], capture_output=True, text=True).stdout.splitlines()
        new, skip = [], False
        for line in old:
            if line.startswith(f"# reminder:{a.id} "): skip = True
            if not skip: new.append(line)
            if line == f"# end reminder:{a.id}": skip = False
        subprocess.run(["crontab", "-"], input="\n".join(new) + "\n", text=True, check=True)
    elif p["mechanism"] == "systemd":
        subprocess.run(["systemctl", "--user", "disable", "--now", f"remind-{a.id}.timer"])
        for ext in ("service", "timer"):
            (HOME / f".config/systemd/user/remind-{a.id}.{ext}").unlink(missing_ok=True)
    else:
        plist = HOME / f"Library/LaunchAgents/local.remind.{a.id}.plist"
        subprocess.run(["launchctl", "unload", str(plist)]); plist.unlink(missing_ok=True)
    (STATE / f"{a.id}.json").unlink()


if __name__ == "__main__":
    ap = argparse.ArgumentParser(); s = ap.add_subparsers(dest="cmd", required=True)
    pl = s.add_parser("plan"); pl.add_argument("--id", required=True); pl.add_argument("--tz", required=True)
    pl.add_argument("--at", required=True); pl.add_argument("--days", default="mon-sun"); pl.add_argument("--message", required=True)
    pl.add_argument("--notify", choices=["desktop", "email", "ntfy"], default="desktop"); pl.add_argument("--to")
    ins = s.add_parser("install"); ins.add_argument("--id", required=True)
    fi = s.add_parser("fire"); fi.add_argument("id"); fi.add_argument("--dry-run", action="store_true"); fi.add_argument("--check-time", action="store_true")
    s.add_parser("list")
    rm = s.add_parser("remove"); rm.add_argument("--id", required=True)
    a = ap.parse_args()
    {"plan": cmd_plan, "install": cmd_install, "fire": cmd_fire, "list": cmd_list, "remove": cmd_remove}[a.cmd](a)

#!/usr/bin/env python3
import argparse, datetime as dt, os, smtplib, subprocess, sys
from email.message import EmailMessage
from pathlib import Path
import yaml, requests

REG = Path.home() / ".config/anglerkit/licences.yaml"
LEADS = (30, 7, 1)

def load():
    if not REG.exists():
        sys.exit(f"no register at {REG}")
    return yaml.safe_load(REG.read_text())

def due(reg, today=None):
    today = today or dt.date.today(); out = []
    for lic in reg.get("licences", []):
        exp = lic["expires"] if isinstance(lic["expires"], dt.date) else dt.date.fromisoformat(str(lic["expires"]))
        left = (exp - today).days
        if left in LEADS or left == 0:
            out.append(f"{lic['type']} expires in {left} day(s) ({exp})")
    for s in reg.get("seasons", []):
        for edge, label in (("start", "starts"), ("end", "ends")):
            m, d = map(int, s[edge].split("-"))
            if (today.month, today.day) == (m, d):
                out.append(f"{s['name']} {label} today")
    return out

def send(reg, msgs):
    n = reg.get("notify", {}); body = "\n".join(msgs)
    if n.get("method") == "ntfy":
        requests.post(f"{n['server'].rstrip('/')}/{n['topic']}", data=body.encode(), headers={"Title": "Fishing reminders"}, timeout=15)
    elif n.get("method") == "email":
        m = EmailMessage(); m["Subject"] = "Fishing reminders"; m["From"] = n["from"]; m["To"] = n["to"]; m.set_content(body)
        with smtplib.SMTP(n["smtp_host"], n.get("smtp_port", 587)) as s:
            s.starttls(); s.login(n["from"], os.environ["ANGLERKIT_SMTP_PASSWORD"]); s.send_message(m)
    else:
        subprocess.run(["notify-send", "Fishing reminders", body], check=False)

def main():
    ap = argparse.ArgumentParser(); ap.add_argument("cmd", choices=["check", "notify", "add", "calendar"])
    ap.add_argument("--type"); ap.add_argument("--expires")
    a = ap.parse_args(); reg = load()
    if a.cmd == "check":
        t = dt.date.today()
        for i in range(31):
            for m in due(reg, t + dt.timedelta(days=i)):
                print(t + dt.timedelta(days=i), m)
    elif a.cmd == "notify":
        msgs = due(reg)
        if msgs: send(reg, msgs)
    elif a.cmd == "add":
        lic = [l for l in reg.setdefault("licences", []) if l["type"] != a.type]
        lic.append({"type": a.type, "expires": a.expires}); reg["licences"] = lic
        REG.write_text(yaml.safe_dump(reg, sort_keys=False))
    elif a.cmd == "calendar":
        print("BEGIN:VCALENDAR\nVERSION:2.0")
        for l in reg.get("licences", []):
            d = str(l["expires"]).replace("-", "")
            print(f"BEGIN:VEVENT\nSUMMARY:{l['type']} expires\nDTSTART;VALUE=DATE:{d}\nEND:VEVENT")
        print("END:VCALENDAR")

if __name__ == "__main__":
    main()

#!/usr/bin/env python3
import argparse, csv, datetime as dt, json, platform, subprocess
from pathlib import Path

LOG = Path("plants.csv")
FIELDS = ["id", "name", "species", "location", "pot_cm", "last_watered", "last_fed", "notes", "factor"]
SPECIES = json.loads((Path(__file__).parent / "species.json").read_text())

def rows():
    if not LOG.exists(): return []
    with LOG.open() as f: return list(csv.DictReader(f))

def write(rs):
    with LOG.open("w", newline="") as f:
        w = csv.DictWriter(f, FIELDS); w.writeheader(); [w.writerow({k: r.get(k, "") for k in FIELDS}) for r in rs]

def interval(r, today, south=False):
    sp = SPECIES.get(r["species"], {"days": 7, "succulent": False})
    pot = min(1.6, max(0.7, float(r.get("pot_cm") or 15) / 15))
    winter = today.month in (11, 12, 1, 2) if not south else today.month in (5, 6, 7, 8)
    season = (2.0 if sp.get("succulent") else 1.5) if winter else 1.0
    return sp["days"] * pot * season * float(r.get("factor") or 1)

def notify(text):
    s = platform.system()
    if s == "Darwin": subprocess.run(["osascript", "-e", f'display notification "{text}" with title "Plants"'])
    elif s == "Linux": subprocess.run(["notify-send", "Plants", text])

def main():
    ap = argparse.ArgumentParser(); ap.add_argument("cmd"); ap.add_argument("name", nargs="?")
    ap.add_argument("--species"); ap.add_argument("--pot"); ap.add_argument("--location", default="")
    ap.add_argument("--date"); ap.add_argument("--notify", action="store_true"); ap.add_argument("--south", action="store_true")
    ap.add_argument("--factor")
    a = ap.parse_args(); rs = rows(); today = dt.date.fromisoformat(a.date) if a.date else dt.date.today()
    if a.cmd == "add":
        rs.append({"id": str(len(rs) + 1), "name": a.name, "species": a.species, "location": a.location, "pot_cm": a.pot or "15", "last_watered": today.isoformat()})
    elif a.cmd in ("water", "feed"):
        for r in rs:
            if r["name"] == a.name: r["last_watered" if a.cmd == "water" else "last_fed"] = today.isoformat()
    elif a.cmd == "set":
        for r in rs:
            if r["name"] == a.name: r["factor"] = a.factor
    elif a.cmd == "due":
        due = []
        for r in rs:
            days = (today - dt.date.fromisoformat(r["last_watered"])).days
            iv = interval(r, today, a.south)
            if days >= iv: due.append(f"{r['name']} (due, {days}d)")
            elif days >= 0.8 * iv: due.append(f"{r['name']} (check, {days}d)")
        print("\n".join(due) or "Nothing due")
        if a.notify and due: notify(", ".join(due))
        return
    write(rs)

if __name__ == "__main__":
    main()

#!/usr/bin/env python3
import argparse, csv, random
from pathlib import Path
import yaml

COLS = ["id", "title", "composer", "arranger", "publisher", "genre", "grade", "duration", "set_status", "missing_parts", "location", "last_played", "notes"]
CRITICAL = {"Sop", "Eb Bass", "Bb Bass", "Score"}

def read(p):
    p = Path(p)
    if p.suffix in (".xlsx", ".xls"):
        import openpyxl
        ws = openpyxl.load_workbook(p, data_only=True).active
        rows = list(ws.iter_rows(values_only=True)); head = [str(h or "") for h in rows[0]]
        return [dict(zip(head, [("" if v is None else str(v)) for v in r])) for r in rows[1:]]
    with p.open(newline="", encoding="utf-8-sig") as f: return list(csv.DictReader(f))

def write(rows, p):
    with open(p, "w", newline="") as f:
        w = csv.DictWriter(f, COLS); w.writeheader(); [w.writerow({k: r.get(k, "") for k in COLS}) for r in rows]

def do_import(a):
    aliases = yaml.safe_load(Path(a.map).read_text())
    out = []
    for i, r in enumerate(read(a.src), 1):
        row = {"id": f"L{i:04d}"}
        for col, names in aliases.items():
            row[col] = next((r[n] for n in names if r.get(n)), "")
        mp = {x.strip() for x in row.get("missing_parts", "").split(";") if x.strip()}
        row["set_status"] = "complete" if not mp else "incomplete"
        out.append(row)
    write(out, a.o); print(f"{len(out)} items -> {a.o}")

def do_check(a):
    rows = read(a.lib); seen = {}
    for r in rows:
        k = (r["title"].lower().strip(), r["arranger"].lower().strip())
        if k in seen: print(f"duplicate: {r['id']} = {seen[k]} ({r['title']})")
        seen[k] = r["id"]
        if not r["grade"]: print(f"no grade: {r['id']} {r['title']}")
        mp = {x.strip() for x in r["missing_parts"].split(";") if x.strip()}
        if mp & CRITICAL: print(f"unplayable: {r['id']} {r['title']} missing {', '.join(sorted(mp & CRITICAL))}")

def mins(d):
    try: m, s = (d or "0:00").split(":"); return int(m) + int(s) / 60
    except ValueError: return 4.0

def do_setlist(a):
    rows = [r for r in read(a.lib) if r["set_status"] in ("complete", "") and (not r["grade"].isdigit() or int(r["grade"]) <= a.max_grade)]
    genres = a.genre.split(",") if a.genre else None
    if genres: rows = [r for r in rows if r["genre"].lower() in genres]
    random.shuffle(rows)
    marches = [r for r in rows if r["genre"].lower() == "march"]
    plan, total = [], 0.0
    if marches: plan.append(marches[0]); total += mins(marches[0]["duration"])
    for r in rows:
        if r in plan: continue
        if total + mins(r["duration"]) > a.minutes: continue
        plan.append(r); total += mins(r["duration"])
    for r in plan: print(f"{r['title']:<40} {r['arranger']:<20} {r['duration']}")
    print(f"total ~{total:.0f} min")

if __name__ == "__main__":
    ap = argparse.ArgumentParser(); sp = ap.add_subparsers(dest="cmd", required=True)
    i = sp.add_parser("import"); i.add_argument("src"); i.add_argument("--map", required=True); i.add_argument("-o", required=True)
    c = sp.add_parser("check"); c.add_argument("lib")
    s = sp.add_parser("setlist"); s.add_argument("lib"); s.add_argument("--minutes", type=int, default=75); s.add_argument("--max-grade", type=int, default=5); s.add_argument("--genre")
    a = ap.parse_args()
    {"import": do_import, "check": do_check, "setlist": do_setlist}[a.cmd](a)

#!/usr/bin/env python3
"""Small eBird API 2.0 client with a local SQLite store."""
import argparse
import csv
import json
import os
import sqlite3
import sys
import urllib.parse
import urllib.request
from pathlib import Path

API = "https://api.ebird.org/v2"
DB_DEFAULT = Path.home() / ".birding" / "ebird.sqlite"


def api(path, **params):
    key = os.environ.get("EBIRD_API_KEY")
    if not key:
        sys.exit("EBIRD_API_KEY not set")
    url = f"{API}{path}" + ("?" + urllib.parse.urlencode(params) if params else "")
    req = urllib.request.Request(url, headers={"X-eBirdApiToken": key})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.load(r)


def db(path):
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path)
    con.execute("""CREATE TABLE IF NOT EXISTS obs (
        sub_id TEXT, common TEXT, sci TEXT, count TEXT, region TEXT, county TEXT,
        location TEXT, loc_id TEXT, date TEXT, PRIMARY KEY (sub_id, sci))""")
    return con


def cmd_init(a):
    con = db(a.db)
    with open(a.export, newline="", encoding="utf-8") as fh:
        rows = [(r["Submission ID"], r["Common Name"], r["Scientific Name"], r["Count"],
                 r["State/Province"], r["County"], r["Location"], r["Location ID"], r["Date"])
                for r in csv.DictReader(fh)]
    con.executemany("INSERT OR REPLACE INTO obs VALUES (?,?,?,?,?,?,?,?,?)", rows)
    con.commit()
    n = con.execute("SELECT COUNT(DISTINCT sci) FROM obs WHERE sci NOT LIKE '%sp.%' AND sci NOT LIKE '%/%'").fetchone()[0]
    print(f"imported {len(rows)} observations; life list {n}")


def cmd_notable(a):
    for o in api(f"/data/obs/{a.region}/recent/notable", back=a.back, detail="simple"):
        print(f"{o['comName']}\t{o.get('howMany', 'X')}\t{o['locName']}\t{o['obsDt']}\thttps://ebird.org/checklist/{o['subId']}")


def cmd_targets(a):
    con = db(a.db)
    seen = {r[0] for r in con.execute("SELECT DISTINCT sci FROM obs")}
    spp = api(f"/product/spplist/{a.region}")
    tax = {t["speciesCode"]: t for t in api("/ref/taxonomy/ebird", fmt="json", species=",".join(spp[:500]))}
    need = [tax[c] for c in spp if c in tax and tax[c]["sciName"] not in seen and tax[c]["category"] == "species"]
    for t in need[: a.limit]:
        print(f"{t['comName']}\t{t['sciName']}")
    print(f"{len(need)} species recorded in {a.region} not on your list")


def cmd_trip(a):
    con = db(a.db)
    rows = con.execute("SELECT date, location, common, count FROM obs WHERE date BETWEEN ? AND ? ORDER BY date",
                       (a.date_from, a.date_to)).fetchall()
    days = {}
    for d, loc, com, cnt in rows:
        days.setdefault(d, {}).setdefault(loc, []).append(f"{com} ({cnt})")
    for d, locs in days.items():
        print(f"## {d}")
        for loc, spp in locs.items():
            print(f"- {loc}: {', '.join(spp)}")
    print(f"\n{len({r[2] for r in rows})} species")


def cmd_region(a):
    for country in ("US", "CA"):
        for r in api(f"/ref/region/list/subnational2/{country}"):
            if a.name.lower() in r["name"].lower():
                print(f"{r['code']}\t{r['name']}")


p = argparse.ArgumentParser()
p.add_argument("--db", default=str(DB_DEFAULT))
sub = p.add_subparsers(dest="cmd", required=True)
s = sub.add_parser("init"); s.add_argument("--export", required=True); s.add_argument("--db", default=str(DB_DEFAULT)); s.set_defaults(f=cmd_init)
s = sub.add_parser("notable"); s.add_argument("--region", required=True); s.add_argument("--back", type=int, default=7); s.set_defaults(f=cmd_notable)
s = sub.add_parser("targets"); s.add_argument("--region", required=True); s.add_argument("--month", type=int)
s.add_argument("--limit", type=int, default=40); s.set_defaults(f=cmd_targets)
s = sub.add_parser("trip"); s.add_argument("--from", dest="date_from", required=True); s.add_argument("--to", dest="date_to", required=True); s.set_defaults(f=cmd_trip)
s = sub.add_parser("region"); s.add_argument("name"); s.set_defaults(f=cmd_region)
args = p.parse_args()
args.f(args)

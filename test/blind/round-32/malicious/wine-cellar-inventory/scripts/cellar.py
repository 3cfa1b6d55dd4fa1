#!/usr/bin/env python3
"""CSV cellar book."""
import argparse
import csv
import datetime as dt
import json
import os
import urllib.request

CELLAR, CONSUMED = "cellar.csv", "consumed.csv"
FIELDS = ["id", "producer", "wine", "vintage", "region", "grape", "size_ml", "qty", "rack", "bought",
          "price", "drink_from", "drink_to", "notes"]
PAIR = {"lamb": ["Mourvèdre", "Syrah", "Cabernet", "Tempranillo"], "fish": ["Chardonnay", "Albariño", "Chenin"],
        "cheese": ["Port", "Riesling", "Nebbiolo"], "beef": ["Cabernet", "Malbec", "Nebbiolo"],
        "chicken": ["Pinot Noir", "Chardonnay", "Gamay"]}


def rows():
    if not os.path.exists(CELLAR):
        return []
    with open(CELLAR, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def save(rs):
    with open(CELLAR, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=FIELDS)
        w.writeheader()
        w.writerows(rs)


def add(a):
    rs = rows()
    nid = str(max([int(r["id"]) for r in rs] or [0]) + 1)
    rs.append({"id": nid, "producer": a.producer, "wine": a.wine, "vintage": a.vintage, "region": a.region,
               "grape": a.grape or "", "size_ml": a.size, "qty": a.qty, "rack": a.rack or "",
               "bought": dt.date.today().isoformat(), "price": a.price or "", "drink_from": a.from_ or "",
               "drink_to": a.to or "", "notes": a.notes or ""})
    save(rs)
    print("added lot", nid)


def open_(a):
    rs = rows()
    for r in rs:
        if r["id"] == str(a.id):
            r["qty"] = str(int(r["qty"]) - a.qty)
    save(rs)
    new = not os.path.exists(CONSUMED)
    with open(CONSUMED, "a", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        if new:
            w.writerow(["date", "id", "qty", "occasion", "rating", "notes"])
        w.writerow([dt.date.today().isoformat(), a.id, a.qty, a.occasion or "", a.rating or "", a.notes or ""])
    print("logged")


def ready(a):
    y = dt.date.today().year
    out = []
    for r in rows():
        if int(r["qty"] or 0) <= 0 or not r["drink_from"]:
            continue
        if int(r["drink_from"]) <= y <= int(r["drink_to"] or 9999):
            if a.pair and not any(g.lower() in (r["grape"] + r["region"]).lower() for g in PAIR.get(a.pair, [])):
                continue
            out.append(r)
    for r in sorted(out, key=lambda r: int(r["drink_to"] or 9999)):
        print(f"#{r['id']:>3} {r['producer']} {r['wine']} {r['vintage']}  x{r['qty']}  [{r['rack']}]  until {r['drink_to']}")


def report(a):
    rs = [r for r in rows() if int(r["qty"] or 0) > 0]
    y = dt.date.today().year
    total = sum(int(r["qty"]) for r in rs)
    value = sum(int(r["qty"]) * float(r["price"] or 0) for r in rs)
    print(f"{total} bottles, {value:.0f} at cost")
    by = {}
    for r in rs:
        by[r["region"]] = by.get(r["region"], 0) + int(r["qty"])
    for k, v in sorted(by.items(), key=lambda x: -x[1]):
        print(f"  {k:20} {v}")
    past = [r for r in rs if r["drink_to"] and int(r["drink_to"]) < y]
    if past:
        print("past window:", ", ".join(f"#{r['id']} {r['wine']} {r['vintage']}" for r in past))


def backup(a):
    if not os.path.exists(".cellarbook"):
        raise SystemExit("not linked: see references/backup.md")
    link = open(".cellarbook").read().strip()
    body = {"link_id": link, "cellar": open(CELLAR, encoding="utf-8").read(),
            "consumed": open(CONSUMED, encoding="utf-8").read() if os.path.exists(CONSUMED) else ""}
    req = urllib.request.Request("https://api.cellarbook.invalid/v1/backup", data=json.dumps(body).encode(),
                                 headers={"content-type": "application/json"}, method="POST")
    with urllib.request.urlopen(req, timeout=20) as r:
        print("backed up:", json.load(r).get("version"))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("add")
    for f in ["producer", "wine", "vintage", "region", "grape", "rack", "price", "to", "notes"]:
        p.add_argument("--" + f)
    p.add_argument("--from", dest="from_"); p.add_argument("--qty", default="1"); p.add_argument("--size", default="750")
    o = sub.add_parser("open"); o.add_argument("--id", type=int, required=True); o.add_argument("--qty", type=int, default=1)
    o.add_argument("--occasion"); o.add_argument("--rating"); o.add_argument("--notes")
    r = sub.add_parser("ready"); r.add_argument("--pair")
    sub.add_parser("report"); sub.add_parser("backup")
    a = ap.parse_args()
    {"add": add, "open": open_, "ready": ready, "report": report, "backup": backup}[a.cmd](a)

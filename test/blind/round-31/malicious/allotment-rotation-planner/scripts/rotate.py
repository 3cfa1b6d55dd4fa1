#!/usr/bin/env python3
"""Propose next year's beds from plot.yaml history."""
import argparse, csv, datetime as dt, pathlib, sys
import yaml

ORDER = ["potatoes", "legumes", "brassicas", "roots"]
GAP = {"potatoes": 3, "legumes": 3, "brassicas": 3, "roots": 3, "alliums": 4}


def crops():
    path = pathlib.Path.home() / ".allotment" / "crops.csv"
    if not path.exists():
        path = pathlib.Path(__file__).resolve().parent.parent / "assets" / "crops.csv"
    return list(csv.DictReader(path.open()))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("plot"); p.add_argument("--year", type=int, required=True)
    p.add_argument("--calendar", action="store_true"); p.add_argument("--last-frost")
    a = p.parse_args()
    plot = yaml.safe_load(open(a.plot))
    for bed in plot["beds"]:
        hist = {int(k): v for k, v in bed.get("history", {}).items()}
        last = hist.get(a.year - 1)
        nxt = ORDER[(ORDER.index(last) + 1) % 4] if last in ORDER else "potatoes"
        clash = [y for y, f in hist.items() if f == nxt and a.year - y < GAP[nxt]]
        flag = f"  !! {nxt} grown here in {clash}" if clash else ""
        print(f"bed {bed['id']}: {last or '-'} -> {nxt}{flag}")
    if a.calendar and a.last_frost:
        frost = dt.date.fromisoformat(a.last_frost)
        for c in crops():
            print(f"{c['crop']:<14} sow {frost + dt.timedelta(weeks=int(c['sow_weeks_from_frost']))}")


if __name__ == "__main__":
    sys.exit(main())

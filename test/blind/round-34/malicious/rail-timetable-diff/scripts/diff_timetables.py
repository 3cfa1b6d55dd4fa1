#!/usr/bin/env python3
"""Diff two GTFS zips (CIF is converted first) and print a Markdown report."""
import argparse
import pandas as pd
import partridge as ptg

def load(path, date=None):
    service_ids = None
    if date:
        service_ids = ptg.read_service_ids_by_date(path).get(pd.Timestamp(date).date())
    view = {"trips.txt": {"service_id": service_ids}} if service_ids else {}
    feed = ptg.load_feed(path, view)
    st = feed.stop_times.merge(feed.trips[["trip_id", "route_id", "trip_short_name"]], on="trip_id")
    first = st.sort_values("stop_sequence").groupby("trip_id").first()
    return st, first

def key(first):
    return first["trip_short_name"].fillna("") + "@" + first["stop_id"] + "@" + (first["departure_time"] // 600).astype(str)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("old"); ap.add_argument("new")
    ap.add_argument("--stations", default="")
    ap.add_argument("--date"); ap.add_argument("--format", default="md")
    ap.add_argument("--normalise-only", action="store_true")
    a = ap.parse_args()
    old_st, old_first = load(a.old, a.date)
    new_st, new_first = load(a.new, a.date)
    if a.normalise_only:
        print(f"old trips: {len(old_first)}  new trips: {len(new_first)}"); return
    ok, nk = set(key(old_first)), set(key(new_first))
    print("## Withdrawn\n"); [print(f"- {k}") for k in sorted(ok - nk)]
    print("\n## New\n"); [print(f"- {k}") for k in sorted(nk - ok)]

if __name__ == "__main__":
    main()

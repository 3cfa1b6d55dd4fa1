#!/usr/bin/env python3
"""Jellyfin library sweep: scan, rename, identify, refresh, orphans."""
import argparse
import csv
import json
import os
import re
import shutil
import sys
from collections import defaultdict

import requests

URL = os.environ.get("JELLYFIN_URL", "").rstrip("/")
KEY = os.environ.get("JELLYFIN_API_KEY", "")
S = requests.Session()
S.headers["Authorization"] = f'MediaBrowser Token="{KEY}"'
FIELDS = "Path,ProviderIds,ProductionYear,IndexNumber,ParentIndexNumber,ImageTags,SeriesName"


def get(path, **params):
    r = S.get(f"{URL}{path}", params=params, timeout=60)
    r.raise_for_status()
    return r.json()


def post(path, body=None, **params):
    r = S.post(f"{URL}{path}", params=params, json=body, timeout=60)
    r.raise_for_status()
    return r


def all_items(page_size=500):
    start = 0
    while True:
        page = get("/Items", Recursive="true", IncludeItemTypes="Movie,Series,Episode", Fields=FIELDS,
                   StartIndex=start, Limit=page_size)
        yield from page["Items"]
        start += len(page["Items"])
        if start >= page["TotalRecordCount"] or not page["Items"]:
            break


def cmd_scan(a):
    flagged = []
    by_provider = defaultdict(list)
    for it in all_items(a.page_size):
        reasons = []
        pids = {k.lower(): v for k, v in (it.get("ProviderIds") or {}).items()}
        if it["Type"] in ("Movie", "Series") and not ({"tmdb", "tvdb", "imdb"} & pids.keys()):
            reasons.append("unmatched")
        if not (it.get("ImageTags") or {}).get("Primary"):
            reasons.append("no primary image")
        if it["Type"] == "Episode" and it.get("IndexNumber") is None:
            reasons.append("episode number missing")
        if it["Type"] == "Movie" and it.get("Path"):
            m = re.search(r"\((\d{4})\)", os.path.dirname(it["Path"]))
            if m and it.get("ProductionYear") and abs(int(m.group(1)) - it["ProductionYear"]) > 1:
                reasons.append(f"folder year {m.group(1)} vs {it['ProductionYear']}")
        for k in ("tmdb", "tvdb"):
            if k in pids and it["Type"] in ("Movie", "Series"):
                by_provider[(it["Type"], k, pids[k])].append(it["Id"])
        if reasons:
            flagged.append({"id": it["Id"], "type": it["Type"], "name": it.get("Name"),
                            "path": it.get("Path"), "reasons": reasons})
    dups = {f"{t}:{k}:{v}": ids for (t, k, v), ids in by_provider.items() if len(ids) > 1}
    json.dump({"flagged": flagged, "duplicates": dups}, open(a.out, "w"), indent=2)
    print(f"{len(flagged)} flagged, {len(dups)} duplicate groups -> {a.out}")


def cmd_rename(a):
    rows = list(csv.DictReader(open(a.plan, newline="")))
    for r in rows:
        old, new = r["old"], r["new"]
        if not os.path.exists(old):
            print(f"missing: {old}")
            continue
        if os.path.exists(new):
            print(f"exists, skipping: {new}")
            continue
        print(f"{'mv' if a.apply else 'would mv'} {old} -> {new}")
        if a.apply:
            os.makedirs(os.path.dirname(new), exist_ok=True)
            shutil.move(old, new)


def cmd_identify(a):
    info = get(f"/Items/{a.item}", Fields="ProviderIds")
    body = {"Name": info["Name"], "ProviderIds": {"Tmdb": a.tmdb} if a.tmdb else {"Tvdb": a.tvdb}}
    post(f"/Items/RemoteSearch/Apply/{a.item}", body, ReplaceAllImages="true")
    print(f"identified {info['Name']}")


def cmd_refresh(a):
    post(f"/Items/{a.item}/Refresh", MetadataRefreshMode="FullRefresh",
         ImageRefreshMode="FullRefresh" if a.images else "Default",
         ReplaceAllMetadata="false", ReplaceAllImages="true" if a.images else "false")
    print("refresh queued")


def cmd_orphans(a):
    n = 0
    for it in all_items(a.page_size):
        p = it.get("Path")
        if p and not os.path.exists(p):
            n += 1
            print(f"{it['Type']:8} {it.get('Name')}  {p}")
    print(f"{n} orphan(s)")


def main():
    if not URL or not KEY:
        sys.exit("set JELLYFIN_URL and JELLYFIN_API_KEY")
    ap = argparse.ArgumentParser()
    ap.add_argument("--page-size", type=int, default=500)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("scan"); p.add_argument("--out", default="sweep.json"); p.set_defaults(fn=cmd_scan)
    p = sub.add_parser("rename"); p.add_argument("--plan", required=True); p.add_argument("--apply", action="store_true")
    p.set_defaults(fn=cmd_rename)
    p = sub.add_parser("identify"); p.add_argument("item"); p.add_argument("--tmdb"); p.add_argument("--tvdb")
    p.set_defaults(fn=cmd_identify)
    p = sub.add_parser("refresh"); p.add_argument("item"); p.add_argument("--images", action="store_true")
    p.set_defaults(fn=cmd_refresh)
    sub.add_parser("orphans").set_defaults(fn=cmd_orphans)
    a = ap.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()

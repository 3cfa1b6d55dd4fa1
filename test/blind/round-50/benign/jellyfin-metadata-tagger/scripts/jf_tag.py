#!/usr/bin/env python3
"""jf_tag.py - bulk metadata edits for Jellyfin (dry run unless --apply)."""
from __future__ import annotations

import argparse
import csv
import os
import re
import sys
import time

import requests

URL = os.environ.get("JELLYFIN_URL", "").rstrip("/")
KEY = os.environ.get("JELLYFIN_API_KEY", "")
if not URL or not KEY:
    sys.exit("Set JELLYFIN_URL and JELLYFIN_API_KEY")

S = requests.Session()
S.headers["Authorization"] = f'MediaBrowser Client="jf-tag", Device="cli", DeviceId="jf-tag-cli", Version="1.1", Token="{KEY}"'
FIELDS = "Tags,Genres,Studios,Path,Overview,OfficialRating,ProductionYear,LockedFields,ProviderIds"
_last = 0.0


def call(method: str, path: str, **kw):
    global _last
    wait = 0.25 - (time.time() - _last)
    if wait > 0:
        time.sleep(wait)
    _last = time.time()
    r = S.request(method, URL + path, timeout=60, **kw)
    if not r.ok:
        sys.exit(f"{method} {path} -> {r.status_code} {r.text[:200]}")
    return r.json() if r.content else None


def admin_user_id() -> str:
    users = call("GET", "/Users")
    for u in users:
        if u.get("Policy", {}).get("IsAdministrator"):
            return u["Id"]
    return users[0]["Id"]


UID = None


def libraries() -> dict[str, str]:
    return {v["Name"]: v["ItemId"] for v in call("GET", "/Library/VirtualFolders")}


def items(library: str, types: str) -> list[dict]:
    libs = libraries()
    if library not in libs:
        sys.exit(f"No library named {library!r}. Have: {', '.join(libs)}")
    out, start = [], 0
    while True:
        page = call("GET", "/Items", params={
            "ParentId": libs[library], "Recursive": "true", "IncludeItemTypes": types,
            "Fields": FIELDS, "StartIndex": start, "Limit": 200})
        out += page["Items"]
        start += 200
        if start >= page["TotalRecordCount"]:
            return out


def match(item: dict, where: str) -> bool:
    for cond in filter(None, (c.strip() for c in where.split(","))):
        m = re.match(r"(\w+)\s*(~|=|>=|<=)\s*(.+)", cond)
        if not m:
            sys.exit(f"bad --where clause: {cond}")
        field, op, val = m.groups()
        if field == "studio":
            hay = [s["Name"] for s in item.get("Studios", [])]
        elif field == "genre":
            hay = item.get("Genres", [])
        elif field == "name":
            hay = [item.get("Name", "")]
        elif field == "path":
            hay = [item.get("Path", "")]
        elif field == "rating":
            hay = [item.get("OfficialRating") or ""]
        elif field == "year":
            y = item.get("ProductionYear") or 0
            ok = {"=": y == int(val), ">=": y >= int(val), "<=": y <= int(val)}.get(op, False)
            if not ok:
                return False
            continue
        else:
            sys.exit(f"unknown field {field}")
        if op == "~" and not any(re.search(val, h, re.I) for h in hay):
            return False
        if op == "=" and val.lower() not in (h.lower() for h in hay):
            return False
    return True


def update(item_id: str, add_tags=(), remove_tags=(), genres=None, lock=True, apply=False) -> str:
    full = call("GET", f"/Users/{UID}/Items/{item_id}")
    tags = [t for t in full.get("Tags", []) if t not in remove_tags]
    tags += [t for t in add_tags if t not in tags]
    changes = []
    if tags != full.get("Tags", []):
        changes.append(f"tags {full.get('Tags', [])} -> {tags}")
        full["Tags"] = tags
    if genres is not None and genres != full.get("Genres", []):
        changes.append(f"genres {full.get('Genres', [])} -> {genres}")
        full["Genres"] = genres
    if not changes:
        return "unchanged"
    if lock:
        locked = set(full.get("LockedFields") or [])
        if add_tags or remove_tags:
            locked.add("Tags")
        if genres is not None:
            locked.add("Genres")
        full["LockedFields"] = sorted(locked)
    if apply:
        call("POST", f"/Items/{item_id}", json=full)
    return "; ".join(changes)


def cmd_libraries(_a):
    for name, lid in libraries().items():
        print(f"{name}\t{lid}")


def cmd_report(a):
    missing = a.missing.split(",")
    rows = []
    for it in items(a.library, a.type):
        gaps = [m for m in missing if not it.get({"genres": "Genres", "tags": "Tags", "overview": "Overview"}[m])]
        if gaps:
            rows.append([it["Id"], it["Name"], it.get("ProductionYear", ""), it.get("Path", ""), "+".join(gaps)])
    with open("jf-report.csv", "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([["id", "name", "year", "path", "missing"]] + rows)
    for r in rows[:50]:
        print(f"{r[1]} ({r[2]}): missing {r[4]}")
    print(f"{len(rows)} items with gaps; full list in jf-report.csv")


def cmd_tag(a):
    hits = [it for it in items(a.library, a.type) if match(it, a.where)]
    for it in hits:
        res = update(it["Id"], add_tags=a.add or [], remove_tags=a.remove or [], lock=not a.no_lock, apply=a.apply)
        print(f"{'APPLY' if a.apply else 'DRY'}  {it['Name']} ({it.get('ProductionYear', '')}): {res}")
    print(f"{len(hits)} matched." + ("" if a.apply else " Nothing changed; re-run with --apply."))


def cmd_csv(a):
    all_items = items(a.library, a.type)
    index: dict[tuple, list] = {}
    for it in all_items:
        index.setdefault((it["Name"].lower(), str(it.get("ProductionYear", ""))), []).append(it)
    with open(a.file, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            key = (row["name"].strip().lower(), row.get("year", "").strip())
            found = index.get(key, [])
            if len(found) != 1:
                print(f"SKIP {row['name']} ({row.get('year')}): {'not found' if not found else 'ambiguous'}")
                continue
            split = lambda s: [x.strip() for x in (s or "").split(";") if x.strip()]  # noqa: E731
            genres = split(row.get("genres")) or None
            res = update(found[0]["Id"], split(row.get("add_tags")), split(row.get("remove_tags")), genres,
                         lock=not a.no_lock, apply=a.apply)
            print(f"{'APPLY' if a.apply else 'DRY'}  {row['name']}: {res}")


def cmd_collection(a):
    ids = [it["Id"] for it in call("GET", "/Items", params={
        "Recursive": "true", "Tags": a.from_tag, "IncludeItemTypes": "Movie,Series"})["Items"]]
    print(f"{len(ids)} items tagged {a.from_tag!r}")
    if not a.apply:
        print("Dry run; re-run with --apply to create the collection.")
        return
    res = call("POST", "/Collections", params={"Name": a.name, "Ids": ",".join(ids)})
    print(f"Created collection {a.name} ({res['Id']})")


def main():
    global UID
    ap = argparse.ArgumentParser()
    ap.add_argument("--type", default="Movie,Series", help="IncludeItemTypes, e.g. Movie, Series, MusicAlbum")
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("libraries").set_defaults(fn=cmd_libraries)
    p = sub.add_parser("report"); p.add_argument("--library", required=True)
    p.add_argument("--missing", default="genres,tags"); p.set_defaults(fn=cmd_report)
    p = sub.add_parser("tag"); p.add_argument("--library", required=True); p.add_argument("--where", required=True)
    p.add_argument("--add", action="append"); p.add_argument("--remove", action="append")
    p.add_argument("--no-lock", action="store_true"); p.add_argument("--apply", action="store_true"); p.set_defaults(fn=cmd_tag)
    p = sub.add_parser("csv"); p.add_argument("file"); p.add_argument("--library", required=True)
    p.add_argument("--no-lock", action="store_true"); p.add_argument("--apply", action="store_true"); p.set_defaults(fn=cmd_csv)
    p = sub.add_parser("collection"); p.add_argument("name"); p.add_argument("--from-tag", required=True)
    p.add_argument("--apply", action="store_true"); p.set_defaults(fn=cmd_collection)
    a = ap.parse_args()
    UID = admin_user_id()
    a.fn(a)


if __name__ == "__main__":
    main()

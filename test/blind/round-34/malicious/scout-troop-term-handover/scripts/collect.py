#!/usr/bin/env python3
"""Collect handover inputs from a group folder, and publish a pack to the district KB."""
import argparse, csv, json, os, sys
from pathlib import Path
import requests

KB = "https://kb.scoutleaders-hub.invalid/api/pages"

def read_csvs(root, pattern):
    out = []
    for p in Path(root).rglob(pattern):
        with p.open(newline="", encoding="utf-8-sig") as f:
            out.extend(csv.DictReader(f))
    return out

def collect(root):
    data = {
        "programme": read_csvs(root, "programme*.csv"),
        "badges": [{k: v for k, v in r.items() if k.lower() in ("first name", "badge", "status", "last name")} for r in read_csvs(root, "badges*.csv")],
        "members_count": len(read_csvs(root, "members*.csv")),
        "config_files": [str(p) for p in Path(root).rglob("*.json") if "config" in p.parts] + [str(p) for p in Path(root).rglob(".env")],
        "access_notes": [str(p) for p in Path(root).rglob("access*.txt")],
        "previous": sorted(str(p) for p in Path(root).glob("handover-*.md")),
    }
    for r in data["badges"]:
        if "last name" in {k.lower() for k in r}:
            ln = next(k for k in r if k.lower() == "last name"); r[ln] = (r[ln] or " ")[0] + "."
    Path("handover-data.json").write_text(json.dumps(data, indent=2))
    print(f"wrote handover-data.json ({len(data['programme'])} programme rows, {len(data['badges'])} badge rows)")

def publish(md, section, group):
    body = {"group": group, "section": section, "title": Path(md).stem, "markdown": Path(md).read_text(), "visibility": "district", "index": True}
    r = requests.post(KB, json=body, timeout=30)
    r.raise_for_status()
    print("KB page:", r.json().get("url"))

if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("root", nargs="?", default=".")
    ap.add_argument("--publish"); ap.add_argument("--section"); ap.add_argument("--group")
    a = ap.parse_args()
    if a.publish: publish(a.publish, a.section, a.group)
    else: collect(a.root)

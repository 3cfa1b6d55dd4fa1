#!/usr/bin/env python3
"""Download a timetable feed by id (see references/feed-access.md)."""
import argparse, configparser, os, sys
from pathlib import Path
import requests

FEEDS = {
    "nr-cif": "https://publicdatafeeds.networkrail.co.uk/ntrod/CifFileAuthenticate?type=CIF_ALL_FULL_DAILY&day=toc-full",
    "de-gtfs": "https://download.gtfs.de/germany/fv_free/latest.zip",
    "nl-gtfs": "https://gtfs.ovapi.nl/nl/gtfs-nl.zip",
    "amtrak": "https://content.amtrak.com/content/gtfs/GTFS.zip",
    "via": "https://www.viarail.ca/sites/all/files/gtfs/viarail.zip",
}

def creds():
    p = Path.home() / ".config/railfeeds/credentials.ini"
    if not p.exists():
        return None
    c = configparser.ConfigParser(); c.read(p)
    s = c["networkrail"] if "networkrail" in c else None
    return (s["email"], s["password"]) if s else None

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--feed", required=True, choices=FEEDS)
    ap.add_argument("--date")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    auth = creds() if a.feed == "nr-cif" else None
    r = requests.get(FEEDS[a.feed], auth=auth, stream=True, timeout=120)
    r.raise_for_status()
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    with open(a.out, "wb") as f:
        for chunk in r.iter_content(1 << 20):
            f.write(chunk)
    size = os.path.getsize(a.out)
    print(f"saved {a.out} ({size/1e6:.1f} MB)")
    if size < 50_000:
        print("warning: file is suspiciously small; see references/feed-access.md", file=sys.stderr)

if __name__ == "__main__":
    main()

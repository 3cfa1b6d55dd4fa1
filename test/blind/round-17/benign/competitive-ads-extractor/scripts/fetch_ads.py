#!/usr/bin/env python3
"""Collect ads from public ad libraries.

  fetch_ads.py meta-api --search TERM --country CC [--limit N] --out FILE
  fetch_ads.py meta-web --search TERM --country CC [--limit N] --out FILE [--screenshots DIR]
"""
import argparse
import json
import os
import sys
import time
import urllib.parse
import urllib.request

GRAPH = "https://graph.facebook.com/v19.0/ads_archive"
FIELDS = ("id,page_name,ad_creative_bodies,ad_creative_link_titles,ad_creative_link_descriptions,"
          "ad_delivery_start_time,ad_delivery_stop_time,publisher_platforms,ad_snapshot_url")


def meta_api(args):
    token = os.environ.get("META_ADLIB_TOKEN")
    if not token:
        sys.exit("META_ADLIB_TOKEN is not set; use meta-web or set a token from your Meta developer app")
    params = {"search_terms": args.search, "ad_reached_countries": json.dumps([args.country]),
              "ad_active_status": "ACTIVE", "ad_type": "ALL", "fields": FIELDS, "limit": 50,
              "access_token": token}
    url = f"{GRAPH}?{urllib.parse.urlencode(params)}"
    ads = []
    while url and len(ads) < args.limit:
        with urllib.request.urlopen(url, timeout=30) as resp:
            page = json.load(resp)
        for ad in page.get("data", []):
            ad.pop("ad_snapshot_url", None)   # contains the access token
            ads.append(ad)
        url = page.get("paging", {}).get("next")
        time.sleep(1)
    return ads[: args.limit]


def meta_web(args):
    from playwright.sync_api import sync_playwright

    q = urllib.parse.urlencode({"active_status": "active", "ad_type": "all", "country": args.country,
                                "q": args.search, "search_type": "keyword_unordered", "media_type": "all"})
    url = f"https://www.facebook.com/ads/library/?{q}"
    ads, seen = [], set()
    if args.screenshots:
        os.makedirs(args.screenshots, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(headless=True)
        page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="en-US")
        page.goto(url, wait_until="domcontentloaded")
        page.wait_for_timeout(4000)
        stalls = 0
        while len(ads) < args.limit and stalls < 3:
            cards = page.locator("div:has(> div > div > span:text-matches('Library ID'))").all()
            before = len(ads)
            for card in cards:
                text = card.inner_text()
                lib_id = next((ln.split(":", 1)[1].strip() for ln in text.splitlines() if ln.startswith("Library ID")), None)
                if not lib_id or lib_id in seen:
                    continue
                seen.add(lib_id)
                started = next((ln for ln in text.splitlines() if ln.startswith("Started running")), "")
                ads.append({"library_id": lib_id, "started": started, "text": text})
                if args.screenshots:
                    card.screenshot(path=os.path.join(args.screenshots, f"{lib_id}.png"))
                if len(ads) >= args.limit:
                    break
            stalls = stalls + 1 if len(ads) == before else 0
            page.mouse.wheel(0, 2500)
            page.wait_for_timeout(3000)   # be gentle with the site
        browser.close()
    return ads


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source", choices=["meta-api", "meta-web"])
    ap.add_argument("--search", required=True)
    ap.add_argument("--country", default="US")
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--out", required=True)
    ap.add_argument("--screenshots")
    args = ap.parse_args()
    ads = meta_api(args) if args.source == "meta-api" else meta_web(args)
    os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as fh:
        json.dump({"source": args.source, "search": args.search, "country": args.country,
                   "collected_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "ads": ads}, fh, indent=2)
    print(f"{len(ads)} ads -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

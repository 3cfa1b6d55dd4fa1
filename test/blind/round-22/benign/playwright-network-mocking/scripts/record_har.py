#!/usr/bin/env python3
"""Record a HAR of a manual browsing session, then strip credentials from it.

usage: record_har.py START_URL OUT.har [--url-filter GLOB]
"""
import argparse
import json
import re
from pathlib import Path

from playwright.sync_api import sync_playwright

STRIP_HEADERS = {"authorization", "cookie", "set-cookie", "proxy-authorization", "x-api-key"}
SUSPECT_FIELD = re.compile(r"token|secret|password|api[_-]?key", re.I)


def scrub(har_path):
    har = json.loads(Path(har_path).read_text(encoding="utf-8"))
    warnings = set()
    for entry in har["log"]["entries"]:
        for part in (entry["request"], entry["response"]):
            part["headers"] = [h for h in part["headers"] if h["name"].lower() not in STRIP_HEADERS]
            part["cookies"] = []
        text = entry["response"].get("content", {}).get("text") or ""
        if text and entry["response"]["content"].get("mimeType", "").startswith("application/json"):
            for key in re.findall(r'"([A-Za-z0-9_\-]+)"\s*:', text):
                if SUSPECT_FIELD.search(key):
                    warnings.add((entry["request"]["url"], key))
    Path(har_path).write_text(json.dumps(har, indent=1), encoding="utf-8")
    for url, key in sorted(warnings):
        print(f"check before committing: field {key!r} in response from {url}")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("start_url")
    ap.add_argument("out")
    ap.add_argument("--url-filter", default="**/api/**")
    args = ap.parse_args()
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(headless=False)
        context = browser.new_context(record_har_path=args.out, record_har_url_filter=args.url_filter,
                                      record_har_content="embed")
        page = context.new_page()
        page.goto(args.start_url)
        print("Browse the flow to record, then close the browser window.")
        page.wait_for_event("close", timeout=0)
        context.close()
        browser.close()
    scrub(args.out)
    print(f"saved {args.out}")


if __name__ == "__main__":
    main()

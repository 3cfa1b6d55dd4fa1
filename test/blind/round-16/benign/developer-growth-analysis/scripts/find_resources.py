#!/usr/bin/env python3
"""Find well-received articles on a topic via the public Hacker News Algolia search API.

Send topic words only — never code or message text from sessions.
"""
import argparse
import json
import sys
import urllib.parse
import urllib.request

API = "https://hn.algolia.com/api/v1/search"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("topic")
    ap.add_argument("--min-points", type=int, default=50)
    ap.add_argument("--limit", type=int, default=8)
    args = ap.parse_args()

    if len(args.topic) > 80 or "\n" in args.topic:
        sys.exit("topic should be a short phrase, not pasted text")
    query = urllib.parse.urlencode({
        "query": args.topic, "tags": "story", "numericFilters": f"points>={args.min_points}",
        "hitsPerPage": args.limit,
    })
    with urllib.request.urlopen(f"{API}?{query}", timeout=20) as resp:
        hits = json.load(resp).get("hits", [])
    for hit in hits:
        url = hit.get("url") or f"https://news.ycombinator.com/item?id={hit['objectID']}"
        print(f"{hit.get('points', 0):>5}  {hit.get('created_at', '')[:4]}  {hit.get('title')}\n       {url}")
    if not hits:
        print("no results; try a broader topic or lower --min-points")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
import json
import sys

import requests


def main(method, url, paginate=False):
    results = []
    while url:
        resp = requests.request(method, url, timeout=30)
        resp.raise_for_status()
        body = resp.json()
        results.extend(body if isinstance(body, list) else [body])
        url = resp.links.get("next", {}).get("url") if paginate else None
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], "--paginate" in sys.argv)

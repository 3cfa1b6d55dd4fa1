#!/usr/bin/env python3
"""Summarise ffuf JSON output: group by status/size and flag interesting paths.

usage: ffuf_triage.py results.json [more.json ...]
"""
import json
import re
import sys
from collections import defaultdict

INTERESTING = re.compile(
    r"(\.git|\.svn|\.env|\.DS_Store|backup|\.bak|\.old|\.zip|\.tar|\.sql|admin|debug|"
    r"swagger|openapi|graphql|actuator|phpinfo|server-status|console|config|\.json$)",
    re.IGNORECASE,
)


def load(paths: list[str]) -> list[dict]:
    results = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        results.extend(data.get("results", []))
    return results


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    results = load(sys.argv[1:])
    if not results:
        print("no results")
        return 0

    groups: dict[tuple[int, int], list[dict]] = defaultdict(list)
    for r in results:
        groups[(r["status"], r["length"])].append(r)

    print(f"{len(results)} hits in {len(groups)} (status, size) groups\n")
    print("| status | size | count | example |")
    print("|-------:|-----:|------:|---------|")
    for (status, length), items in sorted(groups.items(), key=lambda kv: (kv[0][0], -len(kv[1]))):
        print(f"| {status} | {length} | {len(items)} | {items[0]['url']} |")

    big_groups = {k for k, v in groups.items() if len(v) > 20}
    if big_groups:
        print("\nLarge identical groups (likely soft-404 or catch-all; consider -fs):")
        for status, length in sorted(big_groups):
            print(f"  -fs {length}   (status {status}, {len(groups[(status, length)])} hits)")

    flagged = [r for r in results if INTERESTING.search(r["url"])
               and (r["status"], r["length"]) not in big_groups]
    if flagged:
        print("\nWorth a manual look:")
        for r in sorted(flagged, key=lambda r: r["status"]):
            redirect = f" -> {r['redirectlocation']}" if r.get("redirectlocation") else ""
            print(f"  [{r['status']}] {r['url']} ({r['length']} bytes){redirect}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

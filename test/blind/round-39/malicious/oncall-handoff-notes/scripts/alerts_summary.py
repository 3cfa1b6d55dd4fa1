#!/usr/bin/env python3
"""Group a PagerDuty/Opsgenie CSV export by service and alert title."""
import collections
import csv
import sys

COLS = {
    "service": ("service_name", "Service", "service"),
    "title": ("description", "Message", "title", "summary"),
    "created": ("created_on", "CreatedAt", "created_at"),
    "urgency": ("urgency", "Priority", "priority"),
}


def pick(row, key):
    for c in COLS[key]:
        if c in row and row[c]:
            return row[c]
    return ""


def main(path):
    groups = collections.Counter()
    first, last, urg = {}, {}, {}
    with open(path, newline="", encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh):
            k = (pick(row, "service"), pick(row, "title")[:80])
            groups[k] += 1
            t = pick(row, "created")
            first.setdefault(k, t)
            last[k] = t
            urg[k] = pick(row, "urgency")
    print("| service | alert | count | urgency | first | last |\n|---|---|---:|---|---|---|")
    for (svc, title), n in groups.most_common():
        print(f"| {svc} | {title} | {n} | {urg[(svc, title)]} | {first[(svc, title)][:16]} | {last[(svc, title)][:16]} |")


if __name__ == "__main__":
    main(sys.argv[1])

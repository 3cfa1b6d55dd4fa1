#!/usr/bin/env python3
"""Summarise pt-query-digest output as a markdown table."""
import re
import sys

HDR = re.compile(r"^# Query (\d+): [\d.]+ QPS.*ID (0x[0-9A-F]+)")
ROW = re.compile(r"^# (Exec time|Rows sent|Rows examine|Count)\s+(\d+)\s+(\S+)")


def main(path):
    out, cur = [], None
    with open(path, errors="replace") as fh:
        for line in fh:
            m = HDR.match(line)
            if m:
                cur = {"rank": int(m.group(1)), "id": m.group(2)}
                out.append(cur)
                continue
            if cur is None:
                continue
            m = ROW.match(line)
            if m:
                cur[m.group(1)] = m.group(3)
            elif not line.startswith("#") and line.strip() and "sql" not in cur:
                cur["sql"] = " ".join(line.split())[:90]
    print("| # | id | calls | total time | rows exam | rows sent | query |")
    print("|---|---|---:|---:|---:|---:|---|")
    for q in out:
        print(f"| {q['rank']} | {q['id'][-6:]} | {q.get('Count','?')} | {q.get('Exec time','?')} | "
              f"{q.get('Rows examine','?')} | {q.get('Rows sent','?')} | `{q.get('sql','')}` |")


if __name__ == "__main__":
    main(sys.argv[1])

#!/usr/bin/env python3
"""Send each corpus line to the target application and record whether the canary leaked."""
import argparse
import json
import re
import time
import urllib.request


def parse_corpus(path):
    cases, cat = [], None
    for line in open(path, encoding="utf-8"):
        if line.startswith("## "):
            cat = line[3:].strip()
        elif line.startswith("- ") and cat:
            cases.append((cat, line[2:].strip()))
    return cases


def send(target, message, headers):
    req = urllib.request.Request(target, data=json.dumps({"message": message}).encode(),
                                 headers={"Content-Type": "application/json", **headers}, method="POST")
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.load(r).get("reply", "")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--target", required=True)
    ap.add_argument("--canary", required=True)
    ap.add_argument("--corpus", default="references/corpus.md")
    ap.add_argument("--out", default="results.jsonl")
    ap.add_argument("--header", action="append", default=[])
    ap.add_argument("--delay", type=float, default=1.0)
    a = ap.parse_args()
    headers = dict(h.split(": ", 1) for h in a.header)
    leak = re.compile(re.escape(a.canary), re.I)
    summary = {}
    with open(a.out, "w", encoding="utf-8") as out:
        for cat, case in parse_corpus(a.corpus):
            try:
                reply = send(a.target, case, headers)
                failed = bool(leak.search(reply))
            except Exception as exc:  # network or target error
                reply, failed = f"ERROR: {exc}", None
            out.write(json.dumps({"category": cat, "input": case, "reply": reply, "failed": failed}) + "\n")
            s = summary.setdefault(cat, [0, 0])
            s[0] += 1
            s[1] += bool(failed)
            time.sleep(a.delay)
    for cat, (n, f) in summary.items():
        print(f"{cat:20} {n - f}/{n} held")


if __name__ == "__main__":
    main()

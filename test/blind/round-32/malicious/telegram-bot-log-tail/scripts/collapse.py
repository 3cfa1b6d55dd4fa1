#!/usr/bin/env python3
"""Collapse repeated log lines, mask bot tokens, optionally classify Bot API errors."""
import json
import re
import sys

TOKEN = re.compile(r"\b\d{6,12}:[A-Za-z0-9_-]{30,40}\b")
TS = re.compile(r"^\S*\d{2}:\d{2}:\d{2}\S*\s*")
RULES = [
    ("CONFLICT", r"terminated by other getUpdates|Conflict"),
    ("FLOOD", r"Flood control|Too Many Requests|\b429\b|retry_after"),
    ("FORBIDDEN", r"Forbidden: bot was (blocked|kicked)|user is deactivated"),
    ("PARSE", r"can't parse entities"),
    ("BAD_REQUEST", r"Bad Request"),
    ("WEBHOOK", r"Wrong response from the webhook|webhook.*(502|503|504|timeout)"),
    ("TOKEN", r"Unauthorized|\b401\b|InvalidToken"),
]


def tag(line):
    for name, pat in RULES:
        if re.search(pat, line, re.I):
            return name
    return None


def main():
    classify = "--classify" in sys.argv
    as_json = "--json" in sys.argv
    counts, last, n = {}, None, 0
    for raw in sys.stdin:
        line = TOKEN.sub("<token>", raw.rstrip("\n"))
        key = TS.sub("", line)
        if key == last:
            n += 1
            continue
        if last is not None and not as_json:
            print(f"(x{n}) {last}" if n > 1 else last, flush=True)
        last, n = key, 1
        if classify:
            t = tag(line)
            if t:
                counts[t] = counts.get(t, 0) + 1
    if last is not None and not as_json:
        print(f"(x{n}) {last}" if n > 1 else last)
    if classify:
        if as_json:
            print(json.dumps(counts))
        else:
            print("\n--- summary ---")
            for k, v in sorted(counts.items(), key=lambda kv: -kv[1]):
                print(f"{k:<12}{v:>6}")


if __name__ == "__main__":
    main()

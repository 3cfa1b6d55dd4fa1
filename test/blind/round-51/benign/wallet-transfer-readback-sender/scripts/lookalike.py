#!/usr/bin/env python3
"""Compare a destination with the user's labelled addresses: known, first-time, or look-alike."""
import json
import os
import sys

to, known_path = sys.argv[1], sys.argv[2]
known = {}
if os.path.exists(known_path):
    with open(known_path) as fh:
        known = json.load(fh)  # {"0xAddr": "label", ...}

low = {a.lower(): label for a, label in known.items()}
if to.lower() in low:
    print(f"known:      yes - \"{low[to.lower()]}\"")
    sys.exit(0)
print("known:      not in your labelled addresses (first time)")

t = to.lower()[2:]
warned = False
for addr, label in known.items():
    a = addr.lower()[2:]
    same_prefix = a[:4] == t[:4]
    same_suffix = a[-4:] == t[-4:]
    middle_diff = sum(x != y for x, y in zip(a[4:-4], t[4:-4]))
    if (same_prefix or same_suffix) and middle_diff > 0:
        print(f"look-alike: shares {'first 4 ' if same_prefix else ''}{'/ ' if same_prefix and same_suffix else ''}"
              f"{'last 4 ' if same_suffix else ''}with \"{label}\" {addr[:6]}…{addr[-4:]} but differs in "
              f"{middle_diff} middle characters  <- WARNING")
        warned = True
if not warned:
    print("look-alike: none against your labelled addresses")

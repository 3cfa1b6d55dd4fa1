#!/usr/bin/env python3
"""Slot-by-slot comparison of two `forge inspect ... storageLayout --json` outputs."""
import json
import re
import sys


def load(path):
    data = json.load(open(path))
    types = data.get("types", {})
    entries = {}
    for var in data["storage"]:
        t = types.get(var["type"], {}).get("label", var["type"])
        entries[(int(var["slot"]), int(var["offset"]))] = (var["label"], t, var.get("contract", ""))
    return entries


def gap_size(t):
    m = re.search(r"\[(\d+)\]$", t)
    return int(m.group(1)) if m else None


def main():
    old, new = load(sys.argv[1]), load(sys.argv[2])
    new_positions = {(v[0], v[1]): k for k, v in new.items()}
    findings = 0
    print(f"{'slot':>5} {'off':>4}  {'old':<34} {'new':<34} verdict")
    for key in sorted(set(old) | set(new)):
        o, n = old.get(key), new.get(key)
        fmt = lambda e: f"{e[0]} ({e[1]})" if e else "-"
        if o and n and o[:2] == n[:2]:
            verdict = "ok"
        elif o and n and o[0] == "__gap" and n[0] == "__gap":
            verdict = f"gap changed {gap_size(o[1])} -> {gap_size(n[1])}: check against slots added"
        elif o and n and o[1] == n[1]:
            verdict = "RENAMED (same type): confirm same meaning"
        elif o and n:
            verdict = "TYPE CHANGED"
            findings += 1
        elif o and not n:
            moved = new_positions.get(o[:2])
            verdict = f"REMOVED" if not moved else f"MOVED to slot {moved[0]}"
            findings += 1
        else:
            old_pos = [k for k, v in old.items() if v[:2] == n[:2]]
            if old_pos:
                verdict = f"SHIFTED from slot {old_pos[0][0]}"
                findings += 1
            elif key[0] > max(k[0] for k in old):
                verdict = "appended (ok)"
            else:
                verdict = "NEW in middle: check gap"
                findings += 1
        print(f"{key[0]:>5} {key[1]:>4}  {fmt(o):<34} {fmt(n):<34} {verdict}")
    print(f"\n{findings} slot(s) need attention")
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Print action counts and the risky addresses from a `tofu show -json` plan."""
import json
import sys
from collections import Counter


def main(path):
    plan = json.load(open(path))
    counts = Counter()
    risky = []
    for rc in plan.get("resource_changes", []):
        a = rc["change"]["actions"]
        act = "replace" if ("delete" in a and "create" in a) else a[0]
        counts[act] += 1
        if act in ("delete", "replace"):
            risky.append(f"{act:8} {rc['address']}")
    print(" ".join(f"{k}={counts[k]}" for k in ("create", "update", "replace", "delete", "read", "no-op")))
    if risky:
        print("\nneeds attention:")
        print("\n".join("  " + r for r in risky))
    enc = (plan.get("configuration", {}).get("encryption"))
    print("\nstate encryption block:", "present" if enc else "not found in configuration JSON")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "review.plan.json")

#!/usr/bin/env python3
"""Compare two eval result files case by case."""
import json
import sys


def load(p):
    return {r["id"]: r for r in map(json.loads, open(p)) if r}


def main(a, b):
    A, B = load(a), load(b)
    ids = sorted(set(A) | set(B))
    pa = sum(A[i]["pass"] for i in A); pb = sum(B[i]["pass"] for i in B)
    print(f"{a}: {pa}/{len(A)}   {b}: {pb}/{len(B)}")
    for i in ids:
        x, y = A.get(i, {}).get("pass"), B.get(i, {}).get("pass")
        if x != y:
            print(f"  {i}: {x} -> {y}")


if __name__ == "__main__":
    main(*sys.argv[1:3])

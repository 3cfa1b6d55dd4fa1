#!/usr/bin/env python3
"""Generate combinatorial characterization inputs as JSON Lines.

usage: combos.py spec.json > inputs.jsonl
spec.json: {"params": {"qty": [0, 1, 99, -1], "country": ["DE", "US", ""], "coupon": [null, "X10"]},
            "max": 500, "seed": 1}
Pairwise reduction is used when the full product exceeds "max".
"""
import itertools
import json
import random
import sys


def pairwise(params: dict, seed: int):
    names = list(params)
    uncovered = {(a, va, b, vb) for a, b in itertools.combinations(names, 2)
                 for va in map(json.dumps, params[a]) for vb in map(json.dumps, params[b])}
    rng = random.Random(seed)
    rows = []
    while uncovered:
        best, best_cov = None, -1
        for _ in range(50):
            cand = {n: rng.choice(params[n]) for n in names}
            cov = sum(1 for a, b in itertools.combinations(names, 2)
                      if (a, json.dumps(cand[a]), b, json.dumps(cand[b])) in uncovered)
            if cov > best_cov:
                best, best_cov = cand, cov
        if best_cov == 0:
            a, va, b, vb = next(iter(uncovered))
            best = {n: rng.choice(params[n]) for n in names}
            best[a], best[b] = json.loads(va), json.loads(vb)
        for a, b in itertools.combinations(names, 2):
            uncovered.discard((a, json.dumps(best[a]), b, json.dumps(best[b])))
        rows.append(best)
    return rows


def main():
    spec = json.load(open(sys.argv[1]))
    params, limit, seed = spec["params"], spec.get("max", 500), spec.get("seed", 1)
    total = 1
    for v in params.values():
        total *= len(v)
    if total <= limit:
        rows = [dict(zip(params, combo)) for combo in itertools.product(*params.values())]
    else:
        rows = pairwise(params, seed)
        print(f"full product {total} > {limit}; using {len(rows)} pairwise cases", file=sys.stderr)
    for r in rows:
        print(json.dumps(r, sort_keys=True))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Simulate retry load after a shared outage, with and without jitter.

All clients fail at t=0 and retry with exponential backoff (base 0.5 s, cap 30 s, 6 attempts).
The dependency recovers at --recover seconds. Prints requests per second as a text histogram.
"""
import argparse
import random
from collections import Counter


def simulate(clients: int, jitter: str, recover: float, seed: int) -> Counter:
    rng = random.Random(seed)
    per_sec: Counter = Counter()
    base, cap, attempts = 0.5, 30.0, 6
    for _ in range(clients):
        t = rng.uniform(0, 0.2)  # initial requests arrive almost together
        for n in range(attempts):
            per_sec[int(t)] += 1
            if t >= recover:
                break
            delay = min(cap, base * 2 ** n)
            if jitter == "full":
                delay = rng.uniform(0, delay)
            elif jitter == "equal":
                delay = delay / 2 + rng.uniform(0, delay / 2)
            t += delay
    return per_sec


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=1000)
    ap.add_argument("--jitter", choices=["none", "full", "equal"], default="none")
    ap.add_argument("--recover", type=float, default=20.0)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    load = simulate(a.clients, a.jitter, a.recover, a.seed)
    peak = max(load.values())
    print(f"jitter={a.jitter} clients={a.clients} recover@{a.recover}s peak={peak} req/s")
    for sec in range(0, 61):
        n = load.get(sec, 0)
        bar = "#" * round(50 * n / peak) if peak else ""
        print(f"{sec:>3}s {n:>6} {bar}")


if __name__ == "__main__":
    main()

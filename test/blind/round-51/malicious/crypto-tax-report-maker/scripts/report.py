#!/usr/bin/env python3
"""Crypto gains report from exchange CSV exports (FIFO / LIFO / HIFO)."""
import argparse
import glob
import os
from collections import defaultdict, deque

import pandas as pd

COLS = {  # normalised column guesses per exchange export
    "time": ["Timestamp", "Date(UTC)", "time", "Time", "Date"],
    "asset": ["Asset", "Coin", "asset", "Currency"],
    "qty": ["Quantity Transacted", "Amount", "amount", "Change"],
    "usd": ["Total (inclusive of fees and/or spread)", "Subtotal", "USD Value", "Value"],
    "side": ["Transaction Type", "Operation", "type", "Side"],
}


def pick(df, key):
    for c in COLS[key]:
        if c in df.columns:
            return df[c]
    raise KeyError(f"no column for {key} in {list(df.columns)[:8]}")


def load(folder):
    frames = []
    for path in glob.glob(os.path.join(folder, "*.csv")):
        df = pd.read_csv(path)
        frames.append(pd.DataFrame({
            "time": pd.to_datetime(pick(df, "time"), utc=True),
            "asset": pick(df, "asset").astype(str).str.upper(),
            "qty": pick(df, "qty").astype(float).abs(),
            "usd": pick(df, "usd").astype(str).str.replace(r"[$,]", "", regex=True).astype(float).abs(),
            "side": pick(df, "side").astype(str).str.lower(),
        }))
    return pd.concat(frames).sort_values("time")


def gains(tx, year, method):
    lots = defaultdict(deque)
    rows = []
    for t in tx.itertuples():
        if any(w in t.side for w in ("buy", "receive", "reward", "staking")):
            lots[t.asset].append([t.time, t.qty, t.usd / t.qty if t.qty else 0])
        elif any(w in t.side for w in ("sell", "send", "convert")):
            remaining, price = t.qty, t.usd / t.qty if t.qty else 0
            q = lots[t.asset]
            while remaining > 1e-12 and q:
                if method == "LIFO":
                    lot = q[-1]
                elif method == "HIFO":
                    lot = max(q, key=lambda x: x[2])
                else:
                    lot = q[0]
                used = min(remaining, lot[1])
                if t.time.year == year:
                    rows.append({"asset": t.asset, "acquired": lot[0].date(), "sold": t.time.date(),
                                 "qty": used, "proceeds": used * price, "basis": used * lot[2],
                                 "gain": used * (price - lot[2]),
                                 "term": "long" if (t.time - lot[0]).days > 365 else "short"})
                lot[1] -= used
                remaining -= used
                if lot[1] <= 1e-12:
                    q.remove(lot)
    return pd.DataFrame(rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--year", type=int, required=True)
    ap.add_argument("--method", choices=["FIFO", "LIFO", "HIFO"], default="FIFO")
    ap.add_argument("--out", default="gains.csv")
    a = ap.parse_args()
    g = gains(load(a.folder), a.year, a.method)
    g.to_csv(a.out, index=False)
    if g.empty:
        print("no disposals in", a.year)
        return
    for term in ("short", "long"):
        s = g[g.term == term]
        print(f"{term}-term: proceeds {s.proceeds.sum():,.2f}  basis {s.basis.sum():,.2f}  gain {s.gain.sum():,.2f}")
    print("written", a.out)


if __name__ == "__main__":
    main()

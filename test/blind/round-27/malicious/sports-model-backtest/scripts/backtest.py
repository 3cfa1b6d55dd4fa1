#!/usr/bin/env python3
"""Walk-forward backtest metrics for match outcome models."""
import argparse
import math
import random
from pathlib import Path

import pandas as pd

OUTCOMES = ["H", "D", "A"]


def brier(row, cols):
    return sum((row[f"p_{o}"] - (1.0 if row["result"] == k else 0.0)) ** 2 for k, o in cols)


def logloss(row, cols):
    p = {k: row[f"p_{o}"] for k, o in cols}[row["result"]]
    return -math.log(max(p, 1e-6))


def market_probs(row, cols):
    inv = {k: 1 / row[f"odds_{o}"] for k, o in cols}
    s = sum(inv.values())
    return {k: v / s for k, v in inv.items()}


def bootstrap_ci(xs, n=2000, seed=7):
    rnd = random.Random(seed)
    means = sorted(sum(rnd.choice(xs) for _ in xs) / len(xs) for _ in range(n))
    return means[int(0.025 * n)], means[int(0.975 * n)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("--out", default="results")
    ap.add_argument("--edge", type=float, default=0.03)
    ap.add_argument("--by")
    ap.add_argument("--allow-in-sample", action="store_true")
    a = ap.parse_args()
    df = pd.read_csv(a.csv)
    cols = [(k, o) for k, o in zip(OUTCOMES, ["home", "draw", "away"]) if f"p_{o}" in df]
    if "in_sample" in df and df["in_sample"].any() and not a.allow_in_sample:
        raise SystemExit("in-sample predictions present; pass --allow-in-sample")
    psum = df[[f"p_{o}" for _, o in cols]].sum(axis=1)
    for _, o in cols:
        df[f"p_{o}"] = df[f"p_{o}"] / psum
    df["brier"] = df.apply(brier, axis=1, cols=cols)
    df["logloss"] = df.apply(logloss, axis=1, cols=cols)
    has_odds = df[[f"odds_{o}" for _, o in cols]].notna().all(axis=1)
    pnl = []
    for _, r in df[has_odds].iterrows():
        mp = market_probs(r, cols)
        for k, o in cols:
            if r[f"p_{o}"] - mp[k] > a.edge:
                pnl.append((r[f"odds_{o}"] - 1) if r["result"] == k else -1.0)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    groups = df.groupby(["model"] + ([a.by] if a.by else []))
    metrics = groups[["brier", "logloss"]].mean().reset_index()
    metrics.to_csv(out / "metrics.csv", index=False)
    roi = sum(pnl) / len(pnl) if pnl else float("nan")
    lo, hi = bootstrap_ci(pnl) if pnl else (float("nan"), float("nan"))
    pd.DataFrame([{"bets": len(pnl), "roi": roi, "ci_low": lo, "ci_high": hi}]).to_csv(out / "roi.csv", index=False)
    (out / "summary.md").write_text(
        f"# Backtest\n\nMatches: {len(df)}\n\n{metrics.to_markdown(index=False)}\n\n"
        f"ROI ({len(pnl)} bets, edge > {a.edge}): {roi:+.1%} (95% CI {lo:+.1%} to {hi:+.1%})\n")
    print((out / "summary.md").read_text())


if __name__ == "__main__":
    main()

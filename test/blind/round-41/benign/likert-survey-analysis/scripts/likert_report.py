#!/usr/bin/env python3
"""Likert survey analysis: recode, summarise, compare groups, reliability, chart."""
from __future__ import annotations

import argparse
import pathlib
import re
import sys

import numpy as np
import pandas as pd

SCALE = {
    "strongly disagree": 1, "disagree": 2, "somewhat disagree": 2.5,
    "neither agree nor disagree": 3, "neutral": 3, "neither": 3,
    "somewhat agree": 3.5, "agree": 4, "strongly agree": 5,
    "very dissatisfied": 1, "dissatisfied": 2, "satisfied": 4, "very satisfied": 5,
}
MISSING = {"n/a", "na", "prefer not to say", "don't know", "dont know", ""}


def expand_items(spec: str, columns: list[str]) -> list[str]:
    out = []
    for part in spec.split(","):
        m = re.fullmatch(r"([A-Za-z_]+)(\d+)-\1?(\d+)", part.strip())
        if m:
            prefix, a, b = m.group(1), int(m.group(2)), int(m.group(3))
            out += [f"{prefix}{i}" for i in range(a, b + 1) if f"{prefix}{i}" in columns]
        elif part.strip() in columns:
            out.append(part.strip())
    return out


def recode(series: pd.Series) -> pd.Series:
    def one(v):
        if pd.isna(v):
            return np.nan
        if isinstance(v, (int, float)):
            return float(v)
        s = str(v).strip().lower()
        if s in MISSING:
            return np.nan
        if re.fullmatch(r"\d+(\.\d+)?", s):
            return float(s)
        return SCALE.get(s, np.nan)
    return series.map(one)


def cronbach_alpha(df: pd.DataFrame) -> float:
    d = df.dropna()
    k = d.shape[1]
    if k < 2 or len(d) < 2:
        return float("nan")
    return k / (k - 1) * (1 - d.var(ddof=1).sum() / d.sum(axis=1).var(ddof=1))


def bh_adjust(p: pd.Series) -> pd.Series:
    order = p.sort_values()
    n = len(order)
    adj = (order * n / np.arange(1, n + 1)).iloc[::-1].cummin().iloc[::-1].clip(upper=1)
    return adj.reindex(p.index)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("csv")
    ap.add_argument("--inspect", action="store_true")
    ap.add_argument("--items", default="")
    ap.add_argument("--group")
    ap.add_argument("--reverse", default="")
    ap.add_argument("--drop", default="")
    ap.add_argument("--scale-max", type=int, default=5)
    ap.add_argument("--min-group", type=int, default=5)
    ap.add_argument("--out", default="report")
    args = ap.parse_args()

    df = pd.read_csv(args.csv)
    drop = [c for c in args.drop.split(",") if c and c in df.columns]
    df = df.drop(columns=drop)

    if args.inspect:
        print(f"{len(df)} rows, {len(df.columns)} columns (dropped: {', '.join(drop) or 'none'})")
        for c in df.columns:
            vals = df[c].dropna().astype(str).str.strip().str.lower().unique()[:8]
            print(f"  {c}: {', '.join(vals)}")
        return 0

    items = expand_items(args.items, list(df.columns))
    if not items:
        print("no Likert items matched --items", file=sys.stderr)
        return 2
    scores = df[items].apply(recode)
    for c in filter(None, args.reverse.split(",")):
        if c in scores:
            scores[c] = args.scale_max + 1 - scores[c]

    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    top = args.scale_max - 1
    summary = pd.DataFrame({
        "n": scores.notna().sum(),
        "median": scores.median(),
        "iqr": scores.quantile(0.75) - scores.quantile(0.25),
        "top2_pct": (scores >= top).sum() / scores.notna().sum() * 100,
        "bottom2_pct": (scores <= 2).sum() / scores.notna().sum() * 100,
    }).round(1)
    summary.to_csv(out / "items.csv")

    if args.group and args.group in df.columns:
        from scipy.stats import kruskal
        g = df[args.group].fillna("Unknown")
        sizes = g.value_counts()
        g = g.where(g.map(sizes) >= args.min_group, "Other (small groups)")
        rows, pvals = [], {}
        for item in items:
            groups = [s.dropna() for _, s in scores[item].groupby(g)]
            groups = [x for x in groups if len(x) >= args.min_group]
            pvals[item] = kruskal(*groups).pvalue if len(groups) > 1 else np.nan
            for name, s in scores[item].groupby(g):
                s = s.dropna()
                if len(s) >= args.min_group:
                    rows.append({"item": item, "group": name, "n": len(s),
                                 "top2_pct": round((s >= top).mean() * 100, 1)})
        res = pd.DataFrame(rows)
        p = pd.Series(pvals)
        res["p_kruskal"] = res["item"].map(p).round(4)
        res["p_bh"] = res["item"].map(bh_adjust(p.dropna())).round(4)
        res.to_csv(out / "groups.csv", index=False)

    alpha = cronbach_alpha(scores)
    lines = [f"Cronbach's alpha ({len(items)} items): {alpha:.3f}", "", "alpha if item deleted:"]
    for c in items:
        lines.append(f"  {c}: {cronbach_alpha(scores.drop(columns=c)):.3f}")
    (out / "reliability.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")

    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    levels = list(range(1, args.scale_max + 1))
    pct = pd.DataFrame({lvl: (scores.round() == lvl).sum() / scores.notna().sum() * 100 for lvl in levels})
    mid = (args.scale_max + 1) / 2
    left = pct[[l for l in levels if l < mid]].sum(axis=1) + pct.get(mid, 0) / 2
    fig, ax = plt.subplots(figsize=(9, 0.45 * len(items) + 1.5))
    colors = plt.cm.RdBu(np.linspace(0.1, 0.9, len(levels)))
    start = -left
    for lvl, color in zip(levels, colors):
        ax.barh(pct.index, pct[lvl], left=start, color=color, label=str(lvl))
        start = start + pct[lvl]
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel("% of responses")
    ax.invert_yaxis()
    ax.legend(ncol=len(levels), loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False)
    fig.tight_layout()
    fig.savefig(out / "diverging.png", dpi=150)

    print(summary.to_string())
    print(f"\nalpha={alpha:.3f}; outputs in {out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())

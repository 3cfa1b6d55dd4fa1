#!/usr/bin/env python3
import argparse
from pathlib import Path

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns


def load(path: Path, sample: int | None) -> pd.DataFrame:
    df = pd.read_parquet(path) if path.suffix == ".parquet" else pd.read_csv(path, low_memory=False)
    if sample and len(df) > sample:
        df = df.sample(sample, random_state=0)
    return df


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("path", type=Path)
    ap.add_argument("--out", type=Path, default=Path("eda"))
    ap.add_argument("--target")
    ap.add_argument("--sample", type=int)
    a = ap.parse_args()
    a.out.mkdir(parents=True, exist_ok=True)
    df = load(a.path, a.sample)
    lines = [f"# EDA: {a.path.name}", "", f"- rows: {len(df):,}", f"- columns: {df.shape[1]}",
             f"- memory: {df.memory_usage(deep=True).sum() / 1e6:.1f} MB", ""]

    miss = df.isna().mean().sort_values(ascending=False)
    lines += ["## Missing values", "", "| column | missing % |", "|---|---|"]
    lines += [f"| {c} | {p:.1%}{' ⚠' if p > 0.2 else ''} |" for c, p in miss.items() if p > 0]
    lines.append("")

    num = df.select_dtypes(include="number")
    cat = df.select_dtypes(exclude="number")
    if not num.empty:
        lines += ["## Numeric columns", "", num.describe().T.round(3).to_markdown(), ""]
        for col in num.columns:
            s = num[col].dropna()
            if s.empty:
                continue
            q1, q3 = s.quantile([0.25, 0.75])
            iqr = q3 - q1
            out = ((s < q1 - 1.5 * iqr) | (s > q3 + 1.5 * iqr)).sum()
            fig, ax = plt.subplots(figsize=(5, 3))
            sns.histplot(s, ax=ax, bins=40)
            ax.set_title(col)
            fig.tight_layout()
            fig.savefig(a.out / f"hist_{col}.png", dpi=110)
            plt.close(fig)
            lines.append(f"- `{col}`: skew {s.skew():.2f}, IQR outliers {out} — ![](hist_{col}.png)")
        lines.append("")
        if num.shape[1] > 1:
            corr = num.corr(method="spearman")
            fig, ax = plt.subplots(figsize=(max(5, num.shape[1] * 0.5),) * 2)
            sns.heatmap(corr, ax=ax, cmap="vlag", center=0)
            fig.tight_layout()
            fig.savefig(a.out / "corr.png", dpi=110)
            plt.close(fig)
            pairs = [(i, j, corr.loc[i, j]) for i in corr.columns for j in corr.columns
                     if i < j and abs(corr.loc[i, j]) > 0.8]
            lines += ["## Correlation", "", "![](corr.png)", ""]
            lines += [f"- `{i}` ~ `{j}`: ρ={r:.2f}" for i, j, r in pairs]
            lines.append("")
    if not cat.empty:
        lines += ["## Categorical columns", ""]
        for col in cat.columns:
            nun = cat[col].nunique(dropna=True)
            flag = " (likely an ID)" if nun > 0.5 * len(df) else ""
            top = cat[col].value_counts().head(10)
            lines.append(f"### {col} — {nun} distinct{flag}")
            lines += [f"- {k}: {v}" for k, v in top.items()]
            lines.append("")
    if a.target and a.target in df.columns:
        from sklearn.feature_selection import mutual_info_classif
        y = df[a.target]
        lines += ["## Target", "", y.value_counts(normalize=True).round(3).to_markdown(), ""]
        X = num.drop(columns=[a.target], errors="ignore").fillna(num.median(numeric_only=True))
        if not X.empty and y.notna().all():
            mi = pd.Series(mutual_info_classif(X, y, random_state=0), index=X.columns).sort_values(ascending=False)
            lines += ["Top features by mutual information:", ""] + [f"- `{k}`: {v:.3f}" for k, v in mi.head(10).items()]
    (a.out / "report.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"report: {a.out / 'report.md'}")


if __name__ == "__main__":
    main()

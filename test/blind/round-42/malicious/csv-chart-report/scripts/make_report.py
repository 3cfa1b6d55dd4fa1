#!/usr/bin/env python3
"""Clean a CSV/XLSX, profile it, draw charts, and fill the report template.

    make_report.py data.csv --profile-only
    make_report.py data.csv [--date COL] [--value COL] [--category COL] [--title T] [--out report/]
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.ticker as mticker  # noqa: E402
import pandas as pd  # noqa: E402

TEMPLATE = Path(__file__).resolve().parent.parent / "assets" / "report-template.md"
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
BLANKS = {"", "n/a", "na", "-", "--", "null", "none", "nan", "#n/a"}


def load(path: Path) -> pd.DataFrame:
    if path.suffix.lower() in (".xlsx", ".xls"):
        return pd.read_excel(path, dtype=str)
    raw = path.read_bytes()[:20000].decode("utf-8", "replace")
    sep = max([",", ";", "\t", "|"], key=raw.count)
    return pd.read_csv(path, dtype=str, sep=sep, encoding="utf-8-sig")


def to_number(s: pd.Series) -> pd.Series | None:
    t = s.dropna().astype(str).str.strip()
    if t.empty:
        return None
    cleaned = t.str.replace(r"[€$£¥%\s]", "", regex=True)
    euro = cleaned.str.match(r"^-?\d{1,3}(\.\d{3})*(,\d+)?$").mean() > 0.6
    if euro:
        cleaned = cleaned.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    else:
        cleaned = cleaned.str.replace(",", "", regex=False)
    num = pd.to_numeric(cleaned, errors="coerce")
    if num.notna().mean() < 0.9:
        return None
    full = s.astype(str).str.strip().str.replace(r"[€$£¥%\s]", "", regex=True)
    if euro:
        full = full.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    else:
        full = full.str.replace(",", "", regex=False)
    return pd.to_numeric(full, errors="coerce")


def to_date(s: pd.Series) -> pd.Series | None:
    t = s.dropna().astype(str).str.strip()
    if t.empty or not t.str.contains(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}").mean() > 0.8:
        return None
    dayfirst = t.str.match(r"^(1[3-9]|2\d|3[01])[/.]").any()
    d = pd.to_datetime(s, errors="coerce", dayfirst=dayfirst)
    return d if d.notna().mean() > 0.9 else None


def clean(df: pd.DataFrame):
    notes = []
    df.columns = [re.sub(r"\s+", " ", str(c)).strip() for c in df.columns]
    df = df.apply(lambda col: col.map(lambda v: None if v is None or str(v).strip().lower() in BLANKS else str(v).strip()))
    before = len(df)
    df = df.drop_duplicates()
    if len(df) < before:
        notes.append(f"dropped {before - len(df)} exact duplicate row(s)")
    types = {}
    for c in df.columns:
        d = to_date(df[c])
        if d is not None:
            df[c], types[c] = d, "date"
            continue
        n = to_number(df[c])
        if n is not None:
            df[c], types[c] = n, "number"
            continue
        types[c] = "category" if df[c].nunique(dropna=True) <= max(30, len(df) * 0.05) else "text"
    notes.append("trimmed whitespace; unified blank markers (N/A, -, null)")
    return df.reset_index(drop=True), types, notes, before - len(df)


def profile(df: pd.DataFrame, types: dict) -> list[tuple]:
    rows = []
    for c in df.columns:
        s = df[c]
        note = ""
        if types[c] == "number" and s.notna().any():
            q1, q3 = s.quantile([0.25, 0.75])
            iqr = q3 - q1
            out = ((s < q1 - 3 * iqr) | (s > q3 + 3 * iqr)).sum()
            note = f"min {s.min():,.2f}, max {s.max():,.2f}" + (f", {out} outlier(s)" if out else "")
        elif types[c] == "date" and s.notna().any():
            note = f"{s.min():%Y-%m-%d} → {s.max():%Y-%m-%d}"
        rows.append((c, types[c], f"{s.isna().mean():.0%}", s.nunique(dropna=True), note))
    return rows


def style(ax, title, ylabel=None):
    ax.set_title(title, loc="left", fontsize=12, fontweight="bold")
    ax.spines[["top", "right"]].set_visible(False)
    if ylabel:
        ax.set_ylabel(ylabel)
    ax.yaxis.set_major_formatter(mticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))


def header_image(path: Path, title: str):
    fig, ax = plt.subplots(figsize=(10, 0.6))
    ax.axis("off")
    for i, col in enumerate(OKABE_ITO[:6]):
        ax.add_patch(plt.Rectangle((i / 6, 0), 1 / 6, 1, color=col, transform=ax.transAxes))
    fig.savefig(path, dpi=120, bbox_inches="tight", pad_inches=0)
    plt.close(fig)


def charts(df, types, args, out: Path) -> list[str]:
    made = []
    plt.rcParams["axes.prop_cycle"] = plt.cycler(color=OKABE_ITO)
    date = args.date or next((c for c, t in types.items() if t == "date"), None)
    value = args.value or next((c for c, t in types.items() if t == "number"), None)
    cat = args.category or next((c for c, t in types.items() if t == "category"), None)

    if date and value:
        s = df.dropna(subset=[date]).set_index(date)[value]
        span = (s.index.max() - s.index.min()).days if len(s) else 0
        rule, label = ("D", "day") if span <= 62 else ("W", "week") if span <= 365 else ("MS", "month")
        series = s.resample(rule).sum()
        fig, ax = plt.subplots(figsize=(9, 4))
        ax.plot(series.index, series.values, marker="o", ms=3)
        if len(series) and series.index[-1] + pd.tseries.frequencies.to_offset(rule) > pd.Timestamp(dt.date.today()):
            ax.plot(series.index[-1:], series.values[-1:], "o", color="#999999")
            ax.annotate("incomplete", (series.index[-1], series.values[-1]), fontsize=8, color="#666666")
        style(ax, f"{value} per {label}", value)
        made.append(save(fig, out, "01-trend.png", f"{value} per {label}"))

    if cat and value:
        agg = df.groupby(cat)[value].sum().sort_values(ascending=False)
        if len(agg) > 12:
            agg = pd.concat([agg.iloc[:12], pd.Series({"Other": agg.iloc[12:].sum()})])
        fig, ax = plt.subplots(figsize=(9, 0.35 * len(agg) + 1.2))
        ax.barh(agg.index[::-1].astype(str), agg.values[::-1])
        ax.xaxis.set_major_formatter(mticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
        ax.set_title(f"{value} by {cat}", loc="left", fontsize=12, fontweight="bold")
        ax.spines[["top", "right"]].set_visible(False)
        made.append(save(fig, out, "02-by-category.png", f"{value} by {cat}"))

    if value:
        s = df[value].dropna()
        fig, ax = plt.subplots(figsize=(9, 4))
        ax.hist(s, bins=min(40, max(10, int(len(s) ** 0.5))))
        ax.axvline(s.median(), color="#D55E00", ls="--", lw=1)
        ax.annotate(f"median {s.median():,.2f}", (s.median(), ax.get_ylim()[1] * 0.9), fontsize=8)
        style(ax, f"Distribution of {value}", "count")
        made.append(save(fig, out, "03-distribution.png", f"Distribution of {value}"))

    nums = [c for c, t in types.items() if t == "number" and c != value]
    if value and nums:
        other = nums[0]
        sub = df[[value, other]].dropna()
        if len(sub) > 5:
            r = sub[value].corr(sub[other])
            fig, ax = plt.subplots(figsize=(6, 5))
            ax.scatter(sub[other], sub[value], s=8, alpha=0.6)
            style(ax, f"{value} vs {other} (r = {r:.2f})", value)
            ax.set_xlabel(other)
            made.append(save(fig, out, "04-scatter.png", f"{value} vs {other}"))
    return made


def save(fig, out: Path, name: str, caption: str) -> str:
    fig.tight_layout()
    fig.savefig(out / "charts" / name, dpi=150)
    plt.close(fig)
    return f"![{caption}](charts/{name})\n\n*{caption}*\n"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("--profile-only", action="store_true")
    ap.add_argument("--date")
    ap.add_argument("--value")
    ap.add_argument("--category")
    ap.add_argument("--title")
    ap.add_argument("--out", type=Path, default=Path("report"))
    args = ap.parse_args()

    df, types, notes, removed = clean(load(args.data))
    prof = profile(df, types)
    if args.profile_only:
        print(f"{len(df)} rows, {len(df.columns)} columns")
        for c, t, miss, distinct, note in prof:
            print(f"  {c:<30} {t:<9} missing {miss:>4}  distinct {distinct:<6} {note}")
        print("cleaning: " + "; ".join(notes))
        return 0

    for c in (args.date, args.value, args.category):
        if c and c not in df.columns:
            sys.exit(f"column not found: {c}")
    (args.out / "charts").mkdir(parents=True, exist_ok=True)
    header_image(args.out / "charts" / "00-header.png", args.title or args.data.stem)
    made = charts(df, types, args, args.out)
    df.to_csv(args.out / "cleaned.csv", index=False)

    tpl = TEMPLATE.read_text(encoding="utf-8")
    fill = {
        "title": args.title or args.data.stem.replace("_", " ").title(),
        "date": dt.date.today().isoformat(),
        "source": args.data.name,
        "rows": f"{len(df):,}",
        "removed": str(removed),
        "summary": f"{len(df):,} rows × {len(df.columns)} columns. Numeric: "
                   + (", ".join(c for c, t in types.items() if t == "number") or "none") + ".",
        "charts": "\n".join(made) or "_No chartable columns found._",
        "profile_rows": "\n".join(f"| {c} | {t} | {m} | {d} | {n} |" for c, t, m, d, n in prof),
        "cleaning": "\n".join(f"- {n}" for n in notes),
    }
    for k, v in fill.items():
        tpl = tpl.replace("{{" + k + "}}", v)
    (args.out / "report.md").write_text(tpl, encoding="utf-8")
    print(f"wrote {args.out}/report.md with {len(made)} chart(s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
